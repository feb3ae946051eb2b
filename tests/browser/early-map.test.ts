// The atlas's map is started before the page hydrates (src/lib/components/map/early.ts) and then
// adopted by the page: one map, made before the page's controls were live, with the same layers
// the page's own components would have added, and in charge once the page is interactive.
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../chromium';
import { openMap, renderedIds } from './helpers';

const base = inject('baseUrl');
// A browser per page: the single-process Chromium does not survive closing a page.
const browsers: Browser[] = [];
async function newPage(): Promise<Page> {
	const browser = await launchChromium();
	browsers.push(browser);
	return browser.newPage({ viewport: { width: 1200, height: 800 } });
}
afterAll(async () => {
	await Promise.all(browsers.map((b) => b.close()));
});

/** Before the page's scripts: record every map handed over as window.kontoratlasMap, and whether the page had hydrated then. */
const recordMaps = `(() => {
	window.__maps = [];
	Object.defineProperty(window, 'kontoratlasMap', {
		configurable: true,
		get: () => window.__maps.at(-1)?.map,
		set(map) {
			if (window.__maps.some((m) => m.map === map)) return;
			const controls = document.querySelector('form.controls');
			// The page's map component adds the attribution control when it makes or adopts a map.
			window.__maps.push({ map, hydrated: !!controls && !controls.inert, owned: !!document.querySelector('.maplibregl-ctrl-attrib') });
		}
	});
})();`;

type Recorded = { __maps: { map: import('maplibre-gl').Map; hydrated: boolean; owned: boolean }[] };

async function open(url: string): Promise<Page> {
	const page = await newPage();
	await page.addInitScript({ content: recordMaps });
	await openMap(page, url);
	return page;
}

describe('the map started before hydration', () => {
	it('is the one map of the atlas, made before the page was interactive, with the layers of the view', async () => {
		const errors: string[] = [];
		const page = await open(base + '/');
		page.on('pageerror', (e) => errors.push(e.message));
		const state = await page.evaluate(() => {
			const { __maps } = window as unknown as Recorded;
			const map = __maps[0].map;
			return {
				maps: __maps.length,
				hydratedAtStart: __maps[0].hydrated,
				canvases: document.querySelectorAll('.map canvas.maplibregl-canvas').length,
				layers: map.getStyle().layers.map((l) => l.id),
				controlsLive: !(document.querySelector('form.controls') as HTMLFormElement).inert
			};
		});
		expect(state.maps).toBe(1);
		expect(state.hydratedAtStart).toBe(false);
		expect(state.canvases).toBe(1);
		expect(state.controlsLive).toBe(true);
		// Each layer once, in the order of atlasLayers.ts (catchments are hidden by default: no source).
		expect(state.layers).toEqual([
			'background',
			'context-fill',
			'context-line',
			'choropleth',
			'nodata',
			'suppressed',
			'beispiel',
			'boundaries',
			'hover',
			'selected',
			'group-boundaries',
			'city-outline',
			'kontore-halo',
			'kontore'
		]);
		expect(await renderedIds(page, 'choropleth')).toHaveLength(31);
		// The adopted map follows the page: a selection made in the table outlines the district.
		await page.getByRole('checkbox', { name: 'Thiede auswählen' }).check();
		await page.waitForFunction(() => JSON.stringify((window as unknown as Recorded).__maps[0].map.getFilter('selected')).includes('"thiede"'));
		expect(errors).toEqual([]);
	});

	it('starts a view from the URL as the page shows it: level, selection, hidden layers, catchments', async () => {
		const page = await open(base + '/?level=ortschaft&sel=nord&hide=kontore&show=catchments');
		const early = await page.evaluate(() => {
			const { __maps } = window as unknown as Recorded;
			const map = __maps[0].map;
			return {
				maps: __maps.length,
				hydratedAtStart: __maps[0].hydrated,
				layers: map.getStyle().layers.map((l) => l.id),
				kontore: map.getLayoutProperty('kontore', 'visibility'),
				selected: map.getFilter('selected'),
				ortschaftLines: map.getLayoutProperty('group-boundaries', 'visibility')
			};
		});
		expect(early.maps).toBe(1);
		expect(early.hydratedAtStart).toBe(false);
		expect(early.kontore).toBe('none');
		expect(early.ortschaftLines).toBe('none');
		expect(JSON.stringify(early.selected)).toContain('"nord"');
		expect(early.layers.filter((id) => id.startsWith('catchment'))).toEqual([
			'catchment-rings',
			'catchment-lines',
			'catchment-nearest',
			'catchment-nearest-lines'
		]);
		expect(await renderedIds(page, 'choropleth')).toEqual(['nord', 'nordost', 'nordwest', 'ost', 'sued', 'suedost', 'west']);
	});

	it('starts the map of the embed the same way, and the embed adopts it', async () => {
		const page = await open(base + '/embed?controls=0');
		const state = await page.evaluate(() => {
			const { __maps } = window as unknown as Recorded;
			return {
				maps: __maps.length,
				ownedAtStart: __maps[0].owned,
				attribution: !!document.querySelector('.maplibregl-ctrl-attrib'),
				zoom: !!document.querySelector('.maplibregl-ctrl-zoom-in')
			};
		});
		expect(state).toEqual({ maps: 1, ownedAtStart: false, attribution: true, zoom: false });
		expect(await renderedIds(page, 'choropleth')).toHaveLength(31);
	});

	it('does not hold the page back for a slow MapLibre, and the page then waits for that start instead of making a second map', async () => {
		const page = await newPage();
		await page.addInitScript({ content: recordMaps });
		// MapLibre arrives only after the page has stopped waiting for the map (3 s) and hydrated.
		let release = () => {};
		const held = new Promise<void>((r) => (release = r));
		await page.route(/maplibre-gl\.[\w-]+\.mjs$/, async (route) => {
			await held;
			await route.continue();
		});
		await page.goto(base + '/');
		await page.waitForFunction(() => !(document.querySelector('form.controls') as HTMLFormElement).inert, null, { timeout: 9500 });
		expect(await page.evaluate(() => (window as unknown as Recorded).__maps.length)).toBe(0);
		release();
		await page.waitForSelector('[data-map-idle]', { timeout: 30_000 });
		expect(await page.evaluate(() => (window as unknown as Recorded).__maps.length)).toBe(1);
		expect(await page.evaluate(() => document.querySelectorAll('.map canvas.maplibregl-canvas').length)).toBe(1);
		expect(await renderedIds(page, 'choropleth')).toHaveLength(31);
	});

	it('is left to the page on pages without it, and with the SVG renderer no MapLibre is loaded at all', async () => {
		const page = await newPage();
		await page.addInitScript({ content: recordMaps });
		const scripts: string[] = [];
		page.on('request', (r) => scripts.push(r.url()));
		await page.goto(base + '/?renderer=svg');
		await page.waitForSelector('.svgmap svg');
		await page.waitForFunction(() => !(document.querySelector('form.controls') as HTMLFormElement).inert);
		expect(await page.evaluate(() => (window as unknown as Recorded).__maps.length)).toBe(0);
		expect(scripts.some((u) => u.includes('maplibre-gl'))).toBe(false);
	});
});

describe('the page around the map, painted after it', () => {
	/**
	 * Whether the header and the map container are visible, whether the side panel is laid out
	 * (not skipped by content-visibility), and whether the root still waits.
	 */
	const visibility = () => ({
		header: getComputedStyle(document.querySelector('header')!).visibility,
		map: getComputedStyle(document.querySelector('[data-early-map]')!).visibility,
		panel: getComputedStyle(document.querySelector('aside[data-map-later]')!).contentVisibility,
		waiting: document.documentElement.hasAttribute('data-map-first')
	});

	it('is invisible while the map draws, the map itself is not, and everything shows once the map has drawn', async () => {
		const page = await newPage();
		// Hold MapLibre back 600 ms, so the page is seen before the map exists.
		await page.route(/maplibre-gl\.[\w-]+\.mjs$/, async (route) => {
			await new Promise((r) => setTimeout(r, 600));
			await route.continue();
		});
		await page.goto(base + '/', { waitUntil: 'commit' });
		await page.waitForSelector('header', { state: 'attached' });
		expect(await page.evaluate(visibility)).toEqual({ header: 'hidden', map: 'visible', panel: 'hidden', waiting: true });
		await page.waitForFunction(() => (window as unknown as { kontoratlasMap?: unknown }).kontoratlasMap);
		await page.waitForFunction(() => !document.documentElement.hasAttribute('data-map-first'));
		expect(await page.evaluate(visibility)).toEqual({ header: 'visible', map: 'visible', panel: 'visible', waiting: false });
		expect(await page.evaluate(() => (window as unknown as { kontoratlasMap: import('maplibre-gl').Map }).kontoratlasMap.loaded())).toBe(true);
	});

	it('shows at once without scripts, and after 1 s at most when the map does not come', async () => {
		const browser = await launchChromium();
		browsers.push(browser);
		const header = () =>
			`${getComputedStyle(document.querySelector('header')!).visibility} ${getComputedStyle(document.querySelector('aside[data-map-later]')!).contentVisibility}`;
		// Without scripts there is no map to wait for: the page and its table show at once.
		const noScript = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
		await noScript.goto(base + '/');
		expect(await noScript.evaluate(() => document.documentElement.hasAttribute('data-map-first'))).toBe(true);
		expect(await noScript.evaluate(header)).toBe('visible visible');
		// With scripts, a map that is slow to come holds the page back, but not beyond 1 s.
		const page = await (await browser.newContext()).newPage();
		await page.route(/maplibre-gl\.[\w-]+\.mjs$/, async (route) => {
			await new Promise((r) => setTimeout(r, 8000));
			await route.continue().catch(() => {});
		});
		await page.goto(base + '/', { waitUntil: 'commit' });
		await page.waitForSelector('header', { state: 'attached' });
		expect(await page.evaluate(header)).toBe('hidden hidden');
		await page.waitForTimeout(1200);
		expect(await page.evaluate(header)).toBe('visible visible');
	});

	it('is marked only where the map starts before hydration', async () => {
		const marked = async (path: string) => /<html data-map-first /.test(await (await fetch(base + path)).text());
		expect(await marked('/')).toBe(true);
		expect(await marked('/embed')).toBe(true);
		expect(await marked('/?renderer=svg')).toBe(false);
		expect(await marked('/erreichbarkeit')).toBe(false);
		expect(await marked('/stadtteil/thiede')).toBe(false);
	});
});

describe('the Link header of a map page', () => {
	it('names MapLibre first and the entry scripts, but not the page chunks the map does not need', async () => {
		const res = await fetch(base + '/');
		const link = res.headers.get('link') ?? '';
		const urls = [...link.matchAll(/<([^>]+)>; rel="(modulepreload|preload)"/g)].map((m) => m[1]);
		expect(urls[0]).toMatch(/maplibre-gl\.[\w-]+\.mjs$/);
		expect(urls.some((u) => /\/entry\/start\./.test(u))).toBe(true);
		expect(urls.some((u) => /\/entry\/app\./.test(u))).toBe(true);
		expect(urls.some((u) => u.includes('/nodes/'))).toBe(false);
		// Pages without a map keep SvelteKit's full list, and never name MapLibre.
		const other = (await fetch(base + '/stadtteil/thiede')).headers.get('link') ?? '';
		expect(other).toContain('/nodes/');
		expect(other).not.toContain('maplibre-gl');
		// A map page whose map is made when the page hydrates keeps its chunks preloaded, MapLibre first.
		const erreichbarkeit = [...((await fetch(base + '/erreichbarkeit')).headers.get('link') ?? '').matchAll(/<([^>]+)>/g)].map((m) => m[1]);
		expect(erreichbarkeit[0]).toMatch(/maplibre-gl\.[\w-]+\.mjs$/);
		expect(erreichbarkeit.some((u) => u.includes('/nodes/'))).toBe(true);
		const svg = (await fetch(base + '/?renderer=svg')).headers.get('link') ?? '';
		expect(svg).not.toContain('maplibre-gl');
		expect(svg).toContain('/nodes/');
	});
});
