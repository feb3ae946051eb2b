// Glue between SvelteKit endpoints and the OGC modules: pick the format, answer with ETag and
// compression (respond), in the request's language, and turn an OgcError into the exception body in that format.
import type { RequestEvent, RequestHandler } from '@sveltejs/kit';
import { API_HEADERS, respondAsync, VARY_ACCEPT } from '../http';
import { publicOrigin } from '../origin';
import type { Store } from '../store';
import { storeOf } from '../visibility';
import { OGC_PATH } from './documents';
import { OgcError } from './exception';
import { exceptionHtml, HTML_CSP } from './html';
import { chooseFormat, type OgcFormat } from './negotiate';
import type { Locale } from '$lib/i18n';
import { ogcTexts, type OgcT } from '$lib/i18n/ogc';
import { requestLocale } from '$lib/i18n/request';

export interface OgcContext {
	event: RequestEvent;
	store: Store;
	/** Absolute URL of the API root, e.g. http://host/ogc. */
	root: string;
	/** The request's language (`?lang=`, then Accept-Language; German by default) and its texts. */
	locale: Locale;
	t: OgcT;
}

export interface OgcAnswer {
	json: () => unknown;
	jsonType: string;
	html: () => string;
}

const HTML_TYPE = 'text/html; charset=utf-8';

/** Every OGC answer's text follows the language too; the ETag (a hash of the body) differs with it. */
const VARY = { vary: `${VARY_ACCEPT.vary}, Accept-Language` };

export const ogcRoot = (url: URL) => `${publicOrigin(url)}${OGC_PATH}`;

/** The exception in the request's language (`?lang=`, then Accept-Language; German by default). */
export function ogcException(e: OgcError, format: OgcFormat, root: string, request: Request): Response {
	const html = format === 'html';
	const locale = requestLocale(new URL(request.url), request.headers);
	return new Response(html ? exceptionHtml(root, e, locale) : JSON.stringify({ code: e.code, description: e.description(locale) }), {
		status: e.status,
		headers: {
			'content-type': html ? HTML_TYPE : 'application/json; charset=utf-8',
			'cache-control': 'no-store',
			...API_HEADERS,
			...VARY,
			...(html ? { 'content-security-policy': HTML_CSP } : {})
		}
	});
}

export function ogcGet(fn: (ctx: OgcContext) => OgcAnswer | Promise<OgcAnswer>): RequestHandler {
	return async (event) => {
		const root = ogcRoot(event.url);
		let format: OgcFormat = 'json';
		try {
			format = chooseFormat(event.url, event.request.headers.get('accept'));
			const locale = requestLocale(event.url, event.request.headers);
			const answer = await fn({ event, store: storeOf(event), root, locale, t: ogcTexts(locale) });
			// The format follows f= or the Accept header.
			if (format === 'html') return respondAsync(event.request, answer.html(), HTML_TYPE, { 'content-security-policy': HTML_CSP, ...VARY });
			return respondAsync(event.request, JSON.stringify(answer.json()), `${answer.jsonType}; charset=utf-8`, VARY);
		} catch (e) {
			if (e instanceof OgcError) return ogcException(e, format, root, event.request);
			throw e;
		}
	};
}
