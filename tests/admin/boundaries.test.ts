// The "Näherung" notice follows an import of official boundaries everywhere: every page and
// endpoint that says the Stadtteil boundaries are approximated says so before the import of
// tests/fixtures/import/stadtteile-epsg25832.geojson (all 31 Stadtteile) through the admin flow,
// and no longer after it; Ortschaften and the city become official with their Stadtteile. Server
// responses only (HTML as text), no browser. The partial case cannot come from the importer (it
// requires a boundary for every Stadtteil); src/lib/data/geometryStatus.test.ts covers it.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient, removeStores, startAdminServer, textOf, type AdminServer } from './helpers';

let server: AdminServer;

beforeAll(async () => {
	server = await startAdminServer();
});
afterAll(() => {
	server?.child.kill();
	removeStores();
});

/** Where the boundaries are described; /ortschaft/nord for the Ortschaft rule. */
const PAGES = [
	'/',
	'/embed',
	'/stadtteil/lebenstedt',
	'/ortschaft/nord',
	'/sozialindex',
	'/erreichbarkeit',
	'/embed/karte.svg',
	'/ogc/collections/stadtteile?f=json',
	'/ogc/collections/ortschaften?f=html',
	'/ogc?f=json',
	'/daten',
	'/api/coverage?distances=1000'
];
const NOTICE = 'Näherung, keine amtlichen Grenzen';

async function visible(path: string): Promise<string> {
	const res = await fetch(server.url + path, { headers: { accept: path.includes('f=json') || path.startsWith('/api/') ? 'application/json' : 'text/html' } });
	expect(res.status, path).toBe(200);
	const body = await res.text();
	return res.headers.get('content-type')?.includes('html') || path.endsWith('.svg') ? textOf(body) : body;
}

const quality = async (id: string) => (await (await fetch(`${server.url}/api/areas/${id}`)).json()).properties.geometryQuality;

describe('official boundaries end the approximation notice', () => {
	it('before the import: every page and endpoint names the approximation', async () => {
		for (const path of PAGES) expect(await visible(path), path).toContain(NOTICE);
		expect(await visible('/?lang=en')).toContain('Approximation, not official boundaries');
		expect(await visible('/stadtteil/lebenstedt?lang=en')).toContain('Approximation, not official boundaries');
		expect(await quality('nord')).toBe('approximated');
	});

	it('after importing all 31 Stadtteile: no notice remains; Ortschaften and the city are official', async () => {
		const admin = new AdminClient(server.url);
		expect((await admin.login()).status).toBe(303);
		const preview = await admin.previewGeojson('stadtteile-epsg25832.geojson', readFileSync('tests/fixtures/import/stadtteile-epsg25832.geojson'));
		expect(preview.status).toBe(200);
		expect(preview.text).toContain('31 Stadtteile');
		const done = await admin.confirm(preview.previewId!);
		expect(done.version).toBe(2);

		expect(await quality('lebenstedt')).toBe('official');
		expect(await quality('nord')).toBe('official');
		expect(await quality('salzgitter')).toBe('official');
		for (const path of PAGES) {
			const text = await visible(path);
			expect(text, path).not.toContain('keine amtlichen Grenzen');
			expect(text, path).not.toContain('Grenzen der Stadtteile genähert');
		}
		expect(await visible('/?lang=en')).not.toContain('not official boundaries');
		// What the texts say instead.
		expect(await visible('/stadtteil/lebenstedt')).toContain('Amtliche Grenzen.');
		expect(await visible('/ortschaft/nord')).toContain('Vereinigung der amtlichen Grenzen der Ebene „Stadtteile“');
		expect(await visible('/daten')).toContain('Die Grenzen der Stadtteile sind amtliche Grenzen');
		expect(await visible('/ogc/collections/stadtteile?f=json')).toContain('amtliche Grenzen der Stadtteile');
		const coverage = JSON.parse(await visible('/api/coverage?distances=1000'));
		expect(coverage.model.caveats.join(' ')).not.toContain('Grenzen der Stadtteile');
		const daten = await (await fetch(`${server.url}/daten/katalog.jsonld`)).text();
		expect(daten).not.toContain('keine amtlichen Grenzen');
	});
});
