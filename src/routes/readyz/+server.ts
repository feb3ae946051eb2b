// Readiness: 200 while the store is readable and its current version is loaded, 503 otherwise and
// while the process drains after SIGTERM (load balancers then stop sending new requests).
import { translator } from '$lib/i18n';
import { requestLocale } from '$lib/i18n/request';
import { serving } from '$lib/i18n/serving';
import { getBackend, refreshCurrent } from '$lib/server/db/current';
import { healthState, HEALTH_HEADERS, readiness } from '$lib/server/health';
import type { RequestHandler } from './$types';

/** Logged when the store starts failing, not on every poll while it fails. */
let failing = false;

async function loadCurrent(): Promise<number> {
	// Reads the current version id and, when it changed, loads and validates that version.
	await refreshCurrent();
	const version = await (await getBackend()).currentVersionId();
	if (version === null) throw new Error('the store has no current version');
	return version;
}

export const GET: RequestHandler = async ({ url, request }) => {
	const t = translator(requestLocale(url, request.headers), serving);
	const state = await readiness(healthState(), loadCurrent);
	if (state.ready) {
		failing = false;
		return new Response(JSON.stringify({ status: 'ready', version: state.version, message: t('http.ready.ok', { version: state.version }) }), {
			headers: HEALTH_HEADERS
		});
	}
	if (state.error !== undefined && !failing) console.error('readyz: the store is not ready:', state.error);
	failing = state.error !== undefined;
	return new Response(JSON.stringify({ status: 'unavailable', problem: state.problem, message: t(state.problem) }), {
		status: 503,
		headers: { ...HEALTH_HEADERS, 'retry-after': '5' }
	});
};
