import { landing, TYPES } from '$lib/server/ogc/documents';
import { ogcGet } from '$lib/server/ogc/endpoint';
import { landingHtml } from '$lib/server/ogc/html';

export const GET = ogcGet((ctx) => ({ json: () => landing(ctx.store, ctx.root, ctx.t), jsonType: TYPES.json, html: () => landingHtml(ctx.store, ctx) }));
