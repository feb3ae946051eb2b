// The atlas's map, started before the page hydrates. The map is the page's main content, but
// SvelteKit draws it only after booting, running the page's load again and hydrating the whole
// dashboard (legend, controls, table): on a phone that doubles the time to a drawn map. So the
// client's `init` hook (hooks.client.ts) starts the map here first, from the same data (the load's
// responses the server inlined into the page), the same layer definitions (atlasLayers.ts) and the
// same map set-up (mapSetup.ts), waits for its first full drawing, and only then lets SvelteKit
// hydrate. AtlasMap.svelte adopts this map instead of making its own and owns it from then on;
// its sources and layers find theirs already there.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { env } from '$env/dynamic/public';
import { atlasModel, loadAtlasView } from '$lib/client/atlasView';
import { atlasSources, styleParts, type AtlasLayerInput } from './atlasLayers';
import { baseStyle, createMap, loadMaplibre } from './mapSetup';

/** What the page's map component takes over. */
export interface EarlyMap {
	/** Settles once the map exists, or it is clear that there will be none from here. */
	started: Promise<void>;
	/** Null until started; stays null when the start failed or was given up. */
	map: MapLibreMap | null;
	/** Why the map could not start (no WebGL): the page shows its fallback without trying again. */
	failed: string | null;
	/** The style has loaded (MapLibre's `load` has fired). */
	loaded: boolean;
	/** The map has drawn everything it has once (its first `idle`). */
	idle: boolean;
	/** The user has moved the map before the page took it over. */
	moved: boolean;
}

let early: { container: HTMLElement; state: EarlyMap } | null = null;

/**
 * The early map started in this container, once (later mounts make their own). It may still be
 * starting, when the page has stopped waiting for it: await `started` before looking at `map`.
 */
export function takeEarlyMap(container: HTMLElement): EarlyMap | null {
	if (!early || early.container !== container) return null;
	const { state } = early;
	early = null;
	return state;
}

/**
 * The load's responses as the server inlined them into the page (SvelteKit's
 * `data-sveltekit-fetched` scripts, which its own first load reads the same way); anything not
 * inlined comes from the network.
 */
const inlinedFetch: typeof fetch = async (input, init) => {
	const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
	const script = document.querySelector(`script[data-sveltekit-fetched][data-url=${JSON.stringify(url)}]:not([data-b64])`);
	if (!script?.textContent) return fetch(input, init);
	const { body, ...responseInit } = JSON.parse(script.textContent) as { body: string } & ResponseInit;
	return new Response(body, responseInit);
};

/**
 * Starts the map of an atlas page (`/`, `/embed`: the element marked `data-early-map`) and
 * resolves once it has drawn, has failed, or after `patienceMs` (counted from the start, MapLibre's
 * download included), whichever is first; never rejects. A start still under way then carries on,
 * and the page waits for it (`started`) instead of making a second map. Pages without such an
 * element, the SVG renderer and a configured online basemap are left alone.
 */
export async function startEarlyMap(patienceMs = 3000): Promise<void> {
	// The page around the map is painted once the map has drawn, or when there will be none from here.
	const paintPage = () => document.documentElement.removeAttribute('data-map-first');
	const container = document.querySelector<HTMLElement>('[data-early-map]');
	const url = new URL(location.href);
	if (!container || env.PUBLIC_KONTORATLAS_BASEMAP_STYLE || url.searchParams.get('renderer') === 'svg') return paintPage();
	let settle = () => {};
	const state: EarlyMap = { started: new Promise((resolve) => (settle = resolve)), map: null, failed: null, loaded: false, idle: false, moved: false };
	early = { container, state };
	let patience: ReturnType<typeof setTimeout> | undefined;
	await Promise.race([drawEarlyMap(container, url, state, settle), new Promise<void>((resolve) => (patience = setTimeout(resolve, patienceMs)))]);
	clearTimeout(patience);
	paintPage();
}

/** Makes the map (settling `started`) and resolves at its first idle. */
async function drawEarlyMap(container: HTMLElement, url: URL, state: EarlyMap, settle: () => void): Promise<void> {
	try {
		const view = loadAtlasView(inlinedFetch, url);
		// A large level's tiles and values (earlyLarge.ts) as soon as the view is known, alongside MapLibre.
		const largeStart = view.then((data) =>
			container.dataset.earlyMap === 'atlas' && data.levels.some((l) => l.large && l.id === data.view.level)
				? import('./earlyLarge').then((m) => m.startLargeLevel(data, inlinedFetch))
				: null
		);
		const [lib, data, large] = await Promise.all([loadMaplibre(), view, largeStart]);
		const model = atlasModel(data);
		const input: AtlasLayerInput = {
			view: data.view,
			areas: model.areas,
			groups: model.groups,
			context: data.context,
			kontore: data.kontore,
			catchments: data.catchments,
			catchmentColours: new Map(),
			choropleth: model.choropleth,
			beispieldaten: model.meta.beispieldaten,
			tiles: large?.tiles
		};
		// The catchment colours as each page gives them: the atlas (+page.svelte) at once, the
		// embed once its lazily loaded palette arrives (so it starts without).
		if (data.catchments && container.dataset.earlyMap === 'atlas') {
			const colours = await import('$lib/components/catchments/colours');
			input.catchmentColours = colours.distanceColours(data.coverage?.distances ?? []);
			input.kontorAreaColours = colours.kontorColours(data.kontore.features.map((k) => k.properties.id));
		}
		let map: MapLibreMap;
		try {
			const parts = styleParts(atlasSources(input));
			map = createMap(lib, {
				container,
				style: baseStyle(large ? large.style(parts) : parts),
				camera: data.view.camera,
				bounds: data.bounds
			});
		} catch (e) {
			state.failed = e instanceof Error ? e.message : String(e);
			return;
		}
		state.map = map;
		// The same handle the map's owner gives tests and host pages.
		(window as unknown as { kontoratlasMap?: MapLibreMap }).kontoratlasMap = map;
		map.once('load', () => (state.loaded = true));
		// Feature states can be set once the style is read, before any tile has come: the first drawing is coloured.
		const styled = new Promise((resolve) => map.once('style.load', resolve));
		map.on('moveend', (e) => {
			if ('originalEvent' in e && e.originalEvent) state.moved = true;
		});
		settle();
		const firstIdle = new Promise<void>((resolve) =>
			map.once('idle', () => {
				state.idle = true;
				resolve();
			})
		);
		// A large level counts as drawn once its areas have their classes, not at the idle before the values came.
		await (large ? Promise.all([firstIdle, large.colour(map, styled, model.choropleth)]) : firstIdle);
	} catch (e) {
		// Whatever went wrong here, the page makes its own map (state.map stays null).
		console.warn('early map:', e);
	} finally {
		settle();
	}
}
