// Sessions for the whole app (#19): a random token in an HttpOnly, SameSite=Lax cookie on path /,
// kept in the store by its SHA-256 (the store never holds a usable token), with a CSRF token per
// session, an idle and an absolute timeout, and a new token at every login (no fixation). Every
// request re-reads the account, so a disabled or deleted account's cookie is refused at once.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import type { Role, Viewer } from '$lib/auth/roles';
import { getDatabase } from '../db/current';
import type { Db } from '../db/database';
import { ensureEnvironmentAdmin, getAccountById, markLogin, type Account } from './accounts';

export const SESSION_COOKIE = 'kontoratlas_admin';

/** A signed-in request: the account as the store has it now, and the session's CSRF token. */
export interface Session {
	/** The cookie token (never stored; the store has its hash). */
	id: string;
	accountId: number;
	user: string;
	role: Role;
	kontor: string | null;
	csrf: string;
	expiresAbsolute: number;
}

const DEFAULT_IDLE_S = 2 * 60 * 60;
const DEFAULT_ABSOLUTE_S = 12 * 60 * 60;

function seconds(raw: string | undefined, fallback: number): number {
	const n = Number(raw);
	return raw && Number.isInteger(n) && n > 0 ? n : fallback;
}

/** KONTORATLAS_SESSION_IDLE and KONTORATLAS_SESSION_ABSOLUTE, in seconds (2 h and 12 h by default). */
export function sessionTimeouts(): { idleMs: number; absoluteMs: number } {
	return {
		idleMs: seconds(env.KONTORATLAS_SESSION_IDLE, DEFAULT_IDLE_S) * 1000,
		absoluteMs: seconds(env.KONTORATLAS_SESSION_ABSOLUTE, DEFAULT_ABSOLUTE_S) * 1000
	};
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Whether the store has a way in: an account, or the environment's admin to become the first one. */
export function loginConfigured(db: Db = getDatabase()): boolean {
	return Boolean(ensureEnvironmentAdmin(db, env.KONTORATLAS_ADMIN_USER, env.KONTORATLAS_ADMIN_PASSWORD_HASH)) || hasAccounts(db);
}

const hasAccounts = (db: Db) => db.prepare('SELECT 1 FROM users LIMIT 1').get() !== undefined;

/**
 * Secure on https and on every host but plain-HTTP loopback (development and the tests), so a
 * production server behind a proxy that forgot to say https still never sends the cookie in clear.
 */
function secureCookie(url: URL): boolean {
	return url.protocol === 'https:' || !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

const cookieOptions = (url: URL) => ({ path: '/', httpOnly: true, sameSite: 'lax' as const, secure: secureCookie(url) });

/**
 * Signs `user` in with a new session: any session the browser brought along is ended first, and
 * the new token is random, so a cookie planted before the login is useless after it.
 */
export function startSession(cookies: Cookies, url: URL, user: Account): Session {
	const db = getDatabase();
	const old = cookies.get(SESSION_COOKIE);
	const at = Date.now();
	const { absoluteMs } = sessionTimeouts();
	const id = randomBytes(32).toString('base64url');
	const csrf = randomBytes(32).toString('base64url');
	db.transaction(() => {
		if (old) db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash(old));
		prune(db, at);
		db.prepare('INSERT INTO sessions (token_hash, user_id, csrf, created, last_seen, expires_absolute) VALUES (?, ?, ?, ?, ?, ?)').run(
			tokenHash(id),
			user.id,
			csrf,
			at,
			at,
			at + absoluteMs
		);
	})();
	markLogin(db, user.id);
	cookies.set(SESSION_COOKIE, id, { ...cookieOptions(url), maxAge: Math.floor(absoluteMs / 1000) });
	return {
		id,
		accountId: user.id,
		user: user.name,
		role: user.role,
		kontor: user.role === 'kontor' ? user.kontor : null,
		csrf,
		expiresAbsolute: at + absoluteMs
	};
}

/** Expired sessions go whenever a session is started. */
function prune(db: Db, at: number): void {
	const { idleMs } = sessionTimeouts();
	db.prepare('DELETE FROM sessions WHERE expires_absolute < ? OR last_seen < ?').run(at, at - idleMs);
}

interface SessionRow {
	user_id: number;
	csrf: string;
	last_seen: number;
	expires_absolute: number;
}

/**
 * The session of this cookie, or null: unknown, tampered, idle too long, past its absolute end,
 * or of an account that is disabled or gone. An expired session's row is removed.
 */
export function readSession(cookies: Cookies): Session | null {
	const id = cookies.get(SESSION_COOKIE);
	// Only well-formed tokens reach the store (32 random bytes, base64url).
	if (!id || !/^[\w-]{43}$/.test(id)) return null;
	const db = getDatabase();
	const hash = tokenHash(id);
	const row = db.prepare('SELECT user_id, csrf, last_seen, expires_absolute FROM sessions WHERE token_hash = ?').get(hash) as SessionRow | undefined;
	if (!row) return null;
	const at = Date.now();
	const { idleMs } = sessionTimeouts();
	const user = getAccountById(db, row.user_id);
	if (row.expires_absolute <= at || at - row.last_seen >= idleMs || !user || user.disabled) {
		db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hash);
		return null;
	}
	// Activity moves the idle deadline; written at most every minute (or tenth of the idle time).
	if (at - row.last_seen >= Math.min(60_000, idleMs / 10)) db.prepare('UPDATE sessions SET last_seen = ? WHERE token_hash = ?').run(at, hash);
	return {
		id,
		accountId: user.id,
		user: user.name,
		role: user.role,
		kontor: user.role === 'kontor' ? user.kontor : null,
		csrf: row.csrf,
		expiresAbsolute: row.expires_absolute
	};
}

/** Who a signed-in request is served for (locals.viewer). */
export const sessionViewer = (s: Session): Viewer => ({ name: s.user, role: s.role, kontor: s.kontor });

export function endSession(cookies: Cookies, url: URL): void {
	const id = cookies.get(SESSION_COOKIE);
	if (id) getDatabase().prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash(id));
	cookies.delete(SESSION_COOKIE, cookieOptions(url));
}

export function csrfValid(session: Session, token: unknown): boolean {
	if (typeof token !== 'string') return false;
	const a = Buffer.from(token);
	const b = Buffer.from(session.csrf);
	return a.length === b.length && timingSafeEqual(a, b);
}
