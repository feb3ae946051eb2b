// Accounts in the store (#19): names, roles, the Kontor of a `kontor` account, scrypt password
// hashes (none for accounts that only sign in through OIDC), and their sessions. No SvelteKit
// imports: `npm run users` (scripts/users.ts) works on the same functions.
import type { Db } from '../db/database';
import { isRole, type Role } from '$lib/auth/roles';
import { hashPassword, isPasswordHash, verifyPassword } from './password';

export interface Account {
	id: number;
	name: string;
	role: Role;
	/** The Kontor a `kontor` account edits; null for every other role. */
	kontor: string | null;
	/** The OIDC subject (issuer and `sub`) this account signs in as, if any. */
	oidcSubject: string | null;
	disabled: boolean;
	hasPassword: boolean;
	created: string;
	updated: string;
	lastLogin: string | null;
}

export interface NewAccount {
	name: string;
	/** Checked here: a form's or the command line's text may name no role. */
	role: Role | string;
	kontor?: string | null;
	/** Plain password (hashed here); null or absent for an account that signs in only through OIDC. */
	password?: string | null;
	/** A hash made elsewhere (the environment's admin); used instead of `password`. */
	passwordHash?: string | null;
	oidcSubject?: string | null;
}

/** Why an account change was refused; the callers turn it into a message in the user's language. */
export type AccountProblem = 'name' | 'taken' | 'role' | 'kontor' | 'password' | 'missing' | 'lastAdmin' | 'subject';

export type AccountResult = { ok: true; account: Account } | { ok: false; problem: AccountProblem };

export const MIN_PASSWORD = 12;
export const MAX_NAME = 100;

interface Row {
	id: number;
	name: string;
	role: string;
	kontor: string | null;
	password_hash: string | null;
	oidc_subject: string | null;
	disabled: number;
	created: string;
	updated: string;
	last_login: string | null;
}

const account = (r: Row): Account => ({
	id: r.id,
	name: r.name,
	role: isRole(r.role) ? r.role : 'oeffentlich',
	kontor: r.kontor,
	oidcSubject: r.oidc_subject,
	disabled: r.disabled === 1,
	hasPassword: r.password_hash !== null,
	created: r.created,
	updated: r.updated,
	lastLogin: r.last_login
});

/** Names as people type them (letters, digits, . _ @ -), so an e-mail address from SSO fits too. */
export const validName = (name: string): boolean => name.length > 0 && name.length <= MAX_NAME && /^[\p{L}\p{N}._@-]+$/u.test(name);
export const validKontor = (kontor: string): boolean => /^[a-z0-9][a-z0-9-]{0,63}$/.test(kontor);

/** The role and Kontor together: a `kontor` account needs its Kontor, every other role has none. */
function checkRole(role: unknown, kontor: string | null | undefined): { role: Role; kontor: string | null } | AccountProblem {
	if (!isRole(role)) return 'role';
	if (role !== 'kontor') return { role, kontor: null };
	if (!kontor || !validKontor(kontor)) return 'kontor';
	return { role, kontor };
}

const now = () => new Date().toISOString();

export function countAccounts(db: Db): number {
	return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

export function listAccounts(db: Db): Account[] {
	return (db.prepare('SELECT * FROM users ORDER BY name COLLATE NOCASE').all() as Row[]).map(account);
}

export function getAccount(db: Db, name: string): Account | null {
	const row = db.prepare('SELECT * FROM users WHERE name = ?').get(name) as Row | undefined;
	return row ? account(row) : null;
}

export function getAccountById(db: Db, id: number): Account | null {
	const row = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as Row | undefined;
	return row ? account(row) : null;
}

export function getAccountByOidcSubject(db: Db, subject: string): Account | null {
	const row = db.prepare('SELECT * FROM users WHERE oidc_subject = ?').get(subject) as Row | undefined;
	return row ? account(row) : null;
}

export function createAccount(db: Db, a: NewAccount): AccountResult {
	if (!validName(a.name)) return { ok: false, problem: 'name' };
	const checked = checkRole(a.role, a.kontor);
	if (typeof checked === 'string') return { ok: false, problem: checked };
	let hash: string | null = null;
	if (a.passwordHash) {
		if (!isPasswordHash(a.passwordHash)) return { ok: false, problem: 'password' };
		hash = a.passwordHash;
	} else if (a.password != null) {
		if (a.password.length < MIN_PASSWORD || a.password.length > 1024) return { ok: false, problem: 'password' };
		hash = hashPassword(a.password);
	}
	if (a.oidcSubject != null && (a.oidcSubject.length === 0 || a.oidcSubject.length > 500)) return { ok: false, problem: 'subject' };
	if (getAccount(db, a.name)) return { ok: false, problem: 'taken' };
	if (a.oidcSubject && getAccountByOidcSubject(db, a.oidcSubject)) return { ok: false, problem: 'subject' };
	const at = now();
	const id = db
		.prepare('INSERT INTO users (name, role, kontor, password_hash, oidc_subject, disabled, created, updated) VALUES (?, ?, ?, ?, ?, 0, ?, ?)')
		.run(a.name, checked.role, checked.kontor, hash, a.oidcSubject ?? null, at, at).lastInsertRowid;
	return { ok: true, account: getAccountById(db, Number(id))! };
}

/** Active accounts with the top role, but `except` (the one about to lose it). */
function otherActiveAdmins(db: Db, except: number): number {
	return (db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled = 0 AND id != ?").get(except) as { n: number }).n;
}

/** A change that would leave no active admin is refused: nobody could manage accounts any more. */
function removesLastAdmin(db: Db, a: Account): boolean {
	return a.role === 'admin' && !a.disabled && otherActiveAdmins(db, a.id) === 0;
}

export function setRole(db: Db, name: string, role: unknown, kontor?: string | null): AccountResult {
	const a = getAccount(db, name);
	if (!a) return { ok: false, problem: 'missing' };
	const checked = checkRole(role, kontor);
	if (typeof checked === 'string') return { ok: false, problem: checked };
	if (checked.role !== 'admin' && removesLastAdmin(db, a)) return { ok: false, problem: 'lastAdmin' };
	db.prepare('UPDATE users SET role = ?, kontor = ?, updated = ? WHERE id = ?').run(checked.role, checked.kontor, now(), a.id);
	return { ok: true, account: getAccountById(db, a.id)! };
}

/** Disabling ends the account's sessions at once (their rows go); enabling lets it sign in again. */
export function setDisabled(db: Db, name: string, disabled: boolean): AccountResult {
	const a = getAccount(db, name);
	if (!a) return { ok: false, problem: 'missing' };
	if (disabled && removesLastAdmin(db, a)) return { ok: false, problem: 'lastAdmin' };
	db.transaction(() => {
		db.prepare('UPDATE users SET disabled = ?, updated = ? WHERE id = ?').run(disabled ? 1 : 0, now(), a.id);
		if (disabled) db.prepare('DELETE FROM sessions WHERE user_id = ?').run(a.id);
	})();
	return { ok: true, account: getAccountById(db, a.id)! };
}

/** Deleting removes the account and (by the foreign key) its sessions. */
export function deleteAccount(db: Db, name: string): AccountResult {
	const a = getAccount(db, name);
	if (!a) return { ok: false, problem: 'missing' };
	if (removesLastAdmin(db, a)) return { ok: false, problem: 'lastAdmin' };
	db.transaction(() => {
		db.prepare('DELETE FROM sessions WHERE user_id = ?').run(a.id);
		db.prepare('DELETE FROM users WHERE id = ?').run(a.id);
	})();
	return { ok: true, account: a };
}

/** A new password ends the account's other sessions: whoever knew the old one is signed out. */
export function setPassword(db: Db, name: string, password: string): AccountResult {
	const a = getAccount(db, name);
	if (!a) return { ok: false, problem: 'missing' };
	if (password.length < MIN_PASSWORD || password.length > 1024) return { ok: false, problem: 'password' };
	db.transaction(() => {
		db.prepare('UPDATE users SET password_hash = ?, updated = ? WHERE id = ?').run(hashPassword(password), now(), a.id);
		db.prepare('DELETE FROM sessions WHERE user_id = ?').run(a.id);
	})();
	return { ok: true, account: getAccountById(db, a.id)! };
}

export function setOidcSubject(db: Db, name: string, subject: string | null): AccountResult {
	const a = getAccount(db, name);
	if (!a) return { ok: false, problem: 'missing' };
	if (subject !== null) {
		const other = getAccountByOidcSubject(db, subject);
		if (other && other.id !== a.id) return { ok: false, problem: 'subject' };
	}
	db.prepare('UPDATE users SET oidc_subject = ?, updated = ? WHERE id = ?').run(subject, now(), a.id);
	return { ok: true, account: getAccountById(db, a.id)! };
}

export function markLogin(db: Db, id: number): void {
	db.prepare('UPDATE users SET last_login = ? WHERE id = ?').run(now(), id);
}

/** Hashed once per process with the same cost as real hashes, for names that have none. */
let dummy: string | null = null;

/**
 * The account these credentials belong to, or null. The scrypt hash is computed whatever happens
 * (unknown name, disabled account, SSO-only account), so the time taken does not tell which.
 */
export function verifyLogin(db: Db, name: string, password: string): Account | null {
	const row = validName(name) ? (db.prepare('SELECT * FROM users WHERE name = ?').get(name) as Row | undefined) : undefined;
	dummy ??= hashPassword('no account has this password');
	const ok = verifyPassword(password, row?.password_hash ?? dummy);
	if (!row || !row.password_hash || row.disabled === 1 || !ok) return null;
	return account(row);
}

/**
 * The environment's admin (KONTORATLAS_ADMIN_USER and _PASSWORD_HASH) becomes the first account
 * of an empty store, with the top role; once any account exists the store alone decides.
 */
export function ensureEnvironmentAdmin(db: Db, user: string | undefined, hash: string | undefined): Account | null {
	if (!user || !hash || countAccounts(db) > 0) return null;
	const made = createAccount(db, { name: user, role: 'admin', passwordHash: hash });
	return made.ok ? made.account : null;
}
