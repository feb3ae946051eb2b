// The one message layer, the same on server and client: the translator over catalogue sections,
// its placeholder filler, and number, date and name formatting. The catalogue is one folder per
// language (de/, en/) with a file per section; `core` is paired here, every other section in a
// module of its own (atlas.ts, analysis.ts, admin.ts, problems.ts, importer.ts), because a bundler keeps a module
// whole: a page bundles only the sections it imports (the embed's size budget). Links: links.ts; the
// language of a server request: request.ts. (`serving` is reserved for the serving problems.)
import { core as coreDe } from './de/core';
import { core as coreEn } from './en/core';

export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'de';

/** The section every page shows some of (map, legend, table: all the embed needs), so it is here. */
export const core = { de: coreDe, en: coreEn };
export type CoreKey = keyof typeof coreDe;

/** The English texts of a German section: the same keys, any text. */
export type Texts<S> = { readonly [K in keyof S]: string };

/** One section of the catalogue in both languages (core.ts, atlas.ts, …). */
export interface Section<K extends string = string> {
	readonly de: { readonly [k in K]: string };
	readonly en: { readonly [k in K]: string };
}

/** The keys of one or more sections. */
export type KeyOf<S> = S extends { de: infer D } ? keyof D & string : never;

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

/**
 * The installation's own words, which any text may use: {city}, {office} and {offices} (what the
 * city calls its neighbourhood offices) and {site} (the site's title). They come from the city
 * profile: the server's store sets them when it indexes a version, the root layout in the browser.
 * One installation serves one city, so they are the same for every request.
 */
export type CityTexts = Record<Locale, Params>;
let cityTexts: CityTexts = { de: {}, en: {} };
export function setCityTexts(texts: CityTexts): void {
	cityTexts = texts;
}

/** A Kontor's name without the offices' common name in front ("{office} Nord" → "Nord"), for lists that already say what they are. */
export function shortOfficeName(name: string): string {
	const prefix = `${cityTexts.de.office} `;
	return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

/** `t(key, params?)` over the given sections in one language (their keys never overlap: messages.test.ts). */
export function translator<S extends Section[]>(locale: Locale, ...sections: S): (key: KeyOf<S[number]>, params?: Params) => string {
	const texts: Record<string, string> = Object.assign({}, ...sections.map((s) => s[locale]));
	return (key, params) => {
		const text = texts[key];
		return text.includes('{') ? fill(text, params ? { ...cityTexts[locale], ...params } : cityTexts[locale]) : text;
	};
}

/** The Intl locale behind ours: British English, German as in Germany. */
export const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'de-DE');

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

/** An ISO date (`2023-12-31`) or month (`2023-12`) as people write it. */
export function formatDate(locale: Locale, iso: string): string {
	const [y, m, d] = iso.split('-');
	if (!d) return `${m}/${y}`;
	return locale === 'en' ? `${d}/${m}/${y}` : `${d}.${m}.${y}`;
}

let collator: Intl.Collator | undefined;
/**
 * German alphabetical order of names (one collator: `localeCompare` with a locale builds one per
 * call). Made on first use, not when the module loads: building it loads the ICU collation data,
 * about 30 ms in the browser, which held up every page's start (the early map's included).
 */
export const compareNames = (a: string, b: string) => (collator ??= new Intl.Collator('de')).compare(a, b);
