import { getIndicator, parseLevel } from '$lib/server/api';
import { apiGet, sendJson } from '$lib/server/endpoint';
import { indicatorSeries } from '$lib/server/profiles';

export const GET = apiGet(({ url, request, params }, store) => {
	const meta = getIndicator(store, params.id!);
	return sendJson(request, indicatorSeries(store, meta, parseLevel(url.searchParams.get('level'), store)));
});
