// Several app processes on one PostgreSQL store, and the faults of issue #20, against a cluster this
// file starts, stops and removes: the pool stays bounded; two instances stay consistent (helpers.ts);
// with PostgreSQL stopped reads go on with a notice while logins and the admin get a 503 naming the
// cause, and after its return both instances recover without a restart (LISTEN included); a process
// killed inside an import's transaction leaves no trace of it. One cluster for the whole file.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres, pgRequired, PG_INSTALL, startCluster, type PgCluster } from '../postgres';
import { AdminClient, removeStores, startAdminServer, textOf, type AdminServer } from '../admin/helpers';
import { body, consistencyCases, IMPORT, INSTANCE_ENV, until } from './helpers';

const POOL = 3;
let cluster: PgCluster;
let sql: postgres.Sql;
let a: AdminServer;
let b: AdminServer;
const started: AdminServer[] = [];

const start = async (env: Record<string, string> = {}) => {
	const s = await startAdminServer({ ...INSTANCE_ENV, DATABASE_URL: cluster.url, KONTORATLAS_PG_POOL: String(POOL), ...env });
	started.push(s);
	return s;
};

interface Readyz {
	http: number;
	status: string;
	store?: string;
	reads?: string;
	version?: number | null;
	message: string;
}

const readyz = async (base: string, lang = ''): Promise<Readyz> => {
	const res = await fetch(`${base}/readyz${lang}`);
	return { http: res.status, ...((await res.json()) as Omit<Readyz, 'http'>) };
};

describe.skipIf(!hasPostgres)('instances on PostgreSQL', () => {
	beforeAll(async () => {
		cluster = await startCluster();
		sql = postgres(cluster.url, { max: 1, onnotice: () => {} });
		a = await start();
	}, 120_000);
	afterAll(async () => {
		for (const s of started) s.child.kill('SIGKILL');
		await sql?.end({ timeout: 1 });
		cluster?.remove();
		removeStores();
	});

	it(`opens at most KONTORATLAS_PG_POOL (${POOL}) connections, plus one for LISTEN, however many requests come at once`, async () => {
		const admin = new AdminClient(a.url);
		await admin.login();
		let most = 0;
		let sampling = true;
		const sampler = (async () => {
			while (sampling) {
				const [{ n }] = await sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'kontoratlas'`;
				most = Math.max(most, n as number);
				await new Promise((r) => setTimeout(r, 10));
			}
		})();
		// Admin pages read versions, audit and the session; /readyz the current version.
		const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? admin.request('/admin') : fetch(`${a.url}/readyz`)).then((r) => r.status)));
		sampling = false;
		await sampler;
		expect(answers.every((s) => s === 200)).toBe(true);
		expect(most).toBeGreaterThan(1);
		expect(most).toBeLessThanOrEqual(POOL + 1);
	});

	describe('two instances', () => {
		beforeAll(async () => {
			b = await start();
		}, 60_000);
		consistencyCases(() => [a, b]);
	});

	describe('PostgreSQL stopped while the instances run', () => {
		let served: string;
		let signedIn: AdminClient;
		beforeAll(async () => {
			signedIn = new AdminClient(a.url);
			await signedIn.login();
			served = await body(a.url);
			cluster.stop();
		});

		it('/readyz says the store is unreachable and that reads go on, in the language asked for', async () => {
			const de = await readyz(a.url);
			expect(de).toMatchObject({ http: 503, store: 'unreachable', reads: 'served', problem: 'outage' });
			expect(de.version).toEqual(expect.any(Number));
			expect(de.message).toContain('die Datenbank ist nicht erreichbar');
			expect(de.message).toContain(`Version ${de.version} wird aus dem Speicher ausgeliefert`);
			const en = await readyz(a.url, '?lang=en');
			expect(en.message).toContain('the database cannot be reached');
		});

		it('reads are served from the version held, with a Warning naming it', async () => {
			const res = await fetch(a.url + '/api/indicators/sgb2-quote?level=stadtteil&year=2019&format=csv');
			expect(res.status).toBe(200);
			expect(await res.text()).toBe(served);
			expect(res.headers.get('warning')).toMatch(/^199 kontoratlas "Datenbank nicht erreichbar; ausgeliefert wird die zuletzt geladene Version \d+"$/);
			expect((await fetch(a.url + '/')).status).toBe(200);
		});

		it('a login gets a 503 naming the cause, in German and in English', async () => {
			const de = await new AdminClient(a.url).login();
			expect(de.status).toBe(503);
			const text = textOf(await de.text());
			expect(text).toContain('Die Datenbank ist gerade nicht erreichbar');
			expect(text).toMatch(/Änderungen und Anmeldungen sind erst wieder möglich/);
			const en = await new AdminClient(a.url).request('/admin/login?lang=en', {
				method: 'POST',
				body: new URLSearchParams({ user: 'x', password: 'y' })
			});
			expect(en.status).toBe(503);
			expect(textOf(await en.text())).toContain('The database cannot be reached right now');
		});

		it('the admin and a change get the same 503; the process keeps running', async () => {
			const page = await signedIn.request('/admin');
			expect(page.status).toBe(503);
			expect(textOf(await page.text())).toContain('liefern weiter Version');
			const change = await signedIn.post('/admin?/rollback', { version: '1' });
			expect(change.status).toBe(503);
			expect(a.child.exitCode).toBeNull();
			expect((await fetch(`${a.url}/healthz`)).status).toBe(200);
		});

		it('when PostgreSQL is back, both recover without a restart: ready, writes work, LISTEN is back', async () => {
			cluster.start();
			for (const s of [a, b]) {
				let last: unknown = null;
				await until(`ready again (last answer: ${JSON.stringify(last)})`, async () => {
					last = await readyz(s.url);
					return (last as { http: number }).http === 200 ? true : null;
				}).catch((e: Error) => {
					throw new Error(`${e.message}; last /readyz: ${JSON.stringify(last)}\n${s.output().slice(-2000)}`);
				});
			}
			expect((await fetch(a.url + '/api/indicators')).headers.get('warning')).toBeNull();
			const admin = new AdminClient(a.url);
			expect((await admin.login()).status).toBe(303);
			const before = await body(b.url);
			await body(b.url); // from B's cache
			// Version 2 is the import of the consistency cases; the data served now is the seed's.
			expect((await admin.post('/admin?/rollback', { version: '2' })).status).toBe(200);
			const after = await body(a.url);
			expect(after).not.toBe(before);
			await until('B serves the rollback made through A after the outage', async () => ((await body(b.url)) === after ? true : null));
		});
	});

	it('a process killed inside an import leaves no half-written version', async () => {
		const [{ versions: before }] = await sql`SELECT count(*)::int AS versions FROM versions`;
		const [{ version: current }] = await sql`SELECT version FROM current`;
		const served = await body(a.url);
		const c = await start({ KONTORATLAS_TEST_DELAY_IN_TRANSACTION_MS: '20000' });
		const admin = new AdminClient(c.url);
		await admin.login();
		const p = await admin.previewCsv('lebenstedt-2019.csv', IMPORT.replace('12,3;6.150', '17,1;8.550'));
		expect(p.status, p.text.slice(0, 300)).toBe(200);
		void admin.confirm(p.previewId!).catch(() => undefined);
		await until('the import holds its transaction open', async () => (c.output().includes('import: inside the transaction') ? true : null));
		c.child.kill('SIGKILL');
		await new Promise((r) => c.child.once('exit', r));
		// PostgreSQL ends the dead connection's transaction: no version, no pointer, no audit entry.
		await until('the killed connection is gone', async () => {
			const [{ n }] = await sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE state LIKE 'idle in transaction%'`;
			return n === 0 ? true : null;
		});
		const [{ versions: after }] = await sql`SELECT count(*)::int AS versions FROM versions`;
		expect(after).toBe(before);
		expect((await sql`SELECT version FROM current`)[0].version).toBe(current);
		expect(await sql`SELECT 1 FROM audit WHERE detail LIKE '%lebenstedt-2019.csv%' AND version > ${current}`).toHaveLength(0);
		expect(await body(a.url)).toBe(served);
		// The store goes on taking versions, numbered without a gap.
		const again = new AdminClient(a.url);
		await again.login();
		expect((await again.post('/admin?/rollback', { version: '2' })).status).toBe(200);
		expect((await sql`SELECT max(id)::int AS id FROM versions`)[0].id).toBe(before + 1);
	}, 180_000);
});

it.runIf(pgRequired)('PostgreSQL is installed where it is required', () => {
	expect(hasPostgres, PG_INSTALL).toBe(true);
});
