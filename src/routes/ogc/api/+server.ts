import { TYPES } from '$lib/server/ogc/documents';
import { ogcGet } from '$lib/server/ogc/endpoint';
import { apiHtml } from '$lib/server/ogc/html';
import { openApi } from '$lib/server/ogc/openapi';

export const GET = ogcGet(({ store, root }) => ({
	json: () => openApi(store, root),
	jsonType: TYPES.openapi,
	html: () => apiHtml(root, openApi(store, root))
}));
