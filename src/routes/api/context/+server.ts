import { apiGet, GEOJSON, sendJson } from '$lib/server/endpoint';

/** Neighbouring districts and the source city outline, for map context. */
export const GET = apiGet(({ request }, store) => sendJson(request, store.derived.context, GEOJSON));
