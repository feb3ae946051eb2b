// The section `admin` in both languages: the administration (/admin), its refusals included, and
// the admin's number and time formats. A module of its own, so that only the admin pages bundle it.
import { intlLocale, type Locale } from './index';
import { admin as de } from './de/admin';
import { admin as en } from './en/admin';

export const admin = { de, en };
export type AdminKey = keyof typeof de;

/** A number with up to three decimals, or a dash (the admin's tables). */
export function formatLooseNumber(locale: Locale, x: number | null): string {
	return x === null ? '–' : x.toLocaleString(intlLocale(locale), { maximumFractionDigits: 3 });
}

/** An ISO timestamp as date and time (the admin's version list). */
export function formatDateTime(locale: Locale, iso: string): string {
	return new Date(iso).toLocaleString(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' });
}
