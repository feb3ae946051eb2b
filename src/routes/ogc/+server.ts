import { landing, TYPES } from '$lib/server/ogc/documents';
import { ogcGet } from '$lib/server/ogc/endpoint';
import { landingHtml } from '$lib/server/ogc/html';

export const GET = ogcGet(({ store, root }) => ({ json: () => landing(store, root), jsonType: TYPES.json, html: () => landingHtml(store, root) }));
