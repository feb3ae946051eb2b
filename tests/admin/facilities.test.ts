// The facility register through the admin against the built server (own store): a bad register is
// refused with every problem named by its Excel row, a city register replaces the Beispieldaten, a
// GeoJSON in EPSG:25832 is merged, one facility is added and removed, a type is added; each a version.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient, removeStores, startAdminServer, textOf, type AdminServer } from './helpers';

let server: AdminServer;
let admin: AdminClient;

beforeAll(async () => {
	server = await startAdminServer();
	admin = new AdminClient(server.url);
	await admin.login();
});
afterAll(async () => {
	if (server) {
		server.child.kill();
		await new Promise((r) => server.child.once('exit', r));
	}
	removeStores();
});

const fixture = (name: string) => readFileSync(`tests/fixtures/facilities/${name}`);
const facilities = async (query = '') =>
	((await (await fetch(`${server.url}/api/einrichtungen${query}`)).json()) as { features: { properties: Record<string, any> }[] }).features;

async function post(action: string, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array | string }) {
	const res = await admin.post(`/admin/einrichtungen?/${action}`, fields, file ? { file } : {});
	const html = await res.text();
	return { status: res.status, text: textOf(html), previewId: /name="preview" value="([^"]+)"/.exec(html)?.[1] ?? null };
}
const confirm = (preview: string) => post('confirm', { preview });

describe('facility register in the admin', () => {
	it('refuses a register with bad rows, naming each by its Excel row, and changes nothing', async () => {
		const before = (await facilities()).length;
		const r = await post('import', { source: 'Testamt', licence: 'CC BY 4.0', mode: 'merge' }, { name: 'fehlerhaft.csv', bytes: fixture('fehlerhaft.csv') });
		expect(r.status).toBe(422);
		expect(r.text).toContain('7 Probleme in fehlerhaft.csv: nichts wurde geändert');
		for (const part of [
			'Zeile 3',
			'liegt außerhalb der Stadt',
			'doppelte Einrichtung',
			'unbekannter Einrichtungstyp „Zoo“',
			'die Kapazität darf nicht negativ sein',
			'Kapazität 1500 ist für den Typ „kita“ unplausibel',
			'Länge und Breite vertauscht',
			'Koordinaten in Metern als Grad angegeben',
			'Kapazität (F)'
		])
			expect(r.text).toContain(part);
		expect(r.previewId).toBeNull();
		expect((await facilities()).length).toBe(before);
	});

	it('replaces the Beispieldaten with a city register in EPSG:25832 as a new version', async () => {
		const r = await post(
			'import',
			{ source: 'Stadt Salzgitter, Fachdienst Soziales', licence: 'dl-de/by-2-0', mode: 'replace' },
			{ name: 'verzeichnis.csv', bytes: fixture('einrichtungsverzeichnis_utm.csv') }
		);
		expect(r.status, r.text.slice(0, 600)).toBe(200);
		expect(r.text).toMatch(/7 neu, 0 geändert, \d{3} entfernt/);
		const c = await confirm(r.previewId!);
		expect(c.text).toMatch(/Version 2 ist jetzt aktuell/);
		const now = await facilities();
		expect(now.map((f) => f.properties.id).sort()).toEqual(['ap-020', 'bs-004', 'gs-010', 'jt-003', 'kt-001', 'kt-002', 'sz-001']);
		expect(now.every((f) => f.properties.beispieldaten === false)).toBe(true);
		expect(now.find((f) => f.properties.id === 'jt-003')!.properties.partnerOf).toEqual(['fredenberg']);
		const versorgung = await (await fetch(`${server.url}/api/einrichtungen/versorgung?typ=kita&level=stadt`)).json();
		expect(versorgung).toMatchObject({ beispieldaten: false, city: { count: 2, capacity: 145 } });
	});

	it('merges a GeoJSON register in EPSG:25832 with types by label', async () => {
		const r = await post(
			'import',
			{ source: 'Stadt Salzgitter', licence: 'dl-de/by-2-0', mode: 'merge' },
			{ name: 'familienzentren.geojson', bytes: fixture('familienzentren_25832.geojson') }
		);
		expect(r.status, r.text.slice(0, 600)).toBe(200);
		expect(r.text).toContain('2 neu, 0 geändert, 0 entfernt');
		await confirm(r.previewId!);
		const fz = (await facilities('?typ=familienzentrum')).find((f) => f.properties.id === 'fz-lobmachtersen')!;
		expect(fz.properties.types).toEqual(['familienzentrum', 'kita']);
		expect(fz.properties.area).toBe('lobmachtersen');
	});

	it('adds one facility from the form as a version', async () => {
		const add = await post('save', {
			id: 'kita-test',
			name: 'Kita Testweg',
			types: 'kita',
			lat: '52,16',
			lon: '10,33',
			capacity: '55',
			partnerOf: 'fredenberg'
		});
		expect(add.status, add.text.slice(0, 600)).toBe(200);
		expect(add.text).toContain('1 neu, 0 geändert, 0 entfernt');
		await confirm(add.previewId!);
		expect((await facilities()).find((f) => f.properties.id === 'kita-test')!.properties).toMatchObject({ capacity: 55, partnerOf: ['fredenberg'] });
	});

	it('refuses a facility outside the city from the form', async () => {
		const bad = await post('save', { id: 'kita-weit', name: 'Kita Weit', types: 'kita', lat: '48,1', lon: '11,5' });
		expect(bad.status).toBe(422);
		expect(bad.text).toContain('außerhalb der Stadt');
	});

	it('removes a facility as a version', async () => {
		const remove = await post('remove', { id: 'kita-test' });
		expect(remove.text).toContain('0 neu, 0 geändert, 1 entfernt');
		await confirm(remove.previewId!);
		expect((await facilities()).some((f) => f.properties.id === 'kita-test')).toBe(false);
	});

	it('adds a type with its target group', async () => {
		const r = await post('addType', { id: 'bibliothek', labelDe: 'Bibliothek', labelEn: 'Library', targetIndicator: 'einwohner', targetMeasure: 'value' });
		expect(r.status, r.text.slice(0, 600)).toBe(200);
		await confirm(r.previewId!);
		const types = await (await fetch(`${server.url}/api/einrichtungen/typen?lang=en`)).json();
		expect(types.find((t: { id: string }) => t.id === 'bibliothek')).toMatchObject({ label: 'Library', count: 0, targetGroup: 'Library' });
		const versions = textOf(await (await admin.request('/admin')).text());
		expect(versions).toContain('import-facilities');
		expect(versions).toContain('edit-facilities');
	});
});
