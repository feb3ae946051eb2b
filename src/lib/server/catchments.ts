// Catchment inputs from the store: Stadtteile with their latest residents, the city outline, the
// Kontore and the indicator values for catchment profiles. Scenarios are computed in the analysis
// pool (pool.ts) and kept in a bounded cache keyed by the store's data version.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { featureCollection } from '@turf/helpers';
import { union } from '@turf/union';
import type { Feature } from 'geojson';
import type { IndicatorMeta, IndicatorValue } from '$lib/data/contracts';
import type { Area, KontorSite } from '$lib/geo/catchments';
import type { Suggestion } from '$lib/geo/covering';
import type { PopulationArea } from '$lib/geo/population';
import type { ProfileInput } from '$lib/geo/profiles';
import type { CatchmentGeometry, CoverageFigures } from '$lib/geo/scenario';
import { LRUCache } from 'lru-cache';
import {
	CATCHMENT_MODES,
	checkDistance,
	checkDistances,
	checkKontorIds,
	checkMode,
	checkPoints,
	type CatchmentMode,
	type Checked
} from '$lib/state/catchmentParams';
import { defaultView } from '$lib/state/catchmentView';
import { valueFor } from './api';
import { ProblemError } from './http';
import { gridResidents } from './levels';
import { PoolError, runInPool } from './pool';
import type { ModelInputs, ScenarioAnswer } from './poolJobs';
import type { Store } from './store';

export interface CatchmentInputs {
	areas: PopulationArea[];
	outline: Feature<Area>;
	kontore: KontorSite[];
	profileInput: ProfileInput;
	/** Year of each profile indicator's values, or null where each Stadtteil has its own latest. */
	profileYears: Record<string, number | null>;
	/** Reference date of each Stadtteil's residents ("Einwohner nach letztem Stand je Stadtteil"). */
	populationStand: Record<string, string | null>;
	/** Where residents within an area are placed: census grid cells, or spread evenly (see PopulationSource). */
	populationSource: PopulationSource;
}

/**
 * The city as one area, for points added inside it: the top level's area where it has one, else
 * the union of the top level's areas (a city whose top level is its boroughs, or that has one level only).
 */
function cityOutline(store: Store): Feature<Area> {
	const top = store.areasByLevel[store.levels[store.levels.length - 1].id] as unknown as Feature<Area>[];
	if (top.length === 1) return top[0];
	const merged = union(featureCollection(top));
	if (!merged) throw new Error(`catchments: the areas of level ${store.levels[store.levels.length - 1].id} have no common outline`);
	return { type: 'Feature', properties: {}, geometry: merged.geometry };
}

/**
 * Residents within each finest area come from the census grid level under it where it has residents
 * (`Einwohner` of its census files), else they are spread evenly over the area.
 */
export type PopulationSource =
	| {
			kind: 'grid';
			level: string;
			cell: '100m' | '1km';
			indicator: string;
			dataset: { id: string; title: { de: string; en: string } };
			beispieldaten: boolean;
			cells: number;
	  }
	| { kind: 'even'; level: string };

export function catchmentInputs(store: Store): CatchmentInputs {
	const stadtteile = store.areasByLevel[store.finest];
	const populationStand: Record<string, string | null> = {};
	// The grid's populated cells per finest area; a cell kept secret counts as empty (the census keeps only small counts secret).
	const grid = gridResidents(store);
	const cellsOf = new Map<string, [number, number, number][]>();
	let populated = 0;
	if (grid)
		for (const cell of store.areasByLevel[grid.level]) {
			const residents = valueFor(store, grid.indicator, cell.properties.id, null)?.value ?? 0;
			if (residents <= 0 || !cell.properties.parent) continue;
			const list = cellsOf.get(cell.properties.parent) ?? [];
			cellsOf.set(cell.properties.parent, list);
			list.push([...cell.properties.labelPoint, residents]);
			populated++;
		}
	const areas: PopulationArea[] = stadtteile.map((f) => {
		const v = valueFor(store, 'einwohner', f.properties.id, null);
		populationStand[f.properties.id] = v?.stand ?? (v ? String(v.year) : null);
		const cells = cellsOf.get(f.properties.id);
		return { id: f.properties.id, population: v?.value ?? 0, geometry: f.geometry as Area, ...(cells && { cells }) };
	});
	const outline = cityOutline(store);
	const meta = grid && store.indicatorById.get(grid.indicator)!;
	const populationSource: PopulationSource =
		grid && populated
			? {
					kind: 'grid',
					level: grid.level,
					cell: grid.cell,
					indicator: grid.indicator,
					dataset: { id: meta!.datasets[0] ?? '', title: store.derived.datasets.find((d) => d.id === meta!.datasets[0])?.title ?? meta!.label },
					beispieldaten: meta!.beispieldaten,
					cells: populated
				}
			: { kind: 'even', level: store.finest };
	const kontore = store.derived.kontore.features.map((k) => ({
		id: k.properties.id,
		name: k.properties.name,
		lonLat: k.geometry.coordinates as [number, number]
	}));

	const indicators: IndicatorMeta[] = store.derived.indicators;
	const values: IndicatorValue[] = [];
	const profileYears: Record<string, number | null> = {};
	for (const meta of indicators) {
		if (meta.aggregation.method === 'ratio') continue;
		// One common year where every Stadtteil has a value; otherwise each Stadtteil's latest.
		const common = [...meta.years].reverse().find((y) => stadtteile.every((f) => valueFor(store, meta.id, f.properties.id, y)?.value != null)) ?? null;
		profileYears[meta.id] = meta.beispieldaten ? common : null;
		for (const f of stadtteile) {
			const v = valueFor(store, meta.id, f.properties.id, profileYears[meta.id]);
			if (v) values.push(v);
		}
	}
	for (const meta of indicators) if (meta.aggregation.method === 'ratio') profileYears[meta.id] = null;
	return { areas, outline, kontore, profileInput: { indicators, values }, profileYears, populationStand, populationSource };
}

const models = new WeakMap<Store, { inputs: CatchmentInputs; model: string }>();

/** The inputs of a store, and its model inputs as the JSON text every pool job carries (made once per store). */
export function catchmentsFor(store: Store): { inputs: CatchmentInputs; model: string } {
	let entry = models.get(store);
	if (!entry) {
		const inputs = catchmentInputs(store);
		const model: ModelInputs = { areas: inputs.areas, outline: inputs.outline, profileInput: inputs.profileInput };
		entry = { inputs, model: JSON.stringify(model) };
		models.set(store, entry);
	}
	return entry;
}

export interface ScenarioQuery {
	mode: CatchmentMode;
	distances: number[];
	sites: KontorSite[];
	/** Distance for the best next location, when asked for. */
	best: number | null;
	key: string;
}

/** Query parameters of /api/catchments and /api/coverage; bad ones become 400 naming the parameter. */
export function parseScenarioQuery(url: URL, store: Store): ScenarioQuery {
	const { inputs } = catchmentsFor(store);
	const q = url.searchParams;
	const known = inputs.kontore.map((k) => k.id);
	const mode = orProblem('mode', checkMode(q.get('mode')), [...CATCHMENT_MODES]);
	const distances = orProblem('distances', checkDistances(q.get('distances')));
	const ids = orProblem('kontore', checkKontorIds(q.get('kontore'), known), known);
	const added = orProblem(
		'add',
		checkPoints(q.get('add'), (p) => booleanPointInPolygon(p, inputs.outline))
	);
	const best = q.has('best') ? orProblem('best', checkDistance(q.get('best'), 1000)) : null;
	const sites = [
		...inputs.kontore.filter((k) => ids === null || ids.includes(k.id)),
		...added.map((lonLat, i) => ({ id: `neu-${i + 1}`, name: `Hypothetisches Kontor ${i + 1}`, lonLat, hypothetical: true }))
	];
	const key = JSON.stringify([distances, sites.map((s) => [s.id, s.lonLat]), best]);
	return { mode, distances, sites, best, key };
}

function orProblem<T>(parameter: string, checked: Checked<T>, allowed?: string[]): T {
	if (checked.ok) return checked.value;
	throw new ProblemError(400, {
		title: 'problem.parameter',
		detail: 'problem.parameter.detail',
		params: { parameter, error: checked.error },
		parameter,
		...(allowed ? { allowed } : {})
	});
}

/** Computed scenarios with their answer bodies, bounded in bytes; keys start with the data version. */
const scenarios = new LRUCache<string, ScenarioAnswer>({
	max: 200,
	maxSize: 48 * 1024 * 1024,
	sizeCalculation: (a) => a.rings.length + a.nearest.length + (a.geometry?.length ?? 0) + 1024
});
/** Jobs under way: the same scenario asked for twice at once is computed once. */
const running = new Map<string, Promise<ScenarioAnswer>>();
let scenarioVersion: number | null = null;

/** The scenario of `query` (with the rounded geometry of all layers too, for `geometry`), from the cache or the pool. */
export async function scenarioFor(store: Store, query: ScenarioQuery, geometry = false): Promise<ScenarioAnswer> {
	// Another version's figures are never served, and take no room.
	if (scenarioVersion !== store.version) {
		scenarios.clear();
		scenarioVersion = store.version;
	}
	// The public view of a version has its own figures (internal indicators left out of the profiles).
	const key = `${store.version} ${store.audience} ${geometry ? 'g' : '-'} ${query.key}`;
	const cached = scenarios.get(key);
	if (cached) return cached;
	let job = running.get(key);
	if (!job) {
		const { model } = catchmentsFor(store);
		job = runInPool({ kind: 'scenario', version: store.version, model, sites: query.sites, distances: query.distances, best: query.best, geometry });
		running.set(key, job);
		void job.then(
			(answer) => {
				running.delete(key);
				if (scenarioVersion === store.version) scenarios.set(key, answer);
			},
			() => running.delete(key)
		);
	}
	return job;
}

/** What the catchment page's Web Worker answers, for the default view (the real Kontore, default distances and reach). */
export interface DefaultScenario {
	scenario: { geometry: CatchmentGeometry; figures: CoverageFigures };
	before: CoverageFigures;
	best: Suggestion[];
	ms: number;
}

const parsedDefaults = new WeakMap<ScenarioAnswer, DefaultScenario>();

/**
 * The default view's scenario, computed in the pool once per data version, so that the catchment
 * page shows its figures at first paint; null when the pool cannot answer now (the page's own
 * worker computes it then).
 */
export async function defaultScenario(store: Store): Promise<DefaultScenario | null> {
	const { inputs } = catchmentsFor(store);
	const { distances, reach } = defaultView();
	const sites = inputs.kontore;
	const query: ScenarioQuery = { mode: 'rings', distances, sites, best: reach, key: JSON.stringify([distances, sites.map((s) => [s.id, s.lonLat]), reach]) };
	let answer: ScenarioAnswer;
	try {
		answer = await scenarioFor(store, query, true);
	} catch (e) {
		if (e instanceof PoolError) return null;
		throw e;
	}
	let parsed = parsedDefaults.get(answer);
	if (!parsed) {
		const figures = answer.figures;
		parsed = { scenario: { geometry: JSON.parse(answer.geometry!) as CatchmentGeometry, figures }, before: figures, best: answer.best ?? [], ms: answer.ms };
		parsedDefaults.set(answer, parsed);
	}
	return parsed;
}
