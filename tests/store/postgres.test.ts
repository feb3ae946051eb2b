// The built app with PostgreSQL as its store (DATABASE_URL, a cluster of tests/postgres.ts): a
// server killed inside the import transaction leaves no half-written version; after a restart the
// public API answers byte for byte as the suite's SQLite server does; sign-in, an import through
// the admin, the version list, a rollback and report templates work; the OGC API and the pages
// are served; and a browser signs in and sees the admin.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hasPostgres, PG_INSTALL, pgRequired, startCluster, type PgCluster } from '../postgres';
import { AdminClient, ADMIN_PASSWORD, ADMIN_USER, removeStores, snapshot, startAdminServer, textOf, type AdminServer } from '../admin/helpers';
import { launchChromium } from '../chromium';

const sqlite = inject('baseUrl');
const IMPORT = 'Stadtteil;Indikator;Jahr;Wert;Zähler;Nenner\r\nLebenstedt;SGB-II-Quote;2019;12,0;6.000;50.000\r\n';

async function currentVersion(admin: AdminClient): Promise<number> {
	return Number(/Version (\d+)/.exec(textOf(await (await admin.request('/admin')).text()))?.[1]);
}

describe('PostgreSQL is available where it must be', () => {
	it.runIf(pgRequired)('a PostgreSQL server with PostGIS is installed (CI)', () => {
		expect(hasPostgres, PG_INSTALL).toBe(true);
	});
});

// Previews run the pipeline and two servers start: minutes on a busy machine, not seconds.
describe.skipIf(!hasPostgres)('the app on PostgreSQL', { timeout: 240_000 }, () => {
	let cluster: PgCluster;
	let server: AdminServer;
	let admin: AdminClient;
	let before: string;

	beforeAll(async () => {
		cluster = await startCluster();
		// Held 20 s inside the import transaction, so the first test can kill it there.
		server = await startAdminServer({ DATABASE_URL: cluster.url, KONTORATLAS_PG_POOL: '4', KONTORATLAS_TEST_DELAY_IN_TRANSACTION_MS: '20000' });
		admin = new AdminClient(server.url);
		expect((await admin.login()).status).toBe(303);
	}, 180_000);

	afterAll(async () => {
		if (server?.child.exitCode === null) {
			server.child.kill();
			await new Promise((r) => server.child.once('exit', r));
		}
		cluster?.remove();
		removeStores();
	}, 120_000);

	it('keeps the previous version when the server is killed inside the import transaction', async () => {
		before = await snapshot(server.url);
		expect(await currentVersion(admin)).toBe(1);
		const p = await admin.previewCsv('x.csv', IMPORT);
		expect(p.status, p.text.slice(0, 400)).toBe(200);
		void admin.confirm(p.previewId!).catch(() => undefined);
		const deadline = Date.now() + 30_000;
		while (!server.output().includes('import: inside the transaction')) {
			if (Date.now() > deadline) throw new Error(`no transaction started:\n${server.output()}`);
			await new Promise((r) => setTimeout(r, 50));
		}
		server.child.kill('SIGKILL');
		await new Promise((r) => server.child.once('exit', r));

		server = await startAdminServer({ DATABASE_URL: cluster.url, KONTORATLAS_PG_POOL: '4' });
		admin = new AdminClient(server.url);
		expect((await admin.login()).status).toBe(303);
		expect(await currentVersion(admin)).toBe(1);
		expect(await snapshot(server.url)).toBe(before);
		expect(textOf(await (await admin.request('/admin')).text())).not.toContain('import-csv');
	});

	it('serves the same answers as the SQLite store, byte for byte', async () => {
		const paths = [
			'/api/indicators',
			'/api/areas?level=stadtteil&indicators=sgb2-quote',
			'/api/indicators/sgb2-quote?level=ortschaft&format=csv',
			'/api/profile/thiede',
			'/ogc/collections/stadtteile/items?limit=3&f=json'
		];
		for (const path of paths) {
			const [a, b] = await Promise.all([fetch(sqlite + path), fetch(server.url + path)]);
			expect(b.status, path).toBe(200);
			// Links name the server they came from.
			expect((await b.text()).replaceAll(server.url, 'ORIGIN'), path).toBe((await a.text()).replaceAll(sqlite, 'ORIGIN'));
		}
		const ready = await (await fetch(`${server.url}/readyz`)).json();
		expect(ready).toMatchObject({ status: 'ready', version: 1 });
		const page = textOf(await (await fetch(`${server.url}/stadtteil/lebenstedt`)).text());
		expect(page).toContain('Lebenstedt');
	});

	it('imports, lists versions, rolls back and keeps report templates and the audit log', async () => {
		const p = await admin.previewCsv('x.csv', IMPORT);
		expect(p.status, p.text.slice(0, 400)).toBe(200);
		expect((await admin.confirm(p.previewId!)).version).toBe(2);
		const rows = (await (await fetch(`${server.url}/api/indicators/sgb2-quote?level=stadtteil&year=2019`)).json()).rows as { area: string; value: number }[];
		expect(rows.find((r) => r.area === 'lebenstedt')?.value).toBe(12);

		const rolled = await admin.post('/admin?/rollback', { version: '1' });
		expect(textOf(await rolled.text())).toContain('Version 3');
		expect(await snapshot(server.url)).toBe(before);
		const history = textOf(await (await admin.request('/admin')).text());
		expect(history).toMatch(/import-csv/);
		expect(history).toMatch(/rollback/);

		const saved = await admin.post('/admin/berichtsvorlagen?/save', { name: 'Thiede', definition: 'art=stadtteil&id=thiede' });
		expect(saved.status).toBeLessThan(400);
		expect(textOf(await (await fetch(`${server.url}/bericht`)).text())).toContain('Thiede');
	});

	it('keeps sessions in the store: a wrong password is refused, a logout ends the session', async () => {
		const wrong = new AdminClient(server.url);
		expect((await wrong.login(ADMIN_USER, `${ADMIN_PASSWORD}x`)).status).toBe(401);
		const other = new AdminClient(server.url);
		expect((await other.login()).status).toBe(303);
		const cookie = other.cookie;
		await other.post('/admin?/logout', {});
		const after = await fetch(`${server.url}/admin`, { headers: { cookie }, redirect: 'manual' });
		expect(after.status).toBe(303);
	});

	it('signs a browser in and shows the version history', async () => {
		const browser = await launchChromium({ webgl: false });
		try {
			const page = await browser.newPage();
			await page.goto(`${server.url}/admin/login`);
			await page.fill('input[name="user"]', ADMIN_USER);
			await page.fill('input[name="password"]', ADMIN_PASSWORD);
			await Promise.all([page.waitForURL(`${server.url}/admin`), page.click('button[type="submit"]')]);
			expect(await page.locator('body').innerText()).toMatch(/Aktuell: Version 3/);
		} finally {
			await browser.close();
		}
	});
});
