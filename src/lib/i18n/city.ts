// The city's words the texts' placeholders use ({city}, {office}, {offices}, {site}), from what the
// root layout passes to every page; zod-free, because every page (the embed too) bundles it.
import type { CityTexts, Locale } from './index';

/** The part of the city profile pages get (src/lib/data/profile.ts `pageCity`). */
export interface PageCity {
	name: string;
	office: Record<Locale, { singular: string; plural: string }>;
	site: Record<Locale, string>;
	attribution: string[];
}

export function cityTexts(city: PageCity): CityTexts {
	const of = (locale: Locale) => ({ city: city.name, office: city.office[locale].singular, offices: city.office[locale].plural, site: city.site[locale] });
	return { de: of('de'), en: of('en') };
}
