import { parseLevel } from '$lib/server/api';
import { apiGet } from '$lib/server/endpoint';
import { supplyFor } from '$lib/server/facilities/analysis';
import { parseOneType } from '$lib/server/facilities/register';
import { localeOf, sendLocalised } from '$lib/server/facilities/respond';

// Supply figures of one type per area and for the city: count, capacity, target group, ratios.
export const GET = apiGet((event, store) => {
	const { url, request } = event;
	const type = parseOneType(url.searchParams.get('typ'), store);
	const level = parseLevel(url.searchParams.get('level'), store);
	const facilities = store.derived.facilities.features.map((f) => f.properties);
	return sendLocalised(request, supplyFor(store, facilities, type, level, localeOf(event)));
});
