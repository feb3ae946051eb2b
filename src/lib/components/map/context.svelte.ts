// The map's owner (AtlasMap) puts the MapLibre instance into this context; sources, layers and
// overlays read it from there and follow it, so nothing else ever creates or queries a map.
import { getContext, setContext } from 'svelte';
import type { Map as MapLibreMap } from 'maplibre-gl';

export class MapContext {
	map = $state.raw<MapLibreMap | null>(null);
	/** True once the style is loaded: sources and layers may be added. */
	loaded = $state(false);
	/** Bumped on every camera change, for overlays that project positions. */
	frame = $state(0);
	/** Bumped whenever the map has finished rendering everything it has (MapLibre's `idle`). */
	idle = $state(0);
}

const MAP_KEY = Symbol('kontoratlas-map');
const SOURCE_KEY = Symbol('kontoratlas-source');

export const setMapContext = (ctx: MapContext) => setContext(MAP_KEY, ctx);
export function getMapContext(): MapContext {
	const ctx = getContext<MapContext | undefined>(MAP_KEY);
	if (!ctx) throw new Error('map components must be placed inside <AtlasMap>');
	return ctx;
}

export const setSourceId = (id: string) => setContext(SOURCE_KEY, id);
export const getSourceId = () => getContext<string | undefined>(SOURCE_KEY);

export interface MapLabel {
	id: string;
	text: string;
	lngLat: [number, number];
	/** Higher is placed first. */
	priority: number;
}

export interface Camera {
	zoom: number;
	lat: number;
	lon: number;
}
