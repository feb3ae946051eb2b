import { parseLevel } from '$lib/server/api';
import { apiGet } from '$lib/server/endpoint';
import { parseWholeNumber, REACH_LIMITS, reachFor, reachModel } from '$lib/server/facilities/analysis';
import { parseOneType, selectFacilities } from '$lib/server/facilities/register';
import { localeOf, sendLocalised } from '$lib/server/facilities/respond';

// Share of residents within `m` metres (straight line) and `min` minutes of walking of the nearest
// facility of a type, per area and for the city; computed in the analysis pool. An approximation.
export const GET = apiGet(async (event, store) => {
	const { url, request } = event;
	const type = parseOneType(url.searchParams.get('typ'), store);
	const level = parseLevel(url.searchParams.get('level'), store);
	const distanceM = parseWholeNumber(url.searchParams.get('m'), 'm', REACH_LIMITS.distance);
	const minutes = parseWholeNumber(url.searchParams.get('min'), 'min', REACH_LIMITS.minutes);
	const locale = localeOf(event);
	const positions = selectFacilities(store, [type.id]).map((f) => f.geometry.coordinates as [number, number]);
	const [figures] = await reachFor(store, [positions], level, distanceM, minutes);
	return sendLocalised(request, {
		type: { id: type.id, label: type.label[locale] },
		level,
		distanceM,
		walkingMinutes: minutes,
		facilities: positions.length,
		beispieldaten: store.derived.facilities.features.some((f) => f.properties.beispieldaten),
		model: reachModel(locale, minutes),
		...figures
	});
});
