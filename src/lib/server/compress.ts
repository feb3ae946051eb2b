// Compression of the responses no endpoint compressed itself: above all the pages, whose HTML
// carries SvelteKit's inlined load responses (the atlas's geometry among them). API answers come
// compressed from respond() (http.ts) and pass through untouched.
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompress, constants, gunzip, gzip } from 'node:zlib';
import { matches, negotiateEncoding, refusesIdentity } from './negotiation';

/**
 * A page carries a fresh CSP nonce, so it is compressed on every request and the quality has to
 * be cheap. On the atlas's 108 KB HTML (Node 20, one core): quality 5 takes 1.5 ms for 17.3 KB,
 * 9 takes 17 ms for 17.0 KB, 11 takes 130 ms for 14.7 KB; 4 and below lose 6–20 % for little gain.
 */
export const PAGE_BROTLI_QUALITY = 5;
/** zlib's default: 1.2 ms for 18.9 KB on the same page, level 9 takes 4.6 ms for 1 % less. */
export const PAGE_GZIP_LEVEL = 6;
/** Below ~1 KB compression does not pay for itself (as in respond()). */
export const MIN_COMPRESSED_BYTES = 1024;

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|[\w.-]+\+(json|xml))|image\/svg\+xml)/i;

/** zlib's compressions on its thread pool, for the pages here and the API's and tiles' answers. */
export const brotliAsync = promisify(brotliCompress);
export const gzipAsync = promisify(gzip);

const brotliDecompressAsync = promisify(brotliDecompress);
const gunzipAsync = promisify(gunzip);

/**
 * A compressed page at least this large, once kept by the response cache, is compressed again at the
 * best setting in the background (responseCache.ts): a large level's atlas page inlines its table
 * and outlines (VG250's, with its Kreise still inlined: 1.8 MB of HTML, which brotli 5 made 358 KB
 * in 45 ms and brotli 11 275 KB in 1.9 s). The usual atlas page (17 KB) gains too little to spend a
 * core on.
 */
export const PAGE_RECOMPRESS_FROM = 64 * 1024;

/** A page's body in `encoding` (br or gzip) as the best setting writes it: brotli 11 in text mode, gzip 9. */
export async function bestPageEncoding(body: Buffer, encoding: 'br' | 'gzip'): Promise<Buffer> {
	if (encoding === 'gzip') return gzipAsync(await gunzipAsync(body), { level: 9 });
	const identity = await brotliDecompressAsync(body);
	return brotliAsync(identity, pageBrotliOptions(identity.length, constants.BROTLI_MAX_QUALITY));
}

/** Brotli at `quality` for a body of `length` bytes (the size hint lets brotli size its window). */
export const brotliOptions = (length: number, quality: number) => ({
	params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: length }
});

/** The same for a page: brotli's text mode suits HTML. */
const pageBrotliOptions = (length: number, quality: number) => ({
	params: { ...brotliOptions(length, quality).params, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT }
});

/**
 * The response compressed for the request's Accept-Encoding (br, else gzip), or unchanged where
 * that would be wrong or useless: no body (HEAD aside), 204/206/304, already encoded, not text,
 * `no-transform`, smaller than MIN_COMPRESSED_BYTES (unless the client refuses identity), or streamed by SvelteKit (a page that streams
 * promises has no ETag and no known length: buffering it to compress would hold back what streaming
 * sends early). A strong or weak ETag gets the coding appended, as a different representation
 * needs a different tag; a request that already has this representation gets a 304 here, before
 * anything is compressed.
 */
export async function compressResponse(request: Request, response: Response): Promise<Response> {
	const h = response.headers;
	const type = h.get('content-type') ?? '';
	if (
		response.body === null ||
		[204, 206, 304].includes(response.status) ||
		response.status < 200 ||
		h.has('content-encoding') ||
		h.has('content-range') ||
		!COMPRESSIBLE.test(type) ||
		type.startsWith('text/sveltekit-data') ||
		/\bno-transform\b/i.test(h.get('cache-control') ?? '') ||
		(h.has('x-sveltekit-page') && !h.has('etag'))
	) {
		return response;
	}
	const body = Buffer.from(await response.arrayBuffer());
	const headers = new Headers(h);
	const init = { status: response.status, statusText: response.statusText, headers };
	if (body.length < MIN_COMPRESSED_BYTES && !refusesIdentity(request.headers.get('accept-encoding'))) {
		// Read anyway: its length is known now, so it goes out with one (not chunked).
		headers.set('content-length', String(body.length));
		return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), init);
	}

	const vary = headers.get('vary');
	if (!vary) headers.set('vary', 'Accept-Encoding');
	else if (!vary.split(',').some((v) => ['accept-encoding', '*'].includes(v.trim().toLowerCase()))) headers.set('vary', `${vary}, Accept-Encoding`);

	const encoding = negotiateEncoding(request.headers.get('accept-encoding'));
	const etag = headers.get('etag');
	if (encoding !== 'identity' && etag?.endsWith('"')) headers.set('etag', `${etag.slice(0, -1)}-${encoding}"`);
	if (response.status === 200 && headers.has('etag') && matches(request.headers.get('if-none-match'), headers.get('etag')!)) {
		// The headers RFC 9110 (15.4.5) asks a 304 to repeat.
		const kept = ['etag', 'cache-control', 'vary', 'content-location', 'expires', 'date'];
		return new Response(null, { status: 304, headers: Object.fromEntries([...headers].filter(([name]) => kept.includes(name))) });
	}
	let payload: Buffer = body;
	if (encoding === 'br') {
		payload = await brotliAsync(body, pageBrotliOptions(body.length, PAGE_BROTLI_QUALITY));
	} else if (encoding === 'gzip') {
		payload = await gzipAsync(body, { level: PAGE_GZIP_LEVEL });
	}
	if (encoding !== 'identity') headers.set('content-encoding', encoding);
	headers.set('content-length', String(payload.length));
	return new Response(request.method === 'HEAD' ? null : new Uint8Array(payload), init);
}
