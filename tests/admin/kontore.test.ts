// Kontore in the admin, over HTTP as a browser posts the forms: slips in the position get a clear
// message; an exact position (given in EPSG:25832) takes "ungefähre Lage" away from that Kontor in
// the API, OGC, /daten, the coverage API, the catchment page and the SVG embed; a Kontor added
// appears everywhere, a closed one disappears but keeps its row; each change is a version that a
// rollback undoes; the reseed brings geodata/ back as a new version after showing the diff.
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient, removeStores, startAdminServer, textOf, type AdminServer } from './helpers';

proj4.defs('EPSG:25832', '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs');

let server: AdminServer;
let admin: AdminClient;

beforeAll(async () => {
	server = await startAdminServer();
	admin = new AdminClient(server.url);
	expect((await admin.login()).status).toBe(303);
});
afterAll(() => {
	server?.child.kill();
	removeStores();
});

const get = (path: string) => fetch(server.url + path);
const json = async (path: string) => (await get(path)).json();
const page = async (path: string) => textOf(await (await get(path)).text());

/** The edit form of a Kontor as the page fills it, with some fields changed. */
async function formOf(id: string, change: Record<string, string>): Promise<Record<string, string>> {
	const html = await (await admin.request(`/admin/kontore?kontor=${id}`)).text();
	const start = html.indexOf('data-testid="kontor-form"');
	const form = html.slice(start, html.indexOf('</form>', start));
	const fields: Record<string, string> = {};
	for (const m of form.matchAll(/<input[^>]*name="(\w+)"[^>]*>/g)) {
		const tag = m[0];
		const value = /value="([^"]*)"/.exec(tag)?.[1] ?? '';
		if (/type="radio"/.test(tag)) {
			if (/checked/.test(tag)) fields[m[1]] = value;
		} else if (/type="checkbox"/.test(tag)) {
			if (/checked/.test(tag)) fields[m[1]] = 'on';
		} else fields[m[1]] = value.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
	}
	for (const m of form.matchAll(/<select name="(\w+)"[\s\S]*?<\/select>/g)) fields[m[1]] = /<option value="([^"]*)"[^>]*selected/.exec(m[0])?.[1] ?? '';
	fields.offers = /<textarea name="offers"[^>]*>([\s\S]*?)<\/textarea>/.exec(form)?.[1] ?? '';
	delete fields.csrf;
	return { ...fields, ...change };
}

async function save(fields: Record<string, string>, lang = '') {
	const res = await admin.post(`/admin/kontore?/save${lang}`, fields);
	const html = await res.text();
	return { status: res.status, html, text: textOf(html), previewId: /name="preview" value="([^"]+)"/.exec(html)?.[1] ?? null };
}

async function confirm(previewId: string, route = 'kontore') {
	const res = await admin.post(`/admin/${route}?/confirm`, { preview: previewId });
	const text = textOf(await res.text());
	return Number(/Version (\d+) ist jetzt aktuell/.exec(text)?.[1] ?? NaN);
}

// Gebhardshagen's Kontor at a point in its Stadtteil, typed as an office gives it: UTM 32N with decimal comma.
const EXACT = { lat: 52.1064, lon: 10.3581 };
const [E, N] = proj4('EPSG:4326', 'EPSG:25832', [EXACT.lon, EXACT.lat]).map((x) => x.toFixed(2).replace('.', ','));

describe('Kontore in the admin', () => {
	it('lists the six Kontore with their precision and status', async () => {
		const text = textOf(await (await admin.request('/admin/kontore')).text());
		for (const name of ['Stadtteilkontor Fredenberg', 'Stadtteilkontor Gebhardshagen', 'Stadtteilkontor Salzgitter-Bad Ost-/Westsiedlung'])
			expect(text).toContain(name);
		expect(text.match(/geöffnet/g)).toHaveLength(6);
	});

	it('names slips in the position and writes nothing', async () => {
		const swapped = await save(await formOf('gebhardshagen', { crs: 'wgs84', lat: '10.3581', lon: '52.1064', location_precision: 'address' }));
		expect(swapped.status).toBe(422);
		expect(swapped.text).toContain('Breite (lat): Breite und Länge sind vertauscht');
		const degrees = await save(await formOf('gebhardshagen', { crs: 'utm32', easting: '10,3581', northing: '52,1064', location_precision: 'address' }));
		expect(degrees.text).toContain('das sind Grad, keine Meter');
		const metres = await save(await formOf('gebhardshagen', { crs: 'wgs84', lat: N, lon: E, location_precision: 'address' }));
		expect(metres.text).toContain('das sind Meter, keine Grad');
		const utmSwapped = await save(await formOf('gebhardshagen', { crs: 'utm32', easting: N, northing: E, location_precision: 'address' }));
		expect(utmSwapped.text).toContain('Rechtswert und Hochwert sind vertauscht');
		const noPosition = await save(await formOf('gebhardshagen', { crs: 'none', location_precision: 'address' }));
		expect(noPosition.text).toContain('eine genaue Lage braucht Koordinaten');
		const english = await save(await formOf('gebhardshagen', { crs: 'wgs84', lat: '10.3581', lon: '52.1064' }), '&lang=en');
		expect(english.text).toContain('Latitude (lat): latitude and longitude are swapped');
		const markup = await save(await formOf('gebhardshagen', { opening_hours: '<b>Mo</b>' }));
		expect(markup.text).toMatch(/Öffnungszeiten: .*< oder >/);
		expect(swapped.previewId).toBeNull();
		expect(swapped.html).toMatch(/name="lat"[^>]*aria-invalid="true"/);
		expect((await json('/api/kontore/gebhardshagen')).properties.locationPrecision).toBe('area');
	});

	it('an exact position in EPSG:25832 loses "ungefähre Lage" everywhere for that Kontor', async () => {
		const r = await save(
			await formOf('gebhardshagen', {
				crs: 'utm32',
				easting: E,
				northing: N,
				location_precision: 'address',
				address: 'Beispielweg 1, 38229 Salzgitter',
				opening_hours: 'Mo–Do 9–12 Uhr',
				offers: 'Sozialberatung\nSprachcafé',
				phone: '05341 000000'
			})
		);
		expect(r.status, r.text.slice(r.text.indexOf('Nicht übernommen'), r.text.indexOf('Nicht übernommen') + 600)).toBe(200);
		expect(r.text).toContain('Kontor bearbeitet: Stadtteilkontor Gebhardshagen');
		expect(r.text).toContain('Genauigkeit der Lage stadtteil address');
		expect(r.text).toContain('kontore.csv');
		expect(await confirm(r.previewId!)).toBe(2);

		const k = await json('/api/kontore/gebhardshagen');
		expect(k.geometry.coordinates[0]).toBeCloseTo(EXACT.lon, 6);
		expect(k.geometry.coordinates[1]).toBeCloseTo(EXACT.lat, 6);
		expect(k.properties).toMatchObject({
			locationPrecision: 'address',
			address: 'Beispielweg 1, 38229 Salzgitter',
			placement: 'Adresse Beispielweg 1, 38229 Salzgitter',
			openingHours: 'Mo–Do 9–12 Uhr',
			offers: ['Sozialberatung', 'Sprachcafé'],
			phone: '05341 000000'
		});
		// OGC: the feature and the collection's description.
		expect((await json('/ogc/collections/kontore/items/gebhardshagen?f=json')).properties).toMatchObject({
			lage_ungefaehr: false,
			adresse: 'Beispielweg 1, 38229 Salzgitter',
			oeffnungszeiten: 'Mo–Do 9–12 Uhr',
			angebote: 'Sozialberatung; Sprachcafé'
		});
		const description = (await json('/ogc/collections/kontore?f=json')).description as string;
		expect(description).toContain('1 an der Adresse');
		expect(description).toMatch(/ungefähr bei .*Stadtteilkontor Fredenberg/);
		expect(description).not.toMatch(/ungefähr bei [^(]*Gebhardshagen/);
		// /daten: the status names the approximate ones, no longer Gebhardshagen.
		const daten = await page('/daten');
		expect(daten).toMatch(/Lage ungefähr: Stadtteilkontor Berliner Straße, .*Stadtteilkontor Suthwiesenstraße/);
		expect(daten).not.toMatch(/Lage ungefähr: [^.]*Gebhardshagen/);
		// The coverage API's caveat and the catchment page's legend count and name them.
		const caveats = (await json('/api/coverage?distances=1000')).model.caveats as string[];
		expect(caveats.find((c) => c.startsWith('Kontore:'))).toMatch(/^Kontore: ungefähre Lage bei (?!.*Gebhardshagen)/);
		expect(await page('/erreichbarkeit')).toContain('Kontore: 5 von 6 in ungefährer Lage');
		// The SVG embed titles each Kontor: only the approximate ones say so.
		const svg = await (await get('/embed?renderer=svg')).text();
		expect(svg).toContain('<title>Stadtteilkontor Gebhardshagen</title>');
		expect(svg).toContain('<title>Stadtteilkontor Fredenberg (ungefähre Lage)</title>');
	});

	it('adds a Kontor that appears everywhere, and closes one that disappears but keeps its row', async () => {
		const added = await save({
			...(await formOf('neu', {})),
			name: 'Stadtteilkontor Thiede',
			stadtteil: 'Thiede',
			stadtteil_verified: 'on',
			crs: 'wgs84',
			lat: '52,18722',
			lon: '10,48389',
			location_precision: 'address',
			address: 'Beispielplatz 2',
			opened: '2026-01-15',
			source: 'Angaben des Kontors'
		});
		expect(added.status, added.text.slice(added.text.indexOf('Nicht übernommen'), added.text.indexOf('Nicht übernommen') + 600)).toBe(200);
		expect(added.text).toContain('Kontor hinzugefügt: Stadtteilkontor Thiede (Thiede)');
		expect(await confirm(added.previewId!)).toBe(3);
		expect((await json('/api/kontore')).features).toHaveLength(7);
		expect((await json('/api/kontore/stadtteilkontor-thiede')).properties).toMatchObject({
			area: 'thiede',
			locationPrecision: 'address',
			opened: '2026-01-15'
		});
		expect((await json('/ogc/collections/kontore/items?f=json')).numberMatched).toBe(7);
		const coverage = await json('/api/coverage?distances=1000');
		expect(coverage.kontore.map((k: { id: string }) => k.id)).toContain('stadtteilkontor-thiede');
		expect((await json('/daten/kontore.geojson')).features).toHaveLength(7);

		const today = new Date().toISOString().slice(0, 10);
		const future = await admin.post('/admin/kontore?/close', { kontor_id: 'fredenberg', closed: '2999-01-01' });
		expect(textOf(await future.text())).toContain('das Schließungsdatum liegt nach heute');
		const closed = await admin.post('/admin/kontore?/close', { kontor_id: 'fredenberg', closed: today });
		const html = await closed.text();
		expect(textOf(html)).toContain(`Kontor geschlossen: Stadtteilkontor Fredenberg zum ${today}`);
		expect(await confirm(/name="preview" value="([^"]+)"/.exec(html)![1])).toBe(4);
		expect((await get('/api/kontore/fredenberg')).status).toBe(404);
		expect((await json('/api/kontore')).features).toHaveLength(6);
		const list = textOf(await (await admin.request('/admin/kontore')).text());
		expect(list).toContain('Stadtteilkontor Fredenberg');
		expect(list).toMatch(/geschlossen seit \d\d\.\d\d\.\d{4}/);
		// The version history says what happened.
		const versions = textOf(await (await admin.request('/admin')).text());
		expect(versions).toContain('Bearbeitung Kontore');
	});

	it('reseed: shows that geodata/ differs, previews the Kontor changes, and writes a new version', async () => {
		const before = textOf(await (await admin.request('/admin/reseed')).text());
		expect(before).toContain('geodata/ gegenüber Version 4: 2 Dateien geändert, 0 neu, 0 nur in der Datenbank.');
		expect(before).toContain('Geändert oder neu: kontore.csv, kontore.csv.meta.json');
		const res = await admin.post('/admin/reseed?/preview', {});
		const html = await res.text();
		expect(res.status).toBe(200);
		const text = textOf(html);
		expect(text).toMatch(/Stadtteilkontor Gebhardshagen: geändert \(.*Genauigkeit der Lage/);
		expect(text).toContain('Stadtteilkontor Thiede: entfernt');
		expect(await confirm(/name="preview" value="([^"]+)"/.exec(html)![1], 'reseed')).toBe(5);
		expect((await json('/api/kontore/gebhardshagen')).properties.locationPrecision).toBe('area');
		expect((await json('/api/kontore/fredenberg')).properties.name).toBe('Stadtteilkontor Fredenberg');
		expect(textOf(await (await admin.request('/admin/reseed')).text())).toContain('geodata/ entspricht der aktuellen Version 5');
		// Nothing is lost: a rollback brings the edited Kontore back.
		const rollback = await admin.post('/admin?/rollback', { version: '4' });
		expect(rollback.status).toBe(200);
		expect((await json('/api/kontore/gebhardshagen')).properties.locationPrecision).toBe('address');
	});
});
