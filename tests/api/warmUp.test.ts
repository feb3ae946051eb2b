// The server's warm-up (src/lib/server/warmUp.ts): once listening, and again after a data change,
// it asks itself for what an indicator change on a large level needs (each indicator's table in
// columns and its series), so that the first user's request is answered from the response cache.
// The shipped data's large level is the 100 m grid. The servers run with
// KONTORATLAS_TEST_CACHE_STATS=1, which makes server.js report its cache's hits and entries.
import { afterAll, describe, expect, it } from 'vitest';
import { AdminClient, removeStores, startAdminServer, type AdminServer } from '../admin/helpers';

const servers: AdminServer[] = [];
afterAll(async () => {
	for (const s of servers) {
		const exited = new Promise((r) => s.child.once('exit', r));
		s.child.kill();
		await exited;
	}
	removeStores();
});

async function start(env: Record<string, string> = {}): Promise<AdminServer> {
	const server = await startAdminServer({ KONTORATLAS_TEST_CACHE_STATS: '1', ...env });
	servers.push(server);
	return server;
}

const stats = async (server: AdminServer): Promise<{ hits: number; entries: number; generation: number }> =>
	(await fetch(`${server.url}/__test/response-cache`)).json();

/** What the warm-up asks for, from the public catalogue: per large level and indicator, the table in columns and the series. */
async function warmedPaths(server: AdminServer): Promise<string[]> {
	const { levels, indicators } = (await (await fetch(`${server.url}/api/indicators`)).json()) as {
		levels: { id: string; large: boolean }[];
		indicators: { id: string }[];
	};
	return levels
		.filter((l) => l.large)
		.flatMap((l) => indicators.flatMap((i) => [`/api/indicators/${i.id}?level=${l.id}&format=columns`, `/api/indicators/${i.id}/series?level=${l.id}&areas=`]));
}

/** Waits until the cache holds at least `n` answers. */
async function entriesReach(server: AdminServer, n: number): Promise<void> {
	await expect.poll(async () => (await stats(server)).entries, { timeout: 20_000, interval: 100 }).toBeGreaterThanOrEqual(n);
}

/** A request as the atlas sends it (brotli), its JSON, and whether the cache answered it. */
async function fromCache(server: AdminServer, path: string): Promise<{ hit: boolean; json: unknown }> {
	const before = (await stats(server)).hits;
	const res = await fetch(server.url + path, { headers: { 'accept-encoding': 'br' } });
	expect(res.status).toBe(200);
	const json = await res.json();
	return { hit: (await stats(server)).hits === before + 1, json };
}

/** The app's own answer, past the cache (a request with a cookie is never answered from it). */
const fresh = async (server: AdminServer, path: string) => (await fetch(server.url + path, { headers: { cookie: 'x=1' } })).json();

describe('the warm-up of large levels', () => {
	it("answers each indicator's table and series on a large level from the cache at the first request, as the app makes them", async () => {
		const server = await start();
		const paths = await warmedPaths(server);
		// The grid's 12 indicators, each twice.
		expect(paths).toHaveLength(24);
		await entriesReach(server, paths.length);
		for (const path of [paths[0], paths[1], paths.at(-2)!]) {
			const answer = await fromCache(server, path);
			expect(answer.hit, path).toBe(true);
			expect(answer.json).toEqual(await fresh(server, path));
		}
		// A smaller level's answers are left to their first request.
		expect((await fromCache(server, '/api/indicators/einwohner?level=stadtteil&format=columns')).hit).toBe(false);
	}, 60_000);

	it('warms again after a data change, with the new data', async () => {
		const server = await start();
		const paths = await warmedPaths(server);
		await entriesReach(server, paths.length);
		const admin = new AdminClient(server.url);
		await admin.login();
		const p = await admin.previewCsv('x.csv', 'Stadtteil;Indikator;Jahr;Wert;Zähler;Nenner\r\nLebenstedt;SGB-II-Quote;2024;12,0;6.000;50.000\r\n');
		expect(p.previewId).toBeTruthy();
		expect((await admin.confirm(p.previewId!)).version).toBe(2);
		// The import emptied the cache; the warm-up fills it again.
		await entriesReach(server, paths.length);
		const path = '/api/indicators/sgb2-quote/series?level=gitter-100m&areas=';
		const answer = await fromCache(server, path);
		expect(answer.hit).toBe(true);
		expect(answer.json).toEqual(await fresh(server, path));
	}, 60_000);

	it('is left out with KONTORATLAS_WARM_UP=off: the first request is computed', async () => {
		const server = await start({ KONTORATLAS_WARM_UP: 'off' });
		const [path] = await warmedPaths(server);
		// Long enough for a warm-up to have begun.
		await new Promise((r) => setTimeout(r, 1500));
		expect((await stats(server)).entries).toBeLessThan(3);
		expect((await fromCache(server, path)).hit).toBe(false);
		expect((await fromCache(server, path)).hit).toBe(true);
	}, 60_000);
});
