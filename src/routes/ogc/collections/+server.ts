import { collections, TYPES } from '$lib/server/ogc/documents';
import { ogcGet } from '$lib/server/ogc/endpoint';
import { collectionsHtml } from '$lib/server/ogc/html';

export const GET = ogcGet(({ root, store }) => ({ json: () => collections(store, root), jsonType: TYPES.json, html: () => collectionsHtml(store, root) }));
