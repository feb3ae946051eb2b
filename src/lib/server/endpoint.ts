// Glue between SvelteKit endpoints and the API helpers: bad input becomes a problem response.
import type { RequestEvent, RequestHandler } from '@sveltejs/kit';
import { problemFrom, respond } from './http';
import { getStore, type Store } from './store';

export const GEOJSON = 'application/geo+json; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';
export const CSV_TYPE = 'text/csv; charset=utf-8; header=present';

export function apiGet(fn: (event: RequestEvent, store: Store) => Response): RequestHandler {
	return (event) => {
		try {
			return fn(event, getStore());
		} catch (e) {
			return problemFrom(e, event.url.pathname + event.url.search, event.request);
		}
	};
}

export const sendJson = (request: Request, data: unknown, type = JSON_TYPE) => respond(request, JSON.stringify(data), type);
