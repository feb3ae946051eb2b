// A large level on the map (issue #21): its areas come as vector tiles (/tiles/…), its values from
// one compact request per indicator and year (/api/werte/…), joined by feature-state: each tile
// feature's id is its area's position in the level, and its state holds the class and its colour.
import type { ExpressionSpecification, Map as MapLibreMap, VectorSourceSpecification } from 'maplibre-gl';
import { DEFAULT_OPACITY, type ViewState } from '$lib/state/view';
import { classOf } from '$lib/stats/classify';
import { NO_DATA_COLOUR, NO_DATA_PATTERN_COLOUR } from '$lib/stats/colours';
import { levelValues, valuesPath, type LevelValues } from '$lib/map/values';
import { groupBoundaryPaint, type LayerSpec } from './atlasLayers';

export { levelValues, valuesPath, type LevelValues };

/** The feature-state class of an area without a value, and of one withheld by disclosure control. */
export const NO_VALUE = -1;
export const WITHHELD = -2;

/** The map source the tiles come from. */
export const TILES_SOURCE = 'areas-tiles';
/** The map source of the parent level's tiles, when its outlines come from them (atlasView.ts). */
export const GROUP_TILES_SOURCE = 'groups-tiles';

/** The vector tile source's URL template. */
export const tileUrl = (origin: string, level: string) => `${origin}/tiles/${encodeURIComponent(level)}/{z}/{x}/{y}.mvt`;

/**
 * The tile source of a level. promoteId is not used: the tiles' numeric feature ids are the
 * positions in the values. No tiles are asked for outside `bounds` [west, south, east, north].
 */
export const tilesSource = (origin: string, level: string, bounds: [number, number, number, number]): VectorSourceSpecification => ({
	type: 'vector',
	tiles: [tileUrl(origin, level)],
	bounds,
	minzoom: 0,
	maxzoom: 14
});

const flag = (key: string, on: number, off: number) => ['case', ['boolean', ['feature-state', key], false], on, off];

/**
 * The layers of a large level, bottom first: one definition for the map started before hydration
 * (early.ts) and the layer component (LargeLevelLayers.svelte), which adopts them. `groups`: the
 * parent level whose outlines are drawn from its own tiles, above the rest as its GeoJSON would be.
 */
export function tilesLayers(level: string, view: ViewState, groups: string | null = null): LayerSpec[] {
	const opacity = view.hidden.includes('choropleth') ? 0 : (view.opacity.choropleth ?? DEFAULT_OPACITY.choropleth) / 100;
	const lineOpacity = (view.opacity.boundaries ?? DEFAULT_OPACITY.boundaries) / 100;
	return [
		{
			id: 'tiles-choropleth',
			type: 'fill',
			sourceLayer: level,
			visible: !view.hidden.includes('choropleth'),
			// The hovered area is told apart by the fill itself, darker or lighter (HOVER_FILL_COLOUR).
			// A line layer for its outline had every feature's outline laid out in the worker and its
			// paint arrays set with each state, for one area: about 140 ms of the first view of VG250's
			// 11,299 Gemeinden. The fill's own outline (fill-antialias with a hover colour) drew every
			// outline in every frame: a hover took 15 ms to its frame instead of 9.
			paint: { 'fill-color': HOVER_FILL_COLOUR, 'fill-opacity': opacity, 'fill-antialias': false }
		},
		// Boundaries only where the areas are large enough on screen to tell apart; below zoom 11 not
		// even laid out (they would be drawn transparent: thousands of outlines for nothing).
		{
			id: 'tiles-boundaries',
			type: 'line',
			sourceLayer: level,
			minzoom: 11,
			visible: !view.hidden.includes('boundaries'),
			paint: { 'line-color': '#ffffff', 'line-width': 0.6, 'line-opacity': ['interpolate', ['linear'], ['zoom'], 11, 0, 13, lineOpacity] }
		},
		{
			id: 'tiles-selected',
			type: 'line',
			sourceLayer: level,
			// Shown while there is a selection: otherwise every area's outline would be laid out and
			// drawn transparent (a selection's first area lays the tiles out once more).
			visible: view.selection.length > 0,
			paint: { 'line-color': '#1b4f8a', 'line-width': 3, 'line-opacity': flag('selected', 1, 0) }
		},
		...(groups
			? [
					{
						id: 'tiles-groups',
						type: 'line' as const,
						source: GROUP_TILES_SOURCE,
						sourceLayer: groups,
						visible: !view.hidden.includes('boundaries'),
						paint: groupBoundaryPaint(lineOpacity)
					}
				]
			: [])
	];
}

/** The classes and colours the features' states were last set to. */
export interface ShownStates {
	states: Int8Array;
	colours: string[];
}

/** The feature states the map started before hydration set for a level: the component sets only what differs. */
let earlyStates: { level: string; shown: ShownStates } | null = null;
export function rememberStates(level: string, shown: ShownStates) {
	earlyStates = { level, shown };
}
export function takeStates(level: string): ShownStates | null {
	const shown = earlyStates?.level === level ? earlyStates.shown : null;
	earlyStates = null;
	return shown;
}

/** The class of every area, in tile-feature order, for the choropleth's breaks: what feature-state `c` holds. */
export function classStates(values: LevelValues, breaks: number[]): Int8Array {
	const states = new Int8Array(values.ids.length);
	const withheld = new Set(values.suppressed);
	values.values.forEach((v, i) => {
		states[i] = withheld.has(i) ? WITHHELD : v === null || !Number.isFinite(v) ? NO_VALUE : classOf(v, breaks);
	});
	return states;
}

/** The colour a feature-state class is drawn in. */
export const stateColour = (c: number, colours: string[]): string =>
	c === WITHHELD ? NO_DATA_PATTERN_COLOUR : c === NO_VALUE ? NO_DATA_COLOUR : (colours[c] ?? NO_DATA_COLOUR);

/**
 * The fill colour: each feature's own, from its state (`fill`), set with its class. No data has the
 * no-data colour and withheld values the pattern's grey (fill patterns cannot follow feature-state,
 * so the two are told apart by colour here; the legend names both). The expression never changes:
 * a new indicator, classification or scheme sets states. Changing a data-driven paint property
 * makes MapLibre lay every tile of the source out again (Style._updateLayer reloads the source),
 * which on 11,299 municipalities took several hundred ms of frames.
 */
export const STATE_FILL_COLOUR: ExpressionSpecification = ['to-color', ['coalesce', ['feature-state', 'fill'], NO_DATA_COLOUR]];

const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
/** A channel (0-255) of the state's colour. */
const channel = (k: number): ExpressionSpecification => ['at', k, ['to-rgba', STATE_FILL_COLOUR]];
/** Above this luminance (0-255) a hovered colour is darkened, below it lightened: either way it stands out. */
export const HOVER_LIGHT_FROM = 100;
const luminance: ExpressionSpecification = ['+', ['*', 0.299, channel(0)], ['*', 0.587, channel(1)], ['*', 0.114, channel(2)]];
const darker = (k: number): ExpressionSpecification => ['*', 0.7, channel(k)];
const lighter = (k: number): ExpressionSpecification => ['+', channel(k), ['*', 0.4, ['-', 255, channel(k)]]];
/** The state's colour; the hovered area's 30 % darker, or, a dark colour, 40 % towards white. */
export const HOVER_FILL_COLOUR: ExpressionSpecification = [
	'case',
	hovered,
	['case', ['>', luminance, HOVER_LIGHT_FROM], ['rgb', darker(0), darker(1), darker(2)], ['rgb', lighter(0), lighter(1), lighter(2)]],
	STATE_FILL_COLOUR
];

/**
 * Sets each feature's class and colour where they differ from `before` (what was set last, or
 * nothing): what is now shown.
 */
export function setClassStates(map: MapLibreMap, level: string, now: ShownStates, before: ShownStates | null): ShownStates {
	const { states, colours } = now;
	const same = before !== null && before.states.length === states.length;
	const sameColours = same && before.colours.length === colours.length && before.colours.every((c, i) => c === colours[i]);
	for (let i = 0; i < states.length; i++) {
		const c = states[i];
		const fill = stateColour(c, colours);
		if (same && before.states[i] === c && (sameColours || stateColour(c, before.colours) === fill)) continue;
		map.setFeatureState({ source: TILES_SOURCE, sourceLayer: level, id: i }, { c, fill });
	}
	return now;
}
