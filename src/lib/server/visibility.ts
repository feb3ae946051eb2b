// Who sees what of the served data (issue #19): the one place where internal indicators and levels
// are withheld from the public. Every answer reads `storeFor(viewer)`; the public view is built once
// per data version and is the full store itself while nothing is internal.
import type { RequestEvent } from '@sveltejs/kit';
import { seesInternal, type Viewer } from '$lib/auth/roles';
import { entryPublicAt, internalLevels } from '$lib/auth/visibility';
import type { IndicatorMeta, IndicatorValue } from '$lib/data/contracts';
import type { AreaFeature, Derived } from '$lib/data/derived';
import { getStore, type Store } from './store';

/**
 * The levels at which each entry's values are public. Internal levels publish nothing. An entry whose
 * rule names another one (a ratio's parts, a mean's weight) is public at a level only where those are
 * too: density times area would give back internal residents. Aggregates are values at their level,
 * so an internal entry's Ortschaft and city totals stay internal unless `publicLevels` names them.
 */
export function publicLevelsOf(indicators: IndicatorMeta[], levels: string[], hiddenLevels: Set<string>): Map<string, Set<string>> {
	const open = new Map(indicators.map((m) => [m.id, new Set(levels.filter((l) => !hiddenLevels.has(l) && entryPublicAt(m, l)))]));
	const parts = (m: IndicatorMeta): string[] =>
		m.aggregation.method === 'ratio'
			? [m.aggregation.numerator, m.aggregation.denominator]
			: m.aggregation.method === 'weighted-mean'
				? [m.aggregation.weightIndicator]
				: [];
	// Rules may chain (a weight that is itself a ratio): repeat until nothing closes any more.
	for (let changed = true; changed;) {
		changed = false;
		for (const m of indicators) {
			const own = open.get(m.id)!;
			for (const level of own) {
				if (parts(m).every((p) => open.get(p)?.has(level) ?? false)) continue;
				own.delete(level);
				changed = true;
			}
		}
	}
	return open;
}

/** The store as the public sees it: `store` itself when nothing in it is internal. */
export function publicStore(store: Store): Store {
	const levels = Object.keys(store.areasByLevel);
	const hiddenLevels = internalLevels(store.derived.profile?.levels);
	const all = [...store.derived.indicators, ...store.retired];
	const open = publicLevelsOf(all, levels, hiddenLevels);
	const nothingInternal = hiddenLevels.size === 0 && all.every((m) => open.get(m.id)!.size === levels.length);
	if (nothingInternal) return store;

	const hidden = new Set(all.filter((m) => open.get(m.id)!.size === 0).map((m) => m.id));
	// The top level (the city itself) keeps its outline, the frame of every map and public anyway; an internal one loses its values only.
	const top = store.derived.profile?.levels.find((l) => l.parent === null)?.id;
	const withoutAreas = new Set([...hiddenLevels].filter((l) => l !== top));
	// An area's official size is the catalogue's area figure (domain flaeche) from the same source
	// column: where that figure is internal, so are the size and the deviation computed from it.
	const areaFigures = all.filter((m) => m.domain === 'flaeche');
	const sizeInternal = (l: string) => areaFigures.some((m) => !open.get(m.id)!.has(l));
	const withoutSize = (f: AreaFeature): AreaFeature =>
		sizeInternal(f.properties.level) ? { ...f, properties: { ...f.properties, officialAreaKm2: null, areaErrorPct: null } } : f;
	const areasByLevel = Object.fromEntries(levels.map((l) => [l, withoutAreas.has(l) ? [] : store.areasByLevel[l].map(withoutSize)])) as Record<
		string,
		AreaFeature[]
	>;
	const levelOf = (area: string) => store.areaById.get(area)?.properties.level;
	const values = store.derived.values.filter((v) => open.get(v.indicator)?.has(levelOf(v.area) ?? '') ?? false);
	const years = yearsOf(values);
	const shown = (m: IndicatorMeta) => ({ ...m, years: m.retired === undefined ? (years.get(m.id) ?? []) : m.years });
	const indicators = store.derived.indicators.filter((m) => !hidden.has(m.id)).map(shown);
	// A source table only internal entries come from is internal too (its sidecar names them and their figures).
	const usedByPublic = new Set(all.filter((m) => !hidden.has(m.id)).flatMap((m) => m.datasets));
	const internalDatasets = new Set(
		all
			.filter((m) => hidden.has(m.id))
			.flatMap((m) => m.datasets)
			.filter((d) => !usedByPublic.has(d))
	);
	// A table shared with public entries stays, but not its notes on the internal ones (their
	// calibration targets, say): a caveat naming one by id or label is left out.
	const names = all.filter((m) => hidden.has(m.id)).flatMap((m) => [m.id, m.label.de, m.label.en].map((n) => n.toLowerCase()));
	const datasets = store.derived.datasets
		.filter((d) => !internalDatasets.has(d.id))
		.map((d) => ({ ...d, caveats: d.caveats.filter((c) => !names.some((n) => c.toLowerCase().includes(n))) }));
	const derived: Derived = {
		...store.derived,
		areas: Object.fromEntries(levels.map((l) => [l, { ...store.derived.areas[l], features: areasByLevel[l] }])),
		indicators,
		values,
		datasets,
		// The build report's cells are the finest level's areas, compared with the official size.
		report: sizeInternal(store.finest)
			? { ...store.derived.report, cells: store.derived.report.cells.map((c) => ({ ...c, officialAreaKm2: null, errorPct: null })) }
			: store.derived.report,
		facilityTypes: store.derived.facilityTypes.map((t) =>
			t.targetGroup && hidden.has(t.targetGroup.indicator) ? { ...t, targetGroup: null, targetNote: null } : t
		)
	};
	const series = new Map<string, Map<string, IndicatorValue[]>>();
	for (const [indicator, byArea] of store.series) {
		const levelsOpen = open.get(indicator);
		if (!levelsOpen?.size) continue;
		series.set(indicator, new Map([...byArea].filter(([area]) => levelsOpen.has(levelOf(area) ?? ''))));
	}
	return {
		...store,
		derived,
		areasByLevel,
		areaById: new Map([...store.areaById].filter(([, f]) => !withoutAreas.has(f.properties.level)).map(([id, f]) => [id, withoutSize(f)])),
		indicatorById: new Map(indicators.map((m) => [m.id, m])),
		retired: store.retired.filter((m) => !hidden.has(m.id)),
		series,
		audience: 'public',
		withheldDatasets: internalDatasets
	};
}

function yearsOf(values: IndicatorValue[]): Map<string, number[]> {
	const sets = new Map<string, Set<number>>();
	for (const v of values) {
		if (v.value === null && !v.suppressed) continue;
		const set = sets.get(v.indicator) ?? new Set<number>();
		sets.set(v.indicator, set.add(v.year));
	}
	return new Map([...sets].map(([id, set]) => [id, [...set].sort((a, b) => a - b)]));
}

const publicViews = new WeakMap<Store, Store>();

/** publicStore, built once per store (that is, per data version: getStore indexes each version once). */
export function publicViewOf(store: Store): Store {
	let view = publicViews.get(store);
	if (!view) publicViews.set(store, (view = publicStore(store)));
	return view;
}

/** The served data as `viewer` may see it: everything from role `kontor` up, the public view otherwise. */
export function storeFor(viewer: Viewer | null | undefined): Store {
	const store = getStore();
	return seesInternal(viewer) ? store : publicViewOf(store);
}

/** /embed and its SVG map are for anyone's page: always the public view, whatever cookie comes along. */
const alwaysPublic = (pathname: string) => pathname === '/embed' || pathname.startsWith('/embed/');

/** The viewer a request's answer is made for. */
export const viewerOf = (event: Pick<RequestEvent, 'locals' | 'url'>): Viewer | null => (alwaysPublic(event.url.pathname) ? null : event.locals.viewer);

/** The store for a request: storeFor its viewer. */
export const storeOf = (event: Pick<RequestEvent, 'locals' | 'url'>): Store => storeFor(viewerOf(event));

/** The public view of the served data: /embed, and /daten with its DCAT catalogue (open data is what the public sees, whoever asks). */
export const openStore = (): Store => publicViewOf(getStore());

/**
 * An answer made for a viewer who sees internal data is theirs alone: `private, no-store` keeps it
 * out of shared and browser caches (the response cache never stores it either, responseCache.ts).
 */
export function audienceOf(viewer: Viewer | null | undefined): 'public' | 'internal' {
	return seesInternal(viewer) ? 'internal' : 'public';
}

/**
 * A public answer a browser may keep: it says it varies by cookie, so a browser that signs in (and
 * so sends the session cookie) asks again instead of reusing the public view for minutes.
 */
export function varyByCookie(response: Response): Response {
	const control = response.headers.get('cache-control') ?? '';
	if (!/max-age=[1-9]/.test(control) || /private|no-store/.test(control)) return response;
	const vary = response.headers.get('vary');
	if (vary && /(^|,)\s*(cookie|\*)\s*(,|$)/i.test(vary)) return response;
	const value = vary ? `${vary}, Cookie` : 'Cookie';
	try {
		response.headers.set('vary', value);
		return response;
	} catch {
		const copy = new Response(response.body, response);
		copy.headers.set('vary', value);
		return copy;
	}
}

export function markPrivate(response: Response): Response {
	try {
		response.headers.set('cache-control', 'private, no-store');
		return response;
	} catch {
		// Immutable headers (a fetched response passed through): the same answer with its own headers.
		const copy = new Response(response.body, response);
		copy.headers.set('cache-control', 'private, no-store');
		return copy;
	}
}
