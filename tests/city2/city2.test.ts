// A second city: the fixture Musterstadt (tests/fixtures/city2, two levels "Bezirk" and "Statistischer
// Bezirk", generated geometry, Beispieldaten) derived by `npm run data`'s script and served by the
// same build on its own store. Atlas, API, OGC (GDAL lists the levels by their ids), embed and /daten
// work with the fixture's levels, and no byte this server sends (pages, API, OGC, downloads, and the
// scripts and styles the pages load) says "Salzgitter", "Stadtteil" or "Ortschaft".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRecords } from '../../src/lib/data/csvTable';
import { slug } from '../../src/lib/data/pipeline';
import { openMap, renderedIds } from '../browser/helpers';
import { launchChromium } from '../chromium';
import { serveFixture, stopServer, type TestServer } from '../fixture-server';

const root = resolve(import.meta.dirname, '../..');
const GEODATA = join(root, 'tests/fixtures/city2/geodata');
/** What the fixture city's build must never send, in any case. */
const FOREIGN = /salzgitter|stadtteil|ortschaft/gi;

interface Level {
	id: string;
	parent: string | null;
	name: { de: { singular: string; plural: string } };
}
const profile = JSON.parse(readFileSync(join(GEODATA, 'stadt.json'), 'utf8')) as {
	name: string;
	ags: string;
	levels: Level[];
	titles: { site: { de: string } };
};
const [finest, top] = profile.levels;
/** Area ids per level, from the fixture's conventional tables (gebiete_{level}.csv). */
const idsOf = (level: string) =>
	csvRecords(readFileSync(join(GEODATA, `gebiete_${level}.csv`), 'utf8'))
		.records.map((r) => r.id)
		.sort();

const dir = mkdtempSync(join(tmpdir(), 'kontoratlas-city2-'));
let server: TestServer;
let browser: Browser | undefined;
/** Every same-origin response body the browser received while loading the atlas. */
const loaded = new Map<string, { type: string; body: Buffer }>();

beforeAll(async () => {
	server = await serveFixture(GEODATA, dir);
}, 180_000);

afterAll(async () => {
	await browser?.close();
	await stopServer(server);
	rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, init?: RequestInit) => fetch(server.url + path, init);

describe('the fixture city through the API', () => {
	it.each(profile.levels.map((l) => [l.id, l]))('serves the areas of level %s with their parents', async (id, level) => {
		const res = await get(`/api/areas?level=${id}`);
		expect(res.status, await res.clone().text()).toBe(200);
		const fc = await res.json();
		const features = fc.features as { properties: { id: string; level: string; parent: string | null; name: string } }[];
		expect(features.map((f) => f.properties.id).sort()).toEqual(idsOf(id));
		for (const f of features) {
			expect(f.properties.level).toBe(id);
			if (level.parent === null) expect(f.properties.parent).toBeNull();
			else expect(idsOf(level.parent)).toContain(f.properties.parent);
		}
	});

	it("defaults to the profile's default level and refuses a level the profile does not have", async () => {
		const fc = await (await get('/api/areas')).json();
		expect(fc.features.map((f: { properties: { id: string } }) => f.properties.id).sort()).toEqual(idsOf(finest.id));
		const res = await get('/api/areas?level=stadt');
		expect(res.status).toBe(400);
		expect((await res.json()).allowed).toEqual(profile.levels.map((l) => l.id));
	});

	it('serves one area of each level on the level route', async () => {
		for (const level of profile.levels) {
			const res = await get(`/${level.id}/${idsOf(level.id)[0]}`);
			expect(res.status, `/${level.id}/${idsOf(level.id)[0]}`).toBe(200);
			expect(await res.text()).toContain(level.name.de.singular);
		}
	});
});

describe('reports on the fixture levels', () => {
	it("offers the profile's levels as report subjects and reports on an area of each", async () => {
		const form = await (await get('/bericht')).text();
		for (const level of profile.levels) expect(form).toContain(`value="${level.id}"`);
		for (const level of profile.levels) {
			const id = idsOf(level.id)[0];
			const res = await get(`/bericht?art=${level.id}&id=${id}&kapitel=lage,indikatoren`);
			expect(res.status, `/bericht?art=${level.id}&id=${id}`).toBe(200);
			expect(await res.text()).toContain(level.name.de.singular);
		}
	}, 120_000);
});

describe('OGC API Features with the fixture levels', () => {
	const hasGdal = spawnSync('ogrinfo', ['--version'], { encoding: 'utf8' }).status === 0;
	const required = process.env.KONTORATLAS_REQUIRE_GDAL === '1';
	const gdalEnv = { ...process.env, no_proxy: '127.0.0.1,localhost', NO_PROXY: '127.0.0.1,localhost' };
	const ogrinfo = (args: string[]) => {
		const r = spawnSync('ogrinfo', ['-ro', ...args], { encoding: 'utf8', env: gdalEnv, timeout: 60_000 });
		expect(r.status, r.stderr).toBe(0);
		return r.stdout;
	};

	// A level's collection id is the slug of its German plural from the profile (Salzgitter's
	// stadtteile and ortschaften stay what they were before levels were data).
	const collectionOf = (level: { name: { de: { plural: string } } }) => slug(level.name.de.plural);

	it("lists one collection per level, named from the profile's level names", async () => {
		const res = await get('/ogc/collections?f=json');
		expect(res.status).toBe(200);
		const { collections } = await res.json();
		const ids = collections.map((c: { id: string }) => c.id);
		for (const level of profile.levels) expect(ids).toContain(collectionOf(level));
	});

	it.skipIf(!hasGdal && !required)('GDAL lists the levels as layers and reads every area', () => {
		const source = `OAPIF:${server.url}/ogc`;
		const layers = ogrinfo(['-q', source]);
		for (const level of profile.levels)
			expect(layers).toMatch(new RegExp(`^\\d+: ${collectionOf(level)} \\(title: ${level.name.de.plural}\\) \\(Polygon\\)`, 'm'));
		for (const level of [finest, top]) expect(ogrinfo(['-al', '-so', source, collectionOf(level)])).toContain(`Feature Count: ${idsOf(level.id).length}`);
	});
});

describe('embed and /daten', () => {
	it('/embed answers, and its SVG map draws the areas of each level', async () => {
		expect((await get('/embed')).status).toBe(200);
		for (const level of profile.levels) {
			const res = await get(`/embed/karte.svg?level=${level.id}`);
			expect(res.status).toBe(200);
			const svg = await res.text();
			expect([...svg.matchAll(/data-id="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual(idsOf(level.id));
		}
	});

	// The catalogue's area datasets are the profile's levels, named like their OGC collections.
	it("/daten lists the levels and the catalogue names the profile's municipality key", async () => {
		const html = await (await get('/daten')).text();
		for (const level of profile.levels) expect(html).toContain(level.name.de.plural);
		const doc = await (await get('/daten/katalog.jsonld')).json();
		const ids = doc['dcat:dataset'].map((d: { 'dct:identifier': string }) => d['dct:identifier']);
		for (const level of profile.levels) expect(ids).toContain(slug(level.name.de.plural));
		const csv = await get(`/daten/${slug(finest.name.de.plural)}.csv`);
		expect(csv.status).toBe(200);
		expect((await csv.text()).split('\n').length).toBeGreaterThan(idsOf(finest.id).length);
		expect(JSON.stringify(doc)).toContain(`municipalityKey/${profile.ags}`);
	});
});

describe('the atlas in Chromium', () => {
	it("draws the default level's areas", async () => {
		browser = await launchChromium();
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		page.on('response', async (res) => {
			if (!res.url().startsWith(server.url) || res.status() !== 200) return;
			const body = await res.body().catch(() => null);
			if (body) loaded.set(res.url().slice(server.url.length), { type: res.headers()['content-type'] ?? '', body });
		});
		await openMap(page, `${server.url}/`);
		expect(await page.title()).toContain(profile.name);
		expect(await renderedIds(page, 'choropleth')).toEqual(idsOf(finest.id));
		await page.close();
	});
});

/** Text-like answers (pages, JSON, GeoJSON, CSV, SVG, scripts, styles) are read; binary ones (PDF, XLSX, PNG) are not text to search. */
const isText = (type: string) => /^(text\/|application\/([a-z.+-]*json|javascript|xml|ld\+json|vnd\.oai\.openapi)|image\/svg)/.test(type);

/** Same-origin links of a page or JSON answer: hrefs, srcs and absolute URLs in JSON (OGC links). */
function linksOf(text: string, type: string, base: string): string[] {
	const found = type.includes('html')
		? [...text.matchAll(/(?:href|src)="([^"#]+)/g)].map((m) => m[1].replace(/&amp;/g, '&'))
		: type.includes('json')
			? [...text.matchAll(/"(https?:\/\/[^"]+)"/g)].map((m) => m[1])
			: [];
	return found.map((u) => (u.startsWith(base) ? u.slice(base.length) : u)).filter((u) => u.startsWith('/') && !u.startsWith('//') && !u.startsWith('/admin'));
}

describe('no byte of another city', () => {
	it('the pages, API, OGC and /daten answers and the assets they load never say Salzgitter, Stadtteil or Ortschaft', async () => {
		const start = [
			'/',
			'/?lang=en',
			'/embed',
			'/embed/karte.svg',
			'/daten',
			'/daten/katalog.jsonld',
			'/vergleich',
			'/sozialindex',
			'/erreichbarkeit',
			'/ogc',
			'/ogc/collections',
			'/ogc/api',
			'/api/indicators',
			'/api/kontore',
			'/api/context',
			...profile.levels.flatMap((l) => [`/api/areas?level=${l.id}`, `/${l.id}/${idsOf(l.id)[0]}`])
		];
		const queue = [...start];
		const seen = new Set<string>();
		// A page linking many variants of itself (comparisons of every pair) is read in a few of them.
		const variants = new Map<string, number>();
		const wanted = (link: string) => {
			const pathname = link.split('?')[0];
			if (seen.has(link) || /[?&]offset=[1-9]/.test(link) || (variants.get(pathname) ?? 0) >= 3) return false;
			variants.set(pathname, (variants.get(pathname) ?? 0) + 1);
			return true;
		};
		start.forEach(wanted);
		const broken: string[] = [];
		const hits: string[] = [];
		const check = (path: string, type: string, text: string) => {
			const found = [...text.matchAll(FOREIGN)];
			if (found.length === 0) return;
			const words = [...new Set(found.map((m) => m[0]))].join(', ');
			const context = found
				.slice(0, 3)
				.map((m) => `«${text.slice(Math.max(0, m.index - 40), m.index + 50).replace(/\s+/g, ' ')}»`)
				.join(' ');
			hits.push(`${path} (${type.split(';')[0]}): ${found.length}× ${words} ${context}`);
		};
		// The crawl stays small: the links of a few dozen answers, every OGC page of items only once.
		while (queue.length > 0 && seen.size < 300) {
			const path = queue.shift()!;
			if (seen.has(path)) continue;
			seen.add(path);
			const res = await get(path, { headers: { accept: path.startsWith('/ogc') ? 'application/json' : 'text/html,*/*' } });
			const type = res.headers.get('content-type') ?? '';
			if (!res.ok) {
				broken.push(`${path}: ${res.status}`);
				continue;
			}
			if (!isText(type)) continue;
			const text = await res.text();
			check(path, type, text);
			for (const link of linksOf(text, type, server.url)) if (wanted(link)) queue.push(link);
		}
		for (const [path, { type, body }] of loaded) if (!seen.has(path) && isText(type)) check(path, type, body.toString('utf8'));
		expect(seen.size).toBeGreaterThan(start.length);
		// Both lists in full, each with what it needs to be fixed.
		const errors = [
			...new Set(
				server
					.output()
					.split('\n')
					.filter((l) => /Error/.test(l))
			)
		]
			.slice(0, 20)
			.join('\n');
		expect.soft(broken, `answers that are not 200; the server logged:\n${errors}`).toEqual([]);
		expect.soft(hits, 'answers naming another city or its levels').toEqual([]);
	}, 300_000);
});
