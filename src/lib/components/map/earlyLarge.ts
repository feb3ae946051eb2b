// The early map's part for a large level (issue #21): the values (inlined into the page by the
// load), the tile source and its layers in the first style, and the classes set as feature states
// before the map counts as drawn. Loaded by early.ts only when the view's level is large, so no
// other start (the embed's JS is budgeted) carries it.
import type { LayerSpecification, Map as MapLibreMap, SourceSpecification } from 'maplibre-gl';
import type { AtlasViewData } from '$lib/client/atlasView';
import type { Choropleth } from '$lib/stats/choropleth';
import type { TilesInput } from './atlasLayers';
import { classStates, GROUP_TILES_SOURCE, levelValues, rememberStates, setClassStates, tilesLayers, tilesSource, TILES_SOURCE, valuesPath } from './largeLevel';
import { layerSpecification } from './mapSetup';

/** The layer the tiles are drawn below, as LargeLevelLayers draws them: the parent level's outlines. */
const BELOW = 'group-boundaries';

type StyleParts = { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] };

/**
 * Takes the level's values, while MapLibre is still loading. The layer component's chunk is left to
 * the hydrated page: the map is coloured without it, and asking for it here moved shared map modules
 * into a chunk of their own, which the embed's budgeted JS then loaded too.
 */
export function startLargeLevel(data: AtlasViewData, fetcher: typeof fetch) {
	const { view } = data;
	// A large level's map takes longer than the page's 1 s wait (app.css): the page waits for it up
	// to early.ts's own patience instead of being laid out and painted while the tiles are being
	// drawn, which held the map's first drawing up by about 170 ms (P6, 100 m grid).
	const root = document.documentElement;
	if (root.hasAttribute('data-map-first')) root.setAttribute('data-map-first', 'large');
	const info = data.levels.find((l) => l.id === view.level)!;
	const values = levelValues(valuesPath(view.level, view.indicator, view.year), fetcher);
	const { bounds } = data;
	return {
		/** For atlasSources, which then leaves out the `areas` source. */
		tiles: { level: view.level, count: info.count, bounds, decimals: data.table.indicator.decimals, groups: data.outlineTiles } satisfies TilesInput,

		/** The first style with the tile source and layers, below the parent level's outlines. */
		style(style: StyleParts): StyleParts {
			const groups = data.outlineTiles;
			const layers = tilesLayers(view.level, view, groups).map((l) => layerSpecification(l, l.source ?? TILES_SOURCE));
			const at = style.layers.findIndex((l) => l.id === BELOW);
			return {
				sources: {
					...style.sources,
					[TILES_SOURCE]: tilesSource(location.origin, view.level, bounds),
					...(groups && { [GROUP_TILES_SOURCE]: tilesSource(location.origin, groups, bounds) })
				},
				layers: at < 0 ? [...style.layers, ...layers] : [...style.layers.slice(0, at), ...layers, ...style.layers.slice(at)]
			};
		},

		/**
		 * Sets every area's class once the values are there and the style is read (`style.load`, before
		 * any tile has come, so the first drawing is coloured); at the first idle after that, marks the
		 * map's element with the level and values it shows (the component's status line does so once the
		 * page has hydrated) and resolves. Resolves too when the values do not come.
		 */
		async colour(map: MapLibreMap, styled: Promise<unknown>, choropleth: Choropleth): Promise<void> {
			try {
				const [answer] = await Promise.all([values, styled]);
				const shown = setClassStates(map, view.level, { states: classStates(answer, choropleth.breaks), colours: choropleth.colours }, null);
				rememberStates(view.level, shown);
				await new Promise((resolve) => map.once('idle', resolve));
				const element = map.getContainer();
				element.dataset.largeLevel = view.level;
				element.dataset.values = `${answer.indicator}:${answer.year ?? 'latest'}`;
			} catch (e) {
				// The layer component asks again and says so.
				console.warn('early map values:', e);
			}
		}
	};
}
