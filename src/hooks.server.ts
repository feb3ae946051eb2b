// Cross-cutting HTTP behaviour: CORS preflight for the read-only API, and problem+json for
// anything under /api that no endpoint answers (unknown path, wrong method); under /ogc the same
// cases get the OGC exception format instead. Framing rules (CSP frame-ancestors) per route.
// Pages and other text that no endpoint compressed are compressed here (compress.ts); reusable API
// answers are kept for the production server's fast path (responseCache.ts). The session is read
// for every request but /embed (which stays cookie-free and anonymous); with a session, every
// state-changing request needs its CSRF token. Without a session, /admin answers nothing but its login.
import { error, type Handle, type HandleServerError, type RequestEvent, type ServerInit } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { parseEmbedOrigins, securityHeaders } from '$lib/server/csp';
import { csrfValid, readSession, sessionViewer, type Session } from '$lib/server/admin/session';
import { outageState } from '$lib/server/outage';
import { API_HEADERS, localisedProblem } from '$lib/server/http';
import { translator, urlLocale } from '$lib/i18n';
import { admin } from '$lib/i18n/admin';
import { requireSession, uploadLimit } from '$lib/server/admin/guard';
import { ogcException, ogcRoot } from '$lib/server/ogc/endpoint';
import { OgcError } from '$lib/server/ogc/exception';
import { chooseFormat } from '$lib/server/ogc/negotiate';
import { compressResponse } from '$lib/server/compress';
import { responseCache } from '$lib/server/responseCache';
import { audienceOf, markPrivate, varyByCookie } from '$lib/server/visibility';
import { mapFirstPaint, mapFirstPreload, preloadMapLibre } from '$lib/server/preload';
import { registerSecurityHeaders } from '$lib/server/securityHeaders';
import { healthState } from '$lib/server/health';
import { registerAcceptEncodingReducer } from '$lib/server/negotiation';
import { registerWarmUp } from '$lib/server/warmUp';
import { refreshCurrent } from '$lib/server/db/current';
import { heldVersion } from '$lib/server/store';

/** Created now, as the app starts, so that server.js finds it. */
const cache = responseCache();
// server.js reads these too: the headers it sets on every answer, the state it marks as draining,
// the negotiation it applies for the static file handler, and the warm-up it starts once listening.
registerSecurityHeaders(env.ORIGIN);
healthState();
outageState();
registerAcceptEncodingReducer();
registerWarmUp();

/** Opens the store and loads its current version before the first request is answered. */
export const init: ServerInit = async () => {
	await loadStore();
};

/** A store that cannot be read at startup (a database still starting) is tried again by the next request. */
async function loadStore(): Promise<void> {
	try {
		await refreshCurrent();
	} catch (e) {
		console.error('store: the current version could not be loaded:', e);
	}
}

export const handle: Handle = async (input) => {
	if (heldVersion() === null) await loadStore();
	// Taken before the store is read: an answer begun before a data change is not kept.
	const generation = cache.generation;
	const secured = securityHeaders(input.event.url.pathname, await route(input), parseEmbedOrigins(env.KONTORATLAS_EMBED_ORIGINS));
	const compressed = await compressResponse(input.event.request, secured);
	// An answer for a viewer who sees internal data is private to them and never kept; a public one
	// a browser may keep varies by cookie, so signing in is never answered from it (visibility.ts).
	const audience = audienceOf(input.event.locals.viewer);
	const response = audience === 'internal' ? markPrivate(compressed) : isEmbed(input.event.url.pathname) ? compressed : varyByCookie(compressed);
	// With every header final, a reusable API answer goes into the cache server.js answers from.
	return cache.keep(input.event.request, input.event.url, generation, response, audience);
};

/** The API's only non-reading endpoints: computations from a request body that store nothing. */
const API_POST = new Set(['/api/einrichtungen/wasWaere']);

/**
 * State-changing requests that need no CSRF token even with a session: the login (it starts a new
 * session; SvelteKit's origin check guards it) and the API's computations, which store nothing and
 * read no session, so a forged call gains nothing.
 */
const CSRF_EXEMPT = new Set(['/admin/login', ...API_POST]);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The embed is for other sites' pages: it never reads or sets a cookie, and is always anonymous. */
const isEmbed = (path: string) => path === '/embed' || path.startsWith('/embed/');

/**
 * The CSRF token of a state-changing request: the `x-csrf-token` header (scripts), else the form's
 * `csrf` field (read from a copy, so the route still reads the body). Unreadable bodies have none.
 */
async function csrfToken(request: Request): Promise<string | null> {
	const header = request.headers.get('x-csrf-token');
	if (header) return header;
	const type = request.headers.get('content-type') ?? '';
	if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type)) return null;
	try {
		const token = (await request.clone().formData()).get('csrf');
		return typeof token === 'string' ? token : null;
	} catch {
		return null;
	}
}

/**
 * The request's session. While the store is unreachable, a signed-in reader of the atlas (a safe
 * request outside /admin) is served as the public is, from the version held; the admin and every
 * change answer the outage's 503 (outage.ts).
 */
async function sessionOf(event: RequestEvent): Promise<Session | null> {
	try {
		return await readSession(event.cookies);
	} catch (e) {
		const inAdmin = event.url.pathname === '/admin' || event.url.pathname.startsWith('/admin/');
		if (outageState().since !== null && SAFE_METHODS.has(event.request.method) && !inAdmin) return null;
		throw e;
	}
}

const route: Handle = async ({ event, resolve }) => {
	event.locals.session = isEmbed(event.url.pathname) ? null : await sessionOf(event);
	event.locals.viewer = event.locals.session ? sessionViewer(event.locals.session) : null;
	const api = event.url.pathname === '/api' || event.url.pathname.startsWith('/api/');
	const ogc = event.url.pathname === '/ogc' || event.url.pathname.startsWith('/ogc/');
	if ((api || ogc) && event.request.method === 'OPTIONS') {
		return new Response(null, {
			status: 204,
			headers: {
				...API_HEADERS,
				'access-control-allow-methods': 'GET, HEAD, OPTIONS',
				'access-control-allow-headers': 'If-None-Match, Accept',
				'access-control-max-age': '86400'
			}
		});
	}
	if (api && !['GET', 'HEAD'].includes(event.request.method) && !(event.request.method === 'POST' && API_POST.has(event.url.pathname))) {
		return localisedProblem(
			405,
			{ title: 'problem.method', detail: 'problem.method.detail', params: { method: event.request.method }, allowed: ['GET', 'HEAD', 'OPTIONS'] },
			event.request,
			event.url.pathname
		);
	}
	if (ogc) return handleOgc({ event, resolve });
	const inAdmin = event.url.pathname === '/admin' || event.url.pathname.startsWith('/admin/');
	// Unsafe methods with a session carry its token (a token of another session is refused). An
	// oversized admin upload is left to handleAdmin, which refuses it before its body is read.
	const unsafe = !SAFE_METHODS.has(event.request.method) && !CSRF_EXEMPT.has(event.url.pathname);
	if (event.locals.session && unsafe && !(inAdmin && tooLarge(event.request))) {
		if (!csrfValid(event.locals.session, await csrfToken(event.request))) error(403, translator(urlLocale(event.url), admin)('admin.error.csrf'));
	}
	if (inAdmin) return handleAdmin({ event, resolve });
	const response = preloadMapLibre(
		event.route.id,
		event.url,
		await resolve(event, { preload: mapFirstPreload(event.route.id, event.url), transformPageChunk: mapFirstPaint(event.route.id, event.url) })
	);
	if (api && response.status === 404 && !response.headers.get('content-type')?.includes('problem+json')) {
		const path = event.url.pathname.slice(0, 100);
		return localisedProblem(404, { title: 'problem.notFound', detail: 'problem.notFound.detail', params: { path } }, event.request, event.url.pathname);
	}
	return response;
};

/** An upload announcing more than the limit (and room for the other fields) is refused unread. */
function tooLarge(request: Request): boolean {
	return request.method === 'POST' && Number(request.headers.get('content-length') ?? 0) > uploadLimit() + 64 * 1024;
}

/** The one admin page open without a session (with its form action and its __data.json), and single sign-on's start and callback under it. */
const ADMIN_LOGIN = '/admin/login';
const OPEN_WITHOUT_SESSION = new Set([ADMIN_LOGIN, `${ADMIN_LOGIN}/oidc`, `${ADMIN_LOGIN}/oidc/callback`]);

/**
 * /admin: without a session, every page, data request and form action but the login is sent to the
 * login here, before any route code runs, so a route that forgets its own check stays closed;
 * oversized uploads are refused before their body is read; nothing is cached.
 */
const handleAdmin: Handle = async ({ event, resolve }) => {
	// Its redirect (thrown) becomes a 303 to the login for pages and form posts, and SvelteKit's JSON
	// redirect for data requests and enhanced forms; the request body is never read.
	if (!OPEN_WITHOUT_SESSION.has(event.url.pathname)) requireSession(event);
	if (tooLarge(event.request)) {
		const length = Number(event.request.headers.get('content-length') ?? 0);
		const limit = uploadLimit();
		const text = translator(urlLocale(event.url), admin)('admin.error.tooLargeSize', { size: Math.round(length / 1024), limit: Math.round(limit / 1024) });
		return new Response(text, {
			status: 413,
			headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', connection: 'close' }
		});
	}
	const response = await resolve(event);
	response.headers.set('cache-control', 'no-store');
	response.headers.set('x-robots-tag', 'noindex');
	return response;
};

const handleOgc: Handle = async ({ event, resolve }) => {
	let format: 'json' | 'html' = 'json';
	try {
		format = chooseFormat(event.url, event.request.headers.get('accept'));
	} catch {
		// an invalid f= is reported by the endpoint itself; here JSON is the fallback
	}
	const root = ogcRoot(event.url);
	if (!['GET', 'HEAD'].includes(event.request.method)) {
		return ogcException(new OgcError(405, 'MethodNotAllowed', 'ogc.method', { method: event.request.method }), format, root, event.request);
	}
	const response = await resolve(event);
	// No route matched (an OGC endpoint's own 404 already carries the exception body).
	if (response.status === 404 && event.route.id === null) {
		return ogcException(new OgcError(404, 'NotFound', 'ogc.noResource', { path: event.url.pathname.slice(0, 100) }), format, root, event.request);
	}
	return response;
};

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404) console.error(`Error on ${event.request.method} ${event.url.pathname}:`, error);
	return { message: status === 404 ? 'Nicht gefunden' : 'Interner Fehler' };
};
