import { DEFAULT_SPACING_M } from '$lib/geo/population';
import { bestNextLocations } from '$lib/geo/covering';
import { WALKING_DEFAULTS } from '$lib/geo/walking';
import { catchmentsFor, parseScenarioQuery, scenarioFor } from '$lib/server/catchments';
import { apiGet, sendJson } from '$lib/server/endpoint';
import { approximationNote } from '$lib/server/store';

export const GET = apiGet(({ url, request }, store) => {
	const query = parseScenarioQuery(url, store);
	const { inputs, model } = catchmentsFor(store);
	const { figures } = scenarioFor(store, query);
	const approximation = approximationNote(store);
	const best = query.best === null ? null : { distance: query.best, suggestions: bestNextLocations(model.pop, query.sites, query.best, inputs.outline) };
	return sendJson(request, {
		kontore: query.sites.map((s) => ({ id: s.id, name: s.name, lonLat: s.lonLat, hypothetical: s.hypothetical ?? false })),
		...figures,
		best,
		model: {
			population: 'Einwohner nach letztem Stand je Stadtteil',
			populationStand: inputs.populationStand,
			profileYears: inputs.profileYears,
			pointSpacingM: DEFAULT_SPACING_M,
			walking: WALKING_DEFAULTS,
			caveats: [...(approximation ? [`Stadtteilgrenzen: ${approximation}`] : []), 'Kontore: ungefähre Lage', 'Gehzeit: Luftlinie × Umwegfaktor, kein Wegenetz']
		}
	});
});
