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
	/** The finest level's names (with the plural's dative) and its parent level's (the finest again for a city of one level). */
	levels: { area: Record<Locale, { singular: string; plural: string; dative: string }>; group: Record<Locale, { singular: string; plural: string }> };
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
			areasDat: area[locale].dative,
			areaGroup: group[locale].singular,
			areaGroups: group[locale].plural
		};
	};
	return { de: of('de'), en: of('en') };
}
