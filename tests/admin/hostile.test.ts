// Hostile input against the running server: every case asserts a clear error (what and where)
// and that the data served before is unchanged. Parser-level cases are in
// src/lib/import/import.test.ts; this file covers the HTTP, session and store side.
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient, removeStores, snapshot, startAdminServer, textOf, type AdminServer } from './helpers';

let server: AdminServer;
let admin: AdminClient;
const EXCEL = readFileSync('tests/fixtures/import/sgb2-quote-2024-excel.csv');
const BOUNDARIES = readFileSync('tests/fixtures/import/stadtteile-epsg25832.geojson', 'utf8');

async function currentVersion(): Promise<number> {
	return Number(/Version (\d+)/.exec(textOf(await (await admin.request('/admin')).text()))?.[1]);
}

/** Runs `attempt` and checks that neither the served data nor the current version moved. */
async function unchanged(attempt: () => Promise<void>) {
	const [before, version] = [await snapshot(server.url), await currentVersion()];
	await attempt();
	expect(await snapshot(server.url)).toBe(before);
	expect(await currentVersion()).toBe(version);
}

/**
 * A multipart upload over node:http that announces the full length but sends only the first
 * 64 KB and waits for the answer: the server must refuse by Content-Length before reading the
 * body (fetch would report the early answer as a failed write instead).
 */
function rawPost(base: string, path: string, client: AdminClient, content: string): Promise<{ status: number; text: string }> {
	const boundary = 'grenze' + Math.random().toString(16).slice(2);
	const body = Buffer.from(
		`--${boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${client.csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="gross.csv"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`
	);
	return new Promise((ok, fail) => {
		const req = request(
			base + path,
			{
				method: 'POST',
				headers: {
					cookie: client.cookie,
					origin: base,
					accept: 'text/html',
					'content-type': `multipart/form-data; boundary=${boundary}`,
					'content-length': body.length
				}
			},
			(res) => {
				let text = '';
				res.on('data', (d) => (text += d));
				res.on('end', () => {
					ok({ status: res.statusCode!, text });
					req.destroy();
				});
			}
		);
		req.on('error', (e) => fail(e));
		req.write(body.subarray(0, 64 * 1024));
	});
}

beforeAll(async () => {
	server = await startAdminServer();
	admin = new AdminClient(server.url);
	expect((await admin.login()).status).toBe(303);
	expect(admin.csrf).toMatch(/^[\w-]{40,}$/);
});
afterAll(() => {
	server?.child.kill();
	removeStores();
});

describe('access', () => {
	it('sends anonymous visitors of /admin to the login', async () => {
		for (const path of ['/admin', '/admin/import', '/admin/vergleich?a=1&b=1']) {
			const res = await fetch(server.url + path, { redirect: 'manual' });
			expect(res.status, path).toBe(303);
			expect(res.headers.get('location')).toBe('/admin/login');
		}
	});
	it('refuses an import without a session', async () => {
		await unchanged(async () => {
			const anon = new AdminClient(server.url);
			const res = await anon.post('/admin/import?/csv', { source: 'x', licence: 'x', mode: 'merge' }, { csrf: 'x', file: { name: 'a.csv', bytes: EXCEL } });
			// hooks.server.ts sends the visitor to the login before the action runs.
			expect(res.status).toBe(303);
			expect(res.headers.get('location')).toBe('/admin/login');
		});
	});
	it('refuses a form without or with a wrong CSRF token (403)', async () => {
		await unchanged(async () => {
			for (const csrf of [null, 'forged', admin.csrf.slice(1)]) {
				const res = await admin.post('/admin?/rollback', { version: '1' }, { csrf });
				expect(res.status).toBe(403);
				expect(await res.text()).toContain('CSRF-Token fehlt oder ist ungültig');
			}
		});
	});
	it('refuses a cross-site form post (origin check)', async () => {
		await unchanged(async () => {
			const form = new FormData();
			form.set('csrf', admin.csrf);
			form.set('version', '1');
			const res = await admin.request('/admin?/rollback', { method: 'POST', body: form, headers: { origin: 'https://evil.example' } });
			expect(res.status).toBe(403);
		});
	});
	it('sets one app-wide session cookie: HttpOnly, SameSite=Lax, path /; public pages set no cookies', async () => {
		const fresh = new AdminClient(server.url);
		const res = await fresh.request('/admin/login', { method: 'POST', body: new URLSearchParams({ user: 'testadmin', password: 'Test-Passwort-2026!' }) });
		const cookie = res.headers.get('set-cookie') ?? '';
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).toMatch(/Path=\/;/i);
		// Plain HTTP on loopback (the tests): not Secure, or the browser would never send it back.
		expect(cookie).not.toMatch(/Secure/i);
		for (const path of ['/', '/api/indicators', '/daten', '/ogc']) {
			const r = await fetch(server.url + path, { headers: { cookie: fresh.cookie } });
			expect(r.headers.get('set-cookie'), path).toBeNull();
		}
	});
	it('logs out: the old cookie no longer works', async () => {
		const other = new AdminClient(server.url);
		await other.login();
		const cookie = other.cookie;
		expect((await other.post('/admin?/logout', {})).status).toBe(303);
		const res = await fetch(`${server.url}/admin`, { headers: { cookie }, redirect: 'manual' });
		expect(res.status).toBe(303);
	});
});

describe('CSV uploads', () => {
	it.each([
		['malformed CSV (unclosed quote)', 'Stadtteil;Indikator;Jahr;Wert\n"Lebenstedt;sgb2-quote;2024;1\n', 'CSV-Syntax'],
		['a comma-separated file', 'Stadtteil,Indikator,Jahr,Wert\nLebenstedt,sgb2-quote,2024,1\n', 'durch Kommas getrennt'],
		[
			'NaN and Infinity as values',
			'Stadtteil;Indikator;Jahr;Wert;Zähler;Nenner\nLebenstedt;sgb2-quote;2024;NaN;1;2\nThiede;sgb2-quote;2024;Infinity;1;2\n',
			'Zeile 2 D („Wert“) "NaN; Infinity" keine Zahl in deutscher Schreibweise'
		],
		['a value out of range', 'Stadtteil;Indikator;Jahr;Wert;Zähler;Nenner\nLebenstedt;sgb2-quote;2024;99,0;99;100\n', 'außerhalb des plausiblen Bereichs'],
		[
			'a value that does not match its counts',
			'Stadtteil;Indikator;Jahr;Wert;Zähler;Nenner\nLebenstedt;sgb2-quote;2024;12,0;1;100\n',
			'passt nicht zu Zähler/Nenner'
		],
		['a year in the future', 'Stadtteil;Indikator;Jahr;Wert;Zähler;Nenner\nLebenstedt;sgb2-quote;2099;1,0;1;100\n', 'das Jahr liegt in der Zukunft'],
		['a rate without counts (wide layout)', 'Stadtteil;Indikator;2024\nLebenstedt;sgb2-quote;12,0\n', 'Zeile 2 C („2024“) "12,0" Quote ohne Basis (Nenner)'],
		[
			'a rate without counts (long layout)',
			'Stadtteil;Indikator;Jahr;Wert\nLebenstedt;sgb2-quote;2024;12,0\n',
			'Zeile 2 D („Wert“) "12,0" Quote ohne Basis (Nenner)'
		],
		[
			'duplicate rows',
			'Stadtteil;Indikator;Jahr;Wert;Zähler;Nenner\nLebenstedt;sgb2-quote;2024;1,0;1;100\nLebenstedt;sgb2-quote;2024;1,0;1;100\n',
			'Zeile 3 A („Stadtteil“) "lebenstedt/sgb2-quote/2024" doppelt angegeben (auch in Zeile 2)'
		],
		['an unknown id', 'Stadtteil;Indikator;Jahr;Wert\nnarnia;sgb2-quote;2024;1\n', 'Zeile 2 A („Stadtteil“) "narnia" unbekanntes Gebiet (Stadtteil'],
		[
			'path traversal as id',
			'Stadtteil;Indikator;Jahr;Wert\n../../../etc/passwd;sgb2-quote;2024;1\n',
			'Zeile 2 A („Stadtteil“) "../../../etc/passwd" unbekanntes Gebiet (Stadtteil'
		],
		['an indicator that is computed', 'Stadtteil;Indikator;Jahr;Wert\nLebenstedt;einwohnerdichte;2024;1\n', 'wird aus anderen Indikatoren berechnet'],
		['a base-table indicator', 'Stadtteil;Indikator;Jahr;Wert\nLebenstedt;einwohner;2024;1\n', 'stammt aus den Basistabellen']
	])('%s', async (_name, csv, message) => {
		await unchanged(async () => {
			const r = await admin.previewCsv('hostile.csv', csv);
			expect(r.status).toBe(422);
			expect(r.text).toContain(message);
			expect(r.previewId).toBeNull();
		});
	});
	it('mixed encodings: names the line', async () => {
		await unchanged(async () => {
			const bytes = Buffer.concat([
				Buffer.from('Stadtteil;Indikator;Jahr;Wert\r\nDrütte;sgb2-quote;2024;1\r\n', 'utf8'),
				Buffer.from('Flachst\xf6ckheim;sgb2-quote;2024;1\r\n', 'latin1')
			]);
			const r = await admin.previewCsv('gemischt.csv', bytes);
			expect(r.status).toBe(422);
			expect(r.text).toContain('gemischt.csv Zeile 2 gemischte Kodierungen');
		});
	});
	it('XSS in a name is shown as text, and markup in the source is refused', async () => {
		await unchanged(async () => {
			const r = await admin.previewCsv('<img src=x onerror=alert(1)>.csv', 'Stadtteil;Indikator;Jahr;Wert\n<script>alert(1)</script>;sgb2-quote;2024;1\n');
			expect(r.status).toBe(422);
			expect(r.html).not.toContain('<script>alert(1)</script>');
			expect(r.html).not.toContain('<img src=x');
			expect(r.html).toContain('&lt;script>alert(1)&lt;/script>');
			const s = await admin.previewCsv('ok.csv', EXCEL, { source: '<b onmouseover=alert(1)>Amt</b>' });
			expect(s.status).toBe(422);
			expect(s.text).toContain('darf kein < oder > enthalten');
		});
	});
	it('an oversized upload gets 413 with a clear message', async () => {
		await unchanged(async () => {
			const big = 'Stadtteil;Indikator;Jahr;Wert\n' + 'Lebenstedt;sgb2-quote;2024;1\n'.repeat(120_000);
			const r = await rawPost(server.url, '/admin/import?/csv', admin, big);
			expect(r.status).toBe(413);
			expect(r.text).toMatch(/Die Datei ist zu groß: \d+ KB; höchstens 2048 KB/);
		});
	});
	it('an empty upload and a missing form field are refused', async () => {
		await unchanged(async () => {
			expect((await admin.previewCsv('leer.csv', '')).status).toBe(400);
			const r = await admin.previewCsv('ok.csv', EXCEL, { source: '' });
			expect(r.status).toBe(422);
			expect(r.text).toContain('Quelle fehlt');
		});
	});
});

describe('GeoJSON uploads', () => {
	const fc = (features: unknown[], extra = {}) => JSON.stringify({ type: 'FeatureCollection', ...extra, features });
	it.each([
		['malformed JSON', '{"type": "FeatureCollection", "features": [', 'kein gültiges JSON'],
		['a wrong GeoJSON type', JSON.stringify({ type: 'GeometryCollection', geometries: [] }), 'erwartet ist eine GeoJSON-FeatureCollection'],
		[
			'a Point geometry',
			fc([{ type: 'Feature', properties: { name: 'Lebenstedt' }, geometry: { type: 'Point', coordinates: [10.4, 52.1] } }]),
			'Objekt 0 geometry.type "Point" eine Gebietsgrenze (Stadtteil) muss ein Polygon'
		],
		[
			'Infinity coordinates',
			'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Lebenstedt"},"geometry":{"type":"Polygon","coordinates":[[[1e999,52],[10.4,52.2],[10.5,52],[1e999,52]]]}}]}',
			'endlichen Zahlen'
		],
		[
			'absurd coordinates',
			fc([
				{
					type: 'Feature',
					properties: { name: 'Lebenstedt' },
					geometry: {
						type: 'Polygon',
						coordinates: [
							[
								[5e9, 5e9],
								[5e9 + 1, 5e9],
								[5e9, 5e9 + 1],
								[5e9, 5e9]
							]
						]
					}
				}
			]),
			'passen weder zu WGS84'
		],
		['deeply nested arrays', `{"type":"FeatureCollection","features":${'['.repeat(50_000)}${']'.repeat(50_000)}}`, '50001 Ebenen tief verschachtelt'],
		['an unsupported CRS', BOUNDARIES.replace('urn:ogc:def:crs:EPSG::25832', 'urn:ogc:def:crs:EPSG::31467'), 'nicht unterstütztes Koordinatenreferenzsystem'],
		[
			'WGS84 declared but metres given',
			BOUNDARIES.replace('urn:ogc:def:crs:EPSG::25832', 'urn:ogc:def:crs:OGC:1.3:CRS84'),
			'obwohl das crs-Element EPSG:4326 angibt'
		],
		['duplicate ids', BOUNDARIES.replace('"name":"Engelnstedt"', '"name":"Bruchmachtersen"'), 'doppelt: Stadtteil bruchmachtersen'],
		[
			'an unknown id (path traversal)',
			BOUNDARIES.replace('"name":"Engelnstedt"', '"name":"../../etc/passwd"'),
			'Objekt 1 properties.id "../../etc/passwd" unbekanntes Gebiet (Stadtteil'
		]
	])('%s', async (_name, text, message) => {
		await unchanged(async () => {
			const r = await admin.previewGeojson('grenzen.geojson', text);
			expect(r.status).toBe(422);
			expect(r.text).toContain(message);
		});
	});
	it('a million vertices: refused by size before any parsing (413)', async () => {
		await unchanged(async () => {
			const ring = Array.from({ length: 1_000_000 }, (_, i) => [588000 + (i % 1000), 5778000 + Math.floor(i / 1000)]);
			const r = await rawPost(
				server.url,
				'/admin/import?/geojson',
				admin,
				fc([{ type: 'Feature', properties: { name: 'Lebenstedt' }, geometry: { type: 'Polygon', coordinates: [ring] } }])
			);
			expect(r.status).toBe(413);
			expect(r.text).toContain('Die Datei ist zu groß');
		});
	});
});

describe('previews, versions and rollback', () => {
	it('nothing is written until confirmed; unknown preview ids and versions are refused', async () => {
		await unchanged(async () => {
			const p = await admin.previewCsv('sgb2.csv', EXCEL);
			expect(p.status).toBe(200);
			expect(p.text).toContain('Noch ist nichts geschrieben');
			expect((await admin.confirm('erfunden')).status).toBe(404);
			expect((await admin.post('/admin?/rollback', { version: '9999' })).status).toBe(404);
			expect((await admin.post('/admin?/rollback', { version: '../1' })).status).toBe(400);
			expect((await admin.request('/admin/vergleich?a=1&b=../../x')).status).toBe(400);
		});
	});
	it('two imports at once: one wins, the other is refused; versions are sequential', async () => {
		const before = await currentVersion();
		const a = await admin.previewCsv('a.csv', EXCEL);
		const b = await admin.previewCsv('b.csv', EXCEL, { mode: 'replace' });
		const [ra, rb] = await Promise.all([admin.confirm(a.previewId!), admin.confirm(b.previewId!)]);
		const statuses = [ra.status, rb.status].sort();
		expect(statuses).toEqual([200, 409]);
		expect([ra, rb].find((r) => r.status === 409)!.text).toContain('Die Daten haben sich seit der Vorschau geändert');
		expect(await currentVersion()).toBe(before + 1);
		const history = textOf(await (await admin.request('/admin')).text());
		expect(history).toContain(`${before + 1} (aktuell)`);
		// The audit log has who, what and the row counts.
		expect(history).toMatch(/testadmin import-csv Werte importiert: sgb2-quote aus [ab]\.csv .* 39 0 195/);
		expect((await admin.post('/admin?/rollback', { version: String(before) })).status).toBe(200);
		expect(await currentVersion()).toBe(before + 2);
	});
	it('CSV formula injection: neutralised in every CSV export', async () => {
		const p = await admin.previewCsv('sgb2.csv', EXCEL, { source: '=HYPERLINK("http://evil.example";"Quelle")', licence: '@SUM(1+1)' });
		expect(p.status).toBe(200);
		const done = await admin.confirm(p.previewId!);
		expect(done.status).toBe(200);
		const daten = await (await fetch(`${server.url}/daten`)).text();
		const links = [...new Set([...daten.matchAll(/href="(\/daten\/[a-z0-9-]+\.csv)"/g)].map((m) => m[1]))];
		for (const path of ['/api/indicators/sgb2-quote?format=csv', '/api/indicators/sgb2-quote?format=csv&level=ortschaft', ...links]) {
			const csv = await (await fetch(server.url + path)).text();
			const cells = csv
				.split(/\r\n/)
				.flatMap((line) => line.split(';'))
				.map((c) => c.replace(/^"/, ''));
			expect(
				cells.filter((c) => /^[=+@]/.test(c) || /^-[^\d]/.test(c)),
				path
			).toEqual([]);
			if (path.startsWith('/api')) expect(csv).toContain(`'=HYPERLINK(""http://evil.example""`);
		}
		expect((await admin.post('/admin?/rollback', { version: String(done.version - 1) })).status).toBe(200);
	});
});

describe('login rate limit', () => {
	it('after five failures the sixth attempt is refused with 429, even with the right password', async () => {
		const s = await startAdminServer();
		try {
			const c = new AdminClient(s.url);
			for (let i = 0; i < 5; i++) {
				const r = await c.login('testadmin', 'falsch');
				expect(r.status).toBe(401);
				expect(textOf(await r.text())).toContain('Benutzername oder Passwort ist falsch');
			}
			const r = await c.login();
			expect(r.status).toBe(429);
			expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
			expect(c.cookie).toBe('');
		} finally {
			s.child.kill();
		}
	});
});
