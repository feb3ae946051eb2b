// The API's queries: parameter parsing (with problem details naming what is allowed) and
// the answers built from the store. No HTTP here, so each query is unit-testable.
import type { Feature, FeatureCollection } from 'geojson';
import type { IndicatorMeta, IndicatorValue } from '$lib/data/contracts';
import { compareNames } from '$lib/i18n';
import type { AreaFeature } from '$lib/data/derived';
import type { IndicatorTable } from '$lib/data/responses';
import type { ColumnTable } from '$lib/data/tableColumns';
import { deviation, rankDescending } from '$lib/stats/rank';
import { ProblemError } from './http';
import type { Store } from './store';

const MAX_LIST = 20;

/** A level id of the profile; without one, the finest level. */
export function parseLevel(raw: string | null, store: Store, fallback: string = store.finest): string {
	if (raw === null || raw === '') return fallback;
	if (store.areasByLevel[raw]) return raw;
	throw new ProblemError(400, {
		title: 'problem.level',
		detail: 'problem.level.detail',
		params: { level: clip(raw) },
		parameter: 'level',
		allowed: store.levels.map((l) => l.id)
	});
}

export function parseIndicatorList(raw: string | null, store: Store): string[] {
	if (raw === null) return [];
	const ids = raw.split(',').map((s) => s.trim());
	if (ids.some((s) => s === '') || ids.length > MAX_LIST) {
		throw new ProblemError(400, {
			title: 'problem.list',
			detail: 'problem.list.detail',
			params: { max: MAX_LIST },
			parameter: 'indicators',
			allowed: [...store.indicatorById.keys()]
		});
	}
	const unknown = ids.filter((id) => !store.indicatorById.has(id));
	if (unknown.length) {
		throw new ProblemError(400, {
			title: 'problem.indicators',
			detail: 'problem.indicators.detail',
			params: { ids: unknown.map(clip).join(', ') },
			parameter: 'indicators',
			allowed: [...store.indicatorById.keys()]
		});
	}
	return [...new Set(ids)];
}

/** A year must be one of the years the chosen indicator(s) have (a function: asked for only when a year is given); absent means "latest per area". */
export function parseYear(raw: string | null, years: number[] | (() => number[])): number | null {
	if (raw === null || raw === '' || raw === 'latest') return null;
	const allowed = [...new Set(typeof years === 'function' ? years() : years)].sort((a, b) => a - b);
	if (!/^\d{4}$/.test(raw)) {
		throw new ProblemError(400, {
			title: 'problem.year',
			detail: 'problem.year.detail',
			params: { year: clip(raw) },
			parameter: 'year',
			allowed
		});
	}
	const year = Number(raw);
	if (!allowed.includes(year)) {
		throw new ProblemError(400, { title: 'problem.yearEmpty', detail: 'problem.yearEmpty.detail', params: { year }, parameter: 'year', allowed });
	}
	return year;
}

export function getIndicator(store: Store, id: string): IndicatorMeta {
	const meta = store.indicatorById.get(id);
	if (!meta)
		throw new ProblemError(404, {
			title: 'problem.indicator',
			detail: 'problem.indicator.detail',
			params: { id: clip(id) },
			parameter: 'id',
			allowed: [...store.indicatorById.keys()]
		});
	return meta;
}

export function getArea(store: Store, id: string): AreaFeature {
	const area = store.areaById.get(id);
	if (!area) throw new ProblemError(404, { title: 'problem.area', detail: 'problem.area.detail', params: { id: clip(id) }, parameter: 'id' });
	return area;
}

/** The value of an area in a year, or its latest value when year is null. */
export function valueFor(store: Store, indicator: string, area: string, year: number | null): IndicatorValue | null {
	const list = store.series.get(indicator)?.get(area);
	if (!list) return null;
	if (year !== null) return list.find((v) => v.year === year) ?? null;
	// A suppressed latest value stays the latest: falling back to an older year would hide that it exists.
	for (let i = list.length - 1; i >= 0; i--) if (list[i].value !== null || list[i].suppressed) return list[i];
	return null;
}

export function areaCollection(store: Store, level: string, indicators: string[], year: number | null): FeatureCollection {
	return {
		type: 'FeatureCollection',
		features: store.areasByLevel[level].map((f) => joinValues(store, f, indicators, year))
	};
}

/** Values joined as flat properties ("einwohner", "einwohner.year", "einwohner.stand"): map styles read them directly. */
export function joinValues(store: Store, f: AreaFeature, indicators: string[], year: number | null): Feature {
	const props: Record<string, unknown> = { ...f.properties };
	for (const id of indicators) {
		const v = valueFor(store, id, f.properties.id, year);
		props[id] = v?.value ?? null;
		props[`${id}.year`] = v?.year ?? year;
		props[`${id}.stand`] = v?.stand ?? null;
		if (v?.suppressed) props[`${id}.suppressed`] = true;
	}
	return { type: 'Feature', id: f.properties.id, geometry: f.geometry, properties: props };
}

const sortedByName = new WeakMap<Store, Map<string, readonly AreaFeature[]>>();

/**
 * The areas of a level sorted by name, as tables, series and profiles list them: sorted once per
 * store (11,299 municipalities took 25 ms each time).
 */
export function areasByName(store: Store, level: string): readonly AreaFeature[] {
	let levels = sortedByName.get(store);
	if (!levels) sortedByName.set(store, (levels = new Map()));
	let areas = levels.get(level);
	if (!areas) levels.set(level, (areas = [...(store.areasByLevel[level] ?? [])].sort((a, b) => compareNames(a.properties.name, b.properties.name))));
	return areas;
}

/** What a table of the level is made of: its head, the areas (by name unless given) and each one's value in the year. */
function tableParts(store: Store, meta: IndicatorMeta, level: string, year: number | null, areas = areasByName(store, level)) {
	const city = store.areaById.get(store.cityId)!;
	const ref = valueFor(store, meta.id, store.cityId, year);
	return {
		head: {
			indicator: meta,
			level,
			year,
			beispieldaten: meta.beispieldaten,
			reference: { area: store.cityId, name: city.properties.name, year: ref?.year ?? year, value: ref?.value ?? null }
		},
		areas,
		found: areas.map((a) => valueFor(store, meta.id, a.properties.id, year))
	};
}

export function indicatorTable(store: Store, meta: IndicatorMeta, level: string, year: number | null): IndicatorTable {
	const { head, areas, found } = tableParts(store, meta, level, year);
	const ranks = rankDescending(found.map((v) => v?.value ?? null));
	return {
		...head,
		rows: areas.map((a, i) => {
			const v = found[i];
			return {
				area: a.properties.id,
				name: a.properties.name,
				year: v?.year ?? year,
				stand: v?.stand ?? null,
				value: v?.value ?? null,
				numerator: v?.numerator ?? null,
				denominator: v?.denominator ?? null,
				origin: v?.origin ?? null,
				suppressed: v?.suppressed ?? false,
				rank: ranks[i],
				deviation: deviation(v?.value ?? null, head.reference.value)
			};
		})
	};
}

/**
 * The table in columns ($lib/data/tableColumns), made straight from the values: without the rows,
 * ranks and deviations the columns leave out (on VG250 a third of a first request's time). The
 * areas come in the level's order, the tiles' feature ids, as the values for the map list them
 * (levelValues in tilesValues.ts): the page's map takes its values from this one answer.
 */
export function indicatorColumns(store: Store, meta: IndicatorMeta, level: string, year: number | null): ColumnTable {
	const { head, areas, found } = tableParts(store, meta, level, year, store.areasByLevel[level] ?? []);
	const column = <T>(of: (v: IndicatorValue | null) => T) => found.map(of);
	return {
		...head,
		columns: {
			area: areas.map((a) => a.properties.id),
			name: areas.map((a) => a.properties.name),
			year: column((v) => v?.year ?? year),
			stand: column((v) => v?.stand ?? null),
			value: column((v) => v?.value ?? null),
			numerator: column((v) => v?.numerator ?? null),
			denominator: column((v) => v?.denominator ?? null),
			origin: column((v) => v?.origin ?? null),
			suppressed: found.flatMap((v, i) => (v?.suppressed ? [i] : []))
		}
	};
}

/** Echoed user input is shortened so a hostile string cannot bloat or dominate a problem body. */
function clip(s: string): string {
	return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}
