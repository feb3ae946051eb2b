// Liveness: the process is up and its event loop answers. Nothing else is checked, so a slow
// store never gets a healthy process restarted; readiness is /readyz.
import { parseLocale } from '$lib/i18n';
import { servingText } from '$lib/i18n/serving';
import { HEALTH_HEADERS } from '$lib/server/health';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) =>
	new Response(JSON.stringify({ status: 'ok', message: servingText(parseLocale(url.searchParams.get('lang')), 'http.health.live') }), {
		headers: HEALTH_HEADERS
	});
