import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, type Db } from '../db/database';
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

function store(): Db {
	const db = new Database(':memory:');
	db.pragma('foreign_keys = ON');
	migrate(db);
	return db;
}

/** A session row as session.ts writes it, for checking that account changes end sessions. */
function addSession(db: Db, userId: number, token: string): void {
	db.prepare('INSERT INTO sessions (token_hash, user_id, csrf, created, last_seen, expires_absolute) VALUES (?, ?, ?, 0, 0, 0)').run(token, userId, 'c');
}
const sessionsOf = (db: Db, userId: number) => (db.prepare('SELECT count(*) AS n FROM sessions WHERE user_id = ?').get(userId) as { n: number }).n;

describe('accounts', () => {
	it('migrates a store of schema 4: its admin sessions go, accounts and app sessions come', () => {
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

	it('creates accounts with a role (and a Kontor for kontor), refusing bad names, roles, Kontore and short passwords', () => {
		const db = store();
		const anna = createAccount(db, { name: 'anna', role: 'kontor', kontor: 'fredenberg', password: PW });
		expect(anna.ok && anna.account).toMatchObject({ name: 'anna', role: 'kontor', kontor: 'fredenberg', disabled: false, hasPassword: true });
		// Another role never keeps a Kontor.
		const bert = createAccount(db, { name: 'bert@stadt.example', role: 'planung', kontor: 'fredenberg', password: PW });
		expect(bert.ok && bert.account.kontor).toBeNull();
		expect(createAccount(db, { name: 'ANNA', role: 'planung', password: PW })).toEqual({ ok: false, problem: 'taken' });
		expect(createAccount(db, { name: 'a b', role: 'planung', password: PW })).toEqual({ ok: false, problem: 'name' });
		expect(createAccount(db, { name: '<script>', role: 'planung', password: PW })).toEqual({ ok: false, problem: 'name' });
		expect(createAccount(db, { name: 'c', role: 'superuser', password: PW })).toEqual({ ok: false, problem: 'role' });
		expect(createAccount(db, { name: 'c', role: 'kontor', password: PW })).toEqual({ ok: false, problem: 'kontor' });
		expect(createAccount(db, { name: 'c', role: 'kontor', kontor: '../x', password: PW })).toEqual({ ok: false, problem: 'kontor' });
		expect(createAccount(db, { name: 'c', role: 'planung', password: 'kurz' })).toEqual({ ok: false, problem: 'password' });
		expect(listAccounts(db).map((a) => a.name)).toEqual(['anna', 'bert@stadt.example']);
	});

	it('verifies passwords; an unknown, disabled or SSO-only account never signs in with one', () => {
		const db = store();
		createAccount(db, { name: 'anna', role: 'planung', password: PW });
		createAccount(db, { name: 'sso', role: 'planung', oidcSubject: 'https://idp.example|123' });
		expect(verifyLogin(db, 'anna', PW)?.name).toBe('anna');
		expect(verifyLogin(db, 'anna', PW + 'x')).toBeNull();
		expect(verifyLogin(db, 'niemand', PW)).toBeNull();
		expect(verifyLogin(db, 'sso', '')).toBeNull();
		expect(getAccountByOidcSubject(db, 'https://idp.example|123')?.name).toBe('sso');
		setDisabled(db, 'anna', true);
		expect(verifyLogin(db, 'anna', PW)).toBeNull();
		setDisabled(db, 'anna', false);
		expect(verifyLogin(db, 'anna', PW)?.name).toBe('anna');
	});

	it('ends the sessions of an account that is disabled, deleted or given a new password', () => {
		const db = store();
		const ids = ['a', 'b', 'c'].map((n) => {
			const r = createAccount(db, { name: n, role: 'planung', password: PW });
			if (!r.ok) throw new Error(r.problem);
			addSession(db, r.account.id, `t-${n}`);
			return r.account.id;
		});
		setDisabled(db, 'a', true);
		deleteAccount(db, 'b');
		setPassword(db, 'c', 'ein-anderes-Passwort');
		expect(ids.map((id) => sessionsOf(db, id))).toEqual([0, 0, 0]);
		expect(getAccount(db, 'b')).toBeNull();
		expect(verifyLogin(db, 'c', 'ein-anderes-Passwort')?.name).toBe('c');
	});

	it('keeps one active admin: the last one cannot be demoted, disabled or deleted', () => {
		const db = store();
		createAccount(db, { name: 'root', role: 'admin', password: PW });
		expect(setRole(db, 'root', 'planung')).toEqual({ ok: false, problem: 'lastAdmin' });
		expect(setDisabled(db, 'root', true)).toEqual({ ok: false, problem: 'lastAdmin' });
		expect(deleteAccount(db, 'root')).toEqual({ ok: false, problem: 'lastAdmin' });
		createAccount(db, { name: 'zweite', role: 'admin', password: PW });
		expect(setDisabled(db, 'zweite', true).ok).toBe(true);
		// A disabled admin does not count.
		expect(deleteAccount(db, 'root')).toEqual({ ok: false, problem: 'lastAdmin' });
		expect(setRole(db, 'zweite', 'redaktion').ok).toBe(true);
		expect(setRole(db, 'niemand', 'admin')).toEqual({ ok: false, problem: 'missing' });
	});

	it('changes a role and its Kontor together', () => {
		const db = store();
		createAccount(db, { name: 'anna', role: 'planung', password: PW });
		expect(setRole(db, 'anna', 'kontor')).toEqual({ ok: false, problem: 'kontor' });
		const r = setRole(db, 'anna', 'kontor', 'lebenstedt');
		expect(r.ok && [r.account.role, r.account.kontor]).toEqual(['kontor', 'lebenstedt']);
		const back = setRole(db, 'anna', 'redaktion', 'lebenstedt');
		expect(back.ok && [back.account.role, back.account.kontor]).toEqual(['redaktion', null]);
	});

	it('links an OIDC subject to one account only', () => {
		const db = store();
		createAccount(db, { name: 'a', role: 'planung', password: PW });
		createAccount(db, { name: 'b', role: 'planung', password: PW });
		expect(setOidcSubject(db, 'a', 'iss|1').ok).toBe(true);
		expect(setOidcSubject(db, 'b', 'iss|1')).toEqual({ ok: false, problem: 'subject' });
		expect(createAccount(db, { name: 'c', role: 'planung', oidcSubject: 'iss|1' })).toEqual({ ok: false, problem: 'subject' });
	});

	it("makes the environment's admin the first account of an empty store, and only then", () => {
		const db = store();
		const hash = hashPassword(PW);
		expect(ensureEnvironmentAdmin(db, undefined, hash)).toBeNull();
		expect(ensureEnvironmentAdmin(db, 'chef', 'kein-hash')).toBeNull();
		expect(countAccounts(db)).toBe(0);
		expect(ensureEnvironmentAdmin(db, 'chef', hash)?.role).toBe('admin');
		expect(verifyLogin(db, 'chef', PW)?.role).toBe('admin');
		expect(ensureEnvironmentAdmin(db, 'zweiter', hash)).toBeNull();
		expect(countAccounts(db)).toBe(1);
	});
});
