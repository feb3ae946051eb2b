// Several app processes on one store: start them, and the scenario every store must pass (an
// import and a rollback through one process are served by the others, sessions and the login
// throttle are shared). tests/instances/sqlite.test.ts and postgres.test.ts run it on their store.
import { expect, it } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USER, AdminClient, textOf, type AdminServer } from '../admin/helpers';

/** What B serves from its response cache before the import (Vary: Accept-Encoding only); a 2019 row for Lebenstedt changes it. */
export const WATCHED = '/api/indicators/sgb2-quote?level=stadtteil&year=2019&format=csv';
export const IMPORT = 'Stadtteil;Indikator;Jahr;Wert;Zähler;Nenner\r\nLebenstedt;SGB-II-Quote;2019;12,3;6.150;50.000\r\n';
/** Generous: the target (1 s) is a bench row; a loaded CI machine must not fail the behaviour. */
export const BOUND_MS = 15_000;

/** Polls `probe` until it returns something, or fails after `bound` ms saying what it waited for. */
export async function until<T>(what: string, probe: () => Promise<T | null | undefined>, bound = BOUND_MS): Promise<T> {
	const deadline = Date.now() + bound;
	for (;;) {
		const got = await probe();
		if (got !== null && got !== undefined) return got;
		if (Date.now() > deadline) throw new Error(`not within ${bound} ms: ${what}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

export const body = async (base: string, path = WATCHED) => (await fetch(base + path)).text();

export async function cacheStats(base: string): Promise<{ hits: number; generation: number }> {
	return (await fetch(`${base}/__test/response-cache`)).json();
}

/** The environment both processes get: the response cache's statistics, to show that B's answer came from its cache. */
export const INSTANCE_ENV = { KONTORATLAS_TEST_CACHE_STATS: '1' };

const login = async (base: string, user: string, password: string) => (await new AdminClient(base).login(user, password)).status;

/** The cases every store passes with two processes `pair()` started on it. */
export function consistencyCases(pair: () => [AdminServer, AdminServer]): void {
	it('an import through A is served by B, whose cached answer of the old version is dropped', async () => {
		const [a, b] = pair();
		const before = await body(b.url);
		expect(await body(b.url)).toBe(before);
		const cached = await cacheStats(b.url);
		expect(cached.hits, 'B answered the second request from its response cache').toBeGreaterThan(0);
		const admin = new AdminClient(a.url);
		expect(await admin.login()).toHaveProperty('status', 303);
		const p = await admin.previewCsv('lebenstedt-2019.csv', IMPORT);
		expect(p.status, p.text.slice(0, 300)).toBe(200);
		const done = await admin.confirm(p.previewId!);
		expect(done.status).toBe(200);
		const after = await body(a.url);
		expect(after).not.toBe(before);
		expect(after).toMatch(/Lebenstedt[^\r\n]*12[,.]3/);
		await until('B serves the imported version', async () => ((await body(b.url)) === after ? true : null));
		expect((await cacheStats(b.url)).generation).toBeGreaterThan(cached.generation);
		expect((await (await fetch(`${b.url}/readyz`)).json()).version).toBe(done.version);
	}, 180_000);

	it('a session made on A is valid on B, with its CSRF token: a rollback through B is served by A', async () => {
		const [a, b] = pair();
		const onA = new AdminClient(a.url);
		await onA.login();
		const onB = new AdminClient(b.url);
		onB.cookie = onA.cookie;
		onB.csrf = onA.csrf;
		const page = await onB.request('/admin');
		expect(page.status).toBe(200);
		const text = textOf(await page.text());
		const version = Number(/Version (\d+)/.exec(text)?.[1]);
		const first = await body(a.url);
		const res = await onB.post('/admin?/rollback', { version: '1' });
		expect(res.status).toBe(200);
		const seed = await body(b.url);
		expect(seed).not.toBe(first);
		await until('A serves the rollback', async () => ((await body(a.url)) === seed ? true : null));
		expect((await (await fetch(`${a.url}/readyz`)).json()).version).toBe(version + 1);
	});

	it('the login throttle counts the failures on A and B together', async () => {
		const [a, b] = pair();
		// Every request comes from 127.0.0.1: five failures for one name, spread over both processes.
		for (const base of [a.url, b.url, a.url, b.url, a.url]) expect(await login(base, 'mallory', 'falsch')).toBe(401);
		expect(await login(b.url, 'mallory', 'falsch')).toBe(429);
		expect(await login(a.url, 'mallory', 'falsch')).toBe(429);
		expect(await login(b.url, ADMIN_USER, ADMIN_PASSWORD)).toBe(303);
	});
}
