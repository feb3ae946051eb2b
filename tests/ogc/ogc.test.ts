// OGC API Features Part 1 against the built server: the resources, paging at the edges, the
// exception format, content negotiation, the HTML pages (German, or English on request) and a valid OpenAPI document.
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, inject, it } from 'vitest';

const base = inject('baseUrl');
const ogc = `${base}/ogc`;
const get = (path: string, headers: Record<string, string> = {}) => fetch(ogc + path, { headers });
const json = async (path: string) => {
	const res = await get(path);
	expect(res.status, path).toBe(200);
	return res.json();
};
type Link = { href: string; rel: string; type: string; title: string };
const rel = (links: Link[], r: string) => links.filter((l) => l.rel === r);

async function expectException(path: string, status: number, code: string) {
	const res = await get(path);
	expect(res.status, path).toBe(status);
	expect(res.headers.get('content-type')).toMatch(/^application\/json/);
	const body = await res.json();
	expect(Object.keys(body).sort()).toEqual(['code', 'description']);
	expect(body.code).toBe(code);
	expect(body.description.length).toBeGreaterThan(5);
}

describe('landing page, conformance, collections', () => {
	it('links to the API definition, conformance and data with absolute http URLs', async () => {
		const landing = await json('');
		expect(landing.title).toContain('Kontoratlas');
		const desc = rel(landing.links, 'service-desc')[0];
		expect(desc).toMatchObject({ href: `${ogc}/api?f=json`, type: 'application/vnd.oai.openapi+json;version=3.0' });
		expect(rel(landing.links, 'conformance')[0].href).toBe(`${ogc}/conformance?f=json`);
		expect(rel(landing.links, 'data')[0].href).toBe(`${ogc}/collections?f=json`);
		expect(rel(landing.links, 'alternate')[0].type).toBe('text/html');
	});

	it('declares core, GeoJSON, HTML and OpenAPI 3.0 conformance', async () => {
		const { conformsTo } = await json('/conformance');
		for (const c of ['core', 'geojson', 'html', 'oas30']) expect(conformsTo).toContain(`http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/${c}`);
	});

	it('lists the collections (the 100 m grid first) with extent, CRS84 and items links', async () => {
		const { collections } = await json('/collections');
		expect(collections.map((c: { id: string }) => c.id)).toEqual(['100-m-gitter', 'stadtteile', 'ortschaften', 'stadtgrenze', 'kontore', 'einrichtungen']);
		const stadtteile = collections[1];
		expect(stadtteile.extent.spatial.crs).toBe('http://www.opengis.net/def/crs/OGC/1.3/CRS84');
		const [minLon, minLat, maxLon, maxLat] = stadtteile.extent.spatial.bbox[0];
		// Salzgitter lies around 10.2–10.6° E, 52.0–52.3° N.
		expect(minLon).toBeGreaterThan(10.1);
		expect(maxLon).toBeLessThan(10.6);
		expect(minLat).toBeGreaterThan(51.9);
		expect(maxLat).toBeLessThan(52.3);
		expect(
			rel(stadtteile.links, 'items')
				.map((l: Link) => l.type)
				.sort()
		).toEqual(['application/geo+json', 'text/html']);
		expect(stadtteile.description).toContain('Näherung, keine amtlichen Grenzen');
		expect(stadtteile.description).toMatch(/Beispieldaten.*sgb2_quote/);
	});

	it('describes one collection', async () => {
		const c = await json('/collections/kontore');
		expect(c).toMatchObject({ id: 'kontore', title: 'Stadtteilkontore', itemType: 'feature' });
	});
});

describe('items', () => {
	it('a feature carries the latest indicator values as flat underscore properties', async () => {
		const f = await json('/collections/stadtteile/items/salzgitter-bad');
		expect(f.type).toBe('Feature');
		expect(f.id).toBe('salzgitter-bad');
		// Süd's figures are of 31 Dec 2020 (geodata/stadtteile.csv).
		expect(f.properties).toMatchObject({
			name: 'Salzgitter-Bad',
			ebene: 'stadtteil',
			uebergeordnet: 'sued',
			einwohner: 21286,
			einwohner_jahr: 2020,
			einwohner_stand: '2020-12-31'
		});
		expect(f.properties.geometrie_hinweis).toContain('Näherung, keine amtlichen Grenzen');
		expect(Object.keys(f.properties).some((k) => /[.-]/.test(k))).toBe(false);
		expect(typeof f.properties.sgb2_quote).toBe('number');
		expect(rel(f.links, 'collection')[0].href).toBe(`${ogc}/collections/stadtteile?f=json`);
	});

	it('Kontore are points with approximate location flagged', async () => {
		const fc = await json('/collections/kontore/items');
		expect(fc.numberMatched).toBe(6);
		expect(fc.features.every((f: { geometry: { type: string } }) => f.geometry.type === 'Point')).toBe(true);
		expect(fc.features.every((f: { properties: { lage_ungefaehr: boolean } }) => f.properties.lage_ungefaehr === true)).toBe(true);
	});

	it('first page: 10 of 31, next link, no prev', async () => {
		const fc = await json('/collections/stadtteile/items');
		expect(fc).toMatchObject({ type: 'FeatureCollection', numberMatched: 31, numberReturned: 10 });
		expect(fc.features).toHaveLength(10);
		expect(rel(fc.links, 'next')[0]).toMatchObject({ href: `${ogc}/collections/stadtteile/items?offset=10&f=json`, type: 'application/geo+json' });
		expect(rel(fc.links, 'prev')).toEqual([]);
	});

	it('following next visits all 31 Stadtteile once; the last page has prev but no next', async () => {
		let url: string | undefined = `${ogc}/collections/stadtteile/items?limit=7`;
		const seen: string[] = [];
		let last: { links: Link[]; numberReturned: number } | null = null;
		let pages = 0;
		while (url) {
			const page = await (await fetch(url)).json();
			seen.push(...page.features.map((f: { id: string }) => f.id));
			last = page;
			pages++;
			url = rel(page.links, 'next')[0]?.href;
		}
		expect(pages).toBe(5); // 7 + 7 + 7 + 7 + 3
		expect(seen).toHaveLength(31);
		expect(new Set(seen).size).toBe(31);
		expect(last!.numberReturned).toBe(3);
		expect(rel(last!.links, 'prev')[0].href).toBe(`${ogc}/collections/stadtteile/items?limit=7&offset=21&f=json`);
	});

	it('a page past the end is empty, has no next and leads back to the last page', async () => {
		const fc = await json('/collections/stadtteile/items?limit=10&offset=40');
		expect(fc).toMatchObject({ numberMatched: 31, numberReturned: 0, features: [] });
		expect(rel(fc.links, 'next')).toEqual([]);
		expect(rel(fc.links, 'prev')[0].href).toBe(`${ogc}/collections/stadtteile/items?limit=10&offset=21&f=json`);
	});

	it('bbox filters by intersection; a box far away matches nothing and has no paging links', async () => {
		// A small box around the centre of Lebenstedt (10.33° E, 52.15° N).
		const near = await json('/collections/stadtteile/items?bbox=10.325,52.148,10.335,52.152');
		expect(near.features.map((f: { id: string }) => f.id)).toContain('lebenstedt');
		expect(near.numberMatched).toBeLessThan(31);
		const far = await json('/collections/stadtteile/items?bbox=13.3,52.4,13.5,52.6'); // Berlin
		expect(far).toMatchObject({ numberMatched: 0, numberReturned: 0 });
		expect(rel(far.links, 'next').concat(rel(far.links, 'prev'))).toEqual([]);
		const city = await json('/collections/ortschaften/items?bbox=10.0,51.9,10.7,52.4');
		expect(city.numberMatched).toBe(7);
	});
});

describe('collection einrichtungen', () => {
	it('pages through every facility and filters them by bbox, with flat typed attributes', async () => {
		const c = await json('/collections/einrichtungen');
		expect(c).toMatchObject({ id: 'einrichtungen', title: 'Einrichtungen' });
		expect(c.description).toMatch(/Beispieldaten/);
		const first = await json('/collections/einrichtungen/items?limit=100');
		expect(first.numberReturned).toBe(100);
		expect(first.numberMatched).toBeGreaterThan(300);
		expect(rel(first.links, 'next')[0].href).toBe(`${ogc}/collections/einrichtungen/items?limit=100&offset=100&f=json`);
		expect(first.features[0].properties).toMatchObject({ typen: expect.any(String), beispieldaten: true });
		const box = [10.3, 52.14, 10.35, 52.17];
		const inBox = await json(`/collections/einrichtungen/items?bbox=${box.join(',')}&limit=1000`);
		expect(inBox.numberMatched).toBeGreaterThan(0);
		expect(inBox.numberMatched).toBeLessThan(first.numberMatched);
		for (const f of inBox.features) {
			const [lon, lat] = f.geometry.coordinates;
			expect(lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3]).toBe(true);
		}
	});
});

describe('exceptions', () => {
	it.each([
		['/collections/stadtteile/items?bbox=10,52,11', 400],
		['/collections/stadtteile/items?bbox=10,52,181,53', 400],
		['/collections/stadtteile/items?limit=0', 400],
		['/collections/stadtteile/items?limit=-5', 400],
		['/collections/stadtteile/items?limit=100000000', 400],
		['/collections/stadtteile/items?unbekannt=1', 400],
		['/collections?f=xml', 400]
	])('%s → %i InvalidParameterValue', (path, status) => expectException(path, status, 'InvalidParameterValue'));

	it.each(['/collections/gibtsnicht', '/collections/gibtsnicht/items', '/collections/stadtteile/items/gibtsnicht', '/nirgendwo'])('%s → 404 NotFound', (path) =>
		expectException(path, 404, 'NotFound')
	);

	it('a browser gets the exception as a German HTML page', async () => {
		const res = await get('/collections/gibtsnicht', { accept: 'text/html' });
		expect(res.status).toBe(404);
		expect(res.headers.get('content-type')).toMatch(/^text\/html/);
		expect(await res.text()).toContain('Nicht gefunden');
	});

	it("describes an exception in German by default and in English with ?lang= or Accept-Language; the code stays OGC's", async () => {
		const german = await (await get('/collections/stadtteile/items?limit=0')).json();
		expect(german).toEqual({ code: 'InvalidParameterValue', description: 'limit: erwartet ist eine ganze Zahl von 1 bis 1000, nicht "0"' });
		const english = await (await get('/collections/stadtteile/items?limit=0&lang=en')).json();
		expect(english).toEqual({ code: 'InvalidParameterValue', description: 'limit: must be an integer from 1 to 1000, not "0"' });
		const byHeader = await get('/collections/gibtsnicht', { 'accept-language': 'en-GB,en;q=0.8' });
		expect(byHeader.headers.get('vary')).toContain('Accept-Language');
		expect((await byHeader.json()).description).toBe(
			'no collection "gibtsnicht"; collections: 100-m-gitter, stadtteile, ortschaften, stadtgrenze, kontore, einrichtungen'
		);
		const page = await (await get('/nirgendwo?lang=en', { accept: 'text/html' })).text();
		expect(page).toContain('<html lang="en">');
		expect(page).toContain('Not found');
	});

	it('writes are refused with 405', async () => {
		const res = await fetch(`${ogc}/collections`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
		expect(res.status).toBe(405);
		expect((await res.json()).code).toBe('MethodNotAllowed');
	});
});

describe('content negotiation and HTML', () => {
	it('Accept picks the representation when f is absent', async () => {
		const html = await get('/collections', { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' });
		expect(html.headers.get('content-type')).toMatch(/^text\/html/);
		const geo = await get('/collections/stadtteile/items', { accept: 'application/geo+json, application/json' });
		expect(geo.headers.get('content-type')).toMatch(/^application\/geo\+json/);
		const api = await get('/api', { accept: 'application/vnd.oai.openapi+json;version=3.0' });
		expect(api.headers.get('content-type')).toMatch(/^application\/vnd\.oai\.openapi\+json;version=3\.0/);
	});

	it('HTML pages are German, headed, tabular and linked, with no external resources', async () => {
		for (const path of [
			'',
			'/collections',
			'/collections/stadtteile',
			'/collections/stadtteile/items',
			'/collections/stadtteile/items/lebenstedt',
			'/conformance',
			'/api'
		]) {
			const res = await get(`${path}?f=html`);
			expect(res.status, path).toBe(200);
			expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
			const html = await res.text();
			expect(html, path).toMatch(/<html lang="de">/);
			expect(html.match(/<h1>/g), path).toHaveLength(1);
			expect(html, path).toMatch(/href="[^"]*f=json"/);
			expect(html, path).not.toMatch(/<script|(?:src|href)="https?:\/\/(?!127\.0\.0\.1)/);
		}
		const items = await (await get('/collections/stadtteile/items?f=html')).text();
		expect(items).toContain('<th scope="col">Name</th>');
		expect(items).toContain('Objekte 1–10 von 31');
		expect(items).toMatch(/rel="next" href="[^"]*offset=10&amp;f=html"/);
		const item = await (await get('/collections/stadtteile/items/lebenstedt?f=html')).text();
		expect(item).toContain('Lebenstedt');
		expect(item).toContain('45.945'); // residents 2023, German digit grouping
		expect(item).toContain('(Beispieldaten)');
	});

	it('the landing page and the collections are German by default, English with ?lang=en or Accept-Language: en', async () => {
		const landing = await get('?f=html');
		expect(landing.headers.get('vary')).toContain('Accept-Language');
		const german = await landing.text();
		expect(german).toContain('<html lang="de">');
		expect(german).toContain('<h2>In QGIS öffnen</h2>');
		expect(german).toMatch(/<a href="[^"]*\/collections\?f=html">Sammlungen<\/a>/);
		const germanCollections = await json('/collections');
		expect(germanCollections.collections[1]).toMatchObject({ id: 'stadtteile', title: 'Stadtteile' });
		expect(germanCollections.collections[1].description).toMatch(/^Die 31 Stadtteile von Salzgitter\./);

		const english = [await get('?f=html&lang=en'), await get('?f=html', { 'accept-language': 'en-GB,en;q=0.8' })];
		const [byParam, byHeader] = await Promise.all(english.map((r) => r.text()));
		for (const html of [byParam, byHeader]) {
			expect(html).toContain('<html lang="en">');
			expect(html).toContain('<h2>Open in QGIS</h2>');
			expect(html).toMatch(/<a href="[^"]*\/collections\?f=html&amp;lang=en">Collections<\/a>/);
			expect(html).not.toContain('Sammlungen');
		}
		expect(english[0].headers.get('etag')).not.toBe(landing.headers.get('etag'));

		for (const res of [await get('/collections?lang=en'), await get('/collections', { 'accept-language': 'en' })]) {
			expect(res.headers.get('vary')).toContain('Accept-Language');
			const { collections, links } = await res.json();
			expect(collections.map((c: { id: string }) => c.id)).toEqual(['100-m-gitter', 'stadtteile', 'ortschaften', 'stadtgrenze', 'kontore', 'einrichtungen']);
			expect(collections[1].title).toBe('Districts'); // the profile's English plural, capitalised
			expect(collections[1].description).toMatch(/^The 31 districts of Salzgitter\./);
			expect(rel(links, 'self')[0].title).toBe('Collections as JSON');
		}
		const properties = await (await get('/collections/stadtteile?f=html&lang=en')).text();
		expect(properties).toContain('(latest value)');
		expect(properties).not.toContain('letzter Wert');
	});
});

describe('OpenAPI document', () => {
	it('validates as OpenAPI 3.0 and lists every path with the limit bounds', async () => {
		const doc = await json('/api');
		const validator = new Validator();
		const result = await validator.validate(doc);
		expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
		expect(result.valid).toBe(true);
		expect(validator.version).toBe('3.0');
		expect(Object.keys(doc.paths).sort()).toEqual([
			'/',
			'/api',
			'/collections',
			'/collections/{collectionId}',
			'/collections/{collectionId}/items',
			'/collections/{collectionId}/items/{featureId}',
			'/conformance'
		]);
		expect(doc.components.parameters.limit.schema).toMatchObject({ minimum: 1, maximum: 1000, default: 10 });
		expect(doc.servers[0].url).toBe(ogc);
	});
});
