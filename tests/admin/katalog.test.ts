// The catalogue editor's form actions against the built server: refusals in the admin's language
// with the field they concern, CSRF, an edit and a retirement as versions (served at once, listed
// with ?retired=1 only), and a rollback that brings the entry back.
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

const ENTRY = {
	id: 'pflegequote',
	labelDe: 'Pflegequote',
	labelEn: 'Care rate',
	descriptionDe: '',
	descriptionEn: '',
	unitDe: '%',
	unitEn: '%',
	kind: 'anteil',
	scale: '100',
	polarity: 'higher-worse',
	domain: 'soziales',
	decimals: '1',
	rangeMin: '0',
	rangeMax: '40',
	source: 'Stadt Salzgitter',
	licence: 'dl-de/by-2-0'
};

async function post(action: string, fields: Record<string, string>, query = '') {
	const res = await admin.post(`/admin/katalog?/${action}${query.replace('?', '&')}`, fields);
	const html = await res.text();
	return { status: res.status, text: textOf(html), previewId: /name="preview" value="([^"]+)"/.exec(html)?.[1] ?? null };
}
async function confirm(previewId: string) {
	const r = await post('confirm', { preview: previewId });
	return Number(/Version (\d+) ist jetzt aktuell/.exec(r.text)?.[1] ?? NaN);
}
const ids = async (query = '') =>
	((await (await fetch(`${server.url}/api/indicators${query}`)).json()).indicators as { id: string; retired?: string }[]).map((m) => m.id);

describe('/admin/katalog', () => {
	it('lists the catalogue of the current version with kinds and years', async () => {
		const text = textOf(await (await admin.request('/admin/katalog')).text());
		expect(text).toMatch(/sgb2-quote SGB-II-Quote Anteil % 2019–2023 aktiv, Beispieldaten/);
		expect(text).toMatch(/einwohnerdichte Einwohnerdichte Wert EW\/km² /);
	});

	it('refuses bad input in German, naming file, field, value and reason, and keeps the typed input', async () => {
		const r = await post('save', { ...ENTRY, id: 'sgb2-quote', rangeMin: '50', labelEn: 'Care <b>rate</b>' });
		expect(r.status).toBe(422);
		expect(r.text).toContain('1 Problem(e): nichts wurde geändert.');
		expect(r.text).toContain('indikatoren.json Kennung (Kleinbuchstaben, Ziffern, Bindestriche) sgb2-quote diese Kennung hat schon ein Indikator');
		const again = await post('save', { ...ENTRY, rangeMin: '50', labelEn: 'Care <b>rate</b>' });
		expect(again.text).toContain('2 Problem(e): nichts wurde geändert.');
		expect(again.text).toContain('plausibler Bereich bis 40 der Anfang des Bereichs muss kleiner als sein Ende sein');
		expect(again.text).toContain('Bezeichnung (englisch) Care <b>rate</b> spitze Klammern (< >) sind nicht erlaubt');
		const page = await admin.post('/admin/katalog?/save', { ...ENTRY, rangeMin: 'viel' });
		expect(await page.text()).toContain('value="viel"');
	});

	it('shows what the pipeline finds in the edited version: values outside a narrowed range, with file, row and value', async () => {
		const quote = {
			...ENTRY,
			original: 'sgb2-quote',
			labelDe: 'SGB-II-Quote',
			labelEn: 'SGB II rate',
			rangeMax: '5',
			source: 'Beispieldaten (synthetisch, scripts/generate-beispieldaten.ts)',
			licence: 'CC0 1.0 (synthetic)',
			beispieldaten: 'on'
		};
		const r = await post('save', quote);
		expect(r.status).toBe(422);
		expect(r.text).toMatch(/beispieldaten\/sozialindikatoren\.csv, Zeile \d+ value \d+(\.\d+)? außerhalb des plausiblen Bereichs/);
		const en = await post('save', quote, '?lang=en');
		expect(en.text).toMatch(/out of the plausible range 0–5 of sgb2-quote/);
		expect(await ids()).toContain('sgb2-quote');
	});

	it('refuses in English with ?lang=en', async () => {
		const r = await post('save', { ...ENTRY, id: 'Pflege Quote', kind: 'wert', rule: 'ratio', numerator: 'einwohner', denominator: 'gibts-nicht' }, '?lang=en');
		expect(r.status).toBe(422);
		expect(r.text).toContain('Denominator indicator gibts-nicht no active indicator has this id');
	});

	it('refuses a form without the CSRF token', async () => {
		const res = await admin.post('/admin/katalog?/save', ENTRY, { csrf: null });
		expect(res.status).toBe(403);
		expect(await ids()).not.toContain('pflegequote');
	});

	it('creates, edits and retires an entry, each a version; retired entries only with ?retired=1', async () => {
		const created = await post('save', ENTRY);
		expect(created.status, created.text.slice(0, 600)).toBe(200);
		expect(await confirm(created.previewId!)).toBe(2);
		expect(await ids()).toContain('pflegequote');
		// Without values yet, every page that lists indicators still answers and names it.
		for (const path of [
			'/stadtteil/lebenstedt',
			'/ortschaft/nord',
			'/vergleich?ids=lebenstedt,thiede',
			'/embed?indicator=pflegequote',
			'/embed/karte.svg?indicator=pflegequote',
			'/api/indicators/pflegequote?level=stadt',
			'/api/indicators/pflegequote/series?level=ortschaft',
			'/api/profile/thiede'
		]) {
			const res = await fetch(server.url + path);
			expect(res.status, path).toBe(200);
			expect(await res.text(), path).toMatch(/Pflegequote|pflegequote/);
		}

		const edited = await post('save', { ...ENTRY, original: 'pflegequote', labelDe: 'Pflegebedürftigenquote' });
		expect(edited.text).toContain('Katalog: Indikator „pflegequote“ geändert (label)');
		expect(await confirm(edited.previewId!)).toBe(3);
		const meta = await (await fetch(`${server.url}/api/indicators`)).json();
		expect(meta.indicators.find((m: { id: string }) => m.id === 'pflegequote').label.de).toBe('Pflegebedürftigenquote');

		// Einwohnerdichte is computed from Fläche: that one cannot go.
		const refused = await post('retire', { id: 'flaeche' });
		expect(refused.text).toContain('wird noch von einwohnerdichte verwendet');

		const retired = await post('retire', { id: 'kinderarmut' });
		expect(retired.text).toContain('Katalog: Indikator „kinderarmut“ stillgelegt');
		expect(await confirm(retired.previewId!)).toBe(4);
		expect(await ids()).not.toContain('kinderarmut');
		const all = (await (await fetch(`${server.url}/api/indicators?retired=1`)).json()).indicators as { id: string; retired?: string }[];
		expect(all.find((m) => m.id === 'kinderarmut')!.retired).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect((await fetch(`${server.url}/api/indicators/kinderarmut`)).status).toBe(404);
		const ogc = await (await fetch(`${server.url}/ogc/collections/stadtteile/items/lebenstedt?f=json`)).json();
		expect(ogc.properties).not.toHaveProperty('kinderarmut');
		expect(textOf(await (await admin.request('/admin/katalog')).text())).toMatch(/kinderarmut Kinderarmut Anteil % 2019–2023 stillgelegt am \d{4}-\d{2}-\d{2}/);

		const versions = textOf(await (await admin.request('/admin')).text());
		expect(versions).toContain('Katalog bearbeitet');
	});

	it('brings a retired entry back by restoring it or by rolling back', async () => {
		const restored = await post('restore', { id: 'kinderarmut' });
		expect(restored.text).toContain('Katalog: Indikator „kinderarmut“ wieder aufgenommen');
		await post('discard', { preview: restored.previewId! });
		const res = await admin.post('/admin?/rollback', { version: '3' });
		expect(res.status).toBeLessThan(400);
		expect(await ids()).toContain('kinderarmut');
		expect((await (await fetch(`${server.url}/api/indicators/kinderarmut?level=stadt`)).json()).rows).toHaveLength(1);
	});
});
