// A response cache for the read API and the atlas pages, in front of SvelteKit: the app stores its
// final answers (hooks.server.ts, after every header is set), and the production server entry
// (server.js) answers repeated requests from it without entering SvelteKit at all. The two live in
// different module instances (the SvelteKit bundle's chunks and server.js), so the cache is one object
// in a globalThis registry, created here. Only what depends on nothing but the URL, Accept-Encoding and
// Accept is stored: anonymous GET answers under /api/ and of the atlas pages with status 200, an ETag,
// no Set-Cookie, and at most `Vary: Accept, Accept-Encoding, Cookie` (it answers only requests without
// a cookie; an answer that varies by Accept is kept per Accept header as sent, as Varnish keeps
// variants), made for a viewer who sees only public data (visibility.ts): an answer
// with internal data is never stored, and keys name the audience, so the fast path, which reads only
// public entries, cannot answer with one. Whenever the served data changes (store.ts), the cache is emptied.
import { LRUCache } from 'lru-cache';
import { bestPageEncoding, PAGE_RECOMPRESS_FROM } from './compress';
import { matches, negotiateEncoding, type Encoding } from './negotiation';

export const REGISTRY_KEY = Symbol.for('kontoratlas.responseCache');

/** Whom an answer was made for: the anonymous public, or a signed-in viewer who sees internal data. */
export type Audience = 'public' | 'internal';

export interface CacheLimits {
	/** Entries kept at most; the least recently used goes first. */
	maxEntries: number;
	/** Bodies larger than this are not kept. */
	maxBodyBytes: number;
	/** All bodies together; the least recently used go first. */
	maxTotalBytes: number;
}

export const DEFAULT_LIMITS: CacheLimits = { maxEntries: 1000, maxBodyBytes: 2 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024 };

interface Entry {
	etag: string;
	/** Every header of the 200 answer, in the order SvelteKit would write them. */
	headers: Record<string, string>;
	/** The same without Content-Length and Content-Encoding, as respond() answers a matching If-None-Match. */
	notModified: Record<string, string>;
	body: Buffer;
}

/** The parts of a request the fast path looks at (node's http.IncomingMessage has them). */
export interface RequestLike {
	method?: string;
	url?: string;
	headers: Record<string, string | string[] | undefined>;
}

/** The parts of a response the fast path writes to (node's http.ServerResponse has them). */
export interface ResponseLike {
	writeHead(status: number, headers: Record<string, string>): unknown;
	end(body?: Buffer): unknown;
}

export class ResponseCache {
	/**
	 * Set by the server entry that reads the cache; while false nothing is stored (vite dev and
	 * vite preview have no such entry, so their requests all go through SvelteKit).
	 */
	enabled = false;
	/** Bumped by every invalidate(): answers begun under an older generation are not stored. */
	generation = 0;
	/** Requests answered from the cache (read by the tests through an env-enabled route in server.js). */
	hits = 0;
	#entries: LRUCache<string, Entry>;
	/** Keys (without the Accept part) whose answers vary by Accept: their entries are kept per Accept header. As many as the entries at most, cleared with them. */
	#byAccept = new Set<string>();

	constructor(readonly limits: CacheLimits = DEFAULT_LIMITS) {
		this.#entries = new LRUCache<string, Entry>({
			max: limits.maxEntries,
			maxSize: limits.maxTotalBytes,
			maxEntrySize: limits.maxBodyBytes,
			// An empty body (never stored in practice) still takes a slot.
			sizeCalculation: (e) => e.body.length || 1
		});
	}

	get size(): number {
		return this.#entries.size;
	}

	get bytes(): number {
		return this.#entries.calculatedSize;
	}

	/** Drops every entry; answers still being built from the old data will not be stored. */
	invalidate(): void {
		this.generation++;
		this.#entries.clear();
		this.#byAccept.clear();
		for (const listener of this.#invalidated) listener();
	}

	#invalidated = new Set<() => void>();
	/** Calls `listener` after every invalidate() (warmUp.ts makes the large levels' answers again); returns its removal. */
	onInvalidate(listener: () => void): () => void {
		this.#invalidated.add(listener);
		return () => this.#invalidated.delete(listener);
	}

	/**
	 * The fast path: answers `req` from the cache and returns true, or returns false (and writes
	 * nothing) when the request has to go to SvelteKit.
	 */
	serve(req: RequestLike, res: ResponseLike): boolean {
		const method = req.method;
		if ((method !== 'GET' && method !== 'HEAD') || !req.url || !isCachedPath(req.url) || !isAnonymous(req.headers)) return false;
		let key = cacheKey(req.url, this.#encoding(single(req.headers['accept-encoding'])), 'public');
		if (this.#byAccept.has(key)) key = withAccept(key, single(req.headers.accept));
		const entry = this.#entries.get(key);
		if (!entry) return false;
		const ifNoneMatch = single(req.headers['if-none-match']);
		if (ifNoneMatch !== undefined) {
			// Anything but a match (weak comparison, as the app's own) goes the long way.
			if (!matches(ifNoneMatch, entry.etag)) return false;
			this.hits++;
			res.writeHead(304, entry.notModified);
			res.end();
			return true;
		}
		this.hits++;
		res.writeHead(200, entry.headers);
		if (method === 'HEAD') res.end();
		else res.end(entry.body);
		return true;
	}

	/**
	 * Called by the app with its final answer to `request`: stores it when it may be reused, and
	 * returns the response to send (a new one with the same status, headers and body when the body
	 * had to be read). `generation` is the value of `this.generation` when the request came in;
	 * `audience` whom the answer was made for (an internal one is never stored).
	 */
	async keep(request: Request, url: URL, generation: number, response: Response, audience: Audience): Promise<Response> {
		if (!this.enabled || audience !== 'public' || request.method !== 'GET' || !isCachedPath(url.pathname) || !isAnonymous(request.headers)) return response;
		if (!isReusable(response)) return response;
		const declared = Number(response.headers.get('content-length') ?? NaN);
		if (declared > this.limits.maxBodyBytes) return response;
		const body = Buffer.from(await response.arrayBuffer());
		const copy = new Response(new Uint8Array(body), { status: response.status, statusText: response.statusText, headers: response.headers });
		if (body.length > this.limits.maxBodyBytes || generation !== this.generation) return copy;
		const headers: Record<string, string> = {};
		for (const [name, value] of response.headers) headers[name] = value;
		const notModified = { ...headers };
		delete notModified['content-length'];
		delete notModified['content-encoding'];
		let key = cacheKey(url.pathname + url.search, negotiateEncoding(request.headers.get('accept-encoding')), audience);
		if (variesByAccept(response)) {
			const accept = request.headers.get('accept') ?? undefined;
			if ((accept?.length ?? 0) > MAX_ACCEPT_LENGTH) return copy;
			// Bounded like the entries: forgetting a mark only costs misses until the next answer marks it again.
			if (this.#byAccept.size >= this.limits.maxEntries) this.#byAccept.clear();
			this.#byAccept.add(key);
			key = withAccept(key, accept);
		}
		const entry = { etag: response.headers.get('etag')!, headers, notModified, body };
		this.#entries.set(key, entry);
		this.#recompress(key, entry);
		return copy;
	}

	/** Background recompressions queued or running (at most MAX_RECOMPRESS_QUEUE), one at a time. */
	#recompressing = 0;
	#queue: Promise<void> = Promise.resolve();

	/**
	 * A large page kept in its quick encoding (compress.ts) is compressed again at the best setting,
	 * one page after another on zlib's thread pool, and replaces the entry if it is still the one
	 * kept: the answers after the first send the smaller bytes under the same ETag.
	 */
	#recompress(key: string, entry: Entry): void {
		const encoding = entry.headers['content-encoding'];
		if (!entry.headers['content-type']?.startsWith('text/html') || (encoding !== 'br' && encoding !== 'gzip')) return;
		if (entry.body.length < PAGE_RECOMPRESS_FROM || this.#recompressing >= MAX_RECOMPRESS_QUEUE) return;
		this.#recompressing++;
		this.#queue = this.#queue.then(async () => {
			try {
				if (this.#entries.peek(key) !== entry) return;
				const best = await bestPageEncoding(entry.body, encoding);
				if (this.#entries.peek(key) !== entry || best.length >= entry.body.length) return;
				this.#entries.set(key, { ...entry, headers: { ...entry.headers, 'content-length': String(best.length) }, body: best });
			} catch (e) {
				console.error('response cache: a page could not be compressed again:', e);
			} finally {
				this.#recompressing--;
			}
		});
	}

	/** Resolves when every background recompression queued so far has ended (tests). */
	recompressed(): Promise<void> {
		return this.#queue;
	}

	/** negotiateEncoding, remembered per header value: clients send only a handful of different ones. */
	#encodings = new Map<string | undefined, Encoding>();
	#encoding(header: string | undefined): Encoding {
		let encoding = this.#encodings.get(header);
		if (encoding === undefined) {
			encoding = negotiateEncoding(header);
			if (this.#encodings.size >= 100) this.#encodings.clear();
			this.#encodings.set(header, encoding);
		}
		return encoding;
	}
}

/** The one cache of this process, shared by the SvelteKit bundle and the server entry. */
export function responseCache(): ResponseCache {
	const registry = globalThis as typeof globalThis & { [REGISTRY_KEY]?: ResponseCache };
	return (registry[REGISTRY_KEY] ??= new ResponseCache());
}

/** Whom the answer is for, the raw path and query exactly as requested, and the encoding respond() chooses for the request. */
export const cacheKey = (url: string, encoding: Encoding, audience: Audience) => `${audience} ${encoding} ${url}`;

/** Pages waiting to be compressed again at most; a page arriving while the queue is full keeps its quick encoding. */
const MAX_RECOMPRESS_QUEUE = 8;

/** An Accept header longer than this is not worth a variant of its own (browsers and the app send short ones). */
const MAX_ACCEPT_LENGTH = 200;
const withAccept = (key: string, accept: string | undefined) => `${key}\naccept ${accept ?? ''}`;
const varyNames = (response: Response) => (response.headers.get('vary') ?? '').split(',').map((v) => v.trim().toLowerCase());
const variesByAccept = (response: Response) => varyNames(response).includes('accept');

/**
 * The public atlas pages, the ones most often opened and embedded in the city's own pages: the same
 * bytes for every anonymous request (their CSP allows SvelteKit's start-up script by hash,
 * svelte.config.js). Other pages are rendered each time.
 */
const CACHED_PAGES = new Set(['/', '/embed']);

/** The read API and the atlas pages: admin pages, OGC (whose links carry the host) and other pages are never cached. */
const isCachedPath = (url: string) => url.startsWith('/api/') || CACHED_PAGES.has(url.split('?', 1)[0]);

/** No credentials of any kind: a cookie or an Authorization header sends the request the long way. */
function isAnonymous(headers: Headers | RequestLike['headers']): boolean {
	if (headers instanceof Headers) return !headers.has('cookie') && !headers.has('authorization');
	return headers.cookie === undefined && headers.authorization === undefined;
}

/**
 * Status 200 with an ETag, nothing personal, nothing varying but the encoding, the cookie (the
 * cache answers only requests without one, so a kept answer was made for the same) and Accept (kept
 * per Accept header), storable.
 */
export function isReusable(response: Response): boolean {
	const h = response.headers;
	if (response.status !== 200 || !h.get('etag') || h.has('set-cookie')) return false;
	if (varyNames(response).some((v) => v !== '' && !['accept', 'accept-encoding', 'cookie'].includes(v))) return false;
	return !/\b(no-store|no-cache|private)\b/i.test(h.get('cache-control') ?? '');
}

function single(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value.join(', ') : value;
}
