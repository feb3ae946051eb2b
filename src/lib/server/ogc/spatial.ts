// The items query as a database query when PostgreSQL is the store: PostGIS matches the bbox on its
// index, counts and cuts the page; the page's features come from the served store, so the answer is
// the in-memory one byte for byte, and whatever the viewer may not see stays out of it.
import type { SpatialIndex } from '../db/postgis';
import type { Store } from '../store';
import { prepare, type OgcCollection } from './collections';
import { itemsPage } from './documents';
import { pageOf, type ItemsQuery, type Page } from './items';

/**
 * Whether the stored layer holds exactly the features this view serves, in the same order: true for
 * every layer the viewer sees whole. A level withheld from the public (no features in its view) or a
 * version stored without geometry answer from memory. Checked once per store (version and audience).
 */
const agreement = new WeakMap<Store, Map<string, boolean>>();

async function agrees(index: SpatialIndex, store: Store, c: OgcCollection): Promise<boolean> {
	let known = agreement.get(store);
	if (!known) agreement.set(store, (known = new Map()));
	let ok = known.get(c.id);
	if (ok === undefined) {
		const served = prepare(store, c).features;
		const stored = served.length ? await index.layerIds(store.version, c.layer) : null;
		ok = stored !== null && stored.length === served.length && stored.every((id, i) => id === served[i].id);
		known.set(c.id, ok);
	}
	return ok;
}

let warned = false;

/**
 * One page of a collection's items: matched in PostGIS when an index is given and holds the served
 * features, in memory otherwise. A database that does not answer (stopped, unreachable) leaves the
 * loaded version serving from memory, as every other read does.
 */
export async function spatialItemsPage(index: SpatialIndex | null, store: Store, c: OgcCollection, q: ItemsQuery): Promise<Page> {
	if (index && store.version > 0) {
		try {
			if (await agrees(index, store, c)) {
				const found = await index.layerPage(store.version, c.layer, q.bbox, q.limit, q.offset);
				if (found) {
					const { features } = prepare(store, c);
					return pageOf(
						found.ords.map((i) => features[i]),
						found.numberMatched,
						q
					);
				}
			}
		} catch (e) {
			if (!warned) console.warn(`Kontoratlas: OGC items answered from memory, PostGIS did not answer (${(e as Error).message})`);
			warned = true;
		}
	}
	return itemsPage(store, c, q);
}
