// The administration in English: `?lang=en` on the admin's URLs, kept through the redirects of
// the login, with a language switch as on the public pages. Server HTML only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USER, AdminClient, removeStores, startAdminServer, textOf, type AdminServer } from './helpers';

let server: AdminServer;

beforeAll(async () => {
	server = await startAdminServer();
});
afterAll(() => {
	server?.child.kill();
	removeStores();
});

describe('admin in English', () => {
	it('the login page: English labels, lang="en", a switch to German; German stays the default', async () => {
		const admin = new AdminClient(server.url);
		const res = await admin.request('/admin/login?lang=en');
		expect(res.status).toBe(200);
		const html = await res.text();
		const text = textOf(html);
		for (const s of ['Kontoratlas · Administration', 'Log in', 'User name', 'Password', 'Deutsch']) expect(text).toContain(s);
		for (const s of ['Benutzername', 'Passwort', 'Anmelden', 'Verwaltung']) expect(text).not.toContain(s);
		expect(html).toMatch(/<div class="admin[^"]*" lang="en"/);
		expect(html).toMatch(/<a class="lang[^"]*" href="\/admin\/login" hreflang="de"/);
		expect(html).toMatch(/<title>Log in · Kontoratlas administration<\/title>/);

		const german = textOf(await (await admin.request('/admin/login')).text());
		for (const s of ['Anmelden', 'Benutzername', 'Passwort', 'English']) expect(german).toContain(s);
	});

	it('keeps the language through the redirects, and a wrong password is reported in English', async () => {
		const anonymous = new AdminClient(server.url);
		const closed = await anonymous.request('/admin/import?lang=en');
		expect(closed.status).toBe(303);
		expect(closed.headers.get('location')).toBe('/admin/login?lang=en');

		const wrong = await anonymous.request('/admin/login?lang=en', { method: 'POST', body: new URLSearchParams({ user: ADMIN_USER, password: 'falsch' }) });
		expect(wrong.status).toBe(401);
		expect(textOf(await wrong.text())).toContain('User name or password is wrong.');

		const admin = new AdminClient(server.url);
		const ok = await admin.request('/admin/login?lang=en', { method: 'POST', body: new URLSearchParams({ user: ADMIN_USER, password: ADMIN_PASSWORD }) });
		expect(ok.status).toBe(303);
		expect(ok.headers.get('location')).toBe('/admin?lang=en');
	});

	it('the start page (versions and audit log) and the import page render in English', async () => {
		const admin = new AdminClient(server.url);
		expect((await admin.login()).status).toBe(303);
		const html = await (await admin.request('/admin?lang=en')).text();
		const text = textOf(html);
		for (const s of [
			'Versions',
			'Current: Version 1',
			'Every change adds a new version; older ones are kept.',
			'Compare: version',
			'Audit log',
			'Logged in as testadmin',
			'Log out',
			'Shipped data',
			'Deutsch'
		])
			expect(text).toContain(s);
		for (const s of ['Versionen', 'Protokoll', 'Abmelden', 'Angemeldet als', 'Auslieferung']) expect(text).not.toContain(s);
		// Links and forms keep the language.
		expect(html).toContain('href="/admin/import?lang=en"');
		expect(html).toContain('action="/admin?/logout&amp;lang=en"');
		expect(html).toContain('<input type="hidden" name="lang" value="en"');

		const importPage = textOf(await (await admin.request('/admin/import?lang=en')).text());
		for (const s of ['Indicator values (CSV or Excel)', 'District boundaries (GeoJSON)', 'Preview', 'Source', 'Licence']) expect(importPage).toContain(s);
		expect(importPage).not.toContain('Stadtteilgrenzen (GeoJSON)');
	});

	it('an import problem reads in English with ?lang=en, in German without', async () => {
		const admin = new AdminClient(server.url);
		expect((await admin.login()).status).toBe(303);
		const csv = 'Stadtteil;Indikator;Jahr;Wert\nnarnia;sgb2-quote;2024;1\n';
		const upload = (path: string) =>
			admin
				.post(path, { source: 'Testquelle', licence: 'CC BY 4.0', mode: 'merge' }, { file: { name: 'narnia.csv', bytes: csv } })
				.then(async (r) => ({ status: r.status, text: textOf(await r.text()) }));
		const english = await upload('/admin/import?/csv&lang=en');
		expect(english.status).toBe(422);
		expect(english.text).toContain('narnia.csv row 2 A ("Stadtteil") "narnia" unknown district (neither an id nor a name of the atlas)');
		expect(english.text).not.toContain('unbekanntes Gebiet');
		const german = await upload('/admin/import?/csv');
		expect(german.status).toBe(422);
		expect(german.text).toContain('narnia.csv Zeile 2 A („Stadtteil“) "narnia" unbekanntes Gebiet (Stadtteil; weder eine Kennung noch ein Name des Atlas)');
	});
});
