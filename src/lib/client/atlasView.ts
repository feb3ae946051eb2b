// Loads everything one view of the atlas needs, for the atlas page and the embed alike: geometry
// and catalogue (view-independent, cached by ETag), then the indicator table and the catchments
// the URL asks for. Runs in SvelteKit's universal load with its fetch.
import { error } from '@sveltejs/kit';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { core, translator, urlLocale } from '$lib/i18n';
import { indicatorTablePath } from '$lib/data/apiPaths';
import type { AreaProps, DatasetMeta, IndicatorMeta, KontorProps } from '$lib/data/contracts';
import type { LevelInfo } from '$lib/data/levels';
import type { Bounds } from '$lib/geo/bounds';
import type { IndicatorTable } from '$lib/data/responses';
import type { CoverageFigures } from '$lib/geo/scenario';
import { DEFAULT_INDICATOR, parseView, type ViewState } from '$lib/state/view';
import { buildChoropleth, type Choropleth, type ChoroplethInput } from '$lib/stats/choropleth';
import { loadMethod } from '$lib/stats/classify';

type Areas = FeatureCollection<Polygon | MultiPolygon, AreaProps>;

/** The large level's module (largeView.ts), once loaded: a later view's table is asked for at once. */
let largeView: typeof import('./largeView') | null = null;

/** Fetches an API path and parses its JSON answer. */
export type JsonGet = <T>(path: string) => Promise<T>;

/** Each answer fetched and parsed anew (the server's load, the embed); the atlas page keeps them (answers.ts). */
export const jsonGet =
	(fetch: typeof globalThis.fetch): JsonGet =>
	async (path) => {
		const res = await fetch(path);
		if (!res.ok) throw new Error(`${path}: ${res.status}`);
		return res.json();
	};

/** The parsed view and the catalogue's levels and indicators, as soon as they are known (loadAtlasView's `onView`). */
export interface ViewKnown {
	view: ViewState;
	levels: LevelInfo[];
	indicators: IndicatorMeta[];
}

/**
 * `svgParams`: extra parameters for the SVG map, which replaces the MapLibre map when the URL says
 * `renderer=svg` (set by the page itself when WebGL is missing or fails). `get` fetches the JSON answers.
 * `onView` is told the view once it is final, right after the indicator table is asked for, so
 * that a page can ask for what else it needs alongside the table instead of after it.
 */
export async function loadAtlasView(
	fetch: typeof globalThis.fetch,
	url: URL,
	svgParams = 'legend=0',
	get: JsonGet = jsonGet(fetch),
	onView?: (known: ViewKnown) => void
) {
	// Geometry and catalogue do not depend on the view: the atlas page's `get` keeps them while the
	// view changes, and the browser's HTTP cache (ETag, max-age) keeps the embed's requests cheap. The
	// catalogue names the profile's levels, whose areas are then loaded, one request per mapped level.
	const kontoreLoad = get<FeatureCollection<Point, KontorProps>>('/api/kontore');
	const catalogue = await get<{
		indicators: IndicatorMeta[];
		datasets: Pick<DatasetMeta, 'id' | 'title' | 'licence' | 'attribution' | 'date' | 'beispieldaten'>[];
		levels: LevelInfo[];
	}>('/api/indicators');
	// A city that keeps every indicator internal shows the public why there is no atlas.
	if (catalogue.indicators.length === 0) error(404, translator(urlLocale(url), core)('error.noIndicators'));
	// The mapped levels (areaLevels in $lib/data/levels, inlined: the embed's bundle is budgeted).
	const mapped = catalogue.levels.filter((l) => !l.whole);
	// A large level's geometry comes as vector tiles to the map, never as one GeoJSON (issue #21).
	// On its view the other levels are only its outlines and extent: just the level around it
	// (its parent, else the coarsest), and it and the context generalised for the overview, which
	// saves most of the page's bytes (src/lib/server/overview.ts). A level around it of many areas
	// (VG250's 402 Kreise: 110 KB br of the overview, for the few a view shows) is outlined from its
	// own tiles instead, and the extent is the catalogue's.
	const large = mapped.find((l) => l.large && l.id === url.searchParams.get('level'));
	const around = large && (mapped.find((l) => l.id === large.parent && !l.large) ?? mapped.findLast((l) => !l.large));
	const aroundTiled = around && around.count > OUTLINES_INLINED_MAX_AREAS;
	const overview = large ? 'detail=overview' : '';
	const [collections, kontore, context] = await Promise.all([
		Promise.all(
			mapped.map((l) => (l.large || (around && (l !== around || aroundTiled)) ? NO_AREAS : get<Areas>(`/api/areas?level=${l.id}${overview && `&${overview}`}`)))
		),
		kontoreLoad,
		get<FeatureCollection<Polygon | MultiPolygon, { id: string; name: string; kind: string }>>(`/api/context${overview && `?${overview}`}`)
	]);
	// A view that names no level shows the finest drawn whole, not a census grid (state/view.ts).
	const defaultLevel = (mapped.find((l) => !l.large && !l.grid) ?? mapped[0])?.id;
	const areasByLevel: Record<string, Areas> = Object.fromEntries(mapped.map((l, i) => [l.id, collections[i]]));
	const parse = (more: string[] = []) =>
		parseView(url.searchParams, {
			indicators: catalogue.indicators,
			areaIds: new Set([...collections.flatMap((c) => c.features.map((f) => f.properties.id)), ...more]),
			defaultIndicator: DEFAULT_INDICATOR,
			levels: mapped.map((l) => l.id),
			defaultLevel
		});
	let { view, notices } = parse();
	// A large level's selection is checked against its table's areas below: the view is final only then.
	const selectionLater = large?.id === view.level && url.searchParams.has('sel');
	const tablePath = indicatorTablePath(view.indicator, view.level, view.year);
	// Asked for first: the map waits for this answer, the panels (onView) for theirs. A large level's
	// table in columns, with the map's values (largeView.ts), once its module is here without a wait.
	const tableLoad =
		large?.id === view.level
			? largeView
				? largeView.largeTable(get, tablePath, view)
				: import('./largeView').then((m) => (largeView = m).largeTable(get, tablePath, view))
			: get<IndicatorTable>(tablePath);
	if (!selectionLater) onView?.({ view, levels: catalogue.levels, indicators: catalogue.indicators });
	const catchmentsShown = !view.hidden.includes('catchments');
	const renderer = url.searchParams.get('renderer') === 'svg' ? ('svg' as const) : ('webgl' as const);
	const svgQuery = new URLSearchParams(url.searchParams);
	for (const [k, v] of new URLSearchParams(svgParams)) svgQuery.set(k, v);
	const [table, catchments, coverage, svg] = await Promise.all([
		tableLoad,
		// The atlas shows the catchments of the existing Kontore at the default distances; the
		// what-if analysis has its own page (/erreichbarkeit).
		catchmentsShown
			? get<FeatureCollection<Polygon | MultiPolygon, { kind: string; kontor?: string; distance: number; walkingMinutes?: number }>>(
					`/api/catchments?mode=${view.catchmentMode}&distances=${view.catchmentDistances}`
				)
			: null,
		catchmentsShown ? get<CoverageFigures>(`/api/coverage?distances=${view.catchmentDistances}`) : null,
		renderer === 'svg' ? fetch(`/embed/karte.svg?${svgQuery}`).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`karte.svg: ${r.status}`)))) : null,
		// atlasModel classifies synchronously.
		loadMethod(view.method)
	]);
	// A large level's areas are known from its table: the selection is checked against them.
	if (large?.id === view.level) ({ view, notices } = parse(table.rows.map((r) => r.area)));
	if (selectionLater) onView?.({ view, levels: catalogue.levels, indicators: catalogue.indicators });
	return {
		catalogue,
		levels: catalogue.levels,
		areasByLevel,
		/** The finest level's areas (facilities, the approximation notice); of a large level's, none: the finest of the others. */
		finest: collections.find((c) => c.features.length) ?? collections[0],
		/** The map's initial extent: of the coarsest mapped level (on a large level's view, of the level around it). */
		bounds: (around ?? mapped[mapped.length - 1])?.bounds ?? mapped.findLast((l) => l.bounds)?.bounds ?? WORLD,
		/** The level whose outlines the map draws from its tiles over a large level's (the parent, when it has many areas). */
		outlineTiles: aroundTiled && around.id === large.parent ? around.id : null,
		kontore,
		context,
		view,
		notices,
		table,
		catchments,
		coverage,
		svg,
		renderer,
		defaultIndicator: DEFAULT_INDICATOR,
		defaultLevel
	};
}

export type AtlasViewData = Awaited<ReturnType<typeof loadAtlasView>>;

/** How atlasModel builds the choropleth and the list of values; the atlas page keeps the last ones (keep.ts). */
export interface ModelBuilders {
	choropleth: (input: ChoroplethInput) => Choropleth;
	values: (input: { rows: IndicatorTable['rows'] }) => number[];
}

export const BUILD_MODEL: ModelBuilders = {
	choropleth: buildChoropleth,
	values: ({ rows }) => rows.flatMap((r) => (r.value === null ? [] : [r.value]))
};

/**
 * What the atlas page and the embed both derive from one view's data: the indicator, its rows,
 * the areas of the level, the catalogue for URL (de)serialisation, the choropleth and the values.
 */
export function atlasModel(data: AtlasViewData, build: ModelBuilders = BUILD_MODEL) {
	const { view, table } = data;
	const rows = table.rows;
	return {
		meta: table.indicator,
		rows,
		areas: data.areasByLevel[view.level],
		/** The areas drawn as group outlines: the parent level's, when it is mapped. */
		groups: groupsOf(data, view.level),
		catalogue: {
			indicators: data.catalogue.indicators,
			areaIds: new Set(Object.values(data.areasByLevel).flatMap((c) => c.features.map((f) => f.properties.id))),
			defaultIndicator: data.defaultIndicator,
			levels: Object.keys(data.areasByLevel),
			defaultLevel: data.defaultLevel
		},
		choropleth: build.choropleth({
			rows,
			polarity: table.indicator.polarity,
			method: view.method,
			classes: view.classes,
			scheme: view.scheme,
			manualBreaks: view.breaks,
			reference: table.reference.value
		}),
		values: build.values({ rows })
	};
}

const NO_AREAS: Areas = { type: 'FeatureCollection', features: [] };

/** Up to this many areas the level around a large level is loaded as GeoJSON; one of more is outlined from its own tiles. */
export const OUTLINES_INLINED_MAX_AREAS = 250;

/** The extent where no mapped level has areas (the catalogue gives the bounds of every level that has). */
const WORLD: Bounds = [-180, -85, 180, 85];

function groupsOf(data: AtlasViewData, level: string): Areas {
	const parent = data.levels.find((l) => l.id === level)?.parent;
	return (parent && data.areasByLevel[parent]) || NO_AREAS;
}
