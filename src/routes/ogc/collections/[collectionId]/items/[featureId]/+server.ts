import { getCollection, getItem, itemDocument, TYPES } from '$lib/server/ogc/documents';
import { ogcGet } from '$lib/server/ogc/endpoint';
import { itemHtml } from '$lib/server/ogc/html';
import { invalidParameter } from '$lib/server/ogc/exception';

export const GET = ogcGet((ctx) => {
	const { root, store, event, t } = ctx;
	const c = getCollection(store, event.params.collectionId!);
	const f = getItem(store, c, event.params.featureId!);
	for (const key of event.url.searchParams.keys())
		if (key !== 'f' && key !== 'lang') throw invalidParameter(key, 'ogc.unknownParameter', { allowed: 'f, lang' });
	return { json: () => itemDocument(root, c, f, t), jsonType: TYPES.geojson, html: () => itemHtml(store, ctx, c, f) };
});
