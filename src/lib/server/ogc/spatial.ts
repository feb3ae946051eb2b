// The items query as a database query when PostgreSQL is the store: PostGIS matches the bbox on its
// index, counts and cuts the page; the page's features come from the served store, so the answer is
// the in-memory one byte for byte, and whatever the viewer may not see stays out of it.
import type { SpatialIndex } from '../db/postgis';
import { postgisUnavailable, storedAsServed } from '../db/postgisServed';
import type { Store } from '../store';
import { prepare, type OgcCollection } from './collections';
import { itemsPage } from './documents';
import { pageOf, type ItemsQuery, type Page } from './items';

/**
 * One page of a collection's items: matched in PostGIS when an index is given and holds the served
 * features, in memory otherwise. A database that does not answer (stopped, unreachable) leaves the
 * loaded version serving from memory, as every other read does.
 */
export async function spatialItemsPage(index: SpatialIndex | null, store: Store, c: OgcCollection, q: ItemsQuery): Promise<Page> {
	if (index) {
		try {
			const { features } = prepare(store, c);
			if (await storedAsServed(index, store, c.layer, () => features.map((f) => f.id))) {
				const found = await index.layerPage(store.version, c.layer, q.bbox, q.limit, q.offset);
				if (found)
					return pageOf(
						found.ords.map((i) => features[i]),
						found.numberMatched,
						q
					);
			}
		} catch (e) {
			postgisUnavailable('OGC items', e);
		}
	}
	return itemsPage(store, c, q);
}
