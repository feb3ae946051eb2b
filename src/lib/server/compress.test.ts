import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressResponse, MIN_COMPRESSED_BYTES } from './compress';

// Repetitive enough to compress well, long enough to be worth it.
const html = `<!doctype html><html><body>${'<p>Stadtteilkontor Lebenstedt</p>'.repeat(200)}</body></html>`;
const page = (headers: Record<string, string> = {}, body: string | null = html, status = 200) =>
	new Response(body, { status, headers: { 'content-type': 'text/html', etag: '"abc"', 'x-sveltekit-page': 'true', ...headers } });
const req = (acceptEncoding: string | null, method = 'GET') =>
	new Request('http://atlas.test/', { method, headers: acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding } });
const bytes = async (r: Response) => Buffer.from(await r.arrayBuffer());

describe('compressResponse', () => {
	it('sends br when accepted, decoding to the same page, with its own ETag, Vary and length', async () => {
		const res = await compressResponse(req('gzip, deflate, br'), page({ 'content-security-policy': "script-src 'nonce-x'" }));
		const body = await bytes(res);
		expect(res.headers.get('content-encoding')).toBe('br');
		expect(brotliDecompressSync(body).toString('utf8')).toBe(html);
		expect(body.length).toBeLessThan(html.length / 10);
		expect(res.headers.get('content-length')).toBe(String(body.length));
		expect(res.headers.get('etag')).toBe('"abc-br"');
		expect(res.headers.get('vary')).toBe('Accept-Encoding');
		expect(res.headers.get('content-security-policy')).toBe("script-src 'nonce-x'");
	});

	it('sends gzip where br is not accepted (or refused with q=0)', async () => {
		for (const header of ['gzip', 'br;q=0, gzip']) {
			const res = await compressResponse(req(header), page());
			expect(res.headers.get('content-encoding')).toBe('gzip');
			expect(gunzipSync(await bytes(res)).toString('utf8')).toBe(html);
			expect(res.headers.get('etag')).toBe('"abc-gzip"');
		}
	});

	it('sends the page as it was to a client that accepts no coding, but says that it varies', async () => {
		const res = await compressResponse(req(null), page());
		expect(res.headers.has('content-encoding')).toBe(false);
		expect((await bytes(res)).toString('utf8')).toBe(html);
		expect(res.headers.get('etag')).toBe('"abc"');
		expect(res.headers.get('vary')).toBe('Accept-Encoding');
		expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(html)));
	});

	it('answers HEAD with the headers of the GET and no body', async () => {
		const get = await compressResponse(req('br'), page());
		const head = await compressResponse(req('br', 'HEAD'), page());
		expect(head.body).toBeNull();
		expect(head.headers.get('content-length')).toBe(get.headers.get('content-length'));
		expect(head.headers.get('content-encoding')).toBe('br');
	});

	it('answers a request that has this representation with 304, and one that has another with the page', async () => {
		const notModified = await compressResponse(
			new Request('http://atlas.test/', { headers: { 'accept-encoding': 'br', 'if-none-match': '"abc-br"' } }),
			page({ 'cache-control': 'no-cache' })
		);
		expect(notModified.status).toBe(304);
		expect(notModified.body).toBeNull();
		expect(Object.fromEntries(notModified.headers)).toEqual({ etag: '"abc-br"', 'cache-control': 'no-cache', vary: 'Accept-Encoding' });
		// The identity tag names another representation.
		const other = await compressResponse(new Request('http://atlas.test/', { headers: { 'accept-encoding': 'br', 'if-none-match': '"abc"' } }), page());
		expect(other.status).toBe(200);
		expect(other.headers.get('content-encoding')).toBe('br');
	});

	it('adds Accept-Encoding to an existing Vary once', async () => {
		expect((await compressResponse(req('br'), page({ vary: 'Accept' }))).headers.get('vary')).toBe('Accept, Accept-Encoding');
		expect((await compressResponse(req('br'), page({ vary: 'accept-encoding' }))).headers.get('vary')).toBe('accept-encoding');
	});

	it('leaves alone what is encoded, not text, tiny, bodiless, no-transform or streamed', async () => {
		const untouched = [
			page({ 'content-encoding': 'br' }),
			page({ 'content-type': 'image/png' }),
			page({ 'cache-control': 'public, no-transform' }),
			page({}, null, 304),
			page({}, null, 204),
			// A streamed page: SvelteKit gives it no ETag.
			new Response(html, { headers: { 'content-type': 'text/html', 'x-sveltekit-page': 'true' } })
		];
		for (const res of untouched) expect(await compressResponse(req('br, gzip'), res)).toBe(res);
		const tiny = await compressResponse(req('br'), page({}, 'x'.repeat(MIN_COMPRESSED_BYTES - 1)));
		expect(tiny.headers.has('content-encoding')).toBe(false);
		expect(tiny.headers.has('vary')).toBe(false);
		expect((await bytes(tiny)).length).toBe(MIN_COMPRESSED_BYTES - 1);
	});

	it('compresses other text that no endpoint compressed (JSON, SVG) and keeps the status', async () => {
		const json = new Response(JSON.stringify({ rows: Array.from({ length: 200 }, (_, k) => ({ k })) }), {
			status: 400,
			headers: { 'content-type': 'application/problem+json' }
		});
		const res = await compressResponse(req('br'), json);
		expect(res.status).toBe(400);
		expect(res.headers.get('content-encoding')).toBe('br');
		const svg = await compressResponse(
			req('gzip'),
			new Response(`<svg>${'<path d="M0 0L1 1"/>'.repeat(100)}</svg>`, { headers: { 'content-type': 'image/svg+xml' } })
		);
		expect(svg.headers.get('content-encoding')).toBe('gzip');
	});

	it('answers a weak tag of this representation, or one in a list, with 304 (weak comparison)', async () => {
		for (const ifNoneMatch of ['W/"abc-br"', '"x", W/"abc-br"', '*']) {
			const res = await compressResponse(new Request('http://atlas.test/', { headers: { 'accept-encoding': 'br', 'if-none-match': ifNoneMatch } }), page());
			expect(res.status).toBe(304);
		}
	});

	it('encodes even a tiny body for a client that refuses identity, and sends it plain when every coding is refused', async () => {
		const small = 'x'.repeat(MIN_COMPRESSED_BYTES - 1);
		const refused = await compressResponse(req('identity;q=0, gzip'), page({}, small));
		expect(refused.headers.get('content-encoding')).toBe('gzip');
		expect(gunzipSync(await bytes(refused)).toString('utf8')).toBe(small);
		const none = await compressResponse(req('*;q=0'), page());
		expect(none.headers.has('content-encoding')).toBe(false);
		expect((await bytes(none)).toString('utf8')).toBe(html);
	});
});
