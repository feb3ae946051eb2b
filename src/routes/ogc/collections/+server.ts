import { collections, TYPES } from '$lib/server/ogc/documents';
import { ogcGet } from '$lib/server/ogc/endpoint';
import { collectionsHtml } from '$lib/server/ogc/html';

export const GET = ogcGet((ctx) => ({
	json: () => collections(ctx.store, ctx.root, ctx.t),
	jsonType: TYPES.json,
	html: () => collectionsHtml(ctx.store, ctx)
}));
