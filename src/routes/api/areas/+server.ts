import { areaCollection, parseIndicatorList, parseLevel, parseYear } from '$lib/server/api';
import { apiGet, GEOJSON, sendJson } from '$lib/server/endpoint';

export const GET = apiGet(({ url, request }, store) => {
	const level = parseLevel(url.searchParams.get('level'), store);
	const indicators = parseIndicatorList(url.searchParams.get('indicators'), store);
	const year = parseYear(
		url.searchParams.get('year'),
		indicators.flatMap((id) => store.indicatorById.get(id)!.years)
	);
	return sendJson(request, areaCollection(store, level, indicators, year), GEOJSON);
});
