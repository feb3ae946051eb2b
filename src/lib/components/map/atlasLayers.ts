// The atlas's map layers as data: context, choropleth with its no-data, suppressed and
// Beispieldaten patterns, boundaries, hover and selection outlines, catchments, Kontore. One
// function gives the sources and layers for a view, so that the layer components
// (AtlasMapLayers.svelte) and the map started before hydration (early.ts) cannot differ.
import type { FeatureCollection, GeoJSON, MultiPolygon, Point, Polygon } from 'geojson';
import type { FilterSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { AreaProps, KontorProps } from '$lib/data/contracts';
import { DEFAULT_OPACITY, type MapLayerId, type ViewState } from '$lib/state/view';
import type { Choropleth } from '$lib/stats/choropleth';
import { NO_DATA_COLOUR } from '$lib/stats/colours';
import { layerSpecification, matchExpression } from './mapSetup';

type Areas = FeatureCollection<Polygon | MultiPolygon, AreaProps>;
export type CatchmentFeatures = FeatureCollection<Polygon | MultiPolygon, { kind: string; kontor?: string; distance: number }>;

export interface AtlasLayerInput {
	view: ViewState;
	areas: Areas;
	/** The parent level's areas, outlined over the level's (empty when the parent is the city as a whole). */
	groups: Areas;
	context: FeatureCollection<Polygon | MultiPolygon, { kind: string }>;
	kontore: FeatureCollection<Point, KontorProps>;
	catchments: CatchmentFeatures | null;
	/** Fill colour per catchment distance (m). */
	catchmentColours: Map<number, string>;
	/** Fill colour per Kontor for the nearest-Kontor areas. */
	kontorAreaColours?: Map<string, string>;
	choropleth: Choropleth;
	beispieldaten: boolean;
	/** A large level (issue #21): drawn from vector tiles by LargeLevelLayers instead of the `areas` source. */
	tiles?: TilesInput | null;
}

export interface TilesInput {
	level: string;
	count: number;
	/** [west, south, east, north] of the city. */
	bounds: [number, number, number, number];
	/** Of the indicator shown, for the hovered value. */
	decimals: number;
	/** The parent level outlined from its own tiles, when it has too many areas to be loaded as GeoJSON (atlasView.ts). */
	groups?: string | null;
	/**
	 * The grid overlay (state/overlay.ts): the tiles lie over the view's own areas, which stay, with
	 * the overlay's own classes; without it the tiles are the view's level and replace its areas.
	 */
	overlay?: { choropleth: Choropleth };
}

export interface LayerSpec {
	id: string;
	type: 'fill' | 'line' | 'circle' | 'symbol';
	paint: Record<string, unknown>;
	filter?: FilterSpecification;
	visible: boolean;
	/** Another source than the enclosing one (added before it). */
	source?: string;
	/** The layer of a vector tile source to draw. */
	sourceLayer?: string;
	/** Not drawn, nor laid out in tiles, below this zoom. */
	minzoom?: number;
}

export interface SourceSpec {
	id: string;
	data: GeoJSON;
	/** The feature property used as feature id. */
	promoteId?: string;
	/** In drawing order, bottom first. */
	layers: LayerSpec[];
}

const idIn = (ids: string[]): FilterSpecification => ['in', ['get', 'id'], ['literal', ids]];

/** The parent level's outlines, from GeoJSON here or from its tiles (largeLevel.ts). */
export const groupBoundaryPaint = (opacity: number) => ({ 'line-color': '#4d5a52', 'line-width': 1.6, 'line-opacity': opacity });

/** The sources of a view in drawing order (bottom first), each with its layers. */
export function atlasSources(input: AtlasLayerInput): SourceSpec[] {
	const { view } = input;
	const visible = (id: MapLayerId) => !view.hidden.includes(id);
	const opacity = (id: MapLayerId) => (view.opacity[id] ?? DEFAULT_OPACITY[id]) / 100;
	const nachbarkreis: FilterSpecification = ['==', ['get', 'kind'], 'nachbarkreis'];
	const ringFilter: FilterSpecification = ['all', ['==', ['get', 'kind'], 'ring'], ['==', ['get', 'kontor'], '*']];
	const nearestFilter: FilterSpecification = ['==', ['get', 'kind'], 'nearest'];
	const sources: SourceSpec[] = [
		{
			id: 'context',
			data: input.context,
			// Both fills are drawn without MapLibre's antialiasing outline (border lines are their own
			// layers) and with a per-feature colour, so the two share one shader program: without a
			// GPU, compiling programs is a large part of the first frame.
			layers: [
				{
					id: 'context-fill',
					type: 'fill',
					visible: visible('context'),
					filter: nachbarkreis,
					paint: { 'fill-color': ['match', ['get', 'kind'], 'nachbarkreis', '#dfe3dc', '#dfe3dc'], 'fill-opacity': opacity('context'), 'fill-antialias': false }
				},
				{
					id: 'context-line',
					type: 'line',
					visible: visible('context'),
					filter: nachbarkreis,
					paint: { 'line-color': '#9aa39a', 'line-width': 1, 'line-opacity': opacity('context') }
				}
			]
		},
		// A large level's areas come as vector tiles (LargeLevelLayers.svelte): no GeoJSON source, and no
		// colour expression with an entry per area is built for it.
		...(input.tiles && !input.tiles.overlay ? [] : [areasSource(input, visible, opacity)]),
		{
			id: 'group-lines',
			data: input.groups,
			layers: [
				{
					id: 'group-boundaries',
					type: 'line',
					visible: visible('boundaries') && input.groups.features.length > 0,
					paint: groupBoundaryPaint(opacity('boundaries'))
				},
				// The city outline comes from the context source, drawn above the areas.
				{
					id: 'city-outline',
					source: 'context',
					type: 'line',
					visible: visible('outline'),
					filter: ['==', ['get', 'kind'], 'stadtgrenze'],
					paint: { 'line-color': '#1f2a24', 'line-width': 2.2, 'line-opacity': opacity('outline') }
				}
			]
		}
	];
	if (input.catchments) {
		const shown = visible('catchments');
		sources.push({
			id: 'catchments',
			data: input.catchments,
			layers: [
				{
					id: 'catchment-rings',
					type: 'fill',
					visible: shown,
					filter: ringFilter,
					paint: { 'fill-color': matchExpression('distance', input.catchmentColours, '#ffffff'), 'fill-opacity': 0.25 * opacity('catchments') }
				},
				{
					id: 'catchment-lines',
					type: 'line',
					visible: shown,
					filter: ringFilter,
					paint: { 'line-color': '#4a1486', 'line-width': 1.2, 'line-dasharray': [3, 2], 'line-opacity': opacity('catchments') }
				},
				{
					id: 'catchment-nearest',
					type: 'fill',
					visible: shown,
					filter: nearestFilter,
					paint: { 'fill-color': matchExpression('kontor', input.kontorAreaColours ?? new Map(), '#b9a3d6'), 'fill-opacity': 0.3 * opacity('catchments') }
				},
				{
					id: 'catchment-nearest-lines',
					type: 'line',
					visible: shown,
					filter: nearestFilter,
					paint: { 'line-color': '#4a1486', 'line-width': 1.5, 'line-opacity': opacity('catchments') }
				}
			]
		});
	}
	sources.push({
		id: 'kontore',
		data: input.kontore,
		layers: [
			{
				// The halo marks an approximate location; a Kontor at its exact address has none.
				id: 'kontore-halo',
				type: 'circle',
				visible: visible('kontore'),
				filter: ['!=', ['get', 'locationPrecision'], 'address'],
				paint: {
					'circle-radius': 13,
					'circle-color': '#ffffff',
					'circle-opacity': 0.6 * opacity('kontore'),
					'circle-stroke-width': 1.5,
					'circle-stroke-color': '#6a1b9a',
					'circle-stroke-opacity': opacity('kontore')
				}
			},
			{
				id: 'kontore',
				type: 'circle',
				visible: visible('kontore'),
				paint: {
					'circle-radius': 7,
					'circle-color': '#6a1b9a',
					'circle-stroke-width': 2,
					'circle-stroke-color': '#ffffff',
					'circle-opacity': opacity('kontore')
				}
			}
		]
	});
	return sources;
}

/** The view's areas: choropleth with its no-data, suppressed and Beispieldaten patterns, boundaries, hover and selection. */
function areasSource(input: AtlasLayerInput, visible: (id: MapLayerId) => boolean, opacity: (id: MapLayerId) => number): SourceSpec {
	const { view, choropleth } = input;
	const withValue = [...choropleth.colourOf.keys()];
	const choroplethShown = visible('choropleth');
	return {
		id: 'areas',
		data: input.areas,
		promoteId: 'id',
		// Pattern layers are hidden while they have nothing to draw: an invisible layer costs no
		// shader program.
		layers: [
			{
				id: 'choropleth',
				type: 'fill',
				visible: choroplethShown,
				paint: { 'fill-color': matchExpression('id', choropleth.colourOf, NO_DATA_COLOUR), 'fill-opacity': opacity('choropleth'), 'fill-antialias': false }
			},
			{
				id: 'nodata',
				type: 'fill',
				visible: choroplethShown && choropleth.noData.length > 0,
				filter: idIn(choropleth.noData),
				paint: { 'fill-pattern': 'pattern-nodata', 'fill-opacity': opacity('choropleth') }
			},
			{
				id: 'suppressed',
				type: 'fill',
				visible: choroplethShown && choropleth.suppressed.length > 0,
				filter: idIn(choropleth.suppressed),
				paint: { 'fill-pattern': 'pattern-suppressed', 'fill-opacity': opacity('choropleth') }
			},
			{
				id: 'beispiel',
				type: 'fill',
				visible: choroplethShown && input.beispieldaten && withValue.length > 0,
				filter: idIn(withValue),
				paint: { 'fill-pattern': 'pattern-beispiel' }
			},
			{
				id: 'boundaries',
				type: 'line',
				visible: visible('boundaries'),
				paint: { 'line-color': '#ffffff', 'line-width': 1.2, 'line-opacity': opacity('boundaries') }
			},
			// The hovered area by feature-state (AtlasMapLayers sets `hover`): a filter would make MapLibre
			// lay out the source's tiles anew on every pointer move. Hidden until the first hover
			// (AtlasMapLayers), so that the first drawing compiles no shader program for it.
			{
				id: 'hover',
				type: 'line',
				visible: false,
				paint: { 'line-color': '#1f2a24', 'line-width': 2, 'line-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 1, 0] }
			},
			{ id: 'selected', type: 'line', visible: true, filter: idIn(view.selection), paint: { 'line-color': '#1b4f8a', 'line-width': 3.5 } }
		]
	};
}

/** The sources and layers of a view as parts of a MapLibre style. */
export function styleParts(sources: SourceSpec[]): { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] } {
	return {
		sources: Object.fromEntries(
			sources.map((s) => [s.id, { type: 'geojson', data: s.data, ...(s.promoteId ? { promoteId: s.promoteId } : {}) } as SourceSpecification])
		),
		layers: sources.flatMap((s) => s.layers.map((l) => layerSpecification(l, s.id)))
	};
}
