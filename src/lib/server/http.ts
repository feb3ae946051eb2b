// HTTP helpers for the API: RFC 9457 problem responses (in the request's language), strong ETags
// with 304 (negotiation.ts), compression, caching and CORS headers for read-only GETs.
import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import { DEFAULT_LOCALE, translator, type KeyOf, type Locale, type Params } from '$lib/i18n';
import { problems } from '$lib/i18n/problems';
import { serving } from '$lib/i18n/serving';
import { reportOutput } from '$lib/i18n/reportOutput';
import { facilities } from '$lib/i18n/facilities';
import { tiles } from '$lib/i18n/tiles';
import { requestLocale } from '$lib/i18n/request';
import { brotliAsync, brotliOptions, gzipAsync } from './compress';
import { matches, negotiateEncoding, refusesIdentity } from './negotiation';

export const API_HEADERS = {
	'access-control-allow-origin': '*',
	'access-control-expose-headers': 'ETag, Content-Length, Content-Disposition',
	vary: 'Accept-Encoding'
} as const;

/** For responses whose format also depends on the Accept header (content negotiation). */
export const VARY_ACCEPT = { vary: 'Accept, Accept-Encoding' } as const;

/** Responses change only when the data is rebuilt or imported; clients revalidate cheaply by ETag. */
const CACHE_CONTROL = 'public, max-age=300, must-revalidate';

export interface ProblemDetails {
	title: string;
	detail: string;
	/** The query or path parameter at fault. */
	parameter?: string;
	/** The values it may take, where they are few enough to list. */
	allowed?: (string | number)[];
}

const PROBLEM_TYPES: Record<number, string> = {
	400: 'https://kontoratlas.invalid/probleme/ungueltige-anfrage',
	404: 'https://kontoratlas.invalid/probleme/nicht-gefunden',
	405: 'https://kontoratlas.invalid/probleme/methode-nicht-erlaubt',
	406: 'https://kontoratlas.invalid/probleme/format-nicht-verfuegbar',
	500: 'about:blank'
};

/** A problem response with texts already in the reader's language. */
export function problem(status: number, details: ProblemDetails, instance?: string, headers: Record<string, string> = {}): Response {
	const body = { type: PROBLEM_TYPES[status] ?? 'about:blank', status, ...details, ...(instance ? { instance } : {}) };
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/problem+json; charset=utf-8', 'cache-control': 'no-store', ...API_HEADERS, ...headers }
	});
}

/** The catalogue sections that problem texts come from (a new section of problem texts joins here). */
const PROBLEM_SECTIONS = [problems, serving, reportOutput, facilities, tiles] as const;
export type ProblemKey = KeyOf<(typeof PROBLEM_SECTIONS)[number]>;

/** A problem by its catalogue keys; `params` fill the placeholders of title and detail. */
export interface ProblemMessage {
	title: ProblemKey;
	detail: ProblemKey;
	params?: Params;
	parameter?: string;
	allowed?: (string | number)[];
}

export function localiseProblem(message: ProblemMessage, locale: Locale): ProblemDetails {
	const t = translator(locale, ...PROBLEM_SECTIONS);
	const { title, detail, params, ...rest } = message;
	return { title: t(title, params), detail: t(detail, params), ...rest };
}

/** The request's language decides (`?lang=`, then Accept-Language), so caches must know. */
const VARY_LANGUAGE = { vary: 'Accept-Encoding, Accept-Language' } as const;

/** A problem response in the language of the request. */
export function localisedProblem(status: number, message: ProblemMessage, request: Request, instance?: string): Response {
	return problem(status, localiseProblem(message, requestLocale(new URL(request.url), request.headers)), instance, VARY_LANGUAGE);
}

/** Keys name catalogue entries; a title that is none is an already-localised text. */
const isMessage = (d: ProblemDetails | ProblemMessage): d is ProblemMessage => PROBLEM_SECTIONS.some((s) => Object.hasOwn(s.de, d.title));

/** Thrown by parameter parsers; endpoints turn it into a problem response in the request's language. */
export class ProblemError extends Error {
	constructor(
		readonly status: number,
		readonly details: ProblemDetails | ProblemMessage
	) {
		super(isMessage(details) ? localiseProblem(details, DEFAULT_LOCALE).detail : details.detail);
	}
}

export function problemFrom(e: unknown, instance: string, request: Request): Response {
	if (!(e instanceof ProblemError)) throw e;
	const { status, details } = e;
	return isMessage(details) ? localisedProblem(status, details, request, instance) : problem(status, details, instance);
}

interface Encoded {
	etag: string;
	identity: Buffer;
	gzip?: Buffer;
	br?: Buffer;
}

/**
 * Bodies and their encodings, so that each is compressed once: keyed by ETag (a hash of the body),
 * bounded in bytes, and emptied with the other caches when the data version changes (store.ts).
 */
const encodedCache = new LRUCache<string, Encoded>({
	max: 1000,
	maxSize: 64 * 1024 * 1024,
	sizeCalculation: (e) => e.identity.length + (e.gzip?.length ?? 0) + (e.br?.length ?? 0) || 1
});

export function clearEncodedBodies(): void {
	encodedCache.clear();
}

function encode(body: string): Encoded {
	const identity = Buffer.from(body, 'utf8');
	const etag = `"${createHash('sha256').update(identity).digest('base64url').slice(0, 32)}"`;
	let entry = encodedCache.get(etag);
	if (!entry) {
		entry = { etag, identity };
		encodedCache.set(etag, entry);
	}
	return entry;
}

const BROTLI_QUALITY = 9;
const GZIP_OPTIONS = { level: 9 };
/**
 * From this size a body computed for a request is compressed quickly for that first answer, and at
 * the best setting in the background for the answers after it. A large level's table in columns
 * (650 KB) takes 43 ms at brotli 9, 14 ms at 5 and 7 ms at 4 (3 % larger than 5), as the large
 * tiles (tiles.ts); gzip 9 took 70 ms, 6 takes 20 ms and 3 7 ms (8 % larger than 6).
 */
export const RECOMPRESS_FROM = 64 * 1024;
const FAST_BROTLI_QUALITY = 4;
const FAST_GZIP_OPTIONS = { level: 3 };

export function respond(request: Request, body: string, contentType: string, extraHeaders: Record<string, string> = {}): Response {
	const entry = encode(body);
	const headers: Record<string, string> = {
		'content-type': contentType,
		etag: entry.etag,
		'cache-control': CACHE_CONTROL,
		...API_HEADERS,
		...extraHeaders
	};
	if (matches(request.headers.get('if-none-match'), entry.etag)) {
		return new Response(null, { status: 304, headers });
	}
	const encoding = negotiateEncoding(request.headers.get('accept-encoding'));
	let payload = entry.identity;
	// Below ~1 KB compression does not pay for itself (unless the client refuses identity).
	if (entry.identity.length > 1024 || refusesIdentity(request.headers.get('accept-encoding'))) {
		if (encoding === 'br') {
			entry.br ??= brotliCompressSync(entry.identity, brotliOptions(entry.identity.length, BROTLI_QUALITY));
			payload = entry.br;
			headers['content-encoding'] = 'br';
		} else if (encoding === 'gzip') {
			entry.gzip ??= gzipSync(entry.identity, GZIP_OPTIONS);
			payload = entry.gzip;
			headers['content-encoding'] = 'gzip';
		}
	}
	headers['content-length'] = String(payload.length);
	if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
	return new Response(new Uint8Array(payload), { status: 200, headers });
}

/**
 * respond(), with the encoding the request asks for made first on zlib's thread pool when this body
 * has not been compressed yet: an answer computed for this request (an analysis) never blocks the
 * event loop while it is compressed, and a repeated body reuses its encoding.
 */
export async function respondAsync(request: Request, body: string, contentType: string, extraHeaders: Record<string, string> = {}): Promise<Response> {
	const entry = encode(body);
	if (entry.identity.length > 1024 && !matches(request.headers.get('if-none-match'), entry.etag)) {
		const encoding = negotiateEncoding(request.headers.get('accept-encoding'));
		if ((encoding === 'br' || encoding === 'gzip') && !entry[encoding]) {
			const best = () =>
				encoding === 'br' ? brotliAsync(entry.identity, brotliOptions(entry.identity.length, BROTLI_QUALITY)) : gzipAsync(entry.identity, GZIP_OPTIONS);
			if (entry.identity.length < RECOMPRESS_FROM) entry[encoding] = await best();
			else {
				entry[encoding] = await (encoding === 'br'
					? brotliAsync(entry.identity, brotliOptions(entry.identity.length, FAST_BROTLI_QUALITY))
					: gzipAsync(entry.identity, FAST_GZIP_OPTIONS));
				best()
					.then((bytes) => {
						entry[encoding] = bytes;
						// Unless the data version changed meanwhile and emptied the cache.
						if (encodedCache.peek(entry.etag) === entry) encodedCache.set(entry.etag, entry);
					})
					.catch(() => {});
			}
		}
		// Stored again, so that the byte limit counts the new encoding.
		encodedCache.set(entry.etag, entry);
	}
	return respond(request, body, contentType, extraHeaders);
}
