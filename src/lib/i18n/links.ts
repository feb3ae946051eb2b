// Links and forms that keep the language: German is the default and needs nothing, English adds
// `lang=en`. Kept apart from index.ts so that pages without such links do not bundle it.
import { DEFAULT_LOCALE, type Locale } from './index';

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
