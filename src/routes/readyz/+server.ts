// Readiness: 200 while the store is readable and its current version is loaded, 503 otherwise and
// while the process drains after SIGTERM (load balancers then stop sending new requests). While the
// store is unreachable the 503 says so, and that reads go on from the version held in memory.
import { translator } from '$lib/i18n';
import { requestLocale } from '$lib/i18n/request';
import { serving } from '$lib/i18n/serving';
import { getBackend, refreshCurrent } from '$lib/server/db/current';
import { healthState, HEALTH_HEADERS, readiness } from '$lib/server/health';
import { outage } from '$lib/i18n/outage';
import { outageState } from '$lib/server/outage';
import { heldVersion } from '$lib/server/store';
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
	const t = translator(requestLocale(url, request.headers), serving, outage);
	const state = await readiness(healthState(), loadCurrent);
	if (state.ready) {
		failing = false;
		return new Response(
			JSON.stringify({ status: 'ready', store: 'reachable', version: state.version, message: t('http.ready.ok', { version: state.version }) }),
			{
				headers: HEALTH_HEADERS
			}
		);
	}
	const down = outageState();
	if (state.problem !== 'http.ready.draining' && down.since !== null && down.cause) {
		// Logged by the outage guard when it began; a load balancer may keep sending reads.
		const version = heldVersion();
		const cause = t(down.cause, { code: down.code ?? '' });
		return new Response(
			JSON.stringify({
				status: 'unavailable',
				store: 'unreachable',
				reads: version === null ? 'none' : 'served',
				version,
				since: new Date(down.since).toISOString(),
				problem: 'outage',
				message: version === null ? t('outage.detailNoVersion', { cause }) : t('outage.ready', { cause, version })
			}),
			{ status: 503, headers: { ...HEALTH_HEADERS, 'retry-after': '5' } }
		);
	}
	if (state.error !== undefined && !failing) console.error('readyz: the store is not ready:', state.error);
	failing = state.error !== undefined;
	return new Response(JSON.stringify({ status: 'unavailable', problem: state.problem, message: t(state.problem) }), {
		status: 503,
		headers: { ...HEALTH_HEADERS, 'retry-after': '5' }
	});
};
