import { parseLevel } from '$lib/server/api';
import { ProblemError } from '$lib/server/http';
import { isAreaLevel } from '$lib/server/levels';
import { requireIndicators } from '$lib/server/pages';
import { areaVectors, socialIndicators } from '$lib/server/profiles';
import { geometryStatus } from '$lib/server/store';
import { storeOf } from '$lib/server/visibility';
import { urlLocale } from '$lib/i18n';
import type { PageServerLoad } from './$types';

// The inputs only: the index itself is computed in the page from the URL's definition
// (compositeIndex is pure), so changing a weight needs no round trip.
export const load: PageServerLoad = (event) => {
	const { url } = event;
	const store = storeOf(event);
	// An area level of the profile; anything else (or none) falls back to the finest.
	let level = store.finest;
	try {
		const l = parseLevel(url.searchParams.get('level'), store);
		if (isAreaLevel(store, l)) level = l;
	} catch (e) {
		if (!(e instanceof ProblemError)) throw e;
	}
	const ids = socialIndicators(store);
	// An index needs components: without a served social indicator the page says why instead.
	requireIndicators(ids, url);
	return {
		locale: urlLocale(url),
		level,
		finest: store.finest,
		levels: store.levelInfos,
		geometry: geometryStatus(store),
		indicators: ids.map((id) => store.indicatorById.get(id)!),
		vectors: areaVectors(store, level, ids),
		areas: {
			type: 'FeatureCollection' as const,
			features: store.areasByLevel[level].map((f) => ({
				type: 'Feature' as const,
				geometry: f.geometry,
				properties: { id: f.properties.id, name: f.properties.name }
			}))
		}
	};
};
