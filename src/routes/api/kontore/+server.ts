import { apiGet, GEOJSON, sendJson } from '$lib/server/endpoint';

export const GET = apiGet(({ request }, store) => sendJson(request, store.derived.kontore, GEOJSON));
