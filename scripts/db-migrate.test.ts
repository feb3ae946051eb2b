// `npm run db:migrate` as a real process: a SQLite store (the shipped data as version 1, an edit,
// a rollback, an account with a session, a report template, audit entries) copied to PostgreSQL and
// back to a new SQLite file comes back the same, row for row and byte for byte.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres, startCluster, type PgCluster } from '../tests/postgres';
import { SqliteBackend } from '../src/lib/server/db/sqlite';
import { readSourceDir } from '../src/lib/server/db/sourceDir';
import { readDerivedDir } from '../src/lib/server/store';

const migrate = (...args: string[]) =>
	spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-migrate.ts', ...args], { encoding: 'utf8', timeout: 120_000, env: process.env });

describe.skipIf(!hasPostgres)('npm run db:migrate', { timeout: 180_000 }, () => {
	let dir: string;
	let cluster: PgCluster;
	let first: string;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'kontoratlas-migrate-'));
		cluster = await startCluster();
		first = join(dir, 'first.db');
		const db = new SqliteBackend(first);
		const files = readSourceDir('geodata');
		const derived = readDerivedDir('derived');
		await db.commitVersion({ createdBy: 'system', kind: 'seed', summary: 'Ausgelieferte Daten', basedOn: null, files, derived });
		const edited = new Map([...files, ['indikatoren.json', files.get('indikatoren.json')!.replace('"de"', '"de" ')]]);
		await db.commitVersion(
			{ createdBy: 'anna', kind: 'edit-catalogue', summary: 'Katalog bearbeitet', basedOn: 1, files: edited, derived },
			{ audit: (v) => ({ who: 'anna', action: 'edit-catalogue', detail: 'Katalog', added: 0, changed: 1, removed: 0, version: v }) }
		);
		await db.commitVersion({ createdBy: 'anna', kind: 'rollback', summary: 'Zurückgesetzt auf Version 1', basedOn: 1, files, derived });
		const id = (await db.insertUser({
			name: 'Anna',
			role: 'admin',
			kontor: null,
			passwordHash: 'scrypt$1',
			oidcSubject: 'iss|7',
			created: 'a',
			updated: 'b'
		}))!;
		await db.startSession(
			{ tokenHash: 'h', userId: id, csrf: 'c', created: 1, lastSeen: Date.now(), expiresAbsolute: Date.now() + 1e7 },
			{ replaces: null, idleBefore: 0 }
		);
		await db.saveTemplate(
			{ name: 'Kontor Nord', definition: 'art=stadt', createdBy: 'Anna', createdAt: 'x' },
			{ who: 'Anna', action: 'report-template-save', detail: 'Kontor Nord', added: null, changed: null, removed: null, version: null }
		);
		await db.close();
	}, 180_000);

	afterAll(() => {
		cluster?.remove();
		rmSync(dir, { recursive: true, force: true });
	});

	it('copies SQLite to PostgreSQL and back without losing or changing anything', async () => {
		const there = migrate('--from', `sqlite:${first}`, '--to', cluster.url, '--sessions');
		expect(there.status, there.stderr).toBe(0);
		expect(there.stdout).toMatch(/3 versions \(current 3\), 1 accounts, 1 report templates, 2 audit entries, 1 sessions; verified/);
		const back = join(dir, 'back.db');
		const again = migrate('--from', cluster.url, '--to', `sqlite:${back}`, '--sessions');
		expect(again.status, again.stderr).toBe(0);
		const [a, b] = [new SqliteBackend(first), new SqliteBackend(back)];
		expect(await b.dump()).toEqual(await a.dump());
		await Promise.all([a.close(), b.close()]);
	});

	it('refuses to copy into a store that already holds versions, and says how to call it', () => {
		const twice = migrate('--from', `sqlite:${first}`, '--to', cluster.url);
		expect(twice.status).toBe(1);
		expect(twice.stderr).toContain('already holds versions');
		expect(migrate('--from', `sqlite:${first}`).status).toBe(2);
	});
});
