// The large child levels of a profiled area (issue #21): a district's hundreds of blocks or census
// grid cells summarised by count, inhabited cells and the ends of a ranking, with the camera that
// opens the atlas on the area at that level, instead of a list of every child.
import { bbox } from '@turf/bbox';
import { CENSUS_RESIDENTS } from '$lib/data/profile';
import { fitCamera } from '$lib/map/camera';
import { summariseChildren, type ChildSummary } from '$lib/stats/childSummary';
import { valueFor } from './api';
import type { Store } from './store';

/** The indicator counting a level's residents: a census grid's own column, else the official residents. */
function residentsIndicator(store: Store, level: string, ids: string[]): string | null {
	const def = store.levels.find((l) => l.id === level);
	const candidates = [...(def?.grid?.files.map((f) => f.columns[CENSUS_RESIDENTS]) ?? []), 'einwohner'];
	return candidates.find((c) => c !== undefined && hasValues(store, c, ids)) ?? null;
}

const hasValues = (store: Store, indicator: string, ids: string[]) => {
	const series = store.series.get(indicator);
	return !!series && ids.some((id) => series.has(id));
};

/**
 * One summary per large level whose areas lie in the area `id` (of level `level`), ranked by
 * `indicator` where it has values there, else by residents.
 */
export function largeChildren(store: Store, id: string, level: string, indicator: string): ChildSummary[] {
	const feature = store.areaById.get(id);
	if (!feature) return [];
	const camera = fitCamera(bbox(feature) as [number, number, number, number]);
	return store.levelInfos
		.filter((l) => l.parent === level && l.large)
		.map((l) => {
			const children = store.areasByLevel[l.id].filter((a) => a.properties.parent === id);
			const ids = children.map((a) => a.properties.id);
			const residents = residentsIndicator(store, l.id, ids);
			const ranking = hasValues(store, indicator, ids) ? indicator : residents;
			const found = (ind: string | null, child: string) => (ind === null ? null : valueFor(store, ind, child, null));
			return summariseChildren(
				l.id,
				ranking,
				children.map((a) => {
					const people = found(residents, a.properties.id);
					return {
						id: a.properties.id,
						name: a.properties.name,
						value: found(ranking, a.properties.id)?.value ?? null,
						residents: people?.value ?? null,
						withheld: !!people?.suppressed
					};
				}),
				residents !== null,
				camera
			);
		})
		.filter((s) => s.count > 0);
}
