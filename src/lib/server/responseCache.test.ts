import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressResponse, PAGE_RECOMPRESS_FROM } from './compress';
import { respond, VARY_ACCEPT } from './http';
import { cacheKey, REGISTRY_KEY, ResponseCache, responseCache, type RequestLike } from './responseCache';

const BODY = JSON.stringify({ features: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `Gebiet ${i}` })) });
const ORIGIN = 'http://127.0.0.1';

/** What the app would send for a GET of `path` (respond() as the endpoints use it). */
function appAnswer(path: string, headers: Record<string, string> = {}, extra: Record<string, string> = {}, body = BODY) {
	const request = new Request(ORIGIN + path, { headers });
	return { request, url: new URL(request.url), response: respond(request, body, 'application/json; charset=utf-8', extra) };
}

async function fill(cache: ResponseCache, path: string, headers: Record<string, string> = {}, generation = cache.generation) {
	const { request, url, response } = appAnswer(path, headers);
	return cache.keep(request, url, generation, response, 'public');
}

/** A stand-in for node's ServerResponse that records what the fast path writes. */
function recorder() {
	const out: { status?: number; headers?: Record<string, string>; body?: Buffer; ended: boolean } = { ended: false };
	return {
		out,
		res: {
			writeHead(status: number, headers: Record<string, string>) {
				out.status = status;
				out.headers = headers;
			},
			end(body?: Buffer) {
				out.body = body;
				out.ended = true;
			}
		}
	};
}

const nodeRequest = (url: string, headers: RequestLike['headers'] = {}, method = 'GET'): RequestLike => ({ method, url, headers });

function enabled(limits?: ConstructorParameters<typeof ResponseCache>[0]) {
	const cache = new ResponseCache(limits);
	cache.enabled = true;
	return cache;
}

describe('response cache', () => {
	it('answers a repeated request with the same status, headers and bytes, per encoding', async () => {
		const cache = enabled();
		for (const encoding of ['br', 'gzip', 'identity']) {
			const sent = await fill(cache, '/api/areas?level=stadtteil', { 'accept-encoding': encoding });
			const bytes = Buffer.from(await sent.arrayBuffer());
			const { out, res } = recorder();
			expect(cache.serve(nodeRequest('/api/areas?level=stadtteil', { 'accept-encoding': encoding }), res)).toBe(true);
			expect(out.status).toBe(200);
			expect(out.headers).toEqual(Object.fromEntries(sent.headers));
			expect(out.body!.equals(bytes)).toBe(true);
			expect(sent.headers.get('content-encoding') ?? 'identity').toBe(encoding);
		}
		expect(cache.size).toBe(3);
		expect(cache.hits).toBe(3);
	});

	it('keys by the exact path and query and by the negotiated encoding', async () => {
		const cache = enabled();
		await fill(cache, '/api/areas?level=stadtteil', { 'accept-encoding': 'gzip, deflate' });
		const miss = (url: string, headers: RequestLike['headers']) => expect(cache.serve(nodeRequest(url, headers), recorder().res)).toBe(false);
		miss('/api/areas?level=ortschaft', { 'accept-encoding': 'gzip' });
		miss('/api/areas?level=stadtteil&x=1', { 'accept-encoding': 'gzip' });
		miss('/api/areas?level=stadtteil', { 'accept-encoding': 'br' });
		miss('/api/areas?level=stadtteil', {});
		// Another header that negotiates to gzip shares the entry.
		expect(cache.serve(nodeRequest('/api/areas?level=stadtteil', { 'accept-encoding': 'gzip;q=1, br;q=0' }), recorder().res)).toBe(true);
	});

	it('answers If-None-Match with 304 and the headers respond() gives a 304, and HEAD without a body', async () => {
		const cache = enabled();
		const sent = await fill(cache, '/api/kontore', { 'accept-encoding': 'gzip' });
		const etag = sent.headers.get('etag')!;
		for (const ifNoneMatch of [etag, `"other", ${etag}`, `W/${etag}`, '*']) {
			const { out, res } = recorder();
			expect(cache.serve(nodeRequest('/api/kontore', { 'accept-encoding': 'gzip', 'if-none-match': ifNoneMatch }), res)).toBe(true);
			expect(out.status).toBe(304);
			expect(out.body).toBeUndefined();
			const direct = appAnswer('/api/kontore', { 'accept-encoding': 'gzip', 'if-none-match': ifNoneMatch }).response;
			expect(direct.status).toBe(304);
			expect(out.headers).toEqual(Object.fromEntries(direct.headers));
		}
		// A tag that does not match is left to the app.
		expect(cache.serve(nodeRequest('/api/kontore', { 'accept-encoding': 'gzip', 'if-none-match': '"other"' }), recorder().res)).toBe(false);
		const { out, res } = recorder();
		expect(cache.serve(nodeRequest('/api/kontore', { 'accept-encoding': 'gzip' }, 'HEAD'), res)).toBe(true);
		expect(out.status).toBe(200);
		expect(out.headers!['content-length']).toBe(sent.headers.get('content-length'));
		expect(out.body).toBeUndefined();
		expect(out.ended).toBe(true);
	});

	it('never stores an answer made for a viewer who sees internal data, and never answers the public with one', async () => {
		const cache = enabled();
		const { request, url, response } = appAnswer('/api/indicators', { 'accept-encoding': 'gzip' });
		const sent = await cache.keep(request, url, cache.generation, response, 'internal');
		expect(sent).toBe(response);
		expect(cache.size).toBe(0);
		expect(cache.serve(nodeRequest('/api/indicators', { 'accept-encoding': 'gzip' }), recorder().res)).toBe(false);
		// The public answer to the same URL is stored and served as before.
		await fill(cache, '/api/indicators', { 'accept-encoding': 'gzip' });
		expect(cache.size).toBe(1);
		expect(cache.serve(nodeRequest('/api/indicators', { 'accept-encoding': 'gzip' }), recorder().res)).toBe(true);
	});

	it('keys entries by audience, encoding and URL', () => {
		expect(cacheKey('/api/x?a=1', 'br', 'public')).toBe('public br /api/x?a=1');
		expect(cacheKey('/api/x?a=1', 'br', 'internal')).not.toBe(cacheKey('/api/x?a=1', 'br', 'public'));
	});

	it('stores only anonymous GET answers under /api/ that are 200, tagged, unpersonal and vary by Accept, encoding and cookie at most', async () => {
		const cache = enabled();
		const offer = async (path: string, response: Response, headers: Record<string, string> = {}, method = 'GET') => {
			const request = new Request(ORIGIN + path, { method, headers });
			const kept = await cache.keep(request, new URL(request.url), cache.generation, response, 'public');
			// Whatever happens, the app's answer goes out unchanged.
			expect(kept.status).toBe(response.status);
			return cache.size;
		};
		const ok = () => appAnswer('/api/x').response;
		const withHeaders = (extra: Record<string, string>) => appAnswer('/api/x', {}, extra).response;
		expect(await offer('/api/x', ok(), { cookie: 'a=1' })).toBe(0);
		expect(await offer('/api/x', ok(), { authorization: 'Basic eDp5' })).toBe(0);
		expect(await offer('/api/x', new Response(null, { status: 200, headers: ok().headers }), {}, 'HEAD')).toBe(0);
		expect(await offer('/admin/x', ok())).toBe(0);
		expect(await offer('/ogc/collections', ok())).toBe(0);
		expect(await offer('/apix', ok())).toBe(0);
		expect(await offer('/api/x', withHeaders({ vary: '*' }))).toBe(0);
		expect(await offer('/api/x', withHeaders({ vary: 'Accept-Language, Accept-Encoding' }))).toBe(0);
		expect(await offer('/api/x', withHeaders({ 'set-cookie': 'a=1' }))).toBe(0);
		expect(await offer('/api/x', withHeaders({ 'cache-control': 'no-store' }))).toBe(0);
		expect(await offer('/api/x', withHeaders({ 'cache-control': 'private, max-age=60' }))).toBe(0);
		expect(await offer('/api/x', new Response(BODY, { status: 400, headers: { etag: '"a"' } }))).toBe(0);
		expect(await offer('/api/x', new Response(BODY, { status: 200 }))).toBe(0);
		expect(await offer('/api/x', ok())).toBe(1);
		// Varying by cookie is kept: only requests without a cookie are stored and answered.
		expect(await offer('/api/y', withHeaders({ vary: 'Accept-Encoding, Cookie' }))).toBe(2);
		// Requests with credentials and other methods are not answered from it either.
		expect(cache.serve(nodeRequest('/api/x', { cookie: 'a=1' }), recorder().res)).toBe(false);
		expect(cache.serve(nodeRequest('/api/x', { authorization: 'Bearer x' }), recorder().res)).toBe(false);
		expect(cache.serve(nodeRequest('/api/x', {}, 'POST'), recorder().res)).toBe(false);
		expect(cache.serve(nodeRequest('/api/x', {}, 'OPTIONS'), recorder().res)).toBe(false);
		expect(cache.serve(nodeRequest('/api/x', {}), recorder().res)).toBe(true);
	});

	it('keeps an answer that varies by Accept per Accept header as sent', async () => {
		const cache = enabled();
		const path = '/api/table';
		const offer = async (accept: string | undefined, body: string) => {
			const headers: Record<string, string> = accept === undefined ? {} : { accept };
			const request = new Request(ORIGIN + path, { headers });
			const response = respond(request, body, accept === 'text/csv' ? 'text/csv' : 'application/json', VARY_ACCEPT);
			return cache.keep(request, new URL(request.url), cache.generation, response, 'public');
		};
		const served = (accept: string | undefined) => {
			const { out, res } = recorder();
			return cache.serve(nodeRequest(path, accept === undefined ? {} : { accept }), res) ? out.body!.toString() : null;
		};
		await offer('text/csv', 'a;b');
		expect(served('text/csv')).toBe('a;b');
		// Another Accept, or none, is another variant: not answered with the CSV.
		expect(served('application/json')).toBeNull();
		expect(served(undefined)).toBeNull();
		await offer(undefined, '{"a":1}');
		expect(served(undefined)).toBe('{"a":1}');
		expect(served('text/csv')).toBe('a;b');
		// A very long Accept header gets no variant of its own.
		const long = 'application/json, ' + 'x/y;q=0.1, '.repeat(40);
		await offer(long, '{}');
		expect(served(long)).toBeNull();
		expect(cache.size).toBe(2);
		cache.invalidate();
		expect(served('text/csv')).toBeNull();
	});

	it('keeps its marks of answers that vary by Accept bounded: a forgotten one costs a miss, never a wrong answer', async () => {
		const cache = enabled({ maxEntries: 2, maxBodyBytes: 1024, maxTotalBytes: 4096 });
		const offer = async (path: string, accept: string, body: string) => {
			const request = new Request(ORIGIN + path, { headers: { accept } });
			await cache.keep(request, new URL(request.url), cache.generation, respond(request, body, 'text/plain', VARY_ACCEPT), 'public');
		};
		const served = (path: string, accept: string) => {
			const { out, res } = recorder();
			return cache.serve(nodeRequest(path, { accept }), res) ? out.body!.toString() : null;
		};
		await offer('/api/a', 'text/csv', 'a');
		await offer('/api/b', 'text/csv', 'b');
		// The third mark clears the first two.
		await offer('/api/c', 'text/csv', 'c');
		expect(served('/api/c', 'text/csv')).toBe('c');
		expect(served('/api/c', 'application/json')).toBeNull();
		expect(served('/api/b', 'text/csv')).toBeNull();
		expect(served('/api/b', 'application/json')).toBeNull();
		await offer('/api/b', 'text/csv', 'b');
		expect(served('/api/b', 'text/csv')).toBe('b');
	});

	it('compresses a large kept page again at the best setting in the background, and a small one never', async () => {
		// Numbers brotli cannot shorten much, like a large level's inlined outlines: over PAGE_RECOMPRESS_FROM even at brotli 5.
		let seed = 7;
		const random = () => (seed = (seed * 48271) % 2147483647);
		const html = `<!doctype html><script type="application/json">[${Array.from({ length: 25_000 }, () => `[${random() % 100000},${random() % 100000}]`).join(',')}]</script>`;
		const cache = enabled();
		const keepPage = async (path: string, encoding: string, body = html) => {
			const request = new Request(ORIGIN + path, { headers: { 'accept-encoding': encoding } });
			const page = new Response(body, { headers: { 'content-type': 'text/html', etag: '"p1"', 'x-sveltekit-page': 'true' } });
			return Buffer.from(
				await (await cache.keep(request, new URL(request.url), cache.generation, await compressResponse(request, page), 'public')).arrayBuffer()
			);
		};
		const served = (path: string, encoding: string) => {
			const { out, res } = recorder();
			expect(cache.serve(nodeRequest(path, { 'accept-encoding': encoding }), res)).toBe(true);
			return out;
		};
		for (const [encoding, decode] of [
			['br', brotliDecompressSync],
			['gzip', gunzipSync]
		] as const) {
			const quick = await keepPage('/?level=gemeinde', encoding);
			expect(quick.length).toBeGreaterThanOrEqual(PAGE_RECOMPRESS_FROM);
			await cache.recompressed();
			const best = served('/?level=gemeinde', encoding);
			expect(best.body!.length).toBeLessThan(quick.length);
			expect(decode(best.body!).toString()).toBe(html);
			expect(best.headers!['content-length']).toBe(String(best.body!.length));
			expect(best.headers!.etag).toBe(`"p1-${encoding}"`);
		}
		// The usual atlas page keeps its one quick encoding.
		const small = `<!doctype html><p>${'Stadtteil '.repeat(3000)}</p>`;
		const quick = await keepPage('/', 'br', small);
		await cache.recompressed();
		expect(served('/', 'br').body!.equals(quick)).toBe(true);
		// A page dropped by a change of the data before its turn is not put back.
		await keepPage('/?level=kreis', 'br');
		cache.invalidate();
		await cache.recompressed();
		expect(cache.size).toBe(0);
	});

	it('stores nothing until a server entry enables it', async () => {
		const cache = new ResponseCache();
		const sent = await fill(cache, '/api/x');
		expect(sent.status).toBe(200);
		expect(cache.size).toBe(0);
	});

	it('empties on invalidate() and drops answers begun before it', async () => {
		const cache = enabled();
		await fill(cache, '/api/a');
		const before = cache.generation;
		cache.invalidate();
		expect(cache.size).toBe(0);
		expect(cache.serve(nodeRequest('/api/a'), recorder().res)).toBe(false);
		// An answer built from the old data, finished after the change.
		const late = await fill(cache, '/api/b', {}, before);
		expect(late.status).toBe(200);
		expect(cache.size).toBe(0);
		await fill(cache, '/api/b');
		expect(cache.size).toBe(1);
	});

	it('keeps at most maxEntries and maxTotalBytes (the oldest go) and skips large bodies', async () => {
		const size = Buffer.byteLength(BODY);
		const cache = enabled({ maxEntries: 3, maxBodyBytes: size, maxTotalBytes: size * 2 });
		for (const p of ['/api/1', '/api/2', '/api/3']) await fill(cache, p);
		expect(cache.size).toBe(2);
		expect(cache.bytes).toBe(size * 2);
		expect(cache.serve(nodeRequest('/api/1'), recorder().res)).toBe(false);
		expect(cache.serve(nodeRequest('/api/3'), recorder().res)).toBe(true);
		const small = enabled({ maxEntries: 3, maxBodyBytes: 10_000_000, maxTotalBytes: 10_000_000 });
		for (const p of ['/api/1', '/api/2', '/api/3', '/api/4', '/api/2']) await fill(small, p);
		expect(small.size).toBe(3);
		expect(small.serve(nodeRequest('/api/1'), recorder().res)).toBe(false);
		expect(small.serve(nodeRequest('/api/2'), recorder().res)).toBe(true);
		const tiny = enabled({ maxEntries: 3, maxBodyBytes: size - 1, maxTotalBytes: 10_000_000 });
		const sent = await fill(tiny, '/api/1');
		expect(Buffer.from(await sent.arrayBuffer()).toString()).toBe(BODY);
		expect(tiny.size).toBe(0);
	});

	it('is one object per process, found under a global symbol', () => {
		expect(responseCache()).toBe(responseCache());
		expect((globalThis as Record<symbol, unknown>)[REGISTRY_KEY]).toBe(responseCache());
	});
});
