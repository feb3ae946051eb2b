// Module worker: catchment scenarios off the main thread, so dragging a Kontor never blocks the UI.
// The model (population surface and its index) is built once; the "before" scenario (the real
// Kontore) is kept per set of distances.
import type { Feature } from 'geojson';
import type { Area, KontorSite } from '$lib/geo/catchments';
import { bestNextLocations, type Suggestion } from '$lib/geo/covering';
import type { PopulationArea } from '$lib/geo/population';
import type { ProfileInput } from '$lib/geo/profiles';
import { catchmentModel, computeScenario, type CatchmentModel, type CoverageFigures, type Scenario } from '$lib/geo/scenario';

export type WorkerRequest =
	| { type: 'init'; areas: PopulationArea[]; outline: Feature<Area>; profileInput: ProfileInput }
	| { type: 'compute'; id: number; sites: KontorSite[]; baseSites: KontorSite[]; distances: number[]; reach: number };

export type WorkerResponse =
	{ type: 'result'; id: number; scenario: Scenario; before: CoverageFigures; best: Suggestion[]; ms: number } | { type: 'error'; id: number; message: string };

let model: CatchmentModel | null = null;
const before = new Map<string, CoverageFigures>();

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
	const msg = e.data;
	if (msg.type === 'init') {
		model = catchmentModel(msg.areas, msg.outline, msg.profileInput);
		before.clear();
		return;
	}
	try {
		if (!model) throw new Error('worker not initialised');
		const t = performance.now();
		const scenario = computeScenario(model, msg.sites, msg.distances);
		const key = JSON.stringify([msg.distances, msg.baseSites.map((s) => s.lonLat)]);
		if (!before.has(key))
			before.set(
				key,
				JSON.stringify(msg.sites) === JSON.stringify(msg.baseSites) ? scenario.figures : computeScenario(model, msg.baseSites, msg.distances).figures
			);
		const best = bestNextLocations(model.pop, msg.sites, msg.reach, model.outline);
		post({ type: 'result', id: msg.id, scenario, before: before.get(key)!, best, ms: performance.now() - t });
	} catch (err) {
		post({ type: 'error', id: msg.id, message: err instanceof Error ? err.message : String(err) });
	}
};

const post = (r: WorkerResponse) => (self as unknown as Worker).postMessage(r);
