// Liveness: the process is up and its event loop answers. Nothing else is checked, so a slow
// store never gets a healthy process restarted; readiness is /readyz.
import { translator } from '$lib/i18n';
import { requestLocale } from '$lib/i18n/request';
import { serving } from '$lib/i18n/serving';
import { HEALTH_HEADERS } from '$lib/server/health';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, request }) =>
	new Response(JSON.stringify({ status: 'ok', message: translator(requestLocale(url, request.headers), serving)('http.health.live') }), {
		headers: HEALTH_HEADERS
	});
