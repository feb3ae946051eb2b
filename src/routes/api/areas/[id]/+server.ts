import { getArea, joinValues, parseIndicatorList, parseYear } from '$lib/server/api';
import { apiGet, GEOJSON, sendJson } from '$lib/server/endpoint';

export const GET = apiGet(({ url, request, params }, store) => {
	const area = getArea(store, params.id!);
	const indicators = parseIndicatorList(url.searchParams.get('indicators'), store);
	const year = parseYear(
		url.searchParams.get('year'),
		indicators.flatMap((id) => store.indicatorById.get(id)!.years)
	);
	return sendJson(request, joinValues(store, area, indicators, year), GEOJSON);
});
