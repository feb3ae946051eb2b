// Catchment inputs from the store: Stadtteile with their latest residents, the city outline, the
// Kontore and the indicator values for catchment profiles; the model is built once per store.
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature } from 'geojson';
import type { IndicatorMeta, IndicatorValue } from '$lib/data/contracts';
import type { Area, KontorSite } from '$lib/geo/catchments';
import type { PopulationArea } from '$lib/geo/population';
import type { ProfileInput } from '$lib/geo/profiles';
import { catchmentModel, computeScenario, type CatchmentModel, type Scenario } from '$lib/geo/scenario';
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
import { valueFor } from './api';
import { ProblemError } from './http';
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
}

export function catchmentInputs(store: Store): CatchmentInputs {
	const stadtteile = store.areasByLevel.stadtteil;
	const populationStand: Record<string, string | null> = {};
	const areas: PopulationArea[] = stadtteile.map((f) => {
		const v = valueFor(store, 'einwohner', f.properties.id, null);
		populationStand[f.properties.id] = v?.stand ?? (v ? String(v.year) : null);
		return { id: f.properties.id, population: v?.value ?? 0, geometry: f.geometry as Area };
	});
	const outline = store.areasByLevel.stadt[0] as unknown as Feature<Area>;
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
	return { areas, outline, kontore, profileInput: { indicators, values }, profileYears, populationStand };
}

const models = new WeakMap<Store, { inputs: CatchmentInputs; model: CatchmentModel }>();

export function catchmentsFor(store: Store): { inputs: CatchmentInputs; model: CatchmentModel } {
	let entry = models.get(store);
	if (!entry) {
		const inputs = catchmentInputs(store);
		entry = { inputs, model: catchmentModel(inputs.areas, inputs.outline, inputs.profileInput) };
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

const scenarios = new Map<string, Scenario>();
const SCENARIO_CACHE = 50;

export function scenarioFor(store: Store, query: ScenarioQuery): Scenario {
	const cached = scenarios.get(query.key);
	if (cached) return cached;
	const scenario = computeScenario(catchmentsFor(store).model, query.sites, query.distances);
	if (scenarios.size >= SCENARIO_CACHE) scenarios.delete(scenarios.keys().next().value!);
	scenarios.set(query.key, scenario);
	return scenario;
}
