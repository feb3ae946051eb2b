// Admin sessions: credentials from the environment (KONTORATLAS_ADMIN_USER and
// KONTORATLAS_ADMIN_PASSWORD_HASH), server-side sessions keyed by a random token in an HttpOnly,
// SameSite=Strict cookie scoped to /admin and a CSRF token per session (login throttling: throttle.ts).
// Sessions live in the store (by the token's SHA-256), so a restart does not log anyone out.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { getDatabase } from '../db/current';
import { deleteSession, getSession, putSession } from '../db/database';
import { verifyPassword } from './password';

export const SESSION_COOKIE = 'kontoratlas_admin';
const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

export interface AdminSession {
	id: string;
	user: string;
	csrf: string;
	expires: number;
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

export function adminConfigured(): boolean {
	return Boolean(env.KONTORATLAS_ADMIN_USER && env.KONTORATLAS_ADMIN_PASSWORD_HASH);
}

export function checkCredentials(user: string, password: string): boolean {
	const expectedUser = env.KONTORATLAS_ADMIN_USER ?? '';
	const hash = env.KONTORATLAS_ADMIN_PASSWORD_HASH ?? '';
	const a = Buffer.from(user.slice(0, 200));
	const b = Buffer.from(expectedUser);
	const userOk = a.length === b.length && timingSafeEqual(a, b);
	// The hash is computed even for a wrong user name, so timing does not tell which one was wrong.
	const passwordOk = verifyPassword(password, hash);
	return Boolean(expectedUser) && userOk && passwordOk;
}

/** Secure everywhere but plain-HTTP loopback (development and the tests). */
function secureCookie(url: URL): boolean {
	return url.protocol === 'https:' || !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export function startSession(cookies: Cookies, url: URL, user: string): AdminSession {
	const session = { id: randomBytes(32).toString('base64url'), user, csrf: randomBytes(32).toString('base64url'), expires: Date.now() + SESSION_TTL_MS };
	putSession(getDatabase(), tokenHash(session.id), session);
	cookies.set(SESSION_COOKIE, session.id, { path: '/admin', httpOnly: true, sameSite: 'strict', secure: secureCookie(url), maxAge: SESSION_TTL_MS / 1000 });
	return session;
}

export function readSession(cookies: Cookies): AdminSession | null {
	const id = cookies.get(SESSION_COOKIE);
	if (!id) return null;
	// Only well-formed tokens reach the store (32 random bytes, base64url).
	if (!/^[\w-]{43}$/.test(id)) return null;
	const db = getDatabase();
	const s = getSession(db, tokenHash(id));
	if (!s || s.expires < Date.now()) {
		if (s) deleteSession(db, tokenHash(id));
		return null;
	}
	return { id, ...s };
}

export function endSession(cookies: Cookies, url: URL): void {
	const id = cookies.get(SESSION_COOKIE);
	if (id) deleteSession(getDatabase(), tokenHash(id));
	cookies.delete(SESSION_COOKIE, { path: '/admin', httpOnly: true, sameSite: 'strict', secure: secureCookie(url) });
}

export function csrfValid(session: AdminSession, token: unknown): boolean {
	if (typeof token !== 'string') return false;
	const a = Buffer.from(token);
	const b = Buffer.from(session.csrf);
	return a.length === b.length && timingSafeEqual(a, b);
}
