import { conformance, TYPES } from '$lib/server/ogc/documents';
import { ogcGet } from '$lib/server/ogc/endpoint';
import { conformanceHtml } from '$lib/server/ogc/html';

export const GET = ogcGet((ctx) => ({ json: () => conformance(ctx.root, ctx.t), jsonType: TYPES.json, html: () => conformanceHtml(ctx) }));
