import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchDataVersion } from './current';
import { openDatabase, type Db } from './database';

const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((f) => f()));

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

describe('watchDataVersion', () => {
	it("calls back after another connection's commit, once per change, and not for the connection's own", async () => {
		const [a, b] = twoConnections();
		const changed = vi.fn();
		cleanup.push(watchDataVersion(a, changed, 5));
		write(a, 1);
		await new Promise((r) => setTimeout(r, 50));
		expect(changed).not.toHaveBeenCalled();
		write(b, 2);
		await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1), { timeout: 2000, interval: 5 });
		await new Promise((r) => setTimeout(r, 50));
		expect(changed).toHaveBeenCalledTimes(1);
		write(b, 3);
		await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(2), { timeout: 2000, interval: 5 });
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
		await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1), { timeout: 2000, interval: 5 });
		write(b, 2);
		await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(2), { timeout: 2000, interval: 5 });
		expect(error).toHaveBeenCalledTimes(1);
		fail = false;
		write(b, 3);
		await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(3), { timeout: 2000, interval: 5 });
	});

	it('stops when asked', async () => {
		const [a, b] = twoConnections();
		const changed = vi.fn();
		watchDataVersion(a, changed, 5)();
		write(b, 1);
		await new Promise((r) => setTimeout(r, 50));
		expect(changed).not.toHaveBeenCalled();
	});
});
