import { collection, getCollection, TYPES } from '$lib/server/ogc/documents';
import { ogcGet } from '$lib/server/ogc/endpoint';
import { collectionHtml } from '$lib/server/ogc/html';

export const GET = ogcGet(({ root, store, event }) => {
	const c = getCollection(event.params.collectionId!);
	return { json: () => collection(store, root, c), jsonType: TYPES.json, html: () => collectionHtml(store, root, c) };
});
