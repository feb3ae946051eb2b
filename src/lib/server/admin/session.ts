// Sessions for the whole app (#19): a random token in an HttpOnly, SameSite=Lax cookie on path /,
// kept in the store by its SHA-256 (the store never holds a usable token), with a CSRF token per
// session, an idle and an absolute timeout, and a new token at every login (no fixation). Every
// request re-reads the account, so a disabled or deleted account's cookie is refused at once.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import type { Role, Viewer } from '$lib/auth/roles';
import { getBackend } from '../db/current';
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
export async function loginConfigured(): Promise<boolean> {
	const db = await getBackend();
	return Boolean(await ensureEnvironmentAdmin(db, env.KONTORATLAS_ADMIN_USER, env.KONTORATLAS_ADMIN_PASSWORD_HASH)) || (await db.countUsers()) > 0;
}

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
export async function startSession(cookies: Cookies, url: URL, user: Account): Promise<Session> {
	const db = await getBackend();
	const old = cookies.get(SESSION_COOKIE);
	const at = Date.now();
	const { absoluteMs } = sessionTimeouts();
	const id = randomBytes(32).toString('base64url');
	const csrf = randomBytes(32).toString('base64url');
	// Expired sessions go whenever a session is started.
	await db.startSession(
		{ tokenHash: tokenHash(id), userId: user.id, csrf, created: at, lastSeen: at, expiresAbsolute: at + absoluteMs },
		{ replaces: old ? tokenHash(old) : null, idleBefore: at - sessionTimeouts().idleMs }
	);
	await markLogin(db, user.id);
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

/**
 * The session of this cookie, or null: unknown, tampered, idle too long, past its absolute end,
 * or of an account that is disabled or gone. An expired session's row is removed.
 */
export async function readSession(cookies: Cookies): Promise<Session | null> {
	const id = cookies.get(SESSION_COOKIE);
	// Only well-formed tokens reach the store (32 random bytes, base64url).
	if (!id || !/^[\w-]{43}$/.test(id)) return null;
	const db = await getBackend();
	const hash = tokenHash(id);
	const row = await db.getSession(hash);
	if (!row) return null;
	const at = Date.now();
	const { idleMs } = sessionTimeouts();
	const user = await getAccountById(db, row.userId);
	if (row.expiresAbsolute <= at || at - row.lastSeen >= idleMs || !user || user.disabled) {
		await db.deleteSession(hash);
		return null;
	}
	// Activity moves the idle deadline; written at most every minute (or tenth of the idle time).
	if (at - row.lastSeen >= Math.min(60_000, idleMs / 10)) await db.touchSession(hash, at);
	return {
		id,
		accountId: user.id,
		user: user.name,
		role: user.role,
		kontor: user.role === 'kontor' ? user.kontor : null,
		csrf: row.csrf,
		expiresAbsolute: row.expiresAbsolute
	};
}

/** Who a signed-in request is served for (locals.viewer). */
export const sessionViewer = (s: Session): Viewer => ({ name: s.user, role: s.role, kontor: s.kontor });

export async function endSession(cookies: Cookies, url: URL): Promise<void> {
	const id = cookies.get(SESSION_COOKIE);
	if (id) await (await getBackend()).deleteSession(tokenHash(id));
	cookies.delete(SESSION_COOKIE, cookieOptions(url));
}

export function csrfValid(session: Session, token: unknown): boolean {
	if (typeof token !== 'string') return false;
	const a = Buffer.from(token);
	const b = Buffer.from(session.csrf);
	return a.length === b.length && timingSafeEqual(a, b);
}
