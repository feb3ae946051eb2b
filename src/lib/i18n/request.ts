// The language of a request to the server: `?lang=` first (the links keep it), then the
// Accept-Language header (negotiated among our locales), else German. Server only: negotiator is
// a Node package that no page should bundle.
import Negotiator from 'negotiator';
import { DEFAULT_LOCALE, LOCALES, parseLocale, type Locale } from './index';

export function requestLocale(url: URL, headers: Headers): Locale {
	const lang = url.searchParams.get('lang');
	if (lang !== null && (LOCALES as readonly string[]).includes(lang)) return parseLocale(lang);
	const header = headers.get('accept-language');
	if (!header) return DEFAULT_LOCALE;
	const chosen = new Negotiator({ headers: { 'accept-language': header } }).language([...LOCALES]);
	return parseLocale(chosen ?? DEFAULT_LOCALE);
}
