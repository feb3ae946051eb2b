// Liveness (/healthz) and readiness (/readyz). server.js marks the process as draining when it
// shuts down; it reaches the app's state through a globalThis registry, as for the response cache
// (server.js and the SvelteKit bundle are different module instances).
import type { ServingKey } from '$lib/i18n/serving';

export const HEALTH_KEY = Symbol.for('kontoratlas.health');

export interface HealthState {
	/** Set by server.js on SIGTERM/SIGINT: in-flight requests finish, load balancers stop sending. */
	draining: boolean;
}

/** The one state of this process, shared by the SvelteKit bundle and the server entry. */
export function healthState(): HealthState {
	const registry = globalThis as typeof globalThis & { [HEALTH_KEY]?: HealthState };
	return (registry[HEALTH_KEY] ??= { draining: false });
}

export type Readiness = { ready: true; version: number } | { ready: false; problem: ServingKey; error?: unknown };

/**
 * Ready when not draining and `loadCurrent` (read the store, load its current version) succeeds;
 * it returns the version now served.
 */
export async function readiness(state: HealthState, loadCurrent: () => Promise<number>): Promise<Readiness> {
	if (state.draining) return { ready: false, problem: 'http.ready.draining' };
	try {
		return { ready: true, version: await loadCurrent() };
	} catch (error) {
		return { ready: false, problem: 'http.ready.storeUnreadable', error };
	}
}

/** Probes are polled every few seconds: never stored by any cache, never indexed. */
export const HEALTH_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-robots-tag': 'noindex' } as const;
