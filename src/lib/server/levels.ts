// Level questions the server's queries share: which levels are mapped areas, which finest areas lie
// inside an area of any level, which census grid level holds residents. Pure functions of the store,
// answered from the profile.
import type { AreaFeature } from '$lib/data/derived';
import { CENSUS_RESIDENTS } from '$lib/data/profile';
import type { Store } from './store';

/** Whether `level` is a level whose areas are mapped, compared and profiled (not the city as a whole). */
export function isAreaLevel(store: Store, level: string): boolean {
	return store.levelInfos.some((l) => l.id === level && !l.whole);
}

/** The finest-level areas inside an area of any level (itself, at the finest level). */
export function finestWithin(store: Store, areaId: string): AreaFeature[] {
	const inside = (id: string | null): boolean => id !== null && (id === areaId || inside(store.areaById.get(id)?.properties.parent ?? null));
	return store.areasByLevel[store.finest].filter((f) => inside(f.properties.id));
}

/** The grid level under the finest areas with its residents' indicator, where the profile has one. */
export function gridResidents(store: Store): { level: string; cell: '100m' | '1km'; indicator: string } | null {
	for (const level of store.levels) {
		if (!level.grid || level.parent !== store.finest) continue;
		const indicator = level.grid.files.map((f) => f.columns[CENSUS_RESIDENTS]).find((id) => id !== undefined && store.indicatorById.has(id));
		if (indicator && store.areasByLevel[level.id].length) return { level: level.id, cell: level.grid.cell, indicator };
	}
	return null;
}
