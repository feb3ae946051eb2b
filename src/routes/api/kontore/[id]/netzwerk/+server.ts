import { apiGet } from '$lib/server/endpoint';
import { parseWholeNumber } from '$lib/server/facilities/analysis';
import { DEFAULT_NETWORK_RADIUS_M, kontorNetwork } from '$lib/server/facilities/register';
import { localeOf, sendLocalised } from '$lib/server/facilities/respond';

// A Kontor's facilities for its card: those in its catchment (straight line, `?m=`, default the
// outermost catchment ring) and its Netzwerkpartner.
export const GET = apiGet((event, store) => {
	const radius = parseWholeNumber(event.url.searchParams.get('m'), 'm', { min: 50, max: 10000, default: DEFAULT_NETWORK_RADIUS_M });
	return sendLocalised(event.request, kontorNetwork(store, event.params.id!, radius, localeOf(event)));
});
