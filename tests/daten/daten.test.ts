// The open-data page, its downloads and the DCAT-AP.de catalogue against the built server.
import { describe, expect, inject, it } from 'vitest';

const base = inject('baseUrl');
const get = (path: string) => fetch(base + path);
const IDS = ['100-m-gitter', 'stadtteile', 'ortschaften', 'stadtgrenze', 'kontore', 'einrichtungen', 'bevoelkerung-flaeche', 'sozialindikatoren-beispiel'];

describe('/daten page', () => {
	it('lists every dataset with status, licence, reference date, sources and downloads', async () => {
		const res = await get('/daten');
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toMatch(/<html lang="de">/);
		expect(html.match(/<h1[ >]/g)).toHaveLength(1);
		for (const id of IDS) expect(html).toContain(`id="${id}"`);
		for (const term of ['Status', 'Lizenz', 'Stichtag', 'Quellen', 'Näherung, keine amtlichen Grenzen', 'Beispieldaten (synthetisch)', 'echte Daten'])
			expect(html).toContain(term);
		expect(html).toContain('href="/daten/stadtteile.geojson"');
		expect(html).toContain('href="/daten/stadtteile.csv"');
		expect(html).toContain('href="/ogc/collections/stadtteile"');
		expect(html).toContain('href="/api/indicators/sgb2-quote"');
		expect(html).toMatch(/<th scope="col"[^>]*>Lizenz<\/th>/);
	});

	it('embeds the DCAT-AP.de catalogue as JSON-LD', async () => {
		const html = await (await get('/daten')).text();
		const block = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html);
		expect(block).not.toBeNull();
		const doc = JSON.parse(block![1]);
		expect(doc['@type']).toBe('dcat:Catalog');
		expect(doc['dcat:dataset']).toHaveLength(IDS.length);
	});
});

describe('DCAT-AP.de catalogue', () => {
	it('describes each dataset with licence, publisher, geocoding and distributions', async () => {
		const res = await get('/daten/katalog.jsonld');
		expect(res.headers.get('content-type')).toMatch(/^application\/ld\+json/);
		const doc = await res.json();
		expect(doc['@context'].dcatde).toBe('http://dcat-ap.de/def/dcatde/');
		const byId = new Map(doc['dcat:dataset'].map((d: Record<string, unknown>) => [d['dct:identifier'], d]));
		expect([...byId.keys()]).toEqual(IDS);
		const stadtteile = byId.get('stadtteile') as Record<string, any>;
		expect(stadtteile['dct:license'].map((l: { '@id': string }) => l['@id'])).toEqual([
			'http://dcat-ap.de/def/licenses/cc-by-sa/4.0',
			'http://dcat-ap.de/def/licenses/dl-by-de/2.0',
			'http://dcat-ap.de/def/licenses/cc-zero'
		]);
		expect(stadtteile['dcatde:politicalGeocodingURI']['@id']).toBe('http://dcat-ap.de/def/politicalGeocoding/municipalityKey/03102000');
		expect(stadtteile['dct:description']['@value']).toContain('Näherung');
		const dist = stadtteile['dcat:distribution'].find((x: any) => x['dct:format']['@id'].endsWith('/CSV'));
		expect(dist['dcat:downloadURL']['@id']).toBe(`${base}/daten/stadtteile.csv`);
		const beispiel = byId.get('sozialindikatoren-beispiel') as Record<string, any>;
		expect(beispiel['dct:license']).toEqual([{ '@id': 'http://dcat-ap.de/def/licenses/cc-zero' }]);
		expect(beispiel['dct:temporal']['dcat:startDate']['@value']).toBe('2019-01-01');
		expect(beispiel['dct:temporal']['dcat:endDate']['@value']).toBe('2023-12-31');
		for (const d of doc['dcat:dataset']) {
			expect(d['dct:publisher']['foaf:name']).toBeTruthy();
			expect(d['dcat:distribution'].length).toBeGreaterThan(0);
			// every download URL the catalogue names must answer
			for (const x of d['dcat:distribution']) expect((await fetch(x['dcat:accessURL']['@id'])).status, x['@id']).toBe(200);
		}
	});
});

describe('licences', () => {
	const VG250 = 'http://dcat-ap.de/def/licenses/dl-by-de/2.0';
	const licences = (d: Record<string, any>) => d['dct:license'].map((l: { '@id': string }) => l['@id']);

	it('gives each dataset every licence that applies: VG250 geometry dl-de/by-2-0 with the BKG attribution, Wikipedia facts CC BY-SA, Beispieldaten CC0', async () => {
		const doc = await (await get('/daten/katalog.jsonld')).json();
		const byId = new Map<string, Record<string, any>>(doc['dcat:dataset'].map((d: Record<string, any>) => [d['dct:identifier'], d]));
		expect(licences(byId.get('stadtgrenze')!)).toEqual(['http://dcat-ap.de/def/licenses/cc-by-sa/4.0', VG250, 'http://dcat-ap.de/def/licenses/cc-zero']);
		for (const id of ['stadtteile', 'ortschaften', 'stadtgrenze']) {
			const rights = byId.get(id)!['dct:rights']['rdfs:label']['@value'];
			expect(rights, id).toMatch(
				/Stadtgrenze[^·]*: Datenlizenz Deutschland – Namensnennung – Version 2\.0 \(dl-de\/by-2-0\)[^·]*Namensnennung: © GeoBasis-DE \/ BKG \(2015\)/
			);
			expect(rights, id).toMatch(/Einwohner[^·]*: Creative Commons Namensnennung – Weitergabe unter gleichen Bedingungen 4\.0/);
			expect(rights, id).toMatch(/Beispieldaten[^·]*: Creative Commons Zero/);
			expect(byId.get(id)!['dcat:distribution'][0]['dcatde:licenseAttributionByText']).toContain('© GeoBasis-DE / BKG (2015)');
		}
		// Data without geometry from VG250 name no VG250 licence; the Kontore keep theirs.
		expect(licences(byId.get('bevoelkerung-flaeche')!)).toEqual(['http://dcat-ap.de/def/licenses/cc-by-sa/4.0']);
		expect(licences(byId.get('kontore')!)).toEqual(['http://dcat-ap.de/def/licenses/other-open']);
		// A distribution names one licence, the strictest, and carries the same rights statement.
		const dist = byId.get('stadtgrenze')!['dcat:distribution'][0];
		expect(dist['dct:license']['@id']).toBe('http://dcat-ap.de/def/licenses/cc-by-sa/4.0');
		expect(dist['dct:rights']).toEqual(byId.get('stadtgrenze')!['dct:rights']);
	});

	it('shows the licences per part on /daten', async () => {
		const html = await (await get('/daten')).text();
		const section = html.slice(html.indexOf('id="stadtgrenze"'), html.indexOf('</section>', html.indexOf('id="stadtgrenze"')));
		expect(section).toContain(`href="${VG250}"`);
		expect(section).toContain('Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)</a> für Stadtgrenze');
		expect(section).toContain('© GeoBasis-DE / BKG (2015)');
		expect(section).toContain('href="http://dcat-ap.de/def/licenses/cc-by-sa/4.0"');
	});
});

describe('downloads', () => {
	it('a layer as German CSV: BOM, semicolons, decimal comma, a point per row', async () => {
		const res = await get('/daten/stadtteile.csv');
		expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="kontoratlas_stadtteile.csv"');
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
		expect(lines).toHaveLength(32); // header + 31 Stadtteile
		const header = lines[0].split(';');
		expect(header.slice(-2)).toEqual(['lon', 'lat']);
		const row = lines.find((l) => l.startsWith('lebenstedt;'))!.split(';');
		const cell = (name: string) => row[header.indexOf(name)];
		expect(cell('name')).toBe('Lebenstedt');
		expect(cell('einwohner')).toBe('45945');
		expect(cell('flaeche_amtlich_km2')).toBe('13,728');
		expect(cell('lon')).toMatch(/^10,\d+$/);
	});

	it('a layer as GeoJSON, the same features the OGC API serves', async () => {
		const fc = await (await get('/daten/kontore.geojson')).json();
		expect(fc.type).toBe('FeatureCollection');
		expect(fc.features).toHaveLength(6);
		expect(fc.features[0].properties).toHaveProperty('lage_ungefaehr');
	});

	it('the facility register as GeoJSON and CSV, Beispieldaten flagged', async () => {
		const fc = await (await get('/daten/einrichtungen.geojson')).json();
		expect(fc.features.length).toBeGreaterThan(300);
		expect(fc.features[0].properties).toMatchObject({ beispieldaten: true, lage_genauigkeit: 'area' });
		const text = await (await get('/daten/einrichtungen.csv')).text();
		const [header, ...rows] = text
			.replace(/^\uFEFF/, '')
			.trimEnd()
			.split('\r\n');
		expect(rows).toHaveLength(fc.features.length);
		const col = header.split(';').indexOf('beispieldaten');
		expect(rows.every((r) => r.split(';')[col] === 'ja')).toBe(true);
	});

	it('indicator values as a long table, Beispieldaten flagged', async () => {
		const text = await (await get('/daten/sozialindikatoren-beispiel.csv')).text();
		const lines = text
			.replace(/^\uFEFF/, '')
			.trimEnd()
			.split('\r\n');
		expect(lines[0]).toBe('Gebiet-ID;Gebiet;Ebene;Indikator-ID;Indikator;Jahr;Stichtag;Wert;Einheit;Zähler;Nenner;Herkunft;Beispieldaten;Quelle;Lizenz');
		// 8 indicators × 5 years × (31 Stadtteile + 7 Ortschaften + 1 city), and the grid's residents
		// (Beispieldaten): 1 year × (4,425 cells + the same 39 areas)
		expect(lines).toHaveLength(1 + 8 * 5 * 39 + 4425 + 39);
		expect(lines.slice(1).every((l) => l.split(';')[12] === 'ja')).toBe(true);
		const real = await (await get('/daten/bevoelkerung-flaeche.csv')).text();
		expect(real).toContain('lebenstedt;Lebenstedt;stadtteil;einwohner;Einwohner;2023;2023-12-31;45945;Personen;');
	});

	it('an unknown file is a 404 problem', async () => {
		for (const path of ['/daten/gibtsnicht.csv', '/daten/bevoelkerung-flaeche.geojson', '/daten/stadtteile.xlsx']) {
			const res = await get(path);
			expect(res.status, path).toBe(404);
			expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
		}
	});
});
