import { getCollection, itemsDocument, itemsPage, TYPES } from '$lib/server/ogc/documents';
import { ogcGet } from '$lib/server/ogc/endpoint';
import { itemsHtml } from '$lib/server/ogc/html';
import { parseItemsQuery } from '$lib/server/ogc/items';

export const GET = ogcGet((ctx) => {
	const { root, store, event, t } = ctx;
	const c = getCollection(store, event.params.collectionId!);
	const params = event.url.searchParams;
	const q = parseItemsQuery(params);
	const page = itemsPage(store, c, q);
	return { json: () => itemsDocument(root, c, page, q, params, t), jsonType: TYPES.geojson, html: () => itemsHtml(ctx, c, page, q.offset, params) };
});
