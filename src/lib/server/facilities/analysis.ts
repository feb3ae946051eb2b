// Supply and reach analyses of the facility register over the store: supply figures per area
// (count, capacity, target group, ratios), residents within reach of the nearest facility (in the
// analysis pool, on the catchments' population surface), and the what-if of added or removed facilities.
import type { FacilityType } from '$lib/facilities/contracts';
import { reachRows, walkingReachM, type ReachRow } from '$lib/facilities/reach';
import { supplyRows, type SupplyArea, type SupplyFacility, type SupplyRow, type TargetFigure } from '$lib/facilities/supply';
import { DEFAULT_SPACING_M } from '$lib/geo/population';
import { WALKING_DEFAULTS } from '$lib/geo/walking';
import { translator, type Locale } from '$lib/i18n';
import { facilities as facilitiesSection } from '$lib/i18n/facilities';
import { valueFor } from '../api';
import { catchmentsFor } from '../catchments';
import { ProblemError } from '../http';
import { runInPool } from '../pool';
import { finestWithin, isAreaLevel } from '../levels';
import type { Store } from '../store';

/** The areas of a level as sets of finest areas (coarser ones by the profile's hierarchy; the city as a whole is all). */
export function areasAt(store: Store, level: string): SupplyArea[] {
	const byName = (a: SupplyArea, b: SupplyArea) => a.name.localeCompare(b.name, 'de');
	if (!isAreaLevel(store, level)) return [cityArea(store)];
	return store.areasByLevel[level]
		.map((a) => ({ id: a.properties.id, name: a.properties.name, stadtteile: finestWithin(store, a.properties.id).map((s) => s.properties.id) }))
		.sort(byName);
}

function cityArea(store: Store): SupplyArea {
	return {
		id: store.cityId,
		name: store.areaById.get(store.cityId)!.properties.name,
		stadtteile: store.areasByLevel[store.finest].map((s) => s.properties.id)
	};
}

function targetOf(store: Store, type: FacilityType): ((area: string) => TargetFigure | null) | null {
	const g = type.targetGroup;
	if (!g || !store.indicatorById.has(g.indicator)) return null;
	return (area) => {
		const v = valueFor(store, g.indicator, area, null);
		const x = v?.[g.measure] ?? null;
		return v && x !== null ? { value: x, year: v.year } : null;
	};
}

export function supplyFor(store: Store, facilities: SupplyFacility[], type: FacilityType, level: string, locale: Locale) {
	const t = translator(locale, facilitiesSection);
	const target = targetOf(store, type);
	const hasCapacity = type.capacityUnit !== null;
	const meta = type.targetGroup ? store.indicatorById.get(type.targetGroup.indicator) : undefined;
	const facilityBeispiel = store.derived.facilities.features.some((f) => f.properties.beispieldaten);
	return {
		type: { id: type.id, label: type.label[locale], capacityUnit: type.capacityUnit?.[locale] ?? null },
		level,
		targetGroup:
			type.targetGroup && meta
				? { indicator: meta.id, measure: type.targetGroup.measure, label: type.targetGroup.label[locale], beispieldaten: meta.beispieldaten }
				: null,
		beispieldaten: facilityBeispiel || (meta?.beispieldaten ?? false),
		notes: [
			...(facilityBeispiel ? [t('fac.beispieldaten')] : []),
			...(target === null && type.targetNote ? [t('fac.noTarget', { note: type.targetNote[locale] })] : [])
		],
		rows: supplyRows(facilities, type.id, areasAt(store, level), target, hasCapacity),
		city: supplyRows(facilities, type.id, [cityArea(store)], target, hasCapacity)[0]
	};
}

export const REACH_LIMITS = { distance: { min: 50, max: 10000, default: 500 }, minutes: { min: 1, max: 120, default: 10 } } as const;

/** `?m=` and `?min=` style whole numbers within limits; a bad one is a 400 naming the parameter. */
export function parseWholeNumber(raw: string | null, parameter: string, limits: { min: number; max: number; default: number }): number {
	if (raw === null || raw === '') return limits.default;
	const n = Number(raw);
	if (!/^\d+$/.test(raw) || n < limits.min || n > limits.max) {
		throw new ProblemError(400, {
			title: 'fac.problem.distance',
			detail: 'fac.problem.distance.detail',
			params: { min: limits.min, max: limits.max, raw: raw.slice(0, 40) },
			parameter
		});
	}
	return n;
}

export interface ReachFigures {
	rows: ReachRow[];
	city: ReachRow;
}

const reachModels = new WeakMap<Store, string>();

/** Residents within `distanceM` and within `minutes` of walking of the nearest facility, for each set of positions. */
export async function reachFor(store: Store, sets: [number, number][][], level: string, distanceM: number, minutes: number): Promise<ReachFigures[]> {
	let model = reachModels.get(store);
	if (!model) reachModels.set(store, (model = JSON.stringify(catchmentsFor(store).inputs.areas)));
	const answer = await runInPool({ kind: 'facility-reach', version: store.version, model, sets, distanceM, walkingM: walkingReachM(minutes) });
	const areas = areasAt(store, level);
	return answer.sums.map((sums, i) => ({
		rows: reachRows(sums, answer.areaIds, areas, sets[i].length > 0),
		city: reachRows(sums, answer.areaIds, [cityArea(store)], sets[i].length > 0)[0]
	}));
}

/** How the reach figures are made, for the answer: always an approximation. */
export function reachModel(locale: Locale, minutes: number) {
	const t = translator(locale, facilitiesSection);
	return {
		approximation: t('fac.approx', { detour: WALKING_DEFAULTS.detour, speed: WALKING_DEFAULTS.speedKmh }),
		population: t('fac.population', { spacing: DEFAULT_SPACING_M }),
		pointSpacingM: DEFAULT_SPACING_M,
		walking: WALKING_DEFAULTS,
		walkingReachM: Math.round(walkingReachM(minutes))
	};
}

export type { SupplyRow };
