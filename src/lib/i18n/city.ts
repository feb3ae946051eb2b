// The city's words the texts' placeholders use ({city}, {office}, {offices}, {site}, and the level
// names {area}, {areas}, {areasDat}, {areaGroup}, {areaGroups}), from what the root layout passes to
// every page; zod-free, because every page (the embed too) bundles it.
import type { CityTexts, Locale } from './index';

/** The part of the city profile pages get (src/lib/data/profile.ts `pageCity`). */
export interface PageCity {
	name: string;
	office: Record<Locale, { singular: string; plural: string }>;
	site: Record<Locale, string>;
	attribution: string[];
	/** The finest level's names and its parent level's (the finest again for a city of one level). */
	levels: Record<'area' | 'group', Record<Locale, { singular: string; plural: string }>>;
}

/**
 * A German plural in the dative ("in 3 von 31 Stadtteilen", "Statistischen Bezirken"): each word
 * ending in -e, -el or -er takes an -n; plurals in -n or -s stay. English words stay as they are.
 */
export function dativePlural(plural: string, locale: Locale): string {
	return locale === 'de' ? plural.replace(/(e|el|er)(?=\s|$)/g, '$1n') : plural;
}

export function cityTexts(city: PageCity): CityTexts {
	const of = (locale: Locale) => {
		const { area, group } = city.levels;
		return {
			city: city.name,
			office: city.office[locale].singular,
			offices: city.office[locale].plural,
			site: city.site[locale],
			area: area[locale].singular,
			areas: area[locale].plural,
			areasDat: dativePlural(area[locale].plural, locale),
			areaGroup: group[locale].singular,
			areaGroups: group[locale].plural
		};
	};
	return { de: of('de'), en: of('en') };
}
