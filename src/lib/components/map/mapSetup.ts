// How every atlas map is made: MapLibre's own prebuilt file, the self-contained base style (no
// tiles, glyphs or fonts from the internet), the options, and the fill patterns. Used by the map's
// owner (AtlasMap.svelte) and by the map started before the page hydrates (early.ts), so both
// make the same map.
import type { ExpressionSpecification, LayerSpecification, LngLatBoundsLike, Map as MapLibreMap, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { LayerSpec } from './atlasLayers';
import type { Camera } from './context.svelte';
import { PATTERNS } from './patterns';
import { maplibreUrl, workerUrl } from '$lib/map/maplibreAssets';

export { maplibreUrl, workerUrl };
type MapLibre = typeof import('maplibre-gl');

/**
 * MapLibre (most of the page's bytes) is loaded as its own prebuilt file, not bundled: the page's
 * head names it (modulepreload), so the browser fetches and compiles it alongside the HTML, and
 * pages without the WebGL map never load it.
 */
let maplibre: Promise<MapLibre> | null = null;
export function loadMaplibre(): Promise<MapLibre> {
	maplibre ??= import(/* @vite-ignore */ maplibreUrl) as Promise<MapLibre>;
	return maplibre;
}

export const BACKGROUND: LayerSpecification = { id: 'background', type: 'background', paint: { 'background-color': '#eef0ea' } };

/** The base style with the given sources and layers above the background. */
export function baseStyle(
	parts: { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] } = { sources: {}, layers: [] }
): StyleSpecification {
	return { version: 8, sources: parts.sources, transition: { duration: 0, delay: 0 }, layers: [BACKGROUND, ...parts.layers] };
}

/**
 * A new map in `container`, showing `camera` or else `bounds`. Throws when WebGL is missing or
 * the map cannot start. Controls and event handlers are the owner's.
 */
export function createMap(
	lib: MapLibre,
	options: { container: HTMLElement; style: StyleSpecification | string; camera: Camera | null; bounds: LngLatBoundsLike }
): MapLibreMap {
	lib.setWorkerUrl(workerUrl);
	// With reduced motion: no fading of labels/symbols; MapLibre itself turns easeTo/flyTo (zoom
	// buttons, keyboard) into jumps when the user prefers reduced motion.
	const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
	const { camera } = options;
	const map = new lib.Map({
		container: options.container,
		style: options.style,
		...(camera ? { center: [camera.lon, camera.lat] as [number, number], zoom: camera.zoom } : { bounds: options.bounds, fitBoundsOptions: { padding: 24 } }),
		attributionControl: false,
		maxZoom: 16,
		minZoom: 8,
		fadeDuration: reducedMotion ? 0 : 300,
		dragRotate: false,
		pitchWithRotate: false
	});
	map.touchZoomRotate.disableRotation();
	// The fill patterns are generated, not fetched from a sprite, and registered before the style's
	// layers first ask for them: MapLibre 6 answers a tile's request for images before it fires
	// `styleimagemissing`, so a pattern added only then is missing from the tiles already laid out.
	for (const [id, image] of Object.entries(PATTERNS)) map.addImage(id, image);
	return map;
}

/** A colour per value of a feature property (MapLibre `match`), the fallback for other values; just the fallback when there are none. */
export function matchExpression(property: string, colours: Map<string | number, string>, fallback = '#cccccc'): ExpressionSpecification | string {
	return colours.size ? (['match', ['get', property], ...[...colours].flat(), fallback] as unknown as ExpressionSpecification) : fallback;
}

/** A layer as MapLibre's style has it: visibility in its layout, the source named. */
export function layerSpecification(layer: LayerSpec, source: string): LayerSpecification {
	return {
		id: layer.id,
		type: layer.type,
		source: layer.source ?? source,
		...(layer.sourceLayer ? { 'source-layer': layer.sourceLayer } : {}),
		paint: layer.paint,
		layout: { visibility: layer.visible ? 'visible' : 'none' },
		...(layer.filter ? { filter: layer.filter } : {}),
		...(layer.minzoom !== undefined ? { minzoom: layer.minzoom } : {})
	} as LayerSpecification;
}
