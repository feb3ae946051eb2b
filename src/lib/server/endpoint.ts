// Glue between SvelteKit endpoints and the API helpers: bad input becomes a problem response, and
// a busy analysis pool a 503 with Retry-After.
import type { RequestEvent, RequestHandler } from '@sveltejs/kit';
import { problemFrom, respondAsync } from './http';
import { PoolError } from './pool';
import type { Store } from './store';
import { storeOf } from './visibility';

export const GEOJSON = 'application/geo+json; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';
export const CSV_TYPE = 'text/csv; charset=utf-8; header=present';

export function apiGet(fn: (event: RequestEvent, store: Store) => Response | Promise<Response>): RequestHandler {
	return async (event) => {
		try {
			return await fn(event, storeOf(event));
		} catch (e) {
			const response = problemFrom(e, event.url.pathname + event.url.search, event.request);
			if (e instanceof PoolError && e.retryAfter !== null) response.headers.set('retry-after', String(e.retryAfter));
			return response;
		}
	};
}

/** Compressed off the event loop when the body is new (respondAsync). */
export const sendJson = (request: Request, data: unknown, type = JSON_TYPE) => respondAsync(request, JSON.stringify(data), type);

/** A body that is already JSON text (an analysis answer from the pool). */
export const sendJsonText = (request: Request, text: string, type = JSON_TYPE) => respondAsync(request, text, type);
