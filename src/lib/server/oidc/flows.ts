// A single sign-on login under way: its state, nonce and PKCE code verifier stay on the server
// (table oidc_flows, by the SHA-256 of a random token); the browser holds only that token in a short-lived
// HttpOnly cookie scoped to the OIDC paths. The callback takes the flow once: a second use of the
// same cookie, or a callback without one, finds nothing.
//
// Why the store rather than a signed cookie holding the values: a flow is single-use without any
// server secret to manage or rotate, it survives a restart between the provider's redirect and the
// callback, and the verifier and nonce never leave the server.
import { createHash, randomBytes } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n';
import { getBackend } from '../db/current';

export const FLOW_COOKIE = 'kontoratlas_oidc';
/** The start and the callback are both under this path; no other route ever receives the cookie. */
export const FLOW_PATH = '/admin/login/oidc';
/** Time for the sign-in at the provider (a password, a second factor, a consent page). */
const FLOW_TTL_MS = 10 * 60 * 1000;
/** Starting is a plain GET anyone can repeat: beyond this many flows under way the oldest go. */
const MAX_FLOWS = 10_000;

export interface Flow {
	state: string;
	nonce: string;
	verifier: string;
	/** Where to go after signing in: a same-origin path, or empty for the admin's start page. */
	next: string;
	locale: Locale;
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Secure everywhere but plain-HTTP loopback (development and the tests), like the session cookie. */
const secure = (url: URL) => url.protocol === 'https:' || !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/**
 * SameSite=Lax: the callback is a top-level navigation coming from the provider's site, which a
 * Strict cookie would not accompany. A new flow in the same browser replaces the previous one.
 */
export async function beginFlow(cookies: Cookies, url: URL, flow: Flow): Promise<void> {
	const token = randomBytes(32).toString('base64url');
	const old = cookies.get(FLOW_COOKIE);
	await (
		await getBackend()
	).putFlow({ tokenHash: tokenHash(token), ...flow, expires: Date.now() + FLOW_TTL_MS }, { replaces: old ? tokenHash(old) : null, max: MAX_FLOWS });
	cookies.set(FLOW_COOKIE, token, { path: FLOW_PATH, httpOnly: true, sameSite: 'lax', secure: secure(url), maxAge: FLOW_TTL_MS / 1000 });
}

/** The flow this browser started, removed as it is read (and its cookie with it); null if none or expired. */
export async function takeFlow(cookies: Cookies, url: URL): Promise<Flow | null> {
	const token = cookies.get(FLOW_COOKIE);
	if (!token) return null;
	cookies.delete(FLOW_COOKIE, { path: FLOW_PATH, httpOnly: true, sameSite: 'lax', secure: secure(url) });
	if (!/^[\w-]{43}$/.test(token)) return null;
	const row = await (await getBackend()).takeFlow(tokenHash(token));
	if (!row || row.expires < Date.now()) return null;
	return { state: row.state, nonce: row.nonce, verifier: row.verifier, next: row.next, locale: row.locale as Locale };
}
