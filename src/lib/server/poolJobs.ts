// The jobs of the analysis pool (pool.ts): a catchment scenario with its answer bodies (rings,
// nearest areas, coverage figures, best next locations), residents within reach of facilities, a
// report to PDF, Word or a ZIP of them (report/render.ts, loaded by the first report job), and,
// for tests only, jobs that misbehave on purpose. In production this module's built chunk is the pool's worker file; under `vite dev`
// it runs in-process. Only pool.ts imports it, and only dynamically (see MODULE_URL).
import { isMainThread } from 'node:worker_threads';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Area, KontorSite } from '$lib/geo/catchments';
import { bestNextLocations, type Suggestion } from '$lib/geo/covering';
import { populationSurface, type PopulationArea, type PopulationSurface } from '$lib/geo/population';
import { reachSums, type ReachSums } from '$lib/facilities/reach';
import type { Nearest } from '$lib/facilities/nearest';
import type { ProfileInput } from '$lib/geo/profiles';
import { roundFeatures } from '$lib/geo/round';
import { catchmentModel, computeScenario, type CatchmentModel, type CoverageFigures } from '$lib/geo/scenario';
import { walkingMinutes } from '$lib/geo/walking';
import type { ReportJob } from './report/render';

/** The URL of the file this code ends up in (a build chunk, or the source file under `vite dev`). */
export const MODULE_URL = import.meta.url;

/** What the catchment model is built from; sent as JSON text, parsed once per data version in each worker. */
export interface ModelInputs {
	areas: PopulationArea[];
	outline: Feature<Area>;
	profileInput: ProfileInput;
}

export interface ScenarioJob {
	kind: 'scenario';
	/** Data version of `model`: a worker builds the model of a version once and keeps it. */
	version: number;
	/** JSON of ModelInputs. */
	model: string;
	sites: KontorSite[];
	distances: number[];
	/** Distance for the best next locations, or null. */
	best: number | null;
	/** Also the rounded geometry of all three layers as one JSON text (for the catchment page). */
	geometry: boolean;
}

/** Test servers only (KONTORATLAS_TEST_POOL_JOBS=1): a job that throws, kills its thread, never ends, or exhausts its heap. */
export interface TestJob {
	kind: 'test';
	action: 'throw' | 'exit' | 'sleep' | 'oom';
	ms?: number;
}

/** Residents within reach of the nearest facility, for one or more sets of facilities (what-if: before and after). */
export interface FacilityReachJob {
	kind: 'facility-reach';
	version: number;
	/** JSON of PopulationArea[] (the Stadtteile with residents), parsed and gridded once per version in each worker. */
	model: string;
	sets: [number, number][][];
	distanceM: number;
	walkingM: number;
}

export interface FacilityReachAnswer {
	/** Stadtteil ids in the order of the sums. */
	areaIds: string[];
	sums: ReachSums[];
	ms: number;
}

export type PoolJob = ScenarioJob | FacilityReachJob | ReportJob | TestJob;

export interface ScenarioAnswer {
	figures: CoverageFigures;
	/** /api/catchments?mode=rings: rings with walking minutes, then the uncovered areas (JSON). */
	rings: string;
	/** /api/catchments?mode=nearest (JSON). */
	nearest: string;
	best: Suggestion[] | null;
	/** JSON of the rounded CatchmentGeometry, when the job asked for it. */
	geometry: string | null;
	/** Time the computation took in the worker. */
	ms: number;
}

let cached: { version: number; text: string; model: CatchmentModel } | null = null;

function modelFor(job: ScenarioJob): CatchmentModel {
	// The text as well as the version: stores read from folders (tests, scripts) all have version 0.
	if (cached?.version !== job.version || cached.text !== job.model) {
		const inputs = JSON.parse(job.model) as ModelInputs;
		cached = { version: job.version, text: job.model, model: catchmentModel(inputs.areas, inputs.outline, inputs.profileInput) };
	}
	return cached.model;
}

type Polygons<P> = FeatureCollection<Polygon | MultiPolygon, P>;

export function runScenario(job: ScenarioJob): ScenarioAnswer {
	const t = performance.now();
	const model = modelFor(job);
	const { geometry, figures } = computeScenario(model, job.sites, job.distances);
	const rings = roundFeatures(geometry.rings as Polygons<(typeof geometry.rings.features)[number]['properties']>);
	const nearest = roundFeatures(geometry.nearest as Polygons<(typeof geometry.nearest.features)[number]['properties']>);
	const uncovered = roundFeatures(geometry.uncovered as Polygons<(typeof geometry.uncovered.features)[number]['properties']>);
	const ringsBody: FeatureCollection = {
		type: 'FeatureCollection',
		features: [
			// Walking time: straight line × 1.3 at 4.8 km/h, an approximation, not a network isochrone.
			...rings.features.map((f) => ({ ...f, properties: { ...f.properties, walkingMinutes: Math.round(walkingMinutes(f.properties.distance) * 10) / 10 } })),
			...uncovered.features
		]
	};
	const best = job.best === null ? null : bestNextLocations(model.pop, job.sites, job.best, model.outline);
	return {
		figures,
		rings: JSON.stringify(ringsBody),
		nearest: JSON.stringify(nearest),
		best,
		geometry: job.geometry ? JSON.stringify({ rings, nearest, uncovered }) : null,
		ms: performance.now() - t
	};
}

let cachedSurface: { version: number; text: string; surface: PopulationSurface; scratch: Nearest } | null = null;

export function runFacilityReach(job: FacilityReachJob): FacilityReachAnswer {
	const t = performance.now();
	if (cachedSurface?.version !== job.version || cachedSurface.text !== job.model) {
		const surface = populationSurface(JSON.parse(job.model) as PopulationArea[]);
		const n = surface.x.length;
		cachedSurface = { version: job.version, text: job.model, surface, scratch: { index: new Int32Array(n), distance: new Float64Array(n) } };
	}
	const { surface, scratch } = cachedSurface;
	return { areaIds: surface.areaIds, sums: job.sets.map((set) => reachSums(surface, set, job.distanceM, job.walkingM, scratch)), ms: performance.now() - t };
}

function runTest(job: TestJob): null {
	// In-process (vite dev) these would stop or block the server itself.
	if (isMainThread) throw new Error('test jobs run only in pool workers');
	if (job.action === 'throw') throw new Error('test job: thrown on purpose');
	if (job.action === 'exit') process.exit(3);
	if (job.action === 'sleep') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, job.ms ?? 1000);
	if (job.action === 'oom') {
		const hoard: number[][] = [];
		for (;;) hoard.push(new Array(1e6).fill(hoard.length));
	}
	return null;
}

/** Report jobs load the PDF and Word libraries only when the first one comes. */
async function runReport(job: ReportJob): Promise<Uint8Array> {
	const { renderReportJob } = await import('./report/render');
	return renderReportJob(job);
}

/** The pool's task handler (piscina calls it by this name). */
export function runJob(job: PoolJob): ScenarioAnswer | FacilityReachAnswer | Promise<Uint8Array> | null {
	if (job.kind === 'report') return runReport(job);
	if (job.kind === 'scenario') return runScenario(job);
	if (job.kind === 'facility-reach') return runFacilityReach(job);
	return runTest(job);
}
