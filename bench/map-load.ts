// Map load: navigation → the first MapLibre `idle` at which the districts are drawn, in headless
// Chromium against the built server, for the atlas (/) and for a bare MapLibre page that loads
// the same Stadtteile from a static file through the same server. Cold loads, interleaved.
// `npx tsx bench/map-load.ts [--json] [--loads N]`
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { FeatureCollection } from 'geojson';
import { bbox } from '@turf/bbox';
import { launchChromium } from '../tests/chromium';
import { startServer } from '../tests/global-setup';
import { median, ms, times, type BenchRow } from './lib';

/** Served by sirv from build/client, which the adapter-node server scans at start-up. */
const BENCH_DIR = 'build/client/__bench';
const MAPLIBRE = 'node_modules/maplibre-gl/dist';

interface Load {
	t: number;
	/** When the atlas's charts below the map appeared (the baseline has none). */
	panels?: number;
	/** When the atlas had hydrated: its controls are live (the baseline has none). */
	live?: number;
	created: number;
	html: number | null;
	districts: number;
}
interface Phases {
	htmlMs: number;
	mapCreatedMs: number;
	idleMs: number;
}

type Which = 'app' | 'embed' | 'baseline';
export interface MapLoadResult {
	rows: BenchRow[];
	app: number[];
	/** The embed (/embed), the same default view with little around it: for information. */
	embed: number[];
	baseline: number[];
	/** Medians of where the time goes: HTML received (responseEnd), `new Map` done, first idle with districts. */
	phases: Record<Which, Phases>;
	/** Distinct district ids rendered at the measured idle, per load (31 expected). */
	districts: Record<Which, number[]>;
}

/**
 * Runs in the page before its own scripts: when the page hands over its map as
 * window.kontoratlasMap, record performance.now() (ms since navigation start) at the first idle
 * at which `layer` has rendered features. Both pages expose the map that way. Plain JavaScript in
 * a string: a function passed to Playwright would carry tsx's injected helpers into the page.
 */
const hookIdle = (layer: string) => `(() => {
	let idles = 0;
	// The atlas hydrates after the map's first idle and then draws its charts below the map:
	// when its controls become live, and when the charts appear.
	new MutationObserver((_, observer) => {
		const controls = document.querySelector('form.controls');
		if (controls && !controls.inert && !window.__benchLive) window.__benchLive = performance.now();
		if (!document.querySelector('.panels-wrap .panels')) return;
		window.__benchPanels = performance.now();
		observer.disconnect();
	}).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['inert'] });
	Object.defineProperty(window, 'kontoratlasMap', {
		configurable: true,
		get: () => window.__benchMap,
		set(map) {
			window.__benchMap = map;
			const created = performance.now();
			map.on('idle', () => {
				idles++;
				if (window.__benchIdle || !map.getLayer(${JSON.stringify(layer)})) return;
				const features = map.queryRenderedFeatures({ layers: [${JSON.stringify(layer)}] });
				if (features.length === 0) return;
				const nav = performance.getEntriesByType('navigation')[0];
				window.__benchIdle = { t: performance.now(), created, html: nav ? nav.responseEnd : null, districts: new Set(features.map((f) => f.properties.id)).size, idles };
			});
		}
	});
})();`;

function baselineHtml(bounds: number[]): string {
	return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Benchmark baseline: bare MapLibre</title>
<link rel="stylesheet" href="/__bench/maplibre-gl.css">
<style>html, body { margin: 0; height: 100%; } #map { position: absolute; inset: 0; }</style>
</head>
<body>
<div id="map"></div>
<script type="module">
import { Map, setWorkerUrl } from '/__bench/maplibre-gl.mjs';
setWorkerUrl('/__bench/maplibre-gl-worker.mjs');
const map = new Map({
	container: 'map',
	style: {
		version: 8,
		sources: { districts: { type: 'geojson', data: '/__bench/areas-stadtteil.geojson', promoteId: 'id' } },
		layers: [
			{ id: 'background', type: 'background', paint: { 'background-color': '#eef0ea' } },
			{ id: 'districts', type: 'fill', source: 'districts', paint: { 'fill-color': '#3b7ea1', 'fill-opacity': 0.8 } },
			{ id: 'borders', type: 'line', source: 'districts', paint: { 'line-color': '#ffffff', 'line-width': 1 } }
		]
	},
	bounds: ${JSON.stringify(bounds)},
	fitBoundsOptions: { padding: 24 },
	attributionControl: false
});
window.kontoratlasMap = map;
</script>
</body>
</html>
`;
}

/** Writes the baseline page, MapLibre's dist build and the districts into build/client, precompressed like the app's assets. */
export function writeBaseline(): void {
	rmSync(BENCH_DIR, { recursive: true, force: true });
	mkdirSync(BENCH_DIR, { recursive: true });
	for (const f of ['maplibre-gl.mjs', 'maplibre-gl-worker.mjs', 'maplibre-gl.css']) copyFileSync(join(MAPLIBRE, f), join(BENCH_DIR, f));
	copyFileSync('derived/areas-stadtteil.geojson', join(BENCH_DIR, 'areas-stadtteil.geojson'));
	const districts = JSON.parse(readFileSync('derived/areas-stadtteil.geojson', 'utf8')) as FeatureCollection;
	const b = bbox(districts);
	writeFileSync(
		join(BENCH_DIR, 'index.html'),
		baselineHtml(
			[
				[b[0], b[1]],
				[b[2], b[3]]
			].flat()
		)
	);
	for (const f of ['index.html', 'maplibre-gl.mjs', 'maplibre-gl-worker.mjs', 'maplibre-gl.css', 'areas-stadtteil.geojson']) {
		const body = readFileSync(join(BENCH_DIR, f));
		writeFileSync(join(BENCH_DIR, f + '.gz'), gzipSync(body, { level: 9 }));
		writeFileSync(join(BENCH_DIR, f + '.br'), brotliCompressSync(body));
	}
}

/** One cold load in a browser of its own (see README: the single-process Chromium dies when a context closes). */
export async function load(url: string, layer: string, panels = false): Promise<Load> {
	const browser = await launchChromium();
	try {
		const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
		await page.addInitScript({ content: hookIdle(layer) });
		await page.goto(url);
		const handle = await page.waitForFunction(() => (window as unknown as { __benchIdle?: unknown }).__benchIdle, undefined, { timeout: 60_000 });
		const result = (await handle.jsonValue()) as Load;
		if (panels) {
			const panels = await page.waitForFunction(() => (window as unknown as { __benchPanels?: number }).__benchPanels, undefined, { timeout: 60_000 });
			result.panels = (await panels.jsonValue()) as number;
			result.live = (await page.evaluate(() => (window as unknown as { __benchLive?: number }).__benchLive)) ?? NaN;
		}
		return result;
	} finally {
		await browser.close();
	}
}

export async function benchMapLoad(options: { loads?: number; log?: (s: string) => void } = {}): Promise<MapLoadResult> {
	const loads = options.loads ?? 10;
	const log = options.log ?? (() => {});
	// Ctrl-C ends the server and browsers with us (same process group); the files we remove.
	const interrupted = () => {
		rmSync(BENCH_DIR, { recursive: true, force: true });
		process.exit(130);
	};
	process.once('SIGINT', interrupted);
	let server: Awaited<ReturnType<typeof startServer>> | null = null;
	try {
		writeBaseline();
		server = await startServer();
		const pages: Record<Which, { url: string; layer: string; panels: boolean }> = {
			app: { url: server.url + '/', layer: 'choropleth', panels: true },
			embed: { url: server.url + '/embed', layer: 'choropleth', panels: false },
			baseline: { url: server.url + '/__bench/index.html', layer: 'districts', panels: false }
		};
		// One load of each first, not counted: the server's first render and encodings are warm for all.
		for (const p of Object.values(pages)) await load(p.url, p.layer, p.panels);
		const none = (): Phases => ({ htmlMs: 0, mapCreatedMs: 0, idleMs: 0 });
		const result: MapLoadResult = {
			rows: [],
			app: [],
			embed: [],
			baseline: [],
			phases: { app: none(), embed: none(), baseline: none() },
			districts: { app: [], embed: [], baseline: [] }
		};
		const all: Record<Which, Load[]> = { app: [], embed: [], baseline: [] };
		const orders: Which[][] = [
			['app', 'baseline', 'embed'],
			['baseline', 'embed', 'app'],
			['embed', 'app', 'baseline']
		];
		for (let i = 0; i < loads; i++) {
			// Rotate the order so drift in the machine's load hits all alike.
			for (const which of orders[i % orders.length]) {
				const page = pages[which];
				const r = await load(page.url, page.layer, page.panels);
				all[which].push(r);
				result[which].push(r.t);
				result.districts[which].push(r.districts);
				log(`  map load ${i + 1}/${loads} ${which}: ${ms(r.t)} (HTML ${ms(r.html ?? NaN)}, map created ${ms(r.created)}, ${r.districts} districts drawn)`);
			}
		}
		for (const which of ['app', 'embed', 'baseline'] as const) {
			const rs = all[which];
			result.phases[which] = {
				htmlMs: median(rs.map((r) => r.html ?? NaN)),
				mapCreatedMs: median(rs.map((r) => r.created)),
				idleMs: median(rs.map((r) => r.t))
			};
		}
		const a = median(result.app);
		const b = median(result.baseline);
		const allDrawn = [...result.districts.app, ...result.districts.baseline].every((n) => n === 31);
		const e = median(result.embed);
		const embedDrawn = result.districts.embed.every((n) => n === 31);
		result.rows.push({
			figure: 'map load: navigation → first idle',
			value: ms(a),
			baseline: ms(b),
			ratio: times(a / b),
			target: '≤ 1.20×',
			pass: a / b <= 1.2 && allDrawn,
			note: `median of ${loads} cold loads each (fresh headless Chromium per load, interleaved); baseline: bare MapLibre page with the same Stadtteile from a static file through the same server; medians app / baseline: HTML received ${ms(result.phases.app.htmlMs)} / ${ms(result.phases.baseline.htmlMs)}, map created ${ms(result.phases.app.mapCreatedMs)} / ${ms(result.phases.baseline.mapCreatedMs)}; the atlas's map is started before the page hydrates, its controls are live at ${ms(median(all.app.map((r) => r.live ?? NaN)))} and its charts below the map appear at ${ms(median(all.app.map((r) => r.panels ?? NaN)))}${allDrawn ? '' : '; NOT all 31 districts drawn at idle'}`
		});
		result.rows.push({
			figure: 'map load of the embed (/embed), for information',
			value: ms(e),
			baseline: ms(b),
			ratio: times(e / b),
			target: '—',
			pass: null,
			note: `the same loads, interleaved with the two above; the embed shows the default view with a header, the legend and the table on demand; medians: HTML received ${ms(result.phases.embed.htmlMs)}, map created ${ms(result.phases.embed.mapCreatedMs)}${embedDrawn ? '' : '; NOT all 31 districts drawn at idle'}`
		});
		return result;
	} finally {
		process.off('SIGINT', interrupted);
		server?.child.kill();
		rmSync(BENCH_DIR, { recursive: true, force: true });
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const json = process.argv.includes('--json');
	const k = process.argv.indexOf('--loads');
	const result = await benchMapLoad({ loads: k > 0 ? Number(process.argv[k + 1]) : undefined, log: json ? undefined : console.log });
	console.log(json ? JSON.stringify(result) : result.rows.map((r) => `${r.figure}: ${r.value} vs ${r.baseline} = ${r.ratio} (target ${r.target})`).join('\n'));
}
