// The store interface's contract: one suite, run against SQLite (a temporary file) and PostgreSQL (a
// cluster of tests/postgres.ts, a fresh database per test). Both stores must answer alike, down to
// the bytes of a version's derived JSON.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Derived } from '$lib/data/derived';
import { hasPostgres, PG_INSTALL, pgRequired, startCluster, type PgCluster } from '../../../../tests/postgres';
import type { NewAudit, NewVersion, StoreBackend } from './backend';
import { openBackend } from './open';
import { PostgresBackend } from './postgres';
import { SqliteBackend } from './sqlite';

// Any JSON does for the store: it keeps derived data as the text it was given.
const derived = (n: number) => ({ areas: {}, values: [{ indicator: 'x', area: 'a', year: 2020 + n, value: n / 3 }], note: 'Größe ≥ ½' }) as unknown as Derived;

const version = (n: number, kind: NewVersion['kind'] = 'import-csv', basedOn: number | null = null): NewVersion => ({
	createdBy: 'anna',
	kind,
	summary: `Version ${n}`,
	basedOn,
	inputsHash: n === 1 ? 'hash-1' : null,
	files: new Map([
		['indikatoren.json', `{"n":${n}}`],
		['stadtteile.geojson', '{"type":"FeatureCollection","features":[]}']
	]),
	derived: derived(n)
});

const entry = (action: string, v: number | null = null): NewAudit => ({ who: 'anna', action, detail: action, added: 1, changed: 2, removed: 3, version: v });

function contract(name: string, open: () => Promise<StoreBackend>) {
	describe(`store contract: ${name}`, () => {
		it('migrates an empty store and opens a migrated one again', async () => {
			const b = await open();
			expect(await b.currentVersionId()).toBeNull();
			expect(await b.listVersions()).toEqual([]);
			expect(await b.listAudit()).toEqual([]);
			if (b instanceof PostgresBackend) {
				await b.migrate();
				const [{ n }] = await b.sql`SELECT count(*) AS n FROM schema_migrations`;
				expect(n).toBeGreaterThan(0);
			}
			await b.ping();
		});

		it('commits versions with their audit entry and serves them back byte for byte', async () => {
			const b = await open();
			const v1 = await b.commitVersion(version(1, 'seed'), { expectCurrent: null });
			const v2 = await b.commitVersion(version(2, 'import-csv', v1), { expectCurrent: v1, audit: (id) => entry('import-csv', id) });
			expect(v1).toBe(1);
			expect(v2).toBe(2);
			expect(await b.currentVersionId()).toBe(2);
			const list = await b.listVersions();
			expect(list.map((v) => [v.id, v.kind, v.basedOn, v.createdBy, v.summary])).toEqual([
				[2, 'import-csv', 1, 'anna', 'Version 2'],
				[1, 'seed', null, 'anna', 'Version 1']
			]);
			expect(await b.versionInfo(1)).toMatchObject({ id: 1, inputsHash: 'hash-1' });
			expect(await b.versionInfo(99)).toBeNull();
			expect(await b.versionFiles(2)).toEqual(version(2).files);
			expect(await b.versionDerived(2)).toEqual(derived(2));
			expect((await b.versionTexts(2)).derived).toBe(JSON.stringify(derived(2)));
			await expect(b.versionDerived(99)).rejects.toThrow(/no version 99/);
			const [a] = await b.listAudit();
			expect(a).toMatchObject({ who: 'anna', action: 'import-csv', added: 1, changed: 2, removed: 3, version: 2 });
		});

		it('writes nothing when the current version moved on, or for an unknown kind', async () => {
			const b = await open();
			const v1 = await b.commitVersion(version(1, 'seed'));
			await b.commitVersion(version(2), { expectCurrent: v1 });
			expect(await b.commitVersion(version(3), { expectCurrent: v1, audit: (id) => entry('late', id) })).toBeNull();
			await expect(b.commitVersion({ ...version(4), kind: 'made-up' as NewVersion['kind'] })).rejects.toThrow(/unknown version kind/);
			expect((await b.listVersions()).map((v) => v.id)).toEqual([2, 1]);
			expect(await b.listAudit()).toEqual([]);
		});

		it('lets exactly one of two commits on the same base through', async () => {
			const b = await open();
			const v1 = await b.commitVersion(version(1, 'seed'));
			const results = await Promise.all([b.commitVersion(version(2), { expectCurrent: v1 }), b.commitVersion(version(3), { expectCurrent: v1 })]);
			expect(results.filter((r) => r !== null)).toHaveLength(1);
			expect(await b.listVersions()).toHaveLength(2);
		});

		it('rolls back by a new version repeating an older one', async () => {
			const b = await open();
			await b.commitVersion(version(1, 'seed'));
			await b.commitVersion(version(2));
			const r = await b.commitVersion(
				{ ...version(1, 'rollback', 1), files: await b.versionFiles(1), derived: (await b.versionDerived(1)) as Derived },
				{ expectCurrent: 2, audit: (id) => entry('rollback', id) }
			);
			expect(r).toBe(3);
			expect(await b.currentVersionId()).toBe(3);
			expect((await b.versionTexts(3)).derived).toBe((await b.versionTexts(1)).derived);
			expect((await b.listAudit())[0]).toMatchObject({ action: 'rollback', version: 3 });
		});

		it('leaves nothing of a commit that fails before it is done', async () => {
			const b = await open();
			await b.commitVersion(version(1, 'seed'));
			await b.putPreview({ id: 'p1', user: 'anna', expires: Date.now() + 60_000, body: '{}' }, 10);
			await expect(
				b.commitVersion(version(2), {
					expectCurrent: 1,
					audit: (id) => entry('import-csv', id),
					preview: 'p1',
					beforeCommit: () => {
						throw new Error('killed');
					}
				})
			).rejects.toThrow('killed');
			expect(await b.currentVersionId()).toBe(1);
			expect(await b.listVersions()).toHaveLength(1);
			expect(await b.listAudit()).toEqual([]);
			expect(await b.getPreview('p1')).not.toBeNull();
			// The next commit gets the next number: the failed one left no trace, not even a used number.
			expect(await b.commitVersion(version(2), { expectCurrent: 1, preview: 'p1' })).toBe(2);
			expect(await b.getPreview('p1')).toBeNull();
		});

		it('keeps the audit log newest first, cut to its limit, with long texts shortened', async () => {
			const b = await open();
			for (let i = 0; i < 5; i++) await b.audit(entry(`a${i}`));
			await b.audit({ ...entry('long'), who: 'w'.repeat(300), detail: 'd'.repeat(3000) });
			const log = await b.listAudit(3);
			expect(log.map((a) => a.action)).toEqual(['long', 'a4', 'a3']);
			expect(log[0].who).toHaveLength(100);
			expect(log[0].detail).toHaveLength(1000);
			expect(log[0].at).toMatch(/^\d{4}-\d\d-\d\dT/);
		});

		it('keeps a few previews, dropping expired ones and the oldest beyond the limit', async () => {
			const b = await open();
			await b.putPreview({ id: 'old', user: 'anna', expires: Date.now() - 1, body: '{"a":1}' }, 3);
			for (const id of ['p1', 'p2', 'p3']) {
				await b.putPreview({ id, user: 'anna', expires: Date.now() + 60_000, body: `{"id":"${id}"}` }, 3);
				await new Promise((r) => setTimeout(r, 5));
			}
			await b.putPreview({ id: 'p4', user: 'bert', expires: Date.now() + 60_000, body: '{}' }, 3);
			expect(await b.getPreview('old')).toBeNull();
			expect(await b.getPreview('p1')).toBeNull();
			expect(await b.getPreview('p3')).toEqual({ id: 'p3', user: 'anna', expires: expect.any(Number), body: '{"id":"p3"}' });
			await b.deletePreview('p3');
			expect(await b.getPreview('p3')).toBeNull();
			expect(await b.getPreview('p4')).toMatchObject({ user: 'bert' });
		});

		it('keeps accounts unique without regard to case, and ends their sessions with them', async () => {
			const b = await open();
			const at = new Date().toISOString();
			const user = (name: string, role = 'planung', oidcSubject: string | null = null) => ({
				name,
				role,
				kontor: null,
				passwordHash: 'scrypt$x',
				oidcSubject,
				created: at,
				updated: at
			});
			const anna = (await b.insertUser(user('anna', 'admin')))!;
			const bert = (await b.insertUser(user('Bert', 'planung', 'iss|1')))!;
			expect(await b.insertUser(user('ANNA'))).toBeNull();
			expect(await b.insertUser(user('carla', 'planung', 'iss|1'))).toBeNull();
			expect(await b.countUsers()).toBe(2);
			expect((await b.listUsers()).map((u) => u.name)).toEqual(['anna', 'Bert']);
			expect(await b.userByName('BERT')).toMatchObject({ id: bert, disabled: false, oidcSubject: 'iss|1', lastLogin: null });
			expect((await b.userByOidcSubject('iss|1'))?.name).toBe('Bert');
			expect(await b.countActiveAdmins(bert)).toBe(1);
			expect(await b.countActiveAdmins(anna)).toBe(0);

			const session = (token: string, userId: number, lastSeen = Date.now()) => ({
				tokenHash: token,
				userId,
				csrf: `c-${token}`,
				created: lastSeen,
				lastSeen,
				expiresAbsolute: lastSeen + 3_600_000
			});
			await b.startSession(session('s1', anna), { replaces: null, idleBefore: 0 });
			await b.startSession(session('s2', bert), { replaces: null, idleBefore: 0 });
			expect(await b.getSession('s1')).toEqual(session('s1', anna, (await b.getSession('s1'))!.lastSeen));
			await b.updateUser(anna, { role: 'redaktion', kontor: null, updated: at, lastLogin: at });
			expect(await b.userById(anna)).toMatchObject({ role: 'redaktion', lastLogin: at });
			expect(await b.countSessions(anna)).toBe(1);
			await b.updateUser(anna, { disabled: true, updated: at }, true);
			expect(await b.userById(anna)).toMatchObject({ disabled: true });
			expect(await b.countSessions(anna)).toBe(0);
			await b.deleteUser(bert);
			expect(await b.userById(bert)).toBeNull();
			expect(await b.getSession('s2')).toBeNull();
		});

		it('replaces the session a browser brought along, prunes expired ones, and moves the idle time', async () => {
			const b = await open();
			const id = (await b.insertUser({ name: 'anna', role: 'admin', kontor: null, passwordHash: null, oidcSubject: null, created: 'x', updated: 'x' }))!;
			const now = Date.now();
			const s = (token: string, lastSeen: number) => ({
				tokenHash: token,
				userId: id,
				csrf: 'c',
				created: lastSeen,
				lastSeen,
				expiresAbsolute: lastSeen + 3_600_000
			});
			await b.startSession(s('idle', now - 10_000), { replaces: null, idleBefore: 0 });
			await b.startSession(s('old', now), { replaces: null, idleBefore: 0 });
			await b.startSession(s('new', now), { replaces: 'old', idleBefore: now - 5_000 });
			expect(await b.getSession('old')).toBeNull();
			expect(await b.getSession('idle')).toBeNull();
			await b.touchSession('new', now + 1234);
			expect((await b.getSession('new'))?.lastSeen).toBe(now + 1234);
			await b.deleteSession('new');
			expect(await b.countSessions(id)).toBe(0);
		});

		it('hands out a single sign-on flow once', async () => {
			const b = await open();
			const flow = (token: string, expires = Date.now() + 60_000) => ({
				tokenHash: token,
				state: 's',
				nonce: 'n',
				verifier: 'v',
				next: '/admin',
				locale: 'de',
				expires
			});
			await b.putFlow(flow('gone', Date.now() - 1), { replaces: null, max: 10 });
			await b.putFlow(flow('f1'), { replaces: null, max: 10 });
			await b.putFlow(flow('f2'), { replaces: 'f1', max: 10 });
			expect(await b.takeFlow('f1')).toBeNull();
			expect(await b.takeFlow('gone')).toBeNull();
			expect(await b.takeFlow('f2')).toEqual({ ...flow('f2'), expires: expect.any(Number) });
			expect(await b.takeFlow('f2')).toBeNull();
			for (const t of ['a', 'b', 'c']) await b.putFlow(flow(t, Date.now() + { a: 3, b: 1, c: 2 }[t]! * 60_000), { replaces: null, max: 2 });
			// Beyond the limit the flows ending first go.
			expect(await b.takeFlow('b')).toBeNull();
			expect(await b.takeFlow('a')).not.toBeNull();
		});

		it('saves, replaces and deletes report templates with their audit entries', async () => {
			const b = await open();
			const t = (name: string, definition: string) => ({ name, definition, createdBy: 'anna', createdAt: new Date().toISOString() });
			const id = await b.saveTemplate(t('Kontor Nord', 'art=kontor&id=a'), entry('report-template-save'));
			await b.saveTemplate(t('alle', 'art=stadt'), entry('report-template-save'));
			expect(await b.saveTemplate(t('Kontor Nord', 'art=kontor&id=b'), entry('report-template-save'))).toBe(id);
			expect((await b.listTemplates()).map((x) => [x.name, x.definition])).toEqual([
				['alle', 'art=stadt'],
				['Kontor Nord', 'art=kontor&id=b']
			]);
			expect(await b.deleteTemplate(id, (name) => entry(`delete ${name}`))).toBe('Kontor Nord');
			expect(await b.deleteTemplate(id, (name) => entry(`delete ${name}`))).toBeNull();
			expect((await b.listAudit()).map((a) => a.action)).toEqual([
				'delete Kontor Nord',
				'report-template-save',
				'report-template-save',
				'report-template-save'
			]);
		});

		it('dumps everything and loads it into an empty store, ids kept, and numbering continues', async () => {
			const a = await open();
			const b = await open();
			await a.commitVersion(version(1, 'seed'));
			await a.commitVersion(version(2), { audit: (id) => entry('import-csv', id) });
			const uid = (await a.insertUser({ name: 'anna', role: 'admin', kontor: null, passwordHash: 'h', oidcSubject: null, created: 'x', updated: 'x' }))!;
			await a.startSession(
				{ tokenHash: 't', userId: uid, csrf: 'c', created: 1, lastSeen: Date.now(), expiresAbsolute: Date.now() + 1e6 },
				{ replaces: null, idleBefore: 0 }
			);
			await a.saveTemplate({ name: 'n', definition: 'art=stadt', createdBy: 'anna', createdAt: 'x' }, entry('report-template-save'));
			const dump = await a.dump();
			await b.load(dump);
			expect(await b.dump()).toEqual(dump);
			await expect(b.load(dump)).rejects.toThrow(/already holds versions/);
			expect(await b.commitVersion(version(3))).toBe(3);
			expect(await b.insertUser({ name: 'bert', role: 'planung', kontor: null, passwordHash: null, oidcSubject: null, created: 'x', updated: 'x' })).toBe(
				uid + 1
			);
		});
	});
}

const dirs: string[] = [];
const opened: StoreBackend[] = [];
afterAll(async () => {
	await Promise.all(opened.map((b) => b.close()));
	for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

contract('SQLite', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'kontoratlas-contract-'));
	dirs.push(dir);
	const b = new SqliteBackend(join(dir, 'store.db'));
	opened.push(b);
	return b;
});

describe('PostgreSQL is available where it must be', () => {
	it.runIf(pgRequired)('a PostgreSQL server with PostGIS is installed (CI)', () => {
		expect(hasPostgres, PG_INSTALL).toBe(true);
	});
	// CI's system cluster (.ci/run): a role with a password over TCP, as a production set-up has it.
	const system = process.env.KONTORATLAS_TEST_DATABASE_URL;
	it.runIf(system)('opens, migrates and answers on the system cluster', async () => {
		const b = await openBackend({ url: system, path: '', pool: '2' });
		try {
			await (b as PostgresBackend).migrate();
			await b.ping();
			expect(Array.isArray(await b.listVersions())).toBe(true);
		} finally {
			await b.close();
		}
	});
});

// Starting a cluster and creating a database with PostGIS take seconds on a busy machine.
describe.skipIf(!hasPostgres)('PostgreSQL', { timeout: 60_000 }, () => {
	let cluster: PgCluster;
	let admin: postgres.Sql;
	let n = 0;
	beforeAll(async () => {
		cluster = await startCluster();
		admin = postgres(cluster.url.replace(/\/kontoratlas$/, '/postgres'), { max: 1, onnotice: () => undefined });
	}, 120_000);
	afterAll(async () => {
		await Promise.all(opened.splice(0).map((b) => b.close()));
		await admin?.end();
		cluster?.remove();
	}, 60_000);
	// A fresh database per test, copied from the cluster's (which has PostGIS): much faster than creating one.
	async function freshDatabase(name: string): Promise<string> {
		await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE kontoratlas`);
		return cluster.url.replace(/\/kontoratlas$/, `/${name}`);
	}
	contract('PostgreSQL', async () => {
		const b = await openBackend({ url: await freshDatabase(`contract_${++n}`), path: '', pool: '4' });
		opened.push(b);
		return b;
	});

	it('refuses a DATABASE_URL that is not PostgreSQL', async () => {
		await expect(openBackend({ url: 'mysql://x/y', path: '' })).rejects.toThrow(/postgres:\/\//);
	});

	it('never crashes on a connection error: the query fails, and the pool reconnects', async () => {
		const b = (await openBackend({ url: await freshDatabase('contract_fault'), path: '', pool: '2' })) as PostgresBackend;
		opened.push(b);
		await b.commitVersion(version(1, 'seed'));
		cluster.stop();
		await expect(b.currentVersionId()).rejects.toThrow();
		cluster.start();
		let current: number | null = null;
		for (let i = 0; i < 20 && current === null; i++) current = await b.currentVersionId().catch(() => null);
		expect(current).toBe(1);
	});
});
