// What the pages with a WebGL map ask the browser to fetch, and to paint, first. SvelteKit names the page's
// stylesheets and all its script chunks (some thirty files) in the response's Link header,
// before the browser has read a byte of the HTML. On an atlas page the map is started before the
// page hydrates (src/lib/components/map/early.ts), and it needs only MapLibre and the app's entry
// (SvelteKit's start and app modules with their imports, where early.ts lives); the page's own
// chunks are needed only for hydrating, after the map has drawn. Over HTTP/1.1's six connections
// per host they queued ahead of MapLibre, the largest file and the one the map waits for.
import type { ResolveOptions } from '@sveltejs/kit';
import { maplibreUrl } from '$lib/map/maplibreAssets';

/** The routes that draw an AtlasMap (unless the URL asks for the server's SVG map). */
const MAP_ROUTES = new Set(['/', '/embed', '/sozialindex', '/erreichbarkeit']);
/** Of those, the ones whose map is started before hydration (early.ts); the others make theirs when hydrated. */
const EARLY_MAP_ROUTES = new Set(['/', '/embed']);

const svg = (url: URL) => url.searchParams.get('renderer') === 'svg';
const drawsMap = (routeId: string | null, url: URL) => !!routeId && MAP_ROUTES.has(routeId) && !svg(url);
const startsMapEarly = (routeId: string | null, url: URL) => !!routeId && EARLY_MAP_ROUTES.has(routeId) && !svg(url);

/**
 * The preload choice for `resolve()`: where the map starts before hydration, the entry's scripts
 * but not the page's (elsewhere the map waits for the page's chunks, which stay preloaded). It
 * relies on SvelteKit offering the entry's imports first and then each page node's, each node's
 * list beginning with the node itself (`…/nodes/N.js`); a test checks the header.
 */
export function mapFirstPreload(routeId: string | null, url: URL): ResolveOptions['preload'] {
	if (!startsMapEarly(routeId, url)) return undefined;
	let pageChunks = false;
	return ({ type, path }) => {
		if (type !== 'js') return type === 'css';
		if (path.includes('/nodes/')) pageChunks = true;
		return !pageChunks;
	};
}

/**
 * Where the map starts before hydration, the page around it is painted after it: the root element
 * gets `data-map-first`, which app.css turns into an invisible page (the map itself excepted) until
 * early.ts has drawn the map or given up, and for 1 s at most. Without scripts there is no map to
 * wait for, and the page shows at once (NO_SCRIPT_PAINT). Rasterising the dashboard (header,
 * legend, table) in software competed with the map's first drawing for the CPU: the bench's map
 * load went from about 1.3-1.4× the bare page to about 1.2×. The parts that do not decide where
 * the map sits (`data-map-later`: the side panel, the charts and the table below the map) are not
 * even laid out meanwhile (content-visibility): laying out the whole dashboard took 40-60 ms of
 * the main thread while MapLibre was being compiled, and the map load went from 1.27× to 1.19×.
 */
export function mapFirstPaint(routeId: string | null, url: URL): ResolveOptions['transformPageChunk'] {
	if (!startsMapEarly(routeId, url)) return undefined;
	let done = false;
	return ({ html }) => {
		if (done) return html;
		done = true;
		return html.replace('<html ', '<html data-map-first ').replace('</head>', `${NO_SCRIPT_PAINT}</head>`);
	};
}

/** A browser without scripts draws no map: it shows the page (and the server's table) at once. */
export const NO_SCRIPT_PAINT = '<noscript><style>html[data-map-first] body, html[data-map-first] [data-map-later] { animation: none; }</style></noscript>';

/** MapLibre first in the Link header of a map page's HTML. */
export function preloadMapLibre(routeId: string | null, url: URL, response: Response): Response {
	if (!drawsMap(routeId, url) || !response.headers.get('content-type')?.startsWith('text/html')) return response;
	const link = response.headers.get('link');
	response.headers.set('link', `<${maplibreUrl}>; rel="modulepreload"; nopush${link ? `, ${link}` : ''}`);
	return response;
}
