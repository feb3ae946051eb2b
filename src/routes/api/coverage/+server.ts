import { approximateShare, kontorLocationStatus } from '$lib/data/kontorStatus';
import { DEFAULT_SPACING_M } from '$lib/geo/population';
import { WALKING_DEFAULTS } from '$lib/geo/walking';
import { catchmentsFor, parseScenarioQuery, scenarioFor } from '$lib/server/catchments';
import { apiGet, sendJson } from '$lib/server/endpoint';
import { approximationNote } from '$lib/server/store';

// Figures and best next locations are computed in the analysis pool.
export const GET = apiGet(async ({ url, request }, store) => {
	const query = parseScenarioQuery(url, store);
	const { inputs } = catchmentsFor(store);
	const { figures, best } = await scenarioFor(store, query);
	const approximation = approximationNote(store);
	const kontorStatus = kontorLocationStatus(store.derived.kontore.features);
	const share = approximateShare(kontorStatus);
	return sendJson(request, {
		kontore: query.sites.map((s) => ({ id: s.id, name: s.name, lonLat: s.lonLat, hypothetical: s.hypothetical ?? false })),
		...figures,
		best: query.best === null ? null : { distance: query.best, suggestions: best },
		model: {
			population: 'Einwohner nach letztem Stand je Stadtteil',
			populationStand: inputs.populationStand,
			populationSource: inputs.populationSource,
			profileYears: inputs.profileYears,
			pointSpacingM: DEFAULT_SPACING_M,
			walking: WALKING_DEFAULTS,
			caveats: [
				...(approximation ? [`Stadtteilgrenzen: ${approximation}`] : []),
				...(share === 'none' ? [] : [share === 'all' ? 'Kontore: ungefähre Lage' : `Kontore: ungefähre Lage bei ${kontorStatus.approximate.join(', ')}`]),
				'Gehzeit: Luftlinie × Umwegfaktor, kein Wegenetz'
			]
		}
	});
});
