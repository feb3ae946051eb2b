import { apiGet, GEOJSON, sendJson } from '$lib/server/endpoint';
import { overview, parseDetail } from '$lib/server/overview';

/** Neighbouring districts and the source city outline, for map context; `detail=overview`: simplified for a large level's overview. */
export const GET = apiGet(({ request, url }, store) =>
	sendJson(request, parseDetail(url.searchParams.get('detail')) ? overview(store, 'context', () => store.derived.context) : store.derived.context, GEOJSON)
);
