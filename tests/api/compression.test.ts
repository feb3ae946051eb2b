// Compression of pages (hooks.server.ts → compress.ts) against the built server: the HTML, which
// carries the inlined load responses, goes out br or gzip as negotiated and decodes to the page a
// client without compression gets; the CSP and its script hashes survive; API answers keep respond()'s own.
import { request } from 'node:http';
import { createHash } from 'node:crypto';
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
const lines = (html: string) => html.split('\n').sort();
/** The hashes the CSP allows inline scripts by (svelte.config.js: mode 'hash'). */
const cspHashes = (csp: unknown) => [...String(csp).matchAll(/'sha256-([^']+)'/g)].map((m) => m[1]);
/** The SHA-256 (base64) of every inline script the browser would run: each must be allowed by the CSP. */
const inlineScriptHashes = (html: string) =>
	[...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
		.filter((m) => !/\ssrc=/.test(m[1]) && !/\stype="application\/(ld\+)?json"/.test(m[1]))
		.map((m) => createHash('sha256').update(m[2]).digest('base64'));

describe('page compression', () => {
	for (const [path, scripted] of [
		['/', true],
		['/embed', true],
		['/daten', false],
		['/admin/login', true]
	] as const) {
		// '/' and '/embed' carry the inlined geometry; /daten has no script (so no hash); /admin is no-store.
		it(`sends ${path} as br or gzip as asked, decoding to the page sent uncompressed, CSP intact`, async () => {
			const identity = await raw(path, { 'accept-encoding': 'identity' });
			expect(identity.status, path).toBe(200);
			expect(identity.headers['content-type']).toMatch(/^text\/html/);
			expect(identity.headers['content-encoding']).toBeUndefined();
			expect(identity.headers.vary).toMatch(/Accept-Encoding/i);
			const plain = identity.body.toString('utf8');
			// SvelteKit's inline start-up script is allowed by its hash; a page without script has none.
			expect(inlineScriptHashes(plain).length > 0, `${path} has an inline script`).toBe(scripted);
			expect(cspHashes(identity.headers['content-security-policy'])).toEqual(inlineScriptHashes(plain));
			expect(String(identity.headers['content-security-policy'])).not.toMatch(/'nonce-/);
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
				expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
				expect(csp).toMatch(/frame-ancestors /);
				expect(csp).toBe(identity.headers['content-security-policy']);
				// The same page whatever the encoding, with no per-response nonce in it. Only the order of
				// the inlined load answers may differ: they are written as their requests finish.
				expect(lines(decoded(res))).toEqual(lines(plain));
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
		expect(Number(head.headers['content-length'])).toBe(get.body.length);
	});

	it('revalidates a page by the tag of its compressed representation', async () => {
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
