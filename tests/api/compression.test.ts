// Compression of pages (hooks.server.ts → compress.ts) against the built server: the HTML, which
// carries the inlined load responses, goes out br or gzip as negotiated and decodes to the page a
// client without compression gets; the CSP and its nonce survive; API answers keep respond()'s own.
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';

const base = inject('baseUrl');

interface Raw {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

/** The bytes as they went over the wire (fetch would decode them). */
function raw(path: string, headers: Record<string, string>, method = 'GET'): Promise<Raw> {
	return new Promise((ok, fail) => {
		request(base + path, { method, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
		})
			.on('error', fail)
			.end();
	});
}

const decoded = (r: Raw) => {
	const coding = r.headers['content-encoding'];
	return (coding === 'br' ? brotliDecompressSync(r.body) : coding === 'gzip' ? gunzipSync(r.body) : r.body).toString('utf8');
};
const nonceOf = (csp: unknown) => /'nonce-([^']+)'/.exec(String(csp))?.[1];
/** The nonces on the page's script elements, each once. */
const scriptNonces = (html: string) => [...new Set([...html.matchAll(/<script\b[^>]*\snonce="([^"]*)"/g)].map((m) => m[1]))];
/** Each response has its own nonce; with it taken out, the same page must remain. */
const withoutNonce = (html: string, nonce: string) => html.split(nonce).join('NONCE');

describe('page compression', () => {
	for (const [path, scripted] of [
		['/', true],
		['/embed', true],
		['/daten', false],
		['/admin/login', true]
	] as const) {
		// '/' and '/embed' carry the inlined geometry; /daten has no script (so no nonce); /admin is no-store.
		it(`sends ${path} as br or gzip as asked, decoding to the page sent uncompressed, CSP intact`, async () => {
			const identity = await raw(path, { 'accept-encoding': 'identity' });
			expect(identity.status, path).toBe(200);
			expect(identity.headers['content-type']).toMatch(/^text\/html/);
			expect(identity.headers['content-encoding']).toBeUndefined();
			expect(identity.headers.vary).toMatch(/Accept-Encoding/i);
			const identityNonce = nonceOf(identity.headers['content-security-policy']);
			expect(identityNonce !== undefined, `${path} has a nonce`).toBe(scripted);
			const plain = withoutNonce(identity.body.toString('utf8'), identityNonce ?? 'NONCE');
			for (const [header, coding] of [
				['br, gzip', 'br'],
				['gzip, deflate', 'gzip']
			] as const) {
				const res = await raw(path, { 'accept-encoding': header });
				expect(res.status).toBe(200);
				expect(res.headers['content-encoding'], `${path} ${header}`).toBe(coding);
				expect(res.headers.vary).toMatch(/Accept-Encoding/i);
				expect(Number(res.headers['content-length'])).toBe(res.body.length);
				expect(res.body.length).toBeLessThan(identity.body.length / 2);
				const csp = res.headers['content-security-policy'];
				expect(csp).toMatch(/script-src 'self'( 'nonce-[^']+')?;/);
				expect(csp).toMatch(/frame-ancestors /);
				expect(String(csp).replace(/'nonce-[^']+'/, '')).toBe(String(identity.headers['content-security-policy']).replace(/'nonce-[^']+'/, ''));
				const html = decoded(res);
				const nonce = nonceOf(csp);
				// SvelteKit's inline start-up script carries the header's nonce; a page without script has neither.
				expect(nonce !== undefined, `${path} ${header} has a nonce`).toBe(scripted);
				expect(scriptNonces(html)).toEqual(scripted ? [nonce] : []);
				expect(withoutNonce(html, nonce ?? 'NONCE')).toBe(plain);
			}
			if (path.startsWith('/admin')) expect(identity.headers['cache-control']).toBe('no-store');
		});
	}

	it('answers HEAD with the headers of a compressed GET and no body', async () => {
		const head = await raw('/', { 'accept-encoding': 'br' }, 'HEAD');
		expect(head.status).toBe(200);
		expect(head.headers['content-encoding']).toBe('br');
		expect(head.body.length).toBe(0);
		const get = await raw('/', { 'accept-encoding': 'br' });
		// Another nonce, so the length may differ by a few bytes.
		expect(Math.abs(Number(head.headers['content-length']) - get.body.length)).toBeLessThan(32);
	});

	it('revalidates a page by the tag of its compressed representation (/daten has no nonce, so its tag is stable)', async () => {
		const first = await raw('/daten', { 'accept-encoding': 'br' });
		const etag = String(first.headers.etag);
		expect(etag).toMatch(/-br"$/);
		const again = await raw('/daten', { 'accept-encoding': 'br', 'if-none-match': etag });
		expect(again.status).toBe(304);
		expect(again.body.length).toBe(0);
		expect(again.headers.etag).toBe(etag);
		// The same tag does not stand for the gzip representation.
		const gzip = await raw('/daten', { 'accept-encoding': 'gzip', 'if-none-match': etag });
		expect(gzip.status).toBe(200);
		expect(gzip.headers['content-encoding']).toBe('gzip');
	});

	it('leaves API answers as respond() compressed them, with their own ETag', async () => {
		const res = await raw('/api/areas?level=stadtteil', { 'accept-encoding': 'br' });
		expect(res.headers['content-encoding']).toBe('br');
		expect(res.headers.etag).not.toMatch(/-br"$/);
		const again = await raw('/api/areas?level=stadtteil', { 'accept-encoding': 'br', 'if-none-match': String(res.headers.etag) });
		expect(again.status).toBe(304);
	});

	it('leaves tiny answers uncompressed', async () => {
		const res = await raw('/api/nichts', { 'accept-encoding': 'br' });
		expect(res.status).toBe(404);
		expect(res.headers['content-encoding']).toBeUndefined();
		expect(Number(res.headers['content-length'])).toBe(res.body.length);
	});
});
