import { afterAll, afterEach, beforeAll, describe, expect, it as base } from 'vitest';
import { hasPostgres, startCluster, type PgCluster } from '../../../../tests/postgres';
import type { StoreBackend } from '../db/backend';
import { PostgresBackend } from '../db/postgres';
import { SqliteBackend } from '../db/sqlite';
import { LoginThrottle } from './throttle';

const WINDOW = 15 * 60 * 1000;
const limits = { perUser: 5, perClient: 12, windowMs: WINDOW, maxEntries: 100 };
const T0 = 1_000_000;

let cluster: PgCluster | null = null;
let pg: PostgresBackend | null = null;
beforeAll(async () => {
	if (!hasPostgres) return;
	cluster = await startCluster();
	pg = new PostgresBackend(cluster.url, { max: 2 });
	await pg.migrate();
}, 60_000);
afterAll(async () => {
	await pg?.close();
	cluster?.remove();
});

const open: StoreBackend[] = [];
afterEach(async () => {
	for (const b of open.splice(0)) await b.close();
});

/** An empty store of each kind; two throttles on one store are two processes on it. */
const STORES: [string, () => Promise<StoreBackend>][] = [
	[
		'SQLite',
		async () => {
			const b = new SqliteBackend(':memory:');
			open.push(b);
			return b;
		}
	],
	[
		'PostgreSQL',
		async () => {
			await pg!.sql`TRUNCATE login_failures`;
			return pg!;
		}
	]
];

async function failTimes(t: LoginThrottle, client: string, user: string, n: number, now = T0) {
	for (let i = 0; i < n; i++) await t.fail(client, user, now);
}

describe.each(STORES)('LoginThrottle on %s', (kind, make) => {
	const skip = kind === 'PostgreSQL' && !hasPostgres;
	const store = make;
	const throttle = async (b?: StoreBackend) => new LoginThrottle(b ?? (await store()), limits);
	const it = skip ? base.skip : base;

	it('blocks a client and name after five failures, until the oldest counted one leaves the window', async () => {
		const t = await throttle();
		await failTimes(t, '10.0.0.1', 'admin', 4);
		expect(await t.blockedFor('10.0.0.1', 'admin', T0)).toBe(0);
		await t.fail('10.0.0.1', 'admin', T0 + 60_000);
		// Five failures, the first at T0: free again 15 minutes after T0.
		expect(await t.blockedFor('10.0.0.1', 'admin', T0 + 60_000)).toBe(14 * 60);
		expect(await t.blockedFor('10.0.0.1', 'admin', T0 + WINDOW - 1000)).toBe(1);
		expect(await t.blockedFor('10.0.0.1', 'admin', T0 + WINDOW)).toBe(0);
	});

	it('never blocks another name from the same address, or the same name from another address', async () => {
		const t = await throttle();
		await failTimes(t, '10.0.0.1', 'mallory', 5);
		expect(await t.blockedFor('10.0.0.1', 'mallory', T0)).toBeGreaterThan(0);
		expect(await t.blockedFor('10.0.0.1', 'admin', T0)).toBe(0);
		expect(await t.blockedFor('10.0.0.2', 'mallory', T0)).toBe(0);
	});

	it('names are told apart exactly, and an address cannot be confused with a name', async () => {
		const t = await throttle();
		await failTimes(t, '10.0.0.1', 'Admin', 5);
		expect(await t.blockedFor('10.0.0.1', 'admin', T0)).toBe(0);
		await failTimes(t, 'a', 'b\u0000c', 5);
		expect(await t.blockedFor('a\u0000b', 'c', T0)).toBe(0);
	});

	it("a success forgets that name's failures from that address only", async () => {
		const t = await throttle();
		await failTimes(t, '10.0.0.1', 'admin', 4);
		await failTimes(t, '10.0.0.2', 'admin', 4);
		await t.succeed('10.0.0.1', 'admin');
		await t.fail('10.0.0.1', 'admin', T0);
		await t.fail('10.0.0.2', 'admin', T0);
		expect(await t.blockedFor('10.0.0.1', 'admin', T0)).toBe(0);
		expect(await t.blockedFor('10.0.0.2', 'admin', T0)).toBeGreaterThan(0);
	});

	it('one address cycling through names is stopped by the limit per address', async () => {
		const t = await throttle();
		for (let i = 0; i < 12; i++) await t.fail('10.0.0.9', `name${i}`, T0);
		expect(await t.blockedFor('10.0.0.9', 'fresh-name', T0)).toBeGreaterThan(0);
		expect(await t.blockedFor('10.0.0.8', 'fresh-name', T0)).toBe(0);
	});

	it('counts the failures of every throttle on the same store, as app processes sharing it do', async () => {
		const db = await store();
		const a = await throttle(db);
		const b = await throttle(db);
		await failTimes(a, '10.0.0.1', 'admin', 3);
		await failTimes(b, '10.0.0.1', 'admin', 2);
		expect(await a.blockedFor('10.0.0.1', 'admin', T0)).toBeGreaterThan(0);
		await b.succeed('10.0.0.1', 'admin');
		expect(await a.blockedFor('10.0.0.1', 'admin', T0)).toBe(0);
	});

	it('keeps at most maxEntries failures, a key at most its limit, and none past the window', async () => {
		const t = await throttle();
		for (let i = 0; i < 300; i++) await t.fail(`10.1.${i >> 8}.${i & 255}`, `name${i}`, T0);
		expect(await t.log.countFailures()).toBe(100);
		await failTimes(t, '10.0.0.1', 'admin', 20, T0 + 1);
		// The newest 100: 5 for the name, 12 for the address, 83 of the flood.
		expect(await t.log.countFailures()).toBe(100);
		expect(await t.log.recentFailures(['["10.0.0.1","admin"]', '"10.0.0.1"'], 0)).toEqual([Array(5).fill(T0 + 1), Array(12).fill(T0 + 1)]);
		await t.fail('10.0.0.2', 'admin', T0 + 1 + WINDOW);
		expect(await t.log.countFailures()).toBe(2);
	}, 30_000);
});
