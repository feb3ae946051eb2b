// A large level through the built server (issue #21): Musterstadt with 1,000+ blocks
// (tests/fixtures/large) served as vector tiles and compact values; the atlas draws the level from
// tiles, coloured by feature-state, and a new indicator brings new values but no tile again.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LARGE_LEVEL_MIN_AREAS } from '../../src/lib/data/levels';
import { waitForLayer } from '../browser/helpers';
import { launchChromium } from '../chromium';
import { writeLargeCity, type LargeCity } from '../fixtures/large/generate';
import { startServer } from '../global-setup';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'kontoratlas-large-'));
let server: { url: string; child: ChildProcess; output: () => string };
let city: LargeCity;
let browser: Browser | undefined;

beforeAll(async () => {
	const geodata = join(dir, 'geodata');
	const derived = join(dir, 'derived');
	city = writeLargeCity(geodata);
	const env = { ...process.env, KONTORATLAS_GEODATA: geodata, KONTORATLAS_DATA_DIR: derived };
	const data = spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/data.ts', '--force'], { cwd: root, env, encoding: 'utf8' });
	if (data.status !== 0) throw new Error(`npm run data on the large fixture failed:\n${data.stdout}\n${data.stderr}`);
	server = await startServer({ KONTORATLAS_GEODATA: geodata, KONTORATLAS_DATA_DIR: derived, DATABASE_PATH: join(dir, 'store.db') });
}, 180_000);

afterAll(async () => {
	await browser?.close();
	if (server) {
		const exited = new Promise((r) => server.child.once('exit', r));
		server.child.kill();
		await exited;
	}
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

	it('serves tiles with the level as a layer, feature ids as positions in the values, ETag and 304, brotli; 404 for unknown levels and tiles', async () => {
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
			expect(ids[f.id!]).toBe(f.properties.id);
			expect(typeof f.properties.name).toBe('string');
		}
		expect(layer.feature(0).properties).not.toHaveProperty('officialAreaKm2');
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

describe('the atlas on a large level', () => {
	it('draws the level from tiles coloured by feature-state, and a new indicator fetches values but no tile', async () => {
		browser = await launchChromium();
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		const requests: string[] = [];
		page.on('request', (r) => requests.push(new URL(r.url()).pathname + new URL(r.url()).search));
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
		await page.selectOption('#indicator-select', city.indicator);
		await page.waitForSelector(`[data-large-level="${city.level}"][data-values^="${city.indicator}:"]`, { timeout: 30_000 });
		await waitForLayer(page, 'tiles-choropleth');
		const after = await drawn();
		expect(requests.some((r) => r.startsWith(`/api/werte/${city.level}?indikator=${city.indicator}`))).toBe(true);
		expect(requests.filter((r) => r.startsWith('/tiles/')).length).toBe(tilesBefore);
		// Withheld rates of the nearly empty blocks are drawn as withheld (-2), not as no data.
		expect(after.count).toBe(before.count);
		expect(after.classes).not.toEqual(before.classes);
	}, 120_000);
});
