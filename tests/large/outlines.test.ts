// A large level whose parent has many areas (issue #21): Musterstadt's blocks in 463 Quartiere
// (tests/fixtures/large, `quarters`). The atlas loads no GeoJSON of the Quartiere, which VG250's
// 402 Kreise made the largest part of the page; it outlines them from their own vector tiles, on
// the map started before hydration and on the hydrated page, and the boundaries toggle hides them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTLINES_INLINED_MAX_AREAS } from '../../src/lib/client/atlasView';
import { waitForLayer } from '../browser/helpers';
import { launchChromium } from '../chromium';
import { serveFixture, stopServer, type TestServer } from '../fixture-server';
import { writeLargeCity, type LargeCity } from '../fixtures/large/generate';

const dir = mkdtempSync(join(tmpdir(), 'kontoratlas-outlines-'));
let server: TestServer;
let city: LargeCity;
let browser: Browser | undefined;

beforeAll(async () => {
	const geodata = join(dir, 'geodata');
	city = writeLargeCity(geodata, { quarters: true });
	server = await serveFixture(geodata, dir);
}, 180_000);

afterAll(async () => {
	await browser?.close();
	await stopServer(server);
	rmSync(dir, { recursive: true, force: true });
});

/** Distinct Quartiere drawn by the tile outline layer, and the layer's visibility. */
const outlines = (page: Page) =>
	page.evaluate(() => {
		const map = (window as unknown as { kontoratlasMap: import('maplibre-gl').Map }).kontoratlasMap;
		if (!map.getLayer('tiles-groups')) return { drawn: -1, visibility: 'missing' };
		const features = map.queryRenderedFeatures({ layers: ['tiles-groups'] });
		return { drawn: new Set(features.map((f) => f.id)).size, visibility: String(map.getLayoutProperty('tiles-groups', 'visibility') ?? 'visible') };
	});

describe('a large level in a parent of many areas', () => {
	it('outlines the parent from its tiles: no GeoJSON of it in the page or asked for, before and after hydration', async () => {
		const { levels } = await (await fetch(`${server.url}/api/indicators`)).json();
		const quarters = levels.find((l: { id: string }) => l.id === 'quartier');
		expect(quarters.count).toBeGreaterThan(OUTLINES_INLINED_MAX_AREAS);
		expect(levels.find((l: { id: string }) => l.id === city.level).parent).toBe('quartier');

		const html = await (await fetch(`${server.url}/?level=${city.level}&indicator=einwohner`)).text();
		const inlined = [...html.matchAll(/data-sveltekit-fetched data-url="([^"]+)"/g)].map((m) => m[1]);
		expect(inlined.filter((u) => u.startsWith('/api/areas'))).toEqual([]);

		browser = await launchChromium();
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		const requests: string[] = [];
		page.on('request', (r) => requests.push(new URL(r.url()).pathname + new URL(r.url()).search));
		// Held back, SvelteKit cannot hydrate: what shows is the early map's.
		const chunks = '**/_app/immutable/nodes/**';
		const held: import('playwright-core').Route[] = [];
		await page.route(chunks, (route) => {
			held.push(route);
		});
		await page.goto(`${server.url}/?level=${city.level}&indicator=einwohner`);
		await page.waitForSelector(`.gl[data-large-level="${city.level}"][data-values]`, { timeout: 30_000 });
		await waitForLayer(page, 'tiles-groups');
		const early = await outlines(page);
		expect(early.drawn).toBeGreaterThan(5);
		await Promise.all(held.map((route) => route.continue()));
		await page.unroute(chunks);

		await page.waitForSelector(`p.status[data-large-level="${city.level}"][data-values]`, { timeout: 30_000 });
		await waitForLayer(page, 'tiles-groups');
		expect((await outlines(page)).drawn).toBe(early.drawn);
		expect(requests.filter((r) => r.startsWith('/tiles/quartier/')).length).toBeGreaterThan(0);
		expect(requests.filter((r) => r.startsWith('/api/areas'))).toEqual([]);

		// The boundaries toggle (here through the URL, as the layer list writes it) hides them.
		await page.goto(`${server.url}/?level=${city.level}&indicator=einwohner&hide=boundaries`);
		await page.waitForSelector(`p.status[data-large-level="${city.level}"][data-values]`, { timeout: 30_000 });
		await waitForLayer(page, 'tiles-groups');
		expect((await outlines(page)).visibility).toBe('none');
	}, 120_000);
});
