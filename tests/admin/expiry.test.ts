// Session timeouts (#19), with the env's timeouts set to seconds: a session left idle ends, an
// active one ends at its absolute limit all the same, and an ended session's cookie is refused
// like any unknown one (the store forgets it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient, removeStores, startAdminServer, type AdminServer } from './helpers';

const IDLE_S = 3;
const ABSOLUTE_S = 8;
let server: AdminServer;

beforeAll(async () => {
	server = await startAdminServer({ KONTORATLAS_SESSION_IDLE: String(IDLE_S), KONTORATLAS_SESSION_ABSOLUTE: String(ABSOLUTE_S) });
});
afterAll(() => {
	server?.child.kill();
	removeStores();
});

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const opens = async (cookie: string) => (await fetch(`${server.url}/admin`, { headers: { cookie }, redirect: 'manual' })).status === 200;

// Each test waits out its timeouts with a session of its own: run side by side, they wait once.
describe.concurrent('session timeouts', () => {
	it('ends a session left idle longer than KONTORATLAS_SESSION_IDLE', async () => {
		const c = new AdminClient(server.url);
		expect((await c.login()).status).toBe(303);
		// The cookie itself lives as long as the absolute limit.
		expect(await opens(c.cookie)).toBe(true);
		await sleep((IDLE_S + 1) * 1000);
		expect(await opens(c.cookie)).toBe(false);
		// Gone from the store: activity does not bring it back.
		expect(await opens(c.cookie)).toBe(false);
	});

	it('keeps an active session past the idle time, and ends it at KONTORATLAS_SESSION_ABSOLUTE', async () => {
		const c = new AdminClient(server.url);
		const login = await c.login();
		expect(login.headers.get('set-cookie')).toMatch(new RegExp(`Max-Age=${ABSOLUTE_S}\\b`));
		const started = Date.now();
		// Requests a second apart: never idle for IDLE_S, so the session lives past it.
		while (Date.now() - started < (IDLE_S + 2) * 1000) {
			expect(await opens(c.cookie)).toBe(true);
			await sleep(1000);
		}
		while (Date.now() - started < (ABSOLUTE_S + 1) * 1000) {
			await opens(c.cookie);
			await sleep(1000);
		}
		expect(await opens(c.cookie)).toBe(false);
	});
});
