// Kontor activity texts and report templates through the admin: an entry becomes a version (audited,
// shown in the report), markup in the text stays literal text, a 1 MB text and bad figures get a
// clear message and change nothing; templates are saved by the editors and loaded by everyone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient, removeStores, startAdminServer, textOf, type AdminServer } from './helpers';

let server: AdminServer;
let admin: AdminClient;
const YEAR = new Date().getFullYear();

beforeAll(async () => {
	server = await startAdminServer();
	admin = new AdminClient(server.url);
	expect((await admin.login()).status).toBe(303);
});
afterAll(() => {
	server?.child.kill();
	removeStores();
});

const entry = (fields: Record<string, string>) =>
	admin.post('/admin/taetigkeit?/preview', {
		kontor: 'fredenberg',
		year: String(YEAR),
		narrative: '',
		offers: '',
		events: '',
		participants: '',
		networkMeetings: '',
		...fields
	});
const versions = async () => textOf(await (await admin.request('/admin')).text());

describe('Kontor activity texts', () => {
	const HOSTILE = '<script>alert(1)</script> und <b>fett</b> & {{x}}';

	it('saves a text and figures as a new version, markup kept as literal text', async () => {
		const res = await entry({
			narrative: `Erster Absatz: ${HOSTILE}\n\nZweiter Absatz.`,
			offers: '14',
			events: '1.200',
			participants: '3400',
			networkMeetings: '0'
		});
		expect(res.status).toBe(200);
		const html = await res.text();
		const preview = /name="preview" value="([^"]+)"/.exec(html)?.[1];
		expect(preview, textOf(html).slice(0, 500)).toBeTruthy();
		expect(textOf(html)).toContain('kontor_taetigkeit.json');
		const done = await admin.post('/admin/taetigkeit?/confirm', { preview: preview! });
		const version = Number(/Version (\d+) ist jetzt aktuell/.exec(textOf(await done.text()))?.[1]);
		expect(version).toBeGreaterThan(1);
		const history = await versions();
		expect(history).toContain('Tätigkeitsbericht Stadtteilkontor Fredenberg');

		// Public: the report of that year shows the text literally, escaped, and the figures.
		const page = await (await fetch(`${server.url}/bericht?art=kontor&id=fredenberg&jahre=${YEAR}&kapitel=taetigkeit`)).text();
		expect(page).toContain('&lt;script>alert(1)&lt;/script>');
		expect(page).not.toContain('<script>alert(1)');
		expect(page).not.toContain('<b>fett</b>');
		const text = textOf(page);
		expect(text).toContain(`Erster Absatz: ${HOSTILE}`);
		expect(text).toMatch(/Veranstaltungen 1\.200/);
		expect(text).toMatch(/Teilnehmende 3\.400/);
		// Saved by a person: no longer an example.
		expect(text).not.toContain('Dieser Tätigkeitsbericht ist ein Beispiel');
	});

	it('refuses a text of 1 MB with a clear message and writes nothing', async () => {
		const before = await versions();
		const res = await entry({ narrative: 'x'.repeat(1024 * 1024) });
		expect(res.status).toBe(422);
		expect(textOf(await res.text())).toContain('Der Text ist 1.048.576 Zeichen lang; höchstens 20.000 Zeichen sind möglich');
		expect(await versions()).toBe(before);
	});

	it('refuses figures that are not whole numbers ≥ 0, naming field and value, in English too', async () => {
		const res = await entry({ offers: '-3', participants: '12,5' });
		expect(res.status).toBe(422);
		const text = textOf(await res.text());
		expect(text).toContain('Angebote: „-3“ ist keine ganze Zahl von 0 bis 1.000.000');
		expect(text).toContain('Teilnehmende: „12,5“ ist keine ganze Zahl');
		const en = await admin.post('/admin/taetigkeit?/preview&lang=en', {
			kontor: 'atlantis',
			year: '1850',
			narrative: '',
			offers: '',
			events: '',
			participants: '',
			networkMeetings: ''
		});
		const enText = textOf(await en.text());
		expect(enText).toContain('Unknown Kontor "atlantis".');
		expect(enText).toContain('Year "1850": please give a year from 2000 to');
	});

	it('needs the CSRF token', async () => {
		const res = await admin.post('/admin/taetigkeit?/preview', { kontor: 'fredenberg', year: String(YEAR), narrative: 'x' }, { csrf: 'falsch' });
		expect(res.status).toBe(403);
	});
});

describe('report templates', () => {
	it('are saved by the editors under a name and listed on /bericht for everyone', async () => {
		const res = await admin.post('/admin/berichtsvorlagen?/save', { name: 'Jahresbericht <Fredenberg>', definition: 'art=kontor&id=fredenberg&jahre=2023' });
		expect(textOf(await res.text())).toContain('Vorlage „Jahresbericht <Fredenberg>“ gespeichert.');
		const page = await (await fetch(`${server.url}/bericht`)).text();
		expect(page).toContain('Jahresbericht &lt;Fredenberg>');
		const href = /href="(\/bericht\?art=kontor[^"]*)"[^>]*>Jahresbericht &lt;Fredenberg>/.exec(page)?.[1];
		expect(href).toBeTruthy();
		const loaded = textOf(await (await fetch(server.url + href!.replaceAll('&amp;', '&'))).text());
		expect(loaded).toContain('Jahresbericht 2023');
	});

	it('refuse an invalid definition and an empty name; delete needs a session', async () => {
		const bad = await admin.post('/admin/berichtsvorlagen?/save', { name: 'Kaputt', definition: 'art=kontor&id=atlantis' });
		expect(bad.status).toBe(422);
		expect(textOf(await bad.text())).toContain('nicht gültig');
		const empty = await admin.post('/admin/berichtsvorlagen?/save', { name: '  ', definition: 'art=kontor&id=fredenberg' });
		expect(empty.status).toBe(422);
		const anonymous = await fetch(`${server.url}/admin/berichtsvorlagen?/delete`, {
			method: 'POST',
			headers: { origin: server.url, accept: 'text/html' },
			body: new URLSearchParams({ id: '1' }),
			redirect: 'manual'
		});
		expect([303, 401]).toContain(anonymous.status);
		const list = await (await admin.request('/admin/berichtsvorlagen')).text();
		const id = /name="id" value="(\d+)"/.exec(list)?.[1];
		const del = await admin.post('/admin/berichtsvorlagen?/delete', { id: id! });
		expect(textOf(await del.text())).toContain('Vorlage gelöscht.');
		expect(await (await fetch(`${server.url}/bericht`)).text()).not.toContain('Fredenberg&gt;');
	});
});
