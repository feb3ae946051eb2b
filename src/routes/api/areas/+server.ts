import { areaCollection, parseIndicatorList, parseLevel, parseYear } from '$lib/server/api';
import { apiGet, GEOJSON, sendJson } from '$lib/server/endpoint';
import { overview, parseDetail } from '$lib/server/overview';

export const GET = apiGet(({ url, request }, store) => {
	const level = parseLevel(url.searchParams.get('level'), store);
	const indicators = parseIndicatorList(url.searchParams.get('indicators'), store);
	const year = parseYear(
		url.searchParams.get('year'),
		indicators.flatMap((id) => store.indicatorById.get(id)!.years)
	);
	const collection = () => areaCollection(store, level, indicators, year);
	const detail = parseDetail(url.searchParams.get('detail'));
	return sendJson(request, detail ? overview(store, `areas/${level}/${indicators.join(',')}/${year}`, collection) : collection(), GEOJSON);
});
