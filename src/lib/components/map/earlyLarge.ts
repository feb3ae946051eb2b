// The early map's part for a large level (issue #21): the values request, the tile source and its
// layers in the first style, and the classes set as feature states before the map counts as drawn.
// Loaded by early.ts only when the view's level is large, so no other start carries it.
import type { LayerSpecification, Map as MapLibreMap, SourceSpecification } from 'maplibre-gl';
import type { ViewState } from '$lib/state/view';
import type { Choropleth } from '$lib/stats/choropleth';
import { classStates, levelValues, rememberStates, tilesLayers, tilesSource, TILES_SOURCE, valuesPath, type LevelValues } from './largeLevel';
import { layerSpecification } from './mapSetup';

/** The layer the tiles are drawn below, as LargeLevelLayers draws them: the parent level's outlines. */
const BELOW = 'group-boundaries';

export interface EarlyLargeLevel {
	level: string;
	values: Promise<LevelValues>;
}

/** Takes the level's values (inlined into the page by the load) and asks for the layer component's chunk at once, while MapLibre is still loading. */
export function startLargeLevel(level: string, view: ViewState, fetcher: typeof fetch): EarlyLargeLevel {
	const values = levelValues(valuesPath(level, view.indicator, view.year), fetcher);
	// The page mounts the component once hydrated: by then its chunk is here.
	import('./LargeLevelLayers.svelte').catch(() => {});
	return { level, values };
}

/** The tile source and layers added to the first style, below the parent level's outlines. */
export function withTiles(
	style: { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] },
	large: EarlyLargeLevel,
	view: ViewState,
	choropleth: Choropleth,
	bounds: [number, number, number, number]
) {
	const layers = tilesLayers(large.level, view, choropleth.colours).map((l) => layerSpecification(l, TILES_SOURCE));
	const at = style.layers.findIndex((l) => l.id === BELOW);
	return {
		sources: { ...style.sources, [TILES_SOURCE]: tilesSource(location.origin, large.level, bounds) },
		layers: at < 0 ? [...style.layers, ...layers] : [...style.layers.slice(0, at), ...layers, ...style.layers.slice(at)]
	};
}

/**
 * Sets every area's class once the values are there and the style has `loaded`, and marks the map's element with
 * the level and values it shows (the component's status line does so once the page has hydrated).
 * Resolves at the first idle after that; rejects when the values do not come.
 */
export async function colourLargeLevel(map: MapLibreMap, loaded: Promise<unknown>, large: EarlyLargeLevel, breaks: number[]): Promise<void> {
	const [values] = await Promise.all([large.values, loaded]);
	const states = classStates(values, breaks);
	for (let i = 0; i < states.length; i++) map.setFeatureState({ source: TILES_SOURCE, sourceLayer: large.level, id: i }, { c: states[i] });
	rememberStates(large.level, states);
	const element = map.getContainer();
	element.dataset.largeLevel = large.level;
	element.dataset.values = `${values.indicator}:${values.year ?? 'latest'}`;
	await new Promise((resolve) => map.once('idle', resolve));
}
