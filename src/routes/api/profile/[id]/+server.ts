import { getArea, parseIndicatorList } from '$lib/server/api';
import { isAreaLevel } from '$lib/server/levels';
import { apiGet, sendJson } from '$lib/server/endpoint';
import { areaProfile, similarAreas, socialIndicators } from '$lib/server/profiles';

export const GET = apiGet(({ url, request, params }, store) => {
	const area = getArea(store, params.id!);
	const level = area.properties.level;
	const chosen = parseIndicatorList(url.searchParams.get('similar'), store);
	const indicators = chosen.length ? chosen : socialIndicators(store);
	const similar = isAreaLevel(store, level) ? similarAreas(store, area.properties.id, level, indicators) : [];
	return sendJson(request, { ...areaProfile(store, area.properties.id, level), similar: { indicators, areas: similar } });
});
