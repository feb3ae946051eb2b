import { collection, getCollection, TYPES } from '$lib/server/ogc/documents';
import { ogcGet } from '$lib/server/ogc/endpoint';
import { collectionHtml } from '$lib/server/ogc/html';

export const GET = ogcGet((ctx) => {
	const { root, store, event, t } = ctx;
	const c = getCollection(store, event.params.collectionId!);
	return { json: () => collection(store, root, c, t), jsonType: TYPES.json, html: () => collectionHtml(store, ctx, c) };
});
