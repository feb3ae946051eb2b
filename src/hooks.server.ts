// Cross-cutting HTTP behaviour: CORS preflight for the read-only API, and problem+json for
// anything under /api that no endpoint answers (unknown path, wrong method).
import type { Handle, HandleServerError } from '@sveltejs/kit';
import { API_HEADERS, problem } from '$lib/server/http';

export const handle: Handle = async ({ event, resolve }) => {
	const api = event.url.pathname === '/api' || event.url.pathname.startsWith('/api/');
	if (api && event.request.method === 'OPTIONS') {
		return new Response(null, {
			status: 204,
			headers: { ...API_HEADERS, 'access-control-allow-methods': 'GET, HEAD, OPTIONS', 'access-control-allow-headers': 'If-None-Match, Accept', 'access-control-max-age': '86400' }
		});
	}
	if (api && !['GET', 'HEAD'].includes(event.request.method)) {
		return problem(405, { title: 'Methode nicht erlaubt', detail: `${event.request.method} is not supported; the API is read-only`, allowed: ['GET', 'HEAD', 'OPTIONS'] }, event.url.pathname);
	}
	const response = await resolve(event);
	if (api && response.status === 404 && !response.headers.get('content-type')?.includes('problem+json')) {
		return problem(404, { title: 'Nicht gefunden', detail: `no API resource at ${event.url.pathname.slice(0, 100)}` }, event.url.pathname);
	}
	return response;
};

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404) console.error(`Error on ${event.request.method} ${event.url.pathname}:`, error);
	return { message: status === 404 ? 'Nicht gefunden' : 'Interner Fehler' };
};
