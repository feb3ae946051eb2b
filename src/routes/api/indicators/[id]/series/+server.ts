import { getIndicator, parseLevel } from '$lib/server/api';
import { apiGet, sendJson } from '$lib/server/endpoint';
import { indicatorSeries, parseSeriesAreas } from '$lib/server/profiles';

export const GET = apiGet(({ url, request, params }, store) => {
	const meta = getIndicator(store, params.id!);
	const level = parseLevel(url.searchParams.get('level'), store);
	return sendJson(request, indicatorSeries(store, meta, level, parseSeriesAreas(url.searchParams.get('areas'), store, level) ?? undefined));
});
