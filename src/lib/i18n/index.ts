// The one message layer, the same on server and client: sections of the catalogues (de.ts, en.ts),
// the translator with its placeholder filler, number, date and name formatting, and links that keep
// the language. A page bundles only the sections it passes to `translator` (the embed's budget).
import * as de from './de';
import * as en from './en';

export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'de';

/** One section of the catalogue in every language; English has the German keys by type. */
export interface Section<K extends string = string> {
	readonly de: { readonly [k in K]: string };
	readonly en: { readonly [k in K]: string };
}

// Object literals, not calls: a bundler drops every section no module imports.
export const core = { de: de.core, en: en.core };
export const atlas = { de: de.atlas, en: en.atlas };
export const analysis = { de: de.analysis, en: en.analysis };
export const admin = { de: de.admin, en: en.admin };
export const problems = { de: de.problems, en: en.problems };

/** The keys of one or more sections. */
export type KeyOf<S> = S extends { de: infer D } ? keyof D & string : never;
export type CoreKey = KeyOf<typeof core>;
export type AtlasKey = KeyOf<typeof atlas>;
export type AnalysisKey = KeyOf<typeof analysis>;
export type AdminKey = KeyOf<typeof admin>;
export type ProblemKey = KeyOf<typeof problems>;

export type Params = Record<string, string | number>;

/** `?lang=` as given, German for anything else. */
export function parseLocale(raw: string | null | undefined): Locale {
	return raw === 'en' ? 'en' : DEFAULT_LOCALE;
}

/** The language a page's URL asks for (pages follow `?lang=` only: the URL is the view's state). */
export const urlLocale = (url: URL): Locale => parseLocale(url.searchParams.get('lang'));

/** A text with its {name} placeholders filled in; an unknown placeholder stays visible. */
export function fill(text: string, params: Params): string {
	return text.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(params, k) ? String(params[k]) : m));
}

/** `t(key, params?)` over the given sections in one language. */
export function translator<S extends Section[]>(locale: Locale, ...sections: S): (key: KeyOf<S[number]>, params?: Params) => string {
	const texts = sections.map((s) => s[locale] as Record<string, string>);
	return (key, params) => {
		const text = texts.find((m) => Object.hasOwn(m, key))?.[key] ?? key;
		return params ? fill(text, params) : text;
	};
}

/** The query parameters that keep a locale: none for German, `lang=en` for English. */
export function langParams(locale: Locale): Record<string, string> {
	return locale === DEFAULT_LOCALE ? {} : { lang: locale };
}

/** A path or form action with the locale kept (`?lang=en` or `&lang=en` added for English). */
export function withLang(path: string, locale: Locale): string {
	if (locale === DEFAULT_LOCALE) return path;
	const [base, hash] = path.split('#', 2);
	return `${base}${base.includes('?') ? '&' : '?'}lang=${locale}${hash === undefined ? '' : `#${hash}`}`;
}

/** The other language, for the switch link. */
export const otherLocale = (locale: Locale): Locale => (locale === 'de' ? 'en' : 'de');

/** The current URL in the other language (form action markers such as `?/rollback` dropped). */
export function switchLangHref(url: URL, locale: Locale): string {
	const params = new URLSearchParams([...url.searchParams].filter(([k]) => !k.startsWith('/') && k !== 'lang'));
	for (const [k, v] of Object.entries(langParams(otherLocale(locale)))) params.set(k, v);
	const q = params.toString();
	return q ? `${url.pathname}?${q}` : url.pathname;
}

const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'de-DE');

/** Formatters by locale and decimals: building an Intl.NumberFormat costs far more than using one. */
const numberFormats = new Map<string, Intl.NumberFormat>();
export function formatNumber(locale: Locale, x: number, decimals = 0): string {
	const key = `${locale}:${decimals}`;
	let format = numberFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
		numberFormats.set(key, format);
	}
	return format.format(x);
}

/** A number with up to three decimals, or a dash (the admin's tables). */
export function formatLooseNumber(locale: Locale, x: number | null): string {
	return x === null ? '–' : x.toLocaleString(intlLocale(locale), { maximumFractionDigits: 3 });
}

/** An ISO date (`2023-12-31`) or month (`2023-12`) as people write it. */
export function formatDate(locale: Locale, iso: string): string {
	const [y, m, d] = iso.split('-');
	if (!d) return `${m}/${y}`;
	return locale === 'en' ? `${d}/${m}/${y}` : `${d}.${m}.${y}`;
}

/** An ISO timestamp as date and time (the admin's version list). */
export function formatDateTime(locale: Locale, iso: string): string {
	return new Date(iso).toLocaleString(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' });
}

let collator: Intl.Collator | undefined;
/** German alphabetical order of names (one collator: `localeCompare` with a locale builds one per call). */
export const compareNames = (a: string, b: string) => (collator ??= new Intl.Collator('de')).compare(a, b);
