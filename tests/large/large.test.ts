// A large level through the built server (issue #21): Musterstadt with 1,000+ blocks
// (tests/fixtures/large), built and derived once for the file. The API serves the level as vector
// tiles and compact values; the atlas draws it from tiles, coloured by feature-state, and a new
// indicator brings new values but no tile again. The atlas's panels: the table draws a window of
// rows, scrolls, searches and is driven by the keyboard; the ranking shows its ends and the
// selection; the distribution bins; the scatter chart hovers by pointer position; the SVG map and
// the embed draw the coarser level with a note; the grid can be switched on over the coarser level.
// A profile of the coarser level summarises its blocks instead of listing them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LARGE_LEVEL_MIN_AREAS } from '../../src/lib/data/levels';
import { HOVER_LIGHT_FROM } from '../../src/lib/components/map/largeLevel';
import { openMap, waitForLayer } from '../browser/helpers';
import { launchChromium } from '../chromium';
import { serveFixture, stopServer, type TestServer } from '../fixture-server';
import { writeLargeCity, type LargeCity } from '../fixtures/large/generate';
import { fromColumns } from '../../src/lib/data/tableColumns';

const dir = mkdtempSync(join(tmpdir(), 'kontoratlas-large-'));
let server: TestServer;
let city: LargeCity;
let browser: Browser | undefined;
/** One page for the file: the test browser runs in one process, which closing its last page ends. */
let page: Page;
/** The level the large one's areas lie in (its parent in the fixture's profile). */
let parent: { id: string; plural: string };

beforeAll(async () => {
	const geodata = join(dir, 'geodata');
	city = writeLargeCity(geodata);
	server = await serveFixture(geodata, dir);
	const { levels } = await (await fetch(`${server.url}/api/indicators`)).json();
	const large = levels.find((l: { id: string }) => l.id === city.level);
	const up = levels.find((l: { id: string }) => l.id === large.parent);
	parent = { id: up.id, plural: up.name.de.plural };
}, 180_000);

afterAll(async () => {
	await browser?.close();
	await stopServer(server);
	rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(server.url + path, { headers });

/** The tile holding a point at zoom z (Web Mercator). */
function tileAt(z: number, lon: number, lat: number): string {
	const n = 2 ** z;
	const phi = (lat * Math.PI) / 180;
	return `${z}/${Math.floor(((lon + 180) / 360) * n)}/${Math.floor(((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * n)}`;
}

describe('a level of 1,000+ areas through the API', () => {
	it('is large, and its values come in one compact, cacheable answer in tile-feature order, withheld values marked', async () => {
		const catalogue = await (await get('/api/indicators')).json();
		const level = catalogue.levels.find((l: { id: string }) => l.id === city.level);
		expect(level).toMatchObject({ count: city.count, large: true });
		expect(city.count).toBeGreaterThanOrEqual(LARGE_LEVEL_MIN_AREAS);

		const res = await get(`/api/werte/${city.level}?indikator=${city.indicator}&jahr=2024`, { 'accept-encoding': 'br' });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-encoding')).toBe('br');
		const values = await res.json();
		expect(values.ids).toHaveLength(city.count);
		expect(values.values).toHaveLength(city.count);
		// The nearly empty blocks have rates on a base below the disclosure threshold.
		expect(values.suppressed.length).toBeGreaterThan(0);
		for (const i of values.suppressed) expect(values.values[i]).toBeNull();
		const again = await get(`/api/werte/${city.level}?indikator=${city.indicator}&jahr=2024`, {
			'accept-encoding': 'br',
			'if-none-match': res.headers.get('etag')!
		});
		expect(again.status).toBe(304);
		const bad = await get(`/api/werte/${city.level}?indikator=nichts&lang=en`);
		expect(bad.status).toBe(400);
		expect((await bad.json()).parameter).toBe('indikator');
	});

	it('serves tiles with the level as a layer, feature ids as positions in the values and no properties, ETag and 304, brotli; 404 for unknown levels and tiles', async () => {
		const { ids } = await (await get(`/api/werte/${city.level}?indikator=einwohner`)).json();
		const areas = await (await get(`/api/areas?level=${city.level}`)).json();
		const first = areas.features.find((f: { properties: { id: string } }) => f.properties.id === ids[0]);
		const [lon, lat] = first.properties.labelPoint;
		const res = await get(`/tiles/${city.level}/${tileAt(13, lon, lat)}.mvt`, { 'accept-encoding': 'br' });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-encoding')).toBe('br');
		expect(res.headers.get('cache-control')).toMatch(/public/);
		// fetch has already undone the brotli.
		const tile = new VectorTile(new PbfReader(new Uint8Array(await res.arrayBuffer())));
		const layer = tile.layers[city.level];
		expect(layer.length).toBeGreaterThan(10);
		for (let i = 0; i < layer.length; i++) {
			const f = layer.feature(i);
			expect(ids[f.id!]).toBeDefined();
			expect(f.properties).toEqual({});
		}
		// The tile under the first area's label point holds it as feature 0, its position in the values.
		expect(Array.from({ length: layer.length }, (_, i) => layer.feature(i).id)).toContain(0);
		const etag = res.headers.get('etag')!;
		expect((await get(`/tiles/${city.level}/${tileAt(13, lon, lat)}.mvt`, { 'accept-encoding': 'br', 'if-none-match': etag })).status).toBe(304);
		expect((await get(`/tiles/${city.level}/${tileAt(13, lon + 20, lat)}.mvt`)).status).toBe(204);
		for (const path of ['/tiles/keine-ebene/13/1/1.mvt', `/tiles/${city.level}/15/0/0.mvt`, `/tiles/${city.level}/3/9/0.mvt`]) {
			const missing = await get(path);
			expect(missing.status, path).toBe(404);
			expect(missing.headers.get('content-type')).toContain('problem+json');
		}
	});
});

describe("a large level's first view in fewer bytes", () => {
	/** The geometry's length as JSON. */
	const geometryLength = (fc: { features: { geometry: unknown }[] }) => JSON.stringify(fc.features.map((f) => f.geometry)).length;

	it('answers the table in columns, which give the same rows back, rank and deviation recomputed', async () => {
		const path = `/api/indicators/${city.indicator}?level=${city.level}&year=2024`;
		const rows = await (await get(path)).json();
		const columns = await (await get(`${path}&format=columns`)).json();
		expect(columns).not.toHaveProperty('rows');
		expect(columns.columns.area).toHaveLength(city.count);
		expect(columns.columns.suppressed.length).toBeGreaterThan(0);
		// In the level's order (the tiles' feature ids); the JSON table lists the same rows by name.
		const { ids } = await (await get(`/api/werte/${city.level}?indikator=${city.indicator}&jahr=2024`)).json();
		expect(columns.columns.area).toEqual(ids);
		const back = fromColumns(columns);
		const byArea = new Map(back.rows.map((r) => [r.area, r]));
		expect({ ...back, rows: rows.rows.map((r: { area: string }) => byArea.get(r.area)) }).toEqual(rows);
	});

	it('generalises the level around it and the context for the overview, keeps ids and properties, and names a wrong detail', async () => {
		for (const path of [`/api/areas?level=${parent.id}`, '/api/context']) {
			const full = await (await get(path)).json();
			const overview = await (await get(`${path}${path.includes('?') ? '&' : '?'}detail=overview`)).json();
			expect(overview.features.map((f: { properties: unknown }) => f.properties)).toEqual(full.features.map((f: { properties: unknown }) => f.properties));
			// The fixture's squares have nothing to take away (src/lib/geo/overview.test.ts shows what goes): never more.
			expect(geometryLength(overview)).toBeLessThanOrEqual(geometryLength(full));
		}
		const wrong = await get(`/api/areas?level=${parent.id}&detail=fein&lang=en`);
		expect(wrong.status).toBe(400);
		expect(await wrong.json()).toMatchObject({
			parameter: 'detail',
			detail: 'detail knows only "overview" (geometry simplified for the overview), not "fein"'
		});
	});

	it('answers the time series of chosen areas only, and names an area of another level', async () => {
		const { ids } = await (await get(`/api/werte/${city.level}?indikator=${city.indicator}`)).json();
		const path = `/api/indicators/${city.indicator}/series?level=${city.level}`;
		const all = await (await get(path)).json();
		const two = await (await get(`${path}&areas=${ids[0]},${ids[1]}`)).json();
		expect(all.areas).toHaveLength(city.count);
		expect(two.areas.map((a: { area: string }) => a.area).sort()).toEqual([ids[0], ids[1]].sort());
		expect(two.city).toEqual(all.city);
		expect(two.years).toEqual(all.years);
		expect((await (await get(`${path}&areas=`)).json()).areas).toEqual([]);
		const wrong = await get(`${path}&areas=${ids[0]},${city.level}-gibt-es-nicht`);
		expect(wrong.status).toBe(400);
		expect((await wrong.json()).parameter).toBe('areas');
	});

	it("inlines no full table, no series of every area and no full geometry into the large level's page", async () => {
		const page = await (await get(`/?level=${city.level}&indicator=${city.indicator}`)).text();
		const inlined = [...page.matchAll(/data-sveltekit-fetched data-url="([^"]+)"/g)].map((m) => m[1].replaceAll('&amp;', '&'));
		expect(inlined).toContain(`/api/indicators/${city.indicator}?level=${city.level}&format=columns`);
		expect(inlined).toContain(`/api/indicators/${city.indicator}/series?level=${city.level}&areas=`);
		expect(inlined).toContain(`/api/areas?level=${parent.id}&detail=overview`);
		expect(inlined).toContain('/api/context?detail=overview');
		// The map's values come from the table in columns, which the page carries once.
		expect(inlined.filter((u) => u.startsWith('/api/werte/'))).toEqual([]);
		expect(inlined.filter((u) => u.startsWith('/api/areas?'))).toHaveLength(1);
		// Without JavaScript the table's first rows are there, and the link to the whole table as CSV.
		expect(page).toMatch(/<tr[^>]*data-area=/);
		expect(page).toContain(`/api/indicators/${city.indicator}?level=${city.level}&amp;format=csv`);
	});
});

describe('the atlas on a large level', () => {
	it('draws the level from tiles coloured by feature-state, and a new indicator fetches its table, which colours the map, but no tile', async () => {
		browser = await launchChromium();
		page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		const requests: string[] = [];
		const record = (r: import('playwright-core').Request) => requests.push(new URL(r.url()).pathname + new URL(r.url()).search);
		page.on('request', record);
		await page.goto(`${server.url}/?level=${city.level}&indicator=einwohner`);
		await page.waitForSelector(`[data-large-level="${city.level}"][data-values="einwohner:latest"]`, { timeout: 30_000 });
		await waitForLayer(page, 'tiles-choropleth');
		// No GeoJSON of the large level; tiles instead.
		expect(requests.filter((r) => r.startsWith(`/api/areas?level=${city.level}`))).toEqual([]);
		const tiles = requests.filter((r) => r.startsWith(`/tiles/${city.level}/`));
		expect(tiles.length).toBeGreaterThan(0);

		const drawn = () =>
			page.evaluate((source) => {
				const map = (window as unknown as { kontoratlasMap: import('maplibre-gl').Map }).kontoratlasMap;
				const features = map.queryRenderedFeatures({ layers: ['tiles-choropleth'] });
				const states = features.map((f) => map.getFeatureState({ source: 'areas-tiles', sourceLayer: source, id: f.id }).c as number | undefined);
				return { count: new Set(features.map((f) => f.id)).size, classes: [...new Set(states)].sort() };
			}, city.level);
		const before = await drawn();
		expect(before.count).toBeGreaterThan(100);
		// Every drawn feature has its class; several classes are in use.
		expect(before.classes).not.toContain(undefined);
		expect(before.classes.filter((c) => c! >= 0).length).toBeGreaterThan(2);

		const tilesBefore = requests.filter((r) => r.startsWith('/tiles/')).length;
		// Tiles laid out (again) in MapLibre's worker from here on; and which comes first: the map's
		// idle with the new values, or the table below it taking over the new indicator.
		await page.evaluate((indicator) => {
			const w = window as unknown as { kontoratlasMap: import('maplibre-gl').Map; tileLoads: number; order: string[] };
			w.tileLoads = 0;
			w.order = [];
			// Each area's class is set once per change, not first against the old indicator's values.
			const set = w.kontoratlasMap.setFeatureState.bind(w.kontoratlasMap);
			(w as unknown as { classesSet: number }).classesSet = 0;
			w.kontoratlasMap.setFeatureState = (feature, state) => {
				if ('c' in state) (w as unknown as { classesSet: number }).classesSet++;
				return set(feature, state);
			};
			w.kontoratlasMap.on('data', (e) => {
				if (e.dataType === 'source' && 'tile' in e && e.tile) w.tileLoads++;
			});
			w.kontoratlasMap.on('idle', () => {
				if (document.querySelector(`[data-values^="${indicator}:"]`) && !w.order.includes('map')) w.order.push('map');
			});
			const caption = document.querySelector('.table-wrap caption')!;
			const before = caption.textContent;
			new MutationObserver(() => {
				if (caption.textContent !== before && !w.order.includes('table')) w.order.push('table');
			}).observe(caption, { subtree: true, childList: true, characterData: true });
		}, city.indicator);
		await page.selectOption('#indicator-select', city.indicator);
		await page.waitForSelector(`[data-large-level="${city.level}"][data-values^="${city.indicator}:"]`, { timeout: 30_000 });
		await waitForLayer(page, 'tiles-choropleth');
		const after = await drawn();
		// One answer: the page's load asks for the table in columns, and its map takes the values from it.
		expect(requests.filter((r) => r.startsWith(`/api/indicators/${city.indicator}?level=${city.level}`) && r.includes('format=columns'))).toHaveLength(1);
		expect(requests.filter((r) => r.startsWith('/api/werte/'))).toEqual([]);
		expect(requests.filter((r) => r.startsWith('/tiles/')).length).toBe(tilesBefore);
		// Nor are the tiles laid out again: the new colours are states, the layer's paint is unchanged
		// (a changed data-driven paint property makes MapLibre reload the whole source).
		expect(await page.evaluate(() => (window as unknown as { tileLoads: number }).tileLoads)).toBe(0);
		const classesSet = await page.evaluate(() => (window as unknown as { classesSet: number }).classesSet);
		expect(classesSet).toBeGreaterThan(0);
		expect(classesSet).toBeLessThanOrEqual(city.count);
		// The map is drawn with the new values before the table below takes them over (deferred.svelte.ts).
		await page.waitForFunction(() => (window as unknown as { order: string[] }).order.length === 2);
		expect(await page.evaluate(() => (window as unknown as { order: string[] }).order)).toEqual(['map', 'table']);
		// Withheld rates of the nearly empty blocks are drawn as withheld (-2), not as no data.
		expect(after.count).toBe(before.count);
		expect(after.classes).not.toEqual(before.classes);

		// A new classification needs nothing new from the server: the table in columns is kept, not asked
		// for again. (The other indicators' tables may be fetched ahead meanwhile, prefetch.ts.)
		const tables = () => requests.filter((r) => r.startsWith(`/api/indicators/${city.indicator}?`) && r.includes('format=columns')).length;
		const tablesBefore = tables();
		await page.selectOption('select:has(option[value="jenks"])', 'equal');
		await page.waitForURL(/method=equal/);
		await waitForLayer(page, 'tiles-choropleth');
		expect(tables()).toBe(tablesBefore);
		page.off('request', record);
	}, 120_000);

	it('colours the level before the page hydrates (the map started early) from the table inlined into the page, and no one asks for the values', async () => {
		browser ??= await launchChromium();
		page ??= await browser.newPage({ viewport: { width: 1280, height: 900 } });
		// The route's chunks are held back: SvelteKit cannot hydrate the page, the early map still draws.
		const chunks = '**/_app/immutable/nodes/**';
		const held: import('playwright-core').Route[] = [];
		await page.route(chunks, (route) => {
			held.push(route);
		});
		const values: string[] = [];
		const recordValues = (r: import('playwright-core').Request) => {
			if (new URL(r.url()).pathname.startsWith('/api/werte/')) values.push(r.url());
		};
		page.on('request', recordValues);
		try {
			await page.goto(`${server.url}/?level=${city.level}&indicator=${city.indicator}`);
			await page.waitForSelector(`.gl[data-large-level="${city.level}"][data-values^="${city.indicator}:"]`, { timeout: 30_000 });
			const shown = await page.evaluate((level) => {
				const map = (window as unknown as { kontoratlasMap: import('maplibre-gl').Map }).kontoratlasMap;
				const features = map.queryRenderedFeatures({ layers: ['tiles-choropleth'] });
				const classes = features.map((f) => map.getFeatureState({ source: 'areas-tiles', sourceLayer: level, id: f.id }).c as number | undefined);
				return {
					count: features.length,
					unclassed: classes.filter((c) => c === undefined).length,
					hydrated: document.querySelector('[data-large-level].status') !== null
				};
			}, city.level);
			expect(shown.hydrated).toBe(false);
			expect(shown.count).toBeGreaterThan(100);
			expect(shown.unclassed).toBe(0);
			// The browser has them from the page's table in columns.
			expect(values).toEqual([]);
		} finally {
			page.off('request', recordValues);
			await Promise.all(held.map((route) => route.continue()));
			await page.unroute(chunks);
		}

		// Hydrated, the page's layer component takes over the early map's values instead of asking again.
		const requests: string[] = [];
		const record = (r: import('playwright-core').Request) => requests.push(new URL(r.url()).pathname);
		page.on('request', record);
		await page.goto(`${server.url}/?level=${city.level}&indicator=${city.indicator}`);
		await page.waitForSelector(`p.status[data-large-level="${city.level}"][data-values^="${city.indicator}:"]`, { timeout: 30_000 });
		await waitForLayer(page, 'tiles-choropleth');
		page.off('request', record);
		expect(requests.filter((r) => r.startsWith('/api/werte/'))).toEqual([]);
		// The early marks on the map's element are gone: the status line says what the map shows.
		expect(await page.locator('.gl[data-values]').count()).toBe(0);
	}, 120_000);

	it("fetches the other indicators' answers ahead once the map has drawn, so a change to one asks the server for none of its answers; not where the browser asks to save data", async () => {
		browser ??= await launchChromium();
		page ??= await browser.newPage({ viewport: { width: 1280, height: 900 } });
		const requests: string[] = [];
		const record = (r: import('playwright-core').Request) => requests.push(new URL(r.url()).pathname + new URL(r.url()).search);
		page.on('request', record);
		try {
			await page.goto(`${server.url}/?level=${city.level}&indicator=einwohner`);
			await page.waitForSelector(`p.status[data-large-level="${city.level}"][data-values^="einwohner:"]`, { timeout: 30_000 });
			// What an indicator change asks for (the paths of data/apiPaths.ts), fetched while the page is idle.
			const table = `/api/indicators/${city.indicator}?level=${city.level}&format=columns`;
			const series = `/api/indicators/${city.indicator}/series?level=${city.level}&areas=`;
			await expect.poll(() => requests.includes(table) && requests.includes(series), { timeout: 15_000 }).toBe(true);
			const before = requests.length;
			await page.selectOption('#indicator-select', city.indicator);
			await page.waitForSelector(`p.status[data-large-level="${city.level}"][data-values^="${city.indicator}:"]`, { timeout: 30_000 });
			await waitForLayer(page, 'tiles-choropleth');
			// Neither is asked for again (the other indicators' may still be under way ahead).
			expect(requests.slice(before).filter((r) => r.startsWith(`/api/indicators/${city.indicator}`))).toEqual([]);
		} finally {
			page.off('request', record);
		}

		// A browser that asks to save data (the Network Information API) fetches nothing ahead. A
		// page of its own, left open: closing it (its context) would end the single-process browser.
		const saving = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		try {
			await saving.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true, effectiveType: '4g' } }));
			const saved: string[] = [];
			saving.on('request', (r) => saved.push(new URL(r.url()).pathname + new URL(r.url()).search));
			await saving.goto(`${server.url}/?level=${city.level}&indicator=einwohner`);
			await saving.waitForSelector(`p.status[data-large-level="${city.level}"][data-values^="einwohner:"]`, { timeout: 30_000 });
			await waitForLayer(saving, 'tiles-choropleth');
			await saving.waitForTimeout(2000);
			expect(saved.filter((r) => r.startsWith('/api/indicators/') && !r.includes('/einwohner'))).toEqual([]);
		} finally {
			await saving.goto('about:blank');
		}
	}, 120_000);

	it('names the area under the pointer and selects it by a click: the tile feature is read through its position in the values', async () => {
		browser ??= await launchChromium();
		page ??= await browser.newPage({ viewport: { width: 1280, height: 900 } });
		await openMap(page, `${server.url}/?level=${city.level}&indicator=einwohner`, 'tiles-choropleth');
		await page.waitForSelector(`p.status[data-large-level="${city.level}"][data-values]`, { timeout: 30_000 });
		const target = await page.evaluate(() => {
			const map = (window as unknown as { kontoratlasMap: import('maplibre-gl').Map }).kontoratlasMap;
			const box = map.getContainer().getBoundingClientRect();
			const [f] = map.queryRenderedFeatures([box.width / 2, box.height / 2], { layers: ['tiles-choropleth'] });
			if (!f) return { index: null, x: 0, y: 0 };
			// The middle of its outline's extent (a block is a square): off the edges, where a pixel may be the neighbour's.
			const ring = (f.geometry as import('geojson').Polygon).coordinates[0];
			const middle = (k: 0 | 1) => (Math.min(...ring.map((p) => p[k])) + Math.max(...ring.map((p) => p[k]))) / 2;
			const p = map.project([middle(0), middle(1)]);
			return { index: Number(f.id), x: box.left + p.x, y: box.top + p.y };
		});
		expect(target.index).not.toBeNull();
		const { ids, values, suppressed } = await (await get(`/api/werte/${city.level}?indikator=einwohner`)).json();
		const id = ids[target.index!] as string;
		const area = await (await get(`/api/areas/${id}`)).json();
		const value: number | null = values[target.index!];
		const shown = suppressed.includes(target.index) ? 'geheim gehalten' : value === null ? '–' : value.toLocaleString('de-DE', { maximumFractionDigits: 0 });
		const before = await pixelAt(page, target);
		await page.mouse.move(target.x, target.y);
		await expect.poll(() => page.locator('p.status').textContent()).toContain(`${area.properties.name}: ${shown}`);
		// The fill draws the hovered area darker, or lighter where its colour is dark (largeLevel.ts;
		// at 80 % opacity over the ground, the pixel under the pointer a tenth or more).
		const after = await pixelAt(page, target);
		const sum = (rgb: number[]) => rgb[0] + rgb[1] + rgb[2];
		const state = await page.evaluate(
			([x, y]) => {
				const map = (window as unknown as { kontoratlasMap: import('maplibre-gl').Map }).kontoratlasMap;
				const box = map.getContainer().getBoundingClientRect();
				return map.queryRenderedFeatures([x - box.left, y - box.top], { layers: ['tiles-choropleth'] })[0]?.state as { fill: string; hover?: boolean };
			},
			[target.x, target.y]
		);
		expect(state.hover).toBe(true);
		const [r, g, b] = [1, 3, 5].map((k) => parseInt(state.fill.slice(k, k + 2), 16));
		if (0.299 * r + 0.587 * g + 0.114 * b > HOVER_LIGHT_FROM) expect(sum(after)).toBeLessThan(0.9 * sum(before));
		else expect(sum(after)).toBeGreaterThan(1.1 * sum(before));
		await page.mouse.click(target.x, target.y);
		await page.waitForURL((u) => u.searchParams.get('sel') === id);
		await page.mouse.move(5, 5);
	}, 120_000);

	it('keeps the page around the map hidden past 1 s while the large level draws, and shows it with the map', async () => {
		browser ??= await launchChromium();
		page ??= await browser.newPage({ viewport: { width: 1280, height: 900 } });
		// The tiles are held back 2.5 s: the map cannot draw before then.
		const tiles = `**/tiles/${city.level}/**`;
		await page.route(tiles, async (route) => {
			await new Promise((r) => setTimeout(r, 2500));
			await route.continue().catch(() => {});
		});
		try {
			const shown = () => ({
				waiting: document.documentElement.getAttribute('data-map-first'),
				header: getComputedStyle(document.querySelector('header')!).visibility,
				panel: getComputedStyle(document.querySelector('aside[data-map-later]')!).contentVisibility
			});
			await page.goto(`${server.url}/?level=${city.level}&indicator=einwohner`, { waitUntil: 'commit' });
			await page.waitForSelector('html[data-map-first="large"]', { state: 'attached', timeout: 10_000 });
			// Past the 1 s that a map of the usual level gets, the page still waits for this one.
			await page.waitForTimeout(1400);
			expect(await page.evaluate(shown)).toEqual({ waiting: 'large', header: 'hidden', panel: 'hidden' });
			await page.waitForSelector(`[data-large-level="${city.level}"][data-values]`, { state: 'attached', timeout: 30_000 });
			await page.waitForFunction(() => !document.documentElement.hasAttribute('data-map-first'), undefined, { timeout: 10_000 });
			expect(await page.evaluate(shown)).toEqual({ waiting: null, header: 'visible', panel: 'visible' });
		} finally {
			await page.unroute(tiles);
		}
	}, 60_000);
});

const html = async (path: string) => (await fetch(server.url + path)).text();
const gridState = (page: Page) =>
	page.evaluate(() => {
		const grid = document.querySelector<HTMLTableElement>('table[role="grid"]')!;
		const rows = [...grid.querySelectorAll<HTMLTableRowElement>('tbody tr[data-area]')];
		return {
			rowcount: Number(grid.getAttribute('aria-rowcount')),
			drawn: rows.length,
			first: Number(rows[0]?.getAttribute('aria-rowindex')),
			ids: rows.map((r) => r.dataset.area!),
			active: grid.getAttribute('aria-activedescendant'),
			activeIndex: Number(document.getElementById(grid.getAttribute('aria-activedescendant') ?? '')?.getAttribute('aria-rowindex')),
			focused: document.activeElement === grid
		};
	});

describe('the atlas at a level of 1,000+ areas', () => {
	it('draws a window of the table, scrolls, searches, moves by keys and selects; the ranking shows its ends and the selection; the distribution bins', async () => {
		browser ??= await launchChromium();
		page ??= await browser.newPage({ viewport: { width: 1280, height: 900 } });
		await page.goto(`${server.url}/?level=${city.level}&indicator=${city.indicator}`);
		await page.waitForSelector('table[role="grid"] tbody tr[data-area]', { timeout: 30_000 });

		const start = await gridState(page);
		expect(start.rowcount).toBe(city.count + 1);
		expect(start.drawn).toBeLessThan(60);
		expect(start.first).toBe(2);

		// Scrolling brings later rows, still only a window of them (scrolled again until the page has hydrated).
		await page.waitForFunction(() => {
			const grid = document.querySelector('table[role="grid"]')!;
			grid.parentElement!.scrollTop = 500 * 28;
			return Number(grid.querySelector('tbody tr[data-area]')?.getAttribute('aria-rowindex')) > 400;
		});
		expect((await gridState(page)).drawn).toBeLessThan(60);

		// The search finds one block by its id and says how many of how many match.
		const { ids } = await (await fetch(`${server.url}/api/werte/${city.level}?indikator=${city.indicator}`)).json();
		const wanted: string = ids[Math.floor(ids.length / 2)];
		const search = page.getByRole('searchbox', { name: 'Gebiet suchen' });
		await search.fill(wanted);
		await page.waitForFunction((id) => {
			const rows = document.querySelectorAll('table[role="grid"] tbody tr[data-area]');
			return rows.length >= 1 && [...rows].some((r) => (r as HTMLElement).dataset.area === id);
		}, wanted);
		const found = await gridState(page);
		expect(found.rowcount - 1).toBe(found.drawn);
		expect(found.ids).toContain(wanted);
		await expect.poll(() => page.locator('.area-grid [role="status"]').textContent()).toMatch(new RegExp(`^${found.drawn} von [\\d.]+ Gebieten$`));

		// Keyboard: arrow down from the search moves into the grid; End, Home, PageDown move the active row.
		await search.fill('');
		await page.waitForFunction((n) => Number(document.querySelector('table[role="grid"]')?.getAttribute('aria-rowcount')) === n, city.count + 1);
		await search.focus();
		await page.keyboard.press('ArrowDown');
		expect((await gridState(page)).focused).toBe(true);
		await page.keyboard.press('End');
		await expect.poll(async () => (await gridState(page)).activeIndex).toBe(city.count + 1);
		await page.keyboard.press('Home');
		await expect.poll(async () => (await gridState(page)).activeIndex).toBe(2);
		await page.keyboard.press('PageDown');
		await page.keyboard.press('ArrowDown');
		const moved = await gridState(page);
		expect(moved.activeIndex).toBeGreaterThan(10);
		expect(moved.focused).toBe(true);
		// Enter selects the active row: into the URL, and the ranking then shows it in its place.
		const chosen = moved.active!.replace(/^area-grid-/, '');
		await page.keyboard.press('Enter');
		await page.waitForURL((u) => u.searchParams.get('sel') === chosen);
		await expect.poll(() => page.locator(`table[role="grid"] tr[data-area="${chosen}"]`).getAttribute('aria-selected')).toBe('true');

		const ranking = page.locator('[data-chart="atlas-ranking"]');
		await ranking.waitFor({ timeout: 30_000 });
		await expect.poll(() => ranking.locator('rect[data-area]').count()).toBeLessThanOrEqual(21);
		const bars = await ranking.locator('rect[data-area]').evaluateAll((els) => els.map((e) => e.getAttribute('data-area')));
		expect(bars.length).toBeGreaterThanOrEqual(20);
		expect(bars).toContain(chosen);
		expect(await ranking.locator('text.gap').count()).toBeGreaterThanOrEqual(1);
		expect(await ranking.locator('text.gap').first().textContent()).toMatch(/^… [\d.]+ weitere …$/);

		const distribution = page.locator('[data-chart="atlas-distribution"]');
		expect(await distribution.locator('circle[data-area]').count()).toBe(0);
		const counts = await distribution.locator('rect[data-count]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
		expect(counts.length).toBeGreaterThan(5);
		expect(counts.length).toBeLessThan(80);
	});

	it('draws the SVG map and the embed at the coarser level and says so', async () => {
		const svg = await html(`/embed/karte.svg?level=${city.level}`);
		expect(svg).toContain(`zu viele für diese Karte; sie zeigt stattdessen „${parent.plural}“`);
		expect(svg.match(/<a [^>]*data-id=/g)!.length).toBeLessThan(city.count);
		const embed = await html(`/embed?level=${city.level}&lang=en`);
		expect(embed).toMatch(/data-note="level"[^>]*>The level “[^”]+” has [\d,]+ areas, too many for this map/);
		const plain = await html(`/embed?level=${parent.id}`);
		expect(plain).not.toContain('data-note="level"');
		// An embed that names no level shows the default one, which needs no note.
		expect(await html('/embed')).not.toContain('data-note="level"');
	});

	it('switches the large level on as a layer over the coarser one: in the URL, drawn below the coarser boundaries, with its own legend', async () => {
		const checkbox = (page: string) => page.match(/<input type="checkbox"([^>]*)>(?:(?!<\/label>)[\s\S])*?als Schicht über der Karte/)?.[1];
		const off = await html(`/?level=${parent.id}`);
		expect(checkbox(off)).toBeDefined();
		expect(checkbox(off)).not.toContain('checked');
		const wrong = await html(`/?level=${parent.id}&raster=${parent.id}`);
		expect(wrong).toContain(`<code>raster=${parent.id}</code>`);
		expect(wrong).not.toContain('data-overlay=');

		browser ??= await launchChromium();
		page ??= await browser.newPage({ viewport: { width: 1280, height: 900 } });
		await openMap(page, `${server.url}/?level=${parent.id}&raster=${city.level}`);
		expect(await page.getByRole('checkbox', { name: /als Schicht über der Karte/ }).isChecked()).toBe(true);
		await expect.poll(() => page.locator(`[data-overlay="${city.level}"]`).textContent()).toMatch(/ein Raster aus [\d.]+ Zellen über den/);
		await page.waitForSelector(`[data-large-level="${city.level}"][data-values]`, { timeout: 30_000 });
		await waitForLayer(page, 'tiles-choropleth');
		const order = await page.evaluate(() => {
			const map = (window as unknown as { kontoratlasMap: import('maplibre-gl').Map }).kontoratlasMap;
			return map.getStyle().layers.map((l) => l.id);
		});
		// The coarser level's areas stay, its boundaries and selection lines above the grid.
		expect(order).toContain('choropleth');
		expect(order.indexOf('choropleth')).toBeLessThan(order.indexOf('tiles-choropleth'));
		expect(order.indexOf('tiles-choropleth')).toBeLessThan(order.indexOf('boundaries'));
		// Two legends: the view's and the grid's own classes, which count the grid's cells.
		const legends = page.locator('section.legend');
		await expect.poll(() => legends.count()).toBe(2);
		const counts = await legends
			.nth(1)
			.locator('.count')
			.evaluateAll((els) => els.map((e) => Number(e.textContent)));
		expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(city.count / 2);
	});

	it("hovers the scatter chart's dots by pointer position and selects one by a click", async () => {
		browser ??= await launchChromium();
		page ??= await browser.newPage({ viewport: { width: 1280, height: 900 } });
		await page.goto(`${server.url}/?level=${city.level}&indicator=${city.indicator}&rel=anteil-65-plus`);
		const chart = page.locator('[data-chart="atlas-relationship"]');
		const dots = chart.locator('path[data-points]');
		await dots.waitFor({ timeout: 30_000 });
		// Every block with both values is one dot of one path; no dot is a mark of its own yet.
		expect(Number(await dots.getAttribute('data-points'))).toBeGreaterThan(city.count / 2);
		expect(await chart.locator('circle[data-area]').count()).toBe(0);
		// The pointer on a dot (the path's first, in chart units, to the screen): that area is hovered.
		await chart.locator('svg').scrollIntoViewIfNeeded();
		const at = await dots.evaluate((path) => {
			const [x, y] = path.getAttribute('d')!.slice(1).split('h')[0].split(',').map(Number);
			const p = new DOMPoint(x, y).matrixTransform((path as SVGPathElement).ownerSVGElement!.getScreenCTM()!);
			return { x: p.x, y: p.y };
		});
		await expect
			.poll(async () => {
				await page.mouse.move(at.x + 1, at.y + 1);
				return chart.locator('circle[data-area]').count();
			})
			.toBe(1);
		const hovered = (await chart.locator('circle[data-area]').getAttribute('data-area'))!;
		expect(await chart.locator('text.hovered').textContent()).toContain(':');
		await page.mouse.click(at.x + 1, at.y + 1);
		await page.waitForURL((u) => u.searchParams.get('sel') === hovered);
		// Off the dots, nothing is hovered; the selected dot stays a mark of its own.
		const box = (await chart.locator('rect.pointer').boundingBox())!;
		await page.mouse.move(box.x + box.width + 30, box.y - 30);
		await expect.poll(() => chart.locator('text.hovered').count()).toBe(0);
		expect(await chart.locator('circle[data-area]').getAttribute('data-area')).toBe(hovered);
	});
});

describe('a profile over a large level', () => {
	it('summarises its blocks: count, inhabited, the highest and lowest few, and the atlas zoomed to it at the block level', async () => {
		const areas = await (await fetch(`${server.url}/api/areas?level=${city.level}`)).json();
		const byParent = new Map<string, Set<string>>();
		for (const { properties: p } of areas.features as { properties: { id: string; parent: string } }[])
			byParent.set(p.parent, (byParent.get(p.parent) ?? new Set()).add(p.id));
		// The district with the most blocks.
		const [district, ids] = [...byParent.entries()].sort((a, b) => b[1].size - a[1].size)[0];
		const html = (path: string) => fetch(server.url + path).then((r) => r.text());
		const profile = await html(`/${parent.id}/${district}?indicator=${city.indicator}`);
		const section = profile.match(/<section class="large-children[^"]*" data-child-level="block"[\s\S]*?<\/section>/)?.[0];
		expect(section).toBeDefined();
		// Every block counted, the inhabited among them: a withheld residents' figure is a small one.
		const people = await (await fetch(`${server.url}/api/werte/${city.level}?indikator=einwohner`)).json();
		const inhabited = people.ids.filter((id: string, i: number) => ids.has(id) && (people.values[i] > 0 || people.suppressed.includes(i))).length;
		expect(section).toContain(`data-count="${ids.size}"`);
		expect(section).toContain(`data-inhabited="${inhabited}"`);
		const count = inhabited === ids.size ? `${ids.size} Blöcke, alle bewohnt` : `${ids.size} Blöcke, davon ${inhabited} bewohnt`;
		expect(section).toMatch(new RegExp(`>\\s*${count}\\s*<`));
		// The five highest and five lowest by the page's indicator, not a list of every block.
		const rates = await (await fetch(`${server.url}/api/werte/${city.level}?indikator=${city.indicator}`)).json();
		const valueOf = new Map<string, number | null>(rates.ids.map((id: string, i: number) => [id, rates.values[i]]));
		const sorted = [...ids]
			.map((id) => valueOf.get(id))
			.filter((v): v is number => typeof v === 'number')
			.sort((a, b) => b - a);
		const listed = (end: string) =>
			[...section!.match(new RegExp(`<ol data-end="${end}"[\\s\\S]*?</ol>`))![0].matchAll(/href="\/block\/([^"]+)"/g)].map((m) => m[1]);
		expect(listed('top').map((id) => valueOf.get(id))).toEqual(sorted.slice(0, 5));
		expect(listed('bottom').map((id) => valueOf.get(id))).toEqual(sorted.slice(-5));
		expect(profile.match(/href="\/block\//g)).toHaveLength(10);
		expect(profile).not.toContain('class="children"');
		// The link opens the atlas at the block level on the district.
		const link = section!
			.match(/<a\b[^>]*\bdata-atlas\b[^>]*>/)![0]
			.match(/href="([^"]+)"/)![1]
			.replaceAll('&amp;', '&');
		expect(link).toMatch(new RegExp(`^/\\?level=block&indicator=${city.indicator}&map=[\\d.]+/[\\d.]+/[\\d.]+$`));
		const english = await html(`/${parent.id}/${district}?indicator=${city.indicator}&lang=en`);
		expect(english).toMatch(/ blocks, (all of them|\d+ of them) inhabited/);
		expect(english).toContain(`${link.replaceAll('&', '&amp;')}&amp;lang=en`);

		browser ??= await launchChromium();
		page ??= await browser.newPage({ viewport: { width: 1280, height: 900 } });
		await openMap(page, server.url + link, 'tiles-choropleth');
		const positions = await page.evaluate(() => {
			const map = (window as unknown as { kontoratlasMap: import('maplibre-gl').Map }).kontoratlasMap;
			return [...new Set(map.queryRenderedFeatures({ layers: ['tiles-choropleth'] }).map((f) => Number(f.id)))];
		});
		// A tile feature's id is the block's position in the level's values.
		const shown = positions.map((i) => rates.ids[i] as string);
		// Zoomed to the district: its blocks fill most of the view.
		const own = shown.filter((id) => ids.has(id)).length;
		expect(own).toBeGreaterThan(ids.size * 0.8);
		expect(own).toBeGreaterThan(shown.length * 0.4);
	});
});

/** The map's pixel [r, g, b] at a point of the page, read from the frame drawn next (the canvas keeps no frame to read later). */
function pixelAt(page: Page, { x, y }: { x: number; y: number }): Promise<number[]> {
	return page.evaluate(
		([x, y]) =>
			new Promise<number[]>((resolve) => {
				const map = (window as unknown as { kontoratlasMap: import('maplibre-gl').Map }).kontoratlasMap;
				const canvas = map.getCanvas();
				const box = canvas.getBoundingClientRect();
				const gl = canvas.getContext('webgl2')!;
				map.once('render', () => {
					const px = new Uint8Array(4);
					const ratio = canvas.width / box.width;
					// The canvas's own framebuffer, whichever MapLibre left bound, and that one again.
					const bound = gl.getParameter(gl.FRAMEBUFFER_BINDING);
					gl.bindFramebuffer(gl.FRAMEBUFFER, null);
					gl.readPixels(Math.round((x - box.left) * ratio), Math.round(canvas.height - 1 - (y - box.top) * ratio), 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
					gl.bindFramebuffer(gl.FRAMEBUFFER, bound);
					resolve([...px.slice(0, 3)]);
				});
				map.triggerRepaint();
			}),
		[x, y]
	);
}
