import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { roundFeatures } from '$lib/geo/round';
import { walkingMinutes } from '$lib/geo/walking';
import { parseScenarioQuery, scenarioFor } from '$lib/server/catchments';
import { apiGet, GEOJSON, sendJson } from '$lib/server/endpoint';

export const GET = apiGet(({ url, request }, store) => {
	const query = parseScenarioQuery(url, store);
	const { geometry } = scenarioFor(store, query);
	const body: FeatureCollection =
		query.mode === 'nearest'
			? geometry.nearest
			: {
					type: 'FeatureCollection',
					features: [
						// Walking time: straight line × 1.3 at 4.8 km/h, an approximation, not a network isochrone.
						...geometry.rings.features.map((f) => ({
							...f,
							properties: { ...f.properties, walkingMinutes: Math.round(walkingMinutes(f.properties.distance) * 10) / 10 }
						})),
						...geometry.uncovered.features
					]
				};
	return sendJson(request, roundFeatures(body as FeatureCollection<Polygon | MultiPolygon>), GEOJSON);
});
