// What the served data may take from PostGIS: a stored layer answers for a view of the data only
// where it holds exactly the features that view serves, in the same order. A level withheld from the
// public (no features in its view) or a version stored without geometry is answered from memory.
import type { Store } from '../store';
import { servedSpatialIndex, type LayerRef, type SpatialIndex } from './postgis';

const agreement = new WeakMap<Store, Map<string, boolean>>();

/** Checked once per store (that is, per version and audience); a database that does not answer is asked again next time. */
export async function storedAsServed(index: SpatialIndex, store: Store, ref: LayerRef, servedIds: () => string[]): Promise<boolean> {
	if (store.version <= 0) return false;
	let known = agreement.get(store);
	if (!known) agreement.set(store, (known = new Map()));
	const key = `${ref.kind}:${ref.layer}`;
	let ok = known.get(key);
	if (ok === undefined) {
		const served = servedIds();
		const stored = served.length ? await index.layerIds(store.version, ref) : null;
		ok = stored !== null && stored.length === served.length && stored.every((id, i) => id === served[i]);
		known.set(key, ok);
	}
	return ok;
}

let warned = false;

/** Reads fall back to the loaded version in memory when PostGIS does not answer: said once in the log, never to the client. */
export function postgisUnavailable(what: string, e: unknown): void {
	if (!warned) console.warn(`Kontoratlas: ${what} answered from memory, PostGIS did not answer (${(e as Error).message})`);
	warned = true;
}

/**
 * A level's vector tile by ST_AsMVT when PostgreSQL is the store and holds the level as served; null
 * where the tile is to be cut in memory (SQLite, a withheld level, a database that does not answer).
 * `tolerance`: the simplification in tile units at this zoom, as geojson-vt's (tiles.ts).
 */
export async function postgisTile(store: Store, level: string, z: number, x: number, y: number, tolerance: number): Promise<Uint8Array | null> {
	const index = servedSpatialIndex();
	if (!index) return null;
	try {
		const ids = () => store.areasByLevel[level]?.map((f) => f.properties.id) ?? [];
		if (!(await storedAsServed(index, store, { kind: 'area', layer: level }, ids))) return null;
		return await index.tile(store.version, level, z, x, y, tolerance);
	} catch (e) {
		postgisUnavailable('vector tiles', e);
		return null;
	}
}
