// Level questions the server's queries share: which levels are mapped areas, which finest areas lie
// inside an area of any level. Pure functions of the store, answered from the profile's hierarchy.
import type { AreaFeature } from '$lib/data/derived';
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
