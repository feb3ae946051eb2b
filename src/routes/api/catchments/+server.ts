import { parseScenarioQuery, scenarioFor } from '$lib/server/catchments';
import { apiGet, GEOJSON, sendJsonText } from '$lib/server/endpoint';

// Computed in the analysis pool; the bodies come back as JSON text, ready to send.
export const GET = apiGet(async ({ url, request }, store) => {
	const query = parseScenarioQuery(url, store);
	const answer = await scenarioFor(store, query);
	return sendJsonText(request, query.mode === 'nearest' ? answer.nearest : answer.rings, GEOJSON);
});
