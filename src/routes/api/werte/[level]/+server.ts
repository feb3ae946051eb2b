// The compact values of one indicator and year for every area of a level, in tile-feature order (issue #21).
import { apiGet, sendJson } from '$lib/server/endpoint';
import { levelValues } from '$lib/server/tilesValues';

export const GET = apiGet(({ url, request, params }, store) =>
	sendJson(request, levelValues(store, params.level!, url.searchParams.get('indikator'), url.searchParams.get('jahr')))
);
