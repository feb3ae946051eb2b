import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../db/database';
import { SqliteBackend } from '../db/sqlite';
import {
	countAccounts,
	createAccount,
	deleteAccount,
	ensureEnvironmentAdmin,
	getAccount,
	getAccountByOidcSubject,
	listAccounts,
	setDisabled,
	setOidcSubject,
	setPassword,
	setRole,
	verifyLogin
} from './accounts';
import { hashPassword } from './password';

const PW = 'ein-langes-Passwort';

const store = () => new SqliteBackend(':memory:');

/** A session as session.ts starts it, for checking that account changes end sessions. */
function addSession(db: SqliteBackend, userId: number, token: string): Promise<void> {
	const at = Date.now();
	return db.startSession({ tokenHash: token, userId, csrf: 'c', created: at, lastSeen: at, expiresAbsolute: at + 60_000 }, { replaces: null, idleBefore: 0 });
}

describe('accounts', () => {
	it('migrates a store of schema 4: its admin sessions go, accounts and app sessions come', async () => {
		const db = new Database(':memory:');
		db.pragma('foreign_keys = ON');
		for (const m of MIGRATIONS.slice(0, 4)) db.exec(typeof m === 'string' ? m : m.sql);
		db.pragma('user_version = 4');
		db.prepare("INSERT INTO admin_sessions VALUES ('h', 'admin', 'c', 0)").run();
		migrate(db);
		const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
		expect(tables).toEqual(expect.arrayContaining(['users', 'sessions']));
		expect(tables).not.toContain('admin_sessions');
	});

	it('creates accounts with a role (and a Kontor for kontor), refusing bad names, roles, Kontore and short passwords', async () => {
		const db = store();
		const anna = await createAccount(db, { name: 'anna', role: 'kontor', kontor: 'fredenberg', password: PW });
		expect(anna.ok && anna.account).toMatchObject({ name: 'anna', role: 'kontor', kontor: 'fredenberg', disabled: false, hasPassword: true });
		// Another role never keeps a Kontor.
		const bert = await createAccount(db, { name: 'bert@stadt.example', role: 'planung', kontor: 'fredenberg', password: PW });
		expect(bert.ok && bert.account.kontor).toBeNull();
		expect(await createAccount(db, { name: 'ANNA', role: 'planung', password: PW })).toEqual({ ok: false, problem: 'taken' });
		expect(await createAccount(db, { name: 'a b', role: 'planung', password: PW })).toEqual({ ok: false, problem: 'name' });
		expect(await createAccount(db, { name: '<script>', role: 'planung', password: PW })).toEqual({ ok: false, problem: 'name' });
		expect(await createAccount(db, { name: 'c', role: 'superuser', password: PW })).toEqual({ ok: false, problem: 'role' });
		expect(await createAccount(db, { name: 'c', role: 'kontor', password: PW })).toEqual({ ok: false, problem: 'kontor' });
		expect(await createAccount(db, { name: 'c', role: 'kontor', kontor: '../x', password: PW })).toEqual({ ok: false, problem: 'kontor' });
		expect(await createAccount(db, { name: 'c', role: 'planung', password: 'kurz' })).toEqual({ ok: false, problem: 'password' });
		expect((await listAccounts(db)).map((a) => a.name)).toEqual(['anna', 'bert@stadt.example']);
	});

	it('verifies passwords; an unknown, disabled or SSO-only account never signs in with one', async () => {
		const db = store();
		await createAccount(db, { name: 'anna', role: 'planung', password: PW });
		await createAccount(db, { name: 'sso', role: 'planung', oidcSubject: 'https://idp.example|123' });
		expect((await verifyLogin(db, 'anna', PW))?.name).toBe('anna');
		expect(await verifyLogin(db, 'anna', PW + 'x')).toBeNull();
		expect(await verifyLogin(db, 'niemand', PW)).toBeNull();
		expect(await verifyLogin(db, 'sso', '')).toBeNull();
		expect((await getAccountByOidcSubject(db, 'https://idp.example|123'))?.name).toBe('sso');
		await setDisabled(db, 'anna', true);
		expect(await verifyLogin(db, 'anna', PW)).toBeNull();
		await setDisabled(db, 'anna', false);
		expect((await verifyLogin(db, 'anna', PW))?.name).toBe('anna');
	});

	it('ends the sessions of an account that is disabled, deleted or given a new password', async () => {
		const db = store();
		const ids: number[] = [];
		for (const n of ['a', 'b', 'c']) {
			const r = await createAccount(db, { name: n, role: 'planung', password: PW });
			if (!r.ok) throw new Error(r.problem);
			await addSession(db, r.account.id, `t-${n}`);
			ids.push(r.account.id);
		}
		expect(await Promise.all(ids.map((id) => db.countSessions(id)))).toEqual([1, 1, 1]);
		await setDisabled(db, 'a', true);
		await deleteAccount(db, 'b');
		await setPassword(db, 'c', 'ein-anderes-Passwort');
		expect(await Promise.all(ids.map((id) => db.countSessions(id)))).toEqual([0, 0, 0]);
		expect(await getAccount(db, 'b')).toBeNull();
		expect((await verifyLogin(db, 'c', 'ein-anderes-Passwort'))?.name).toBe('c');
	});

	it('keeps one active admin: the last one cannot be demoted, disabled or deleted', async () => {
		const db = store();
		await createAccount(db, { name: 'root', role: 'admin', password: PW });
		expect(await setRole(db, 'root', 'planung')).toEqual({ ok: false, problem: 'lastAdmin' });
		expect(await setDisabled(db, 'root', true)).toEqual({ ok: false, problem: 'lastAdmin' });
		expect(await deleteAccount(db, 'root')).toEqual({ ok: false, problem: 'lastAdmin' });
		await createAccount(db, { name: 'zweite', role: 'admin', password: PW });
		expect((await setDisabled(db, 'zweite', true)).ok).toBe(true);
		// A disabled admin does not count.
		expect(await deleteAccount(db, 'root')).toEqual({ ok: false, problem: 'lastAdmin' });
		expect((await setRole(db, 'zweite', 'redaktion')).ok).toBe(true);
		expect(await setRole(db, 'niemand', 'admin')).toEqual({ ok: false, problem: 'missing' });
	});

	it('changes a role and its Kontor together', async () => {
		const db = store();
		await createAccount(db, { name: 'anna', role: 'planung', password: PW });
		expect(await setRole(db, 'anna', 'kontor')).toEqual({ ok: false, problem: 'kontor' });
		const r = await setRole(db, 'anna', 'kontor', 'lebenstedt');
		expect(r.ok && [r.account.role, r.account.kontor]).toEqual(['kontor', 'lebenstedt']);
		const back = await setRole(db, 'anna', 'redaktion', 'lebenstedt');
		expect(back.ok && [back.account.role, back.account.kontor]).toEqual(['redaktion', null]);
	});

	it('links an OIDC subject to one account only', async () => {
		const db = store();
		await createAccount(db, { name: 'a', role: 'planung', password: PW });
		await createAccount(db, { name: 'b', role: 'planung', password: PW });
		expect((await setOidcSubject(db, 'a', 'iss|1')).ok).toBe(true);
		expect(await setOidcSubject(db, 'b', 'iss|1')).toEqual({ ok: false, problem: 'subject' });
		expect(await createAccount(db, { name: 'c', role: 'planung', oidcSubject: 'iss|1' })).toEqual({ ok: false, problem: 'subject' });
	});

	it("makes the environment's admin the first account of an empty store, and only then", async () => {
		const db = store();
		const hash = hashPassword(PW);
		expect(await ensureEnvironmentAdmin(db, undefined, hash)).toBeNull();
		expect(await ensureEnvironmentAdmin(db, 'chef', 'kein-hash')).toBeNull();
		expect(await countAccounts(db)).toBe(0);
		expect((await ensureEnvironmentAdmin(db, 'chef', hash))?.role).toBe('admin');
		expect((await verifyLogin(db, 'chef', PW))?.role).toBe('admin');
		expect(await ensureEnvironmentAdmin(db, 'zweiter', hash)).toBeNull();
		expect(await countAccounts(db)).toBe(1);
	});
});
