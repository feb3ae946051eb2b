// The API against the built server: status codes, content types, caching, compression,
// CORS and problem bodies for bad input.
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';

const base = inject('baseUrl');
/** fetch() decodes bodies itself; this returns the bytes as they went over the wire. */
function raw(path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
	return new Promise((ok, fail) => {
		request(base + path, { headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
		})
			.on('error', fail)
			.end();
	});
}

const get = (path: string, headers: Record<string, string> = {}) => fetch(base + path, { headers });

async function expectProblem(path: string, status: number, parameter?: string) {
	const res = await get(path);
	expect(res.status, path).toBe(status);
	expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
	const body = await res.json();
	expect(body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
	// The parameter at fault, or none (undefined) when the problem is not one parameter's.
	expect(body.parameter).toBe(parameter);
	return body;
}

describe('GET /api/areas', () => {
	it('serves the 31 Stadtteile as GeoJSON with their metadata', async () => {
		const res = await get('/api/areas?level=stadtteil');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
		const fc = await res.json();
		expect(fc.type).toBe('FeatureCollection');
		expect(fc.features).toHaveLength(31);
		const lebenstedt = fc.features.find((f: { id: string }) => f.id === 'lebenstedt');
		expect(lebenstedt.properties).toMatchObject({
			name: 'Lebenstedt',
			level: 'stadtteil',
			parent: 'nord',
			geometryQuality: 'approximated',
			officialAreaKm2: 13.728
		});
		expect(lebenstedt.geometry.type).toBe('Polygon');
	});

	it('serves 7 Ortschaften and the city; defaults to Stadtteile', async () => {
		expect((await (await get('/api/areas?level=ortschaft')).json()).features).toHaveLength(7);
		const stadt = await (await get('/api/areas?level=stadt')).json();
		expect(stadt.features.map((f: { id: string }) => f.id)).toEqual(['salzgitter']);
		expect((await (await get('/api/areas')).json()).features).toHaveLength(31);
	});

	it('joins indicator values for a year, and the latest value per area without one', async () => {
		const y2023 = await (await get('/api/areas?level=stadtteil&indicators=einwohner&year=2023')).json();
		const props = (id: string, fc = y2023) => fc.features.find((f: { id: string }) => f.id === id).properties;
		expect(props('lebenstedt').einwohner).toBe(45945);
		expect(props('salzgitter-bad').einwohner).toBeNull(); // Süd's figures are of 2020
		const latest = await (await get('/api/areas?level=stadtteil&indicators=einwohner')).json();
		expect(props('salzgitter-bad', latest)).toMatchObject({ einwohner: 21286, 'einwohner.year': 2020, 'einwohner.stand': '2020-12-31' });
	});

	it('answers one area by id and 404 for an unknown one', async () => {
		const res = await get('/api/areas/gebhardshagen?indicators=einwohner,flaeche');
		expect(res.status).toBe(200);
		expect((await res.json()).properties).toMatchObject({ id: 'gebhardshagen', einwohner: 6902, flaeche: 21.24 });
		await expectProblem('/api/areas/atlantis', 404, 'id');
	});

	it('rejects bad parameters with problem details naming the parameter and allowed values', async () => {
		const level = await expectProblem('/api/areas?level=bezirk', 400, 'level');
		expect(level.allowed).toEqual(['gitter-100m', 'stadtteil', 'ortschaft', 'stadt']);
		const ind = await expectProblem('/api/areas?indicators=einwohner,unknown', 400, 'indicators');
		expect(ind.detail).toContain('unknown');
		expect(ind.allowed).toContain('einwohner');
		await expectProblem('/api/areas?indicators=einwohner,,flaeche', 400, 'indicators');
		const year = await expectProblem('/api/areas?indicators=einwohner&year=99999', 400, 'year');
		expect(year.allowed).toContain(2023);
		await expectProblem('/api/areas?indicators=flaeche&year=1850', 400, 'year');
	});

	it('does not echo hostile input unescaped or at length', async () => {
		const hostile = encodeURIComponent('<script>alert(1)</script>' + 'x'.repeat(500));
		const body = await expectProblem(`/api/areas?level=${hostile}`, 400, 'level');
		expect(body.detail.length).toBeLessThan(200);
		const res = await get(`/api/areas?level=${hostile}`);
		expect(res.headers.get('content-type')).not.toMatch(/html/);
	});
});

describe('problem details in the request’s language', () => {
	const problemOf = async (path: string, headers: Record<string, string> = {}) => {
		const res = await get(path, headers);
		expect(res.headers.get('vary')).toMatch(/Accept-Language/);
		return res.json();
	};

	it('are German by default', async () => {
		expect(await problemOf('/api/areas?year=1850&indicators=flaeche')).toMatchObject({ title: 'Jahr ohne Daten', detail: 'für 1850 gibt es keine Werte' });
		expect(await problemOf('/api/areas?level=bezirk', { 'accept-language': 'fr' })).toMatchObject({ title: 'Unbekannte Ebene' });
	});

	it('are English with ?lang=en or Accept-Language: en, and ?lang= wins over the header', async () => {
		const english = { title: 'Year without data', detail: 'there are no values for 1850' };
		expect(await problemOf('/api/areas?year=1850&indicators=flaeche&lang=en')).toMatchObject(english);
		expect(await problemOf('/api/areas?year=1850&indicators=flaeche', { 'accept-language': 'en-GB,en;q=0.9,de;q=0.5' })).toMatchObject(english);
		expect(await problemOf('/api/areas?year=1850&indicators=flaeche&lang=de', { 'accept-language': 'en' })).toMatchObject({ title: 'Jahr ohne Daten' });
	});

	it('hold for the hooks’ 404 and 405 too', async () => {
		expect(await problemOf('/api/nichts', { 'accept-language': 'en' })).toMatchObject({
			status: 404,
			title: 'Not found',
			detail: 'no API resource at /api/nichts'
		});
		const res = await fetch(`${base}/api/areas?lang=en`, { method: 'DELETE' });
		expect(await res.json()).toMatchObject({ status: 405, title: 'Method not allowed', detail: 'DELETE is not supported; the API is read-only' });
		expect(await problemOf('/api/nichts')).toMatchObject({ title: 'Nicht gefunden' });
	});
});

describe('GET /api/kontore', () => {
	it('serves six Kontore with location precision and contact', async () => {
		const fc = await (await get('/api/kontore')).json();
		expect(fc.features).toHaveLength(6);
		for (const f of fc.features) {
			expect(f.geometry.type).toBe('Point');
			expect(f.properties.locationPrecision).not.toBe('address');
			expect(f.properties.contact.email).toBe('stadtteilkontore@stadt.salzgitter.de');
			expect(f.properties.tasks).toEqual(['informieren', 'koordinieren', 'vernetzen', 'evaluieren']);
		}
		const one = await (await get('/api/kontore/gebhardshagen')).json();
		expect(one.properties).toMatchObject({ area: 'gebhardshagen', areaVerified: true, locationPrecision: 'area' });
		// No exact address is known: placed at the Stadtteil's centre coordinate (Wikipedia infobox).
		expect(one.geometry.coordinates).toEqual([10.35806, 52.10639]);
		await expectProblem('/api/kontore/nowhere', 404, 'id');
	});
});

describe('GET /api/indicators', () => {
	it('lists the catalogue with example data flagged', async () => {
		const { indicators } = await (await get('/api/indicators')).json();
		const byId = Object.fromEntries(indicators.map((i: { id: string }) => [i.id, i]));
		expect(byId.einwohner.beispieldaten).toBe(false);
		expect(byId['sgb2-quote'].beispieldaten).toBe(true);
		expect(byId.einwohner.years).toEqual(expect.arrayContaining([1985, 2020, 2023]));
	});

	it('gives values with rank and deviation from the city value', async () => {
		const t = await (await get('/api/indicators/einwohner?level=ortschaft&year=2023')).json();
		expect(t.reference).toMatchObject({ area: 'salzgitter', year: 2023, value: 105039 });
		const nord = t.rows.find((r: { area: string }) => r.area === 'nord');
		expect(nord).toMatchObject({ value: 48829, rank: 1, year: 2023 });
		expect(nord.deviation.absolute).toBe(48829 - 105039);
		const sued = t.rows.find((r: { area: string }) => r.area === 'sued');
		expect(sued).toMatchObject({ value: null, rank: null });
	});

	it('aggregates example rates from summed numerators and denominators', async () => {
		const st = await (await get('/api/indicators/sgb2-quote?level=stadtteil&year=2022')).json();
		const ort = await (await get('/api/indicators/sgb2-quote?level=ortschaft&year=2022')).json();
		expect(st.beispieldaten).toBe(true);
		const nordParts = ['bruchmachtersen', 'engelnstedt', 'lebenstedt', 'salder'].map((id) => st.rows.find((r: { area: string }) => r.area === id));
		const num = nordParts.reduce((s: number, r: { numerator: number }) => s + r.numerator, 0);
		const den = nordParts.reduce((s: number, r: { denominator: number }) => s + r.denominator, 0);
		const nord = ort.rows.find((r: { area: string }) => r.area === 'nord');
		expect(nord.numerator).toBe(num);
		expect(nord.denominator).toBe(den);
		expect(nord.value).toBeCloseTo((num / den) * 100, 2);
	});

	it('serves CSV in German conventions via ?format=csv and via Accept', async () => {
		const res = await get('/api/indicators/einwohnerdichte?level=stadtteil&year=2023&format=csv');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
		expect(res.headers.get('content-disposition')).toContain('einwohnerdichte_stadtteil_2023.csv');
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder().decode(bytes.slice(3));
		const lines = text.split('\r\n');
		expect(lines[0].split(';')[0]).toBe('Gebiet-ID');
		const lebenstedt = lines.find((l) => l.startsWith('lebenstedt;'))!;
		// 45945 residents / 13.728 km² = 3346.81…
		expect(lebenstedt).toMatch(/;3346,8\d*;/);
		const viaAccept = await get('/api/indicators/einwohner', { accept: 'text/csv' });
		expect(viaAccept.headers.get('content-type')).toMatch(/^text\/csv/);
		await expectProblem('/api/indicators/einwohner?format=xml', 400, 'format');
	});

	it('404s an unknown indicator and 400s a year without data', async () => {
		const body = await expectProblem('/api/indicators/gluecksindex', 404, 'id');
		expect(body.allowed).toContain('einwohner');
		await expectProblem('/api/indicators/sgb2-quote?year=2010', 400, 'year');
		await expectProblem('/api/indicators/sgb2-quote?level=kreis', 400, 'level');
	});
});

describe('HTTP behaviour', () => {
	it('sends a strong ETag and answers If-None-Match with 304', async () => {
		const first = await get('/api/kontore');
		const etag = first.headers.get('etag');
		expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
		expect(first.headers.get('cache-control')).toContain('max-age');
		// A browser that signs in sends its session cookie and so never reuses this public answer.
		expect(first.headers.get('vary')).toMatch(/\bCookie\b/);
		expect((await get('/api/kontore')).headers.get('vary')).toMatch(/\bCookie\b/);
		const second = await get('/api/kontore', { 'if-none-match': etag! });
		expect(second.status).toBe(304);
		expect(await second.text()).toBe('');
		const other = await get('/api/kontore', { 'if-none-match': '"something-else"' });
		expect(other.status).toBe(200);
	});

	it('compresses with gzip or brotli when asked, and the bytes decode to the same JSON', async () => {
		const plain = await (await get('/api/areas?level=stadtteil', { 'accept-encoding': 'identity' })).text();
		const gz = await raw('/api/areas?level=stadtteil', { 'accept-encoding': 'gzip' });
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(gz.body.length).toBeLessThan(plain.length / 2);
		expect(gunzipSync(gz.body).toString('utf8')).toBe(plain);
		const br = await raw('/api/areas?level=stadtteil', { 'accept-encoding': 'br;q=1, gzip;q=0.5' });
		expect(br.headers['content-encoding']).toBe('br');
		expect(brotliDecompressSync(br.body).toString('utf8')).toBe(plain);
		const none = await raw('/api/areas?level=stadtteil', {});
		expect(none.headers['content-encoding']).toBeUndefined();
	});

	it('opens the read-only API to other origins (CORS) and refuses writes', async () => {
		const res = await get('/api/indicators', { origin: 'https://www.salzgitter.de' });
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		const pre = await fetch(base + '/api/areas', { method: 'OPTIONS', headers: { origin: 'https://x.example', 'access-control-request-method': 'GET' } });
		expect(pre.status).toBe(204);
		expect(pre.headers.get('access-control-allow-methods')).toContain('GET');
		const post = await fetch(base + '/api/areas', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
		expect(post.status).toBe(405);
		expect(post.headers.get('content-type')).toMatch(/problem\+json/);
	});

	it('answers unknown API paths with a problem body, never a 500', async () => {
		await expectProblem('/api/does-not-exist', 404);
		await expectProblem('/api/areas/%E2%80%AE%3Cimg%3E', 404, 'id');
	});
});

describe('a large level with an indicator that has no values on it', () => {
	it('answers the atlas page (the map says so), not a server error, though its values request is a 404', async () => {
		const values = await fetch(`${base}/api/werte/gitter-100m?indikator=einwohnerdichte`);
		expect(values.status).toBe(404);
		expect(values.headers.get('content-type')).toContain('problem+json');
		const page = await fetch(`${base}/?level=gitter-100m&indicator=einwohnerdichte`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('data-early-map');
	});
});
