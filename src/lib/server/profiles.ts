// Queries behind the district profile, the comparison and the panels: time series of every area
// of a level, one area's profile, the validation of a comparison list, similar areas and the
// inputs of the Sozialindex. Pure functions of the store, like api.ts.
import type { AreaProps, IndicatorMeta, KontorProps } from '$lib/data/contracts';
import { compareNames } from '$lib/i18n';
import { nearestNeighbours, type AreaVector, type Neighbour } from '$lib/stats/similarity';
import { MAX_COMPARE, MIN_COMPARE } from '$lib/state/selection';
import { zScores } from '$lib/stats/zscore';
import type { AreaProfile, AreaSeries, Comparison, KontorSummary } from '$lib/data/responses';

export type { AreaSeries, SeriesPoint } from '$lib/data/responses';
import { areasByName, indicatorTable, valueFor } from './api';
import { ProblemError } from './http';
import { finestWithin, gridResidents, isAreaLevel } from './levels';
import type { Store } from './store';

export interface IndicatorSeries {
	indicator: IndicatorMeta;
	level: string;
	/** Every year in which the city or an area of the level has a value. */
	years: number[];
	beispieldaten: boolean;
	city: AreaSeries;
	areas: AreaSeries[];
}

const byName = (a: { properties: { name: string } }, b: { properties: { name: string } }) => compareNames(a.properties.name, b.properties.name);

function seriesOf(store: Store, indicator: string, area: string, name: string, years: number[]): AreaSeries {
	const list = store.series.get(indicator)?.get(area) ?? [];
	return {
		area,
		name,
		values: years.map((year) => {
			const v = list.find((x) => x.year === year);
			return { year, value: v?.value ?? null, stand: v?.stand ?? null };
		})
	};
}

const yearsByStore = new WeakMap<Store, Map<string, Map<string, Set<number>>>>();

/**
 * The years in which some area of `level` has a value of the indicator: counted once per store, for
 * every indicator and level in one pass over the values. Counted per request, a large level's
 * series (asked for by every change of the indicator) took 6–16 ms on VG250's 11,299 Gemeinden.
 */
function yearsWithValues(store: Store, indicator: string, level: string): ReadonlySet<number> {
	let byIndicator = yearsByStore.get(store);
	if (!byIndicator) {
		byIndicator = new Map();
		for (const [id, byArea] of store.series) {
			const byLevel = new Map<string, Set<number>>();
			for (const [area, list] of byArea) {
				const of = store.areaById.get(area)?.properties.level;
				if (of === undefined) continue;
				let years = byLevel.get(of);
				if (!years) byLevel.set(of, (years = new Set()));
				for (const v of list) if (v.value !== null) years.add(v.year);
			}
			byIndicator.set(id, byLevel);
		}
		yearsByStore.set(store, byIndicator);
	}
	return byIndicator.get(indicator)?.get(level) ?? new Set();
}

/**
 * Every area's series of a level and the city's; with `only`, the series of just those areas (a
 * large level's panel shows the selection, not thousands of lines), over the same years.
 */
export function indicatorSeries(store: Store, meta: IndicatorMeta, level: string, only?: string[]): IndicatorSeries {
	const areas = areasByName(store, level);
	const seen = new Set(yearsWithValues(store, meta.id, level));
	for (const v of store.series.get(meta.id)?.get(store.cityId) ?? []) if (v.value !== null) seen.add(v.year);
	const years = [...seen].sort((a, b) => a - b);
	const city = store.areaById.get(store.cityId)!;
	return {
		indicator: meta,
		level,
		years,
		beispieldaten: meta.beispieldaten,
		city: seriesOf(store, meta.id, store.cityId, city.properties.name, years),
		areas: (only ? areas.filter((a) => only.includes(a.properties.id)) : areas).map((a) => seriesOf(store, meta.id, a.properties.id, a.properties.name, years))
	};
}

/** `areas=a,b` of a series request: ids of areas of the level (none: the city alone); null when not given. */
export function parseSeriesAreas(raw: string | null, store: Store, level: string): string[] | null {
	if (raw === null) return null;
	const ids = raw === '' ? [] : raw.split(',');
	const wrong = ids.find((id) => store.areaById.get(id)?.properties.level !== level);
	if (wrong !== undefined)
		throw new ProblemError(400, {
			title: 'problem.areaOfLevel',
			detail: 'problem.areaOfLevel.detail',
			params: { level, id: wrong.slice(0, 60) },
			parameter: 'areas'
		});
	return ids;
}

function kontorSummary(store: Store, k: KontorProps): KontorSummary {
	return {
		id: k.id,
		name: k.name,
		area: k.area,
		locationPrecision: k.locationPrecision,
		knownLocation: k.knownLocation,
		areaName: store.areaById.get(k.area)?.properties.name ?? k.area
	};
}

function kontoreIn(store: Store, area: AreaProps): KontorSummary[] {
	const finest = finestWithin(store, area.id).map((s) => s.properties.id);
	return store.derived.kontore.features
		.map((f) => f.properties)
		.filter((k) => finest.includes(k.area))
		.map((k) => kontorSummary(store, k));
}

/** The profile of an area of the given level; 404 for an unknown id or one of another level. */
export function areaProfile(store: Store, id: string, level: string): AreaProfile {
	const feature = store.areaById.get(id);
	if (!feature || feature.properties.level !== level) {
		throw new ProblemError(404, {
			title: 'problem.areaOfLevel',
			detail: 'problem.areaOfLevel.detail',
			params: { level, id: id.slice(0, 60) },
			parameter: 'id',
			allowed: (store.areasByLevel[level] ?? []).map((a) => a.properties.id)
		});
	}
	const area = feature.properties;
	const parent = area.parent ? store.areaById.get(area.parent) : undefined;
	const kontore = kontoreIn(store, area);
	const indicators = store.derived.indicators.map((meta) => {
		const table = indicatorTable(store, meta, level, null);
		const i = table.rows.findIndex((r) => r.area === id);
		const row = table.rows[i] ?? null;
		const reference = table.reference.value;
		const z =
			zScores(
				table.rows.map((r) => r.value),
				reference
			)[i] ?? null;
		const s = indicatorSeries(store, meta, level);
		return {
			indicator: meta,
			row,
			ranked: table.rows.filter((r) => r.value !== null).length,
			reference,
			z,
			series: s.areas.find((a) => a.area === id)!.values,
			citySeries: s.city.values
		};
	});
	const datasetIds = new Set(['gebiete', 'stadtteile', 'kontore', ...store.derived.indicators.flatMap((m) => m.datasets)]);
	return {
		area,
		cityName: store.areaById.get(store.cityId)!.properties.name,
		parent: parent ? { id: parent.properties.id, name: parent.properties.name } : null,
		// Grid cells are not listed: thousands of them, reached through the grid level itself.
		children: store.levels
			.filter((l) => !l.grid)
			.flatMap((l) => store.areasByLevel[l.id])
			.filter((s) => s.properties.parent === id)
			.sort(byName)
			.map((s) => ({ id: s.properties.id, name: s.properties.name })),
		kontore,
		nearbyKontore: kontore.length === 0 && parent ? kontoreIn(store, parent.properties) : [],
		indicators,
		datasets: store.derived.datasets.filter((d) => datasetIds.has(d.id)).map(({ files: _files, ...meta }) => meta),
		...gridComparison(store, id)
	};
}

/** The grid's residents of a polygon area beside its official residents (issue #21). */
function gridComparison(store: Store, id: string): Pick<AreaProfile, 'grid'> {
	const grid = gridResidents(store);
	const area = store.areaById.get(id);
	if (!grid || !area || store.levels.find((l) => l.id === area.properties.level)?.grid) return {};
	const sum = valueFor(store, grid.indicator, id, null);
	if (!sum) return {};
	return {
		grid: {
			cell: grid.cell,
			sum: sum.value,
			official: valueFor(store, 'einwohner', id, null)?.value ?? null,
			beispieldaten: store.indicatorById.get(grid.indicator)!.beispieldaten
		}
	};
}

/** Latest value of each indicator per area of the level: the vectors of similarity and index. */
export function areaVectors(store: Store, level: string, indicators: string[], year: number | null = null): AreaVector[] {
	return areasByName(store, level).map((a) => ({
		id: a.properties.id,
		name: a.properties.name,
		values: Object.fromEntries(indicators.map((ind) => [ind, valueFor(store, ind, a.properties.id, year)?.value ?? null]))
	}));
}

/** Indicators that describe a social situation (not size): the default space for "similar areas". */
export function socialIndicators(store: Store): string[] {
	return store.derived.indicators.filter((m) => m.aggregation.method === 'rate' || m.aggregation.method === 'weighted-mean').map((m) => m.id);
}

export function similarAreas(store: Store, id: string, level: string, indicators: string[], k = 5): Neighbour[] {
	return nearestNeighbours(areaVectors(store, level, indicators), id, indicators, k);
}

export type CompareProblem = { reason: 'missing' | 'too-few' | 'too-many' | 'duplicate' | 'unknown' | 'mixed-level'; values: string[] };

/** Validates `ids` for a comparison: MIN_COMPARE to MAX_COMPARE distinct known areas of one level (not the city as a whole). */
export function checkCompareIds(raw: string | null, store: Store): { ids: string[]; level: string } | CompareProblem {
	if (raw === null || raw.trim() === '') return { reason: 'missing', values: [] };
	const ids = raw
		.split(',')
		.map((s) => s.trim().slice(0, 60))
		.filter((s) => s !== '');
	const duplicates = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
	if (duplicates.length) return { reason: 'duplicate', values: duplicates };
	const unknown = ids.filter((id) => {
		const a = store.areaById.get(id);
		return !a || !isAreaLevel(store, a.properties.level);
	});
	if (unknown.length) return { reason: 'unknown', values: unknown.slice(0, 10) };
	if (ids.length < MIN_COMPARE) return { reason: 'too-few', values: ids };
	if (ids.length > MAX_COMPARE) return { reason: 'too-many', values: ids.slice(0, 10) };
	const levels = [...new Set(ids.map((id) => store.areaById.get(id)!.properties.level))];
	if (levels.length > 1) return { reason: 'mixed-level', values: levels };
	return { ids, level: levels[0] };
}

export function compareProblemError(p: CompareProblem): ProblemError {
	const detail = (
		{
			missing: 'problem.compare.missing',
			'too-few': 'problem.compare.tooFew',
			'too-many': 'problem.compare.tooMany',
			duplicate: 'problem.compare.duplicate',
			unknown: 'problem.compareUnknown.detail',
			'mixed-level': 'problem.compare.mixedLevel'
		} as const
	)[p.reason];
	return new ProblemError(p.reason === 'unknown' ? 404 : 400, {
		title: p.reason === 'unknown' ? 'problem.compareUnknown' : 'problem.compare',
		detail,
		params: { ids: p.values.join(', '), min: MIN_COMPARE, max: MAX_COMPARE },
		parameter: 'ids'
	});
}

export function comparison(store: Store, ids: string[], level: string): Comparison {
	return {
		level,
		areas: ids.map((id) => ({ id, name: store.areaById.get(id)!.properties.name })),
		cityName: store.areaById.get(store.cityId)!.properties.name,
		indicators: store.derived.indicators.map((meta) => {
			const table = indicatorTable(store, meta, level, null);
			const z = zScores(
				table.rows.map((r) => r.value),
				table.reference.value
			);
			const s = indicatorSeries(store, meta, level);
			return {
				indicator: meta,
				rows: ids.map((id) => table.rows.find((r) => r.area === id) ?? null),
				z: ids.map((id) => z[table.rows.findIndex((r) => r.area === id)] ?? null),
				reference: { year: table.reference.year, value: table.reference.value },
				series: ids.map((id) => s.areas.find((a) => a.area === id)!),
				citySeries: s.city,
				years: s.years
			};
		})
	};
}
