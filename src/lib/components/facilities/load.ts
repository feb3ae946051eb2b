// The register as the atlas and the embed load it when their URL turns the facility layer on:
// every facility (the type filter works in the page, so the one URL stays cached) and the types.
// A failing register leaves the rest of the view working: the layer says it could not load.
import type { Locale } from '$lib/i18n';
import { withLang } from '$lib/i18n/links';
import type { Notice } from '$lib/state/view';
import type { Facilities, FacilityType, TypeFilter } from './model';

export interface FacilityData {
	facilities: Facilities;
	types: FacilityType[];
}

export async function loadFacilities(fetch: typeof globalThis.fetch, filter: TypeFilter | null, locale: Locale): Promise<FacilityData | 'failed' | null> {
	if (filter === null) return null;
	try {
		const [facilities, types] = await Promise.all(
			[withLang('/api/einrichtungen', locale), withLang('/api/einrichtungen/typen', locale)].map(async (path) => {
				const res = await fetch(path);
				if (!res.ok) throw new Error(`${path}: ${res.status}`);
				return res.json();
			})
		);
		return { facilities, types };
	} catch {
		return 'failed';
	}
}

/** Type ids of the URL that the register does not have: a notice each, as for other parameters. */
export function unknownTypeNotices(filter: TypeFilter | null, data: FacilityData | 'failed' | null): Notice[] {
	if (filter === null || filter === 'alle' || !data || data === 'failed') return [];
	const unknown = filter.filter((id) => !data.types.some((t) => t.id === id));
	return unknown.length ? [{ param: 'einr', value: unknown.join(','), message: 'unknown' }] : [];
}
