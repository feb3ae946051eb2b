// Accounts in the store (#19): names, roles, the Kontor of a `kontor` account, scrypt password
// hashes (none for accounts that only sign in through OIDC), and their sessions. No SvelteKit
// imports: `npm run users` (scripts/users.ts) works on the same functions.
import type { StoreBackend, UserRow } from '../db/backend';
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

const account = (r: UserRow): Account => ({
	id: r.id,
	name: r.name,
	role: isRole(r.role) ? r.role : 'oeffentlich',
	kontor: r.kontor,
	oidcSubject: r.oidcSubject,
	disabled: r.disabled,
	hasPassword: r.passwordHash !== null,
	created: r.created,
	updated: r.updated,
	lastLogin: r.lastLogin
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

export function countAccounts(db: StoreBackend): Promise<number> {
	return db.countUsers();
}

export async function listAccounts(db: StoreBackend): Promise<Account[]> {
	return (await db.listUsers()).map(account);
}

/** By name, without regard to case (names are unique that way). */
export async function getAccount(db: StoreBackend, name: string): Promise<Account | null> {
	const row = await db.userByName(name);
	return row ? account(row) : null;
}

export async function getAccountById(db: StoreBackend, id: number): Promise<Account | null> {
	const row = await db.userById(id);
	return row ? account(row) : null;
}

export async function getAccountByOidcSubject(db: StoreBackend, subject: string): Promise<Account | null> {
	const row = await db.userByOidcSubject(subject);
	return row ? account(row) : null;
}

export async function createAccount(db: StoreBackend, a: NewAccount): Promise<AccountResult> {
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
	if (await getAccount(db, a.name)) return { ok: false, problem: 'taken' };
	if (a.oidcSubject && (await getAccountByOidcSubject(db, a.oidcSubject))) return { ok: false, problem: 'subject' };
	const at = now();
	const id = await db.insertUser({
		name: a.name,
		role: checked.role,
		kontor: checked.kontor,
		passwordHash: hash,
		oidcSubject: a.oidcSubject ?? null,
		created: at,
		updated: at
	});
	// Null: another process took the name (or subject) between the check and the insert.
	if (id === null) return { ok: false, problem: 'taken' };
	return { ok: true, account: (await getAccountById(db, id))! };
}

/** A change that would leave no active admin is refused: nobody could manage accounts any more. */
async function removesLastAdmin(db: StoreBackend, a: Account): Promise<boolean> {
	return a.role === 'admin' && !a.disabled && (await db.countActiveAdmins(a.id)) === 0;
}

export async function setRole(db: StoreBackend, name: string, role: unknown, kontor?: string | null): Promise<AccountResult> {
	const a = await getAccount(db, name);
	if (!a) return { ok: false, problem: 'missing' };
	const checked = checkRole(role, kontor);
	if (typeof checked === 'string') return { ok: false, problem: checked };
	if (checked.role !== 'admin' && (await removesLastAdmin(db, a))) return { ok: false, problem: 'lastAdmin' };
	await db.updateUser(a.id, { role: checked.role, kontor: checked.kontor, updated: now() });
	return { ok: true, account: (await getAccountById(db, a.id))! };
}

/** Disabling ends the account's sessions at once (their rows go); enabling lets it sign in again. */
export async function setDisabled(db: StoreBackend, name: string, disabled: boolean): Promise<AccountResult> {
	const a = await getAccount(db, name);
	if (!a) return { ok: false, problem: 'missing' };
	if (disabled && (await removesLastAdmin(db, a))) return { ok: false, problem: 'lastAdmin' };
	await db.updateUser(a.id, { disabled, updated: now() }, disabled);
	return { ok: true, account: (await getAccountById(db, a.id))! };
}

/** Deleting removes the account and its sessions. */
export async function deleteAccount(db: StoreBackend, name: string): Promise<AccountResult> {
	const a = await getAccount(db, name);
	if (!a) return { ok: false, problem: 'missing' };
	if (await removesLastAdmin(db, a)) return { ok: false, problem: 'lastAdmin' };
	await db.deleteUser(a.id);
	return { ok: true, account: a };
}

/** A new password ends the account's other sessions: whoever knew the old one is signed out. */
export async function setPassword(db: StoreBackend, name: string, password: string): Promise<AccountResult> {
	const a = await getAccount(db, name);
	if (!a) return { ok: false, problem: 'missing' };
	if (password.length < MIN_PASSWORD || password.length > 1024) return { ok: false, problem: 'password' };
	await db.updateUser(a.id, { passwordHash: hashPassword(password), updated: now() }, true);
	return { ok: true, account: (await getAccountById(db, a.id))! };
}

export async function setOidcSubject(db: StoreBackend, name: string, subject: string | null): Promise<AccountResult> {
	const a = await getAccount(db, name);
	if (!a) return { ok: false, problem: 'missing' };
	if (subject !== null) {
		const other = await getAccountByOidcSubject(db, subject);
		if (other && other.id !== a.id) return { ok: false, problem: 'subject' };
	}
	await db.updateUser(a.id, { oidcSubject: subject, updated: now() });
	return { ok: true, account: (await getAccountById(db, a.id))! };
}

export async function markLogin(db: StoreBackend, id: number): Promise<void> {
	await db.updateUser(id, { lastLogin: now() });
}

/** Hashed once per process with the same cost as real hashes, for names that have none. */
let dummy: string | null = null;

/**
 * The account these credentials belong to, or null. The scrypt hash is computed whatever happens
 * (unknown name, disabled account, SSO-only account), so the time taken does not tell which.
 */
export async function verifyLogin(db: StoreBackend, name: string, password: string): Promise<Account | null> {
	const row = validName(name) ? await db.userByName(name) : null;
	dummy ??= hashPassword('no account has this password');
	const ok = verifyPassword(password, row?.passwordHash ?? dummy);
	if (!row || !row.passwordHash || row.disabled || !ok) return null;
	return account(row);
}

/**
 * The environment's admin (KONTORATLAS_ADMIN_USER and _PASSWORD_HASH) becomes the first account
 * of an empty store, with the top role; once any account exists the store alone decides.
 */
export async function ensureEnvironmentAdmin(db: StoreBackend, user: string | undefined, hash: string | undefined): Promise<Account | null> {
	if (!user || !hash || (await countAccounts(db)) > 0) return null;
	const made = await createAccount(db, { name: user, role: 'admin', passwordHash: hash });
	return made.ok ? made.account : null;
}
