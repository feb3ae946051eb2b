import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { RECOMPRESS_FROM, respond, respondAsync } from './http';

const get = (headers: Record<string, string>, method = 'GET') => new Request('http://atlas.test/api/x', { method, headers });
const big = JSON.stringify({ rows: Array.from({ length: 300 }, (_, k) => ({ stadtteil: `Stadtteil ${k}` })) });

describe('respond', () => {
	it('answers its own tag, weak or in a list, with 304 and no body', () => {
		const etag = respond(get({}), big, 'application/json').headers.get('etag')!;
		for (const ifNoneMatch of [etag, `W/${etag}`, `"x", ${etag}`, '*']) {
			const res = respond(get({ 'if-none-match': ifNoneMatch }), big, 'application/json');
			expect(res.status).toBe(304);
			expect(res.body).toBeNull();
		}
		expect(respond(get({ 'if-none-match': '"x"' }), big, 'application/json').status).toBe(200);
	});

	it('follows q-values: br unless refused, gzip next, plain when both are refused', async () => {
		const br = respond(get({ 'accept-encoding': 'gzip, deflate, br' }), big, 'application/json');
		expect(br.headers.get('content-encoding')).toBe('br');
		expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString('utf8')).toBe(big);
		expect(respond(get({ 'accept-encoding': 'br;q=0, gzip' }), big, 'application/json').headers.get('content-encoding')).toBe('gzip');
		expect(respond(get({ 'accept-encoding': 'br;q=0, gzip;q=0' }), big, 'application/json').headers.has('content-encoding')).toBe(false);
	});

	it('leaves a small body plain, unless the client refuses identity', () => {
		expect(respond(get({ 'accept-encoding': 'br' }), '{"a":1}', 'application/json').headers.has('content-encoding')).toBe(false);
		expect(respond(get({ 'accept-encoding': 'identity;q=0, br' }), '{"a":1}', 'application/json').headers.get('content-encoding')).toBe('br');
	});
});

describe('respondAsync', () => {
	it('compresses a large body quickly for its first answer, and at the best setting for the answers after it', async () => {
		// A large level's values: ids and numbers, as the map asks for them.
		const ids = Array.from({ length: 12_000 }, (_, i) => `0${3_101_000 + i * 7}`);
		const body = JSON.stringify({ ids, values: ids.map((_, i) => Math.round(Math.abs(Math.sin(i)) * 100_000) / 10) });
		expect(body.length).toBeGreaterThan(RECOMPRESS_FROM);
		const bytes = async () => {
			const res = await respondAsync(get({ 'accept-encoding': 'br' }), body, 'application/json');
			expect(res.headers.get('content-encoding')).toBe('br');
			const out = Buffer.from(await res.arrayBuffer());
			expect(brotliDecompressSync(out).toString('utf8')).toBe(body);
			return out.length;
		};
		const first = await bytes();
		let later = first;
		for (let i = 0; i < 100 && later === first; i++) {
			await new Promise((resolve) => setTimeout(resolve, 20));
			later = await bytes();
		}
		expect(later).toBeLessThan(first);
	});
});
