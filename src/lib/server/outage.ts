// The store unreachable while the app runs (PostgreSQL stopped, restarting, the network away): every
// store call goes through `guardStore`, which notes the outage when a call fails for want of a
// connection and its end when one succeeds again. Reads go on from the version held in memory, with
// a notice (a Warning header, /readyz); a request that needs the store (writes, logins, admin pages)
// gets a 503 naming the cause in the user's language. server.js reads the state through a globalThis
// registry (it and the SvelteKit bundle are different module instances) to put the notice on
// answers from its response cache too.
import { error } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { DEFAULT_LOCALE, translator, type Locale } from '$lib/i18n';
import { outage as texts, type OutageKey } from '$lib/i18n/outage';
import { requestLocale } from '$lib/i18n/request';

export const OUTAGE_KEY = Symbol.for('kontoratlas.outage');

export type OutageCause = Extract<OutageKey, `outage.cause.${string}`>;

export interface Outage {
	/** ms since the epoch when a call first failed, or null while the store answers. */
	since: number | null;
	cause: OutageCause | null;
	/** The driver's or the server's error code behind the cause (e.g. ECONNREFUSED, 57P01). */
	code: string | null;
	/** The Warning header server.js adds to every answer while `since` is set (set with it). */
	warning: string | null;
}

/** The one state of this process, shared with server.js. */
export function outageState(): Outage {
	const registry = globalThis as typeof globalThis & { [OUTAGE_KEY]?: Outage };
	return (registry[OUTAGE_KEY] ??= { since: null, cause: null, code: null, warning: null });
}

/** Connection-level error codes of node, postgres.js and PostgreSQL (SQLSTATE), by what the user is told. */
const CAUSES: Record<string, OutageCause> = {
	ECONNREFUSED: 'outage.cause.refused',
	ENOTFOUND: 'outage.cause.refused',
	EHOSTUNREACH: 'outage.cause.refused',
	ENETUNREACH: 'outage.cause.refused',
	EAI_AGAIN: 'outage.cause.refused',
	// cannot_connect_now (starting up), connection exceptions at connect
	'57P03': 'outage.cause.shutdown',
	'08001': 'outage.cause.refused',
	'08004': 'outage.cause.refused',
	ECONNRESET: 'outage.cause.closed',
	EPIPE: 'outage.cause.closed',
	CONNECTION_CLOSED: 'outage.cause.closed',
	CONNECTION_ENDED: 'outage.cause.closed',
	CONNECTION_DESTROYED: 'outage.cause.closed',
	'08000': 'outage.cause.closed',
	'08003': 'outage.cause.closed',
	'08006': 'outage.cause.closed',
	// admin_shutdown (a stop or restart), crash_shutdown
	'57P01': 'outage.cause.shutdown',
	'57P02': 'outage.cause.shutdown',
	ETIMEDOUT: 'outage.cause.timeout',
	CONNECT_TIMEOUT: 'outage.cause.timeout',
	// invalid_authorization_specification, invalid_password; invalid_catalog_name (no such database)
	'28000': 'outage.cause.auth',
	'28P01': 'outage.cause.auth',
	'3D000': 'outage.cause.missing',
	// too_many_connections: the server is there but takes no one more
	'53300': 'outage.cause.other',
	'53400': 'outage.cause.other'
};

/** The code and cause when `e` means the store cannot be reached (not a wrong query, not a broken constraint); else null. */
export function outageCause(e: unknown): { cause: OutageCause; code: string } | null {
	const seen = new Set<unknown>();
	const visit = (x: unknown): { cause: OutageCause; code: string } | null => {
		if (!x || typeof x !== 'object' || seen.has(x)) return null;
		seen.add(x);
		const code = (x as { code?: unknown }).code;
		if (typeof code === 'string' && CAUSES[code]) return { cause: CAUSES[code], code };
		// node wraps the attempts at each address of a host in an AggregateError; errors may carry a cause.
		for (const inner of (x as { errors?: unknown[] }).errors ?? []) {
			const found = visit(inner);
			if (found) return found;
		}
		return visit((x as { cause?: unknown }).cause);
	};
	return visit(e);
}

/** Thrown outside a request (the version watch, start-up) when the store is unreachable; its message is for the log. */
export class StoreUnavailableError extends Error {
	constructor(
		readonly outage: { cause: OutageCause; code: string },
		options: { cause: unknown }
	) {
		super(`the store cannot be reached (${outage.code})`, options);
	}
}

/** The 503 text for a request in `locale`: the cause, and which version reads go on serving (null: none loaded). */
export function outageMessage(locale: Locale, cause: OutageCause, code: string, version: number | null): string {
	const t = translator(locale, texts);
	const why = t(cause, { code });
	return version === null ? t('outage.detailNoVersion', { cause: why }) : t('outage.detail', { cause: why, version });
}

/** Notes a call that failed for want of a connection (the first one starts the outage). */
export function noteOutage(found: { cause: OutageCause; code: string }, version: number | null): void {
	const state = outageState();
	if (state.since === null) {
		state.since = Date.now();
		console.error(`Kontoratlas: the store cannot be reached (${found.code}); reads go on from version ${version ?? '(none loaded)'}, writes are refused`);
	}
	state.cause = found.cause;
	state.code = found.code;
	state.warning = `199 kontoratlas "${translator(DEFAULT_LOCALE, texts)('outage.notice', { version: version ?? '-' })}"`;
}

/** Notes a call that succeeded: an outage is over. */
export function noteReachable(): void {
	const state = outageState();
	if (state.since === null) return;
	console.error(`Kontoratlas: the store answers again after ${Math.round((Date.now() - state.since) / 1000)} s`);
	Object.assign(state, { since: null, cause: null, code: null, warning: null });
}

/** The locale of the request under way, or null outside one (timers, start-up). */
function currentLocale(): Locale | null {
	try {
		const event = getRequestEvent();
		return requestLocale(event.url, event.request.headers);
	} catch {
		return null;
	}
}

/**
 * The store with every asynchronous call watched: a call failing for want of a connection notes
 * the outage and, inside a request, becomes a 503 whose message names the cause in the request's
 * language (SvelteKit shows it as the error page, or as JSON to a script); outside a request it
 * becomes a StoreUnavailableError. Other errors pass unchanged; any success ends the outage.
 * `held` is the version reads go on serving.
 */
export function guardStore<T extends object>(store: T, held: () => number | null): T {
	const fail = (e: unknown): never => {
		const found = outageCause(e);
		if (!found) throw e;
		noteOutage(found, held());
		const locale = currentLocale();
		if (locale === null) throw new StoreUnavailableError(found, { cause: e });
		error(503, outageMessage(locale, found.cause, found.code, held()));
	};
	return new Proxy(store, {
		get(target, prop, receiver) {
			const value = Reflect.get(target, prop, receiver);
			if (typeof value !== 'function') return value;
			return (...args: unknown[]) => {
				let result: unknown;
				try {
					result = value.apply(target, args);
				} catch (e) {
					return fail(e);
				}
				if (!(result instanceof Promise)) return result;
				return result.then((r) => {
					noteReachable();
					return r;
				}, fail);
			};
		}
	});
}
