// Visibility set in /admin/katalog against the built server (issue #19): an internal indicator is a
// catalogue edit like any other (preview, version, audit); once it is confirmed, the anonymous public
// no longer gets it from the API, OGC, /daten, the SVG map of the embed or the profiles, the
// response cache keeps serving public answers only, and the admin's catalogue marks it "intern".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient, removeStores, startAdminServer, textOf, type AdminServer } from './helpers';

let server: AdminServer;
let admin: AdminClient;

beforeAll(async () => {
	server = await startAdminServer({ KONTORATLAS_TEST_CACHE_STATS: '1' });
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

const anonymous = (path: string) => fetch(server.url + path);
const json = async (path: string) => (await anonymous(path)).json();
const text = async (path: string) => (await anonymous(path)).text();
const ids = async () => ((await json('/api/indicators')).indicators as { id: string }[]).map((m) => m.id);

/** The edit form of an entry as the page fills it in, changed by `change`, saved and confirmed. */
async function setVisibility(id: string, change: Record<string, string>) {
	const page = await (await admin.request(`/admin/katalog?edit=${id}`)).text();
	const form = /<form method="POST" action="\?\/save"[^>]*>([\s\S]*?)<\/form>/.exec(page)![1];
	const fields: Record<string, string> = {};
	for (const [, name, value] of form.matchAll(/<input[^>]*?name="([^"]+)"[^>]*?value="([^"]*)"/g))
		if (name !== 'publicLevels' && name !== 'visibility') fields[name] = value;
	for (const [, name, body] of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) fields[name] = body;
	for (const [, name, body] of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
		const chosen = /<option[^>]*value="([^"]*)"[^>]*selected/.exec(body) ?? /<option[^>]*value="([^"]*)"/.exec(body);
		if (chosen) fields[name] = chosen[1];
	}
	for (const [, name, checked] of form.matchAll(/<input type="checkbox" name="(beispieldaten|disclosureControl)"( checked)?/g))
		fields[name] = checked ? 'on' : '';
	const res = await admin.post('/admin/katalog?/save', { ...fields, ...change });
	const html = await res.text();
	const previewId = /name="preview" value="([^"]+)"/.exec(html)?.[1];
	expect(previewId, textOf(html).slice(0, 600)).toBeTruthy();
	expect(textOf(html)).toContain(`Katalog: Indikator „${id}“ geändert (visibility`);
	const done = textOf(await (await admin.post('/admin/katalog?/confirm', { preview: previewId! })).text());
	expect(done).toMatch(/Version \d+ ist jetzt aktuell/);
}

describe('visibility set in the admin catalogue', () => {
	it('withholds an internal indicator from every public answer', async () => {
		expect(await ids()).toContain('kinderarmut');
		await setVisibility('kinderarmut', { visibility: 'internal' });

		expect(await ids()).not.toContain('kinderarmut');
		expect((await anonymous('/api/indicators/kinderarmut?level=stadtteil')).status).toBe(404);
		const areas = await text('/api/areas?level=ortschaft');
		const ogc = await text('/ogc/collections/stadtteile/items?limit=100');
		const profile = await text('/api/profile/lebenstedt');
		const csv = await text('/daten/sozialindikatoren-beispiel.csv');
		const dcat = await text('/daten/katalog.jsonld');
		const svg = await text('/embed/karte.svg?indicator=kinderarmut');
		const sozialindex = await text('/sozialindex');
		for (const body of [areas, ogc, profile, csv, dcat, svg, sozialindex]) {
			expect(body).not.toContain('kinderarmut');
			expect(body).not.toContain('Kinderarmut');
		}
		// Everything else is still there.
		expect(csv).toContain('SGB-II-Quote');
		expect(ogc).toContain('sgb2_quote');
	});

	it('publishes an internal indicator at the levels its override names, and nowhere else', async () => {
		await setVisibility('sgb2-quote', { visibility: 'internal', publicLevels: 'stadt' });
		const meta = ((await json('/api/indicators')).indicators as { id: string; years: number[] }[]).find((m) => m.id === 'sgb2-quote');
		expect(meta?.years).toEqual([2019, 2020, 2021, 2022, 2023]);
		const city = await json('/api/indicators/sgb2-quote?level=ortschaft');
		expect(city.reference.value).toBeGreaterThan(0);
		expect(city.rows.every((r: { value: number | null }) => r.value === null)).toBe(true);
		const stadtteile = await json('/api/areas?level=stadtteil&indicators=sgb2-quote');
		expect(stadtteile.features.every((f: { properties: Record<string, unknown> }) => f.properties['sgb2-quote'] === null)).toBe(true);
	});

	it('keeps only public answers in the response cache', async () => {
		const stats = async () => (await json('/__test/response-cache')) as { hits: number };
		const first = await text('/api/indicators');
		const before = (await stats()).hits;
		const again = await text('/api/indicators');
		expect((await stats()).hits).toBe(before + 1);
		expect(again).toBe(first);
		expect(again).not.toContain('kinderarmut');
	});

	it('makes a whole level internal through the city profile (a version of its own): its areas and values leave the public answers', async () => {
		const unchanged = textOf(await (await admin.post('/admin/katalog?/levels', { 'level-stadtteil': 'public' })).text());
		expect(unchanged).toContain('stadt.json Eintrag nichts geändert: die Ebenen sind schon so eingestellt');
		const before = await json('/api/areas?level=stadtteil');
		expect(before.features.length).toBe(31);
		const html = await (await admin.post('/admin/katalog?/levels', { 'level-stadtteil': 'internal' })).text();
		expect(textOf(html)).toContain('Stadtprofil: Sichtbarkeit der Ebenen geändert (stadtteil intern)');
		const previewId = /name="preview" value="([^"]+)"/.exec(html)![1];
		expect(textOf(await (await admin.post('/admin/katalog?/confirm', { preview: previewId })).text())).toMatch(/Version \d+ ist jetzt aktuell/);
		expect((await json('/api/areas?level=stadtteil')).features).toEqual([]);
		const ortschaften = await json('/api/areas?level=ortschaft&indicators=arbeitslosenquote');
		expect(ortschaften.features.length).toBe(7);
		expect(ortschaften.features.every((f: { properties: Record<string, unknown> }) => typeof f.properties.arbeitslosenquote === 'number')).toBe(true);
		expect(await text('/ogc/collections/stadtteile/items')).not.toContain('lebenstedt');
		// The history names the change.
		expect(textOf(await (await admin.request('/admin')).text())).toContain('Stadtprofil bearbeitet');
	});

	it('marks internal entries "intern" in the catalogue, and answers the signed-in admin privately', async () => {
		const res = await admin.request('/admin/katalog');
		expect(res.headers.get('cache-control')).toBe('private, no-store');
		const page = textOf(await res.text());
		expect(page).toMatch(/kinderarmut Kinderarmut .* aktiv, Beispieldaten intern /);
		expect(page).toMatch(/sgb2-quote SGB-II-Quote .* aktiv, Beispieldaten intern, öffentlich auf: Stadt /);
	});
});
