import { servedSpatialIndex } from '$lib/server/db/postgis';
import { getCollection, itemsDocument, TYPES } from '$lib/server/ogc/documents';
import { ogcGet } from '$lib/server/ogc/endpoint';
import { itemsHtml } from '$lib/server/ogc/html';
import { parseItemsQuery } from '$lib/server/ogc/items';
import { spatialItemsPage } from '$lib/server/ogc/spatial';

// With PostgreSQL as the store, bbox and paging run in PostGIS (spatial.ts); in memory otherwise.
export const GET = ogcGet(async (ctx) => {
	const { root, store, event, t } = ctx;
	const c = getCollection(store, event.params.collectionId!);
	const params = event.url.searchParams;
	const q = parseItemsQuery(params);
	const page = await spatialItemsPage(servedSpatialIndex(), store, c, q);
	return { json: () => itemsDocument(root, c, page, q, params, t), jsonType: TYPES.geojson, html: () => itemsHtml(ctx, c, page, q.offset, params) };
});
