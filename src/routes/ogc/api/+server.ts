import { TYPES } from '$lib/server/ogc/documents';
import { ogcGet } from '$lib/server/ogc/endpoint';
import { apiHtml } from '$lib/server/ogc/html';
import { openApi } from '$lib/server/ogc/openapi';

export const GET = ogcGet((ctx) => ({
	json: () => openApi(ctx.store, ctx.root, ctx.t),
	jsonType: TYPES.openapi,
	html: () => apiHtml(ctx, openApi(ctx.store, ctx.root, ctx.t))
}));
