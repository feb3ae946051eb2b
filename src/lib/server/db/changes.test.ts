import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { hasPostgres, pgRequired, PG_INSTALL, startCluster, type PgCluster } from '../../../../tests/postgres';
import { listenVersions, notifyVersion, watchDataVersion } from './changes';
import { openDatabase, type Db } from './database';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
	for (const f of cleanup.splice(0).reverse()) await f();
});

/** Two connections to one store file, as two app processes have. */
function twoConnections(): [Db, Db] {
	const dir = mkdtempSync(join(tmpdir(), 'kontoratlas-watch-'));
	const a = openDatabase(join(dir, 'store.db'));
	const b = openDatabase(join(dir, 'store.db'));
	cleanup.push(() => {
		a.close();
		b.close();
		rmSync(dir, { recursive: true, force: true });
	});
	return [a, b];
}

const write = (db: Db, n: number) => db.prepare('INSERT INTO login_failures (key, at) VALUES (?, ?)').run('k', n);
const settle = () => new Promise((r) => setTimeout(r, 60));
const waitFor = (f: () => void) => vi.waitFor(f, { timeout: 5000, interval: 5 });

describe('watchDataVersion (SQLite)', () => {
	it("calls back after another connection's commit, once per change, and not for the connection's own", async () => {
		const [a, b] = twoConnections();
		const changed = vi.fn();
		cleanup.push(watchDataVersion(a, changed, 5));
		write(a, 1);
		await settle();
		expect(changed).not.toHaveBeenCalled();
		write(b, 2);
		await waitFor(() => expect(changed).toHaveBeenCalledTimes(1));
		await settle();
		expect(changed).toHaveBeenCalledTimes(1);
		write(b, 3);
		await waitFor(() => expect(changed).toHaveBeenCalledTimes(2));
	});

	it('a failing reload is logged once and retried at the next change; the process goes on', async () => {
		const [a, b] = twoConnections();
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		cleanup.push(() => error.mockRestore());
		let fail = true;
		const changed = vi.fn(() => {
			if (fail) throw new Error('version unreadable');
		});
		cleanup.push(watchDataVersion(a, changed, 5));
		write(b, 1);
		await waitFor(() => expect(changed).toHaveBeenCalledTimes(1));
		write(b, 2);
		await waitFor(() => expect(changed).toHaveBeenCalledTimes(2));
		expect(error).toHaveBeenCalledTimes(1);
		fail = false;
		write(b, 3);
		await waitFor(() => expect(changed).toHaveBeenCalledTimes(3));
		expect(error).toHaveBeenLastCalledWith(expect.stringContaining('works again'));
	});

	it('stops when asked', async () => {
		const [a, b] = twoConnections();
		const changed = vi.fn();
		watchDataVersion(a, changed, 5)();
		write(b, 1);
		await settle();
		expect(changed).not.toHaveBeenCalled();
	});
});

describe.skipIf(!hasPostgres)('listenVersions (PostgreSQL)', () => {
	let cluster: PgCluster;
	beforeAll(async () => {
		cluster = await startCluster();
	}, 60_000);
	afterAll(() => cluster?.remove());

	const pool = () => {
		const sql = postgres(cluster.url, { max: 2, onnotice: () => {} });
		cleanup.push(() => sql.end({ timeout: 1 }));
		return sql;
	};
	const commit = (sql: postgres.Sql, version: number, rollback = false) =>
		sql
			.begin(async (tx) => {
				await notifyVersion(tx, version);
				if (rollback) throw new Error('rolled back');
			})
			.catch(() => undefined);

	it('calls back for a notification committed by another connection, never for one rolled back', async () => {
		const [a, b] = [pool(), pool()];
		const changed = vi.fn();
		const stop = listenVersions(a, changed);
		cleanup.push(stop);
		await waitFor(async () => {
			await commit(b, 1);
			expect(changed).toHaveBeenCalled();
		});
		await commit(b, 2, true);
		await commit(b, 3);
		await waitFor(() => expect(changed).toHaveBeenCalledWith(3));
		await settle();
		expect(changed.mock.calls.map(([v]) => v)).not.toContain(2);
		expect(changed.mock.calls.every(([v]) => v === 1 || v === 3)).toBe(true);
	});

	it('after PostgreSQL was stopped and started again, listens again and reads the current version afresh', async () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		cleanup.push(() => error.mockRestore());
		const [a, b] = [pool(), pool()];
		const changed = vi.fn();
		cleanup.push(listenVersions(a, changed));
		await waitFor(async () => {
			await commit(b, 1);
			expect(changed).toHaveBeenCalled();
		});
		await settle();
		changed.mockClear();
		cluster.stop();
		cluster.start();
		// The reconnect itself calls back (without a version): commits made while it was away were never notified.
		await waitFor(() => expect(changed).toHaveBeenCalledWith(undefined));
		await b`SELECT 1`.catch(() => undefined); // the pool's first query after the restart may meet the closed connection
		await commit(b, 4);
		await waitFor(() => expect(changed).toHaveBeenLastCalledWith(4));
	}, 30_000);

	it('a first LISTEN while PostgreSQL is down is retried until it works', async () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		cleanup.push(() => error.mockRestore());
		cluster.stop();
		const a = pool();
		const changed = vi.fn();
		cleanup.push(listenVersions(a, changed, 50));
		await settle();
		expect(error).toHaveBeenCalledWith(expect.stringContaining('could not LISTEN'), expect.anything());
		cluster.start();
		// Versions committed while it could not listen are read once it can.
		await waitFor(() => expect(changed).toHaveBeenCalledWith(undefined));
		const b = pool();
		await commit(b, 5);
		await waitFor(() => expect(changed).toHaveBeenLastCalledWith(5));
	}, 30_000);
});

it.runIf(pgRequired)('PostgreSQL is installed where it is required', () => {
	expect(hasPostgres, PG_INSTALL).toBe(true);
});
