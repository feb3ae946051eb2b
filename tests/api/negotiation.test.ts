// Content negotiation and conditional requests against the built server, through every layer that
// answers: respond() (API), the page compression, the response cache, sirv's static files and OGC.
import { request } from 'node:http';
import { describe, expect, inject, it } from 'vitest';

const base = inject('baseUrl');

interface Raw {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	bytes: number;
}

/** Headers and body size as sent (fetch would decode and add its own Accept-Encoding). */
function raw(path: string, headers: Record<string, string>): Promise<Raw> {
	return new Promise((ok, fail) => {
		request(base + path, { headers }, (res) => {
			let bytes = 0;
			res.on('data', (c: Buffer) => (bytes += c.length));
			res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, bytes }));
		})
			.on('error', fail)
			.end();
	});
}

async function staticAsset(): Promise<string> {
	const html = await (await fetch(base + '/')).text();
	return /\/_app\/immutable\/[\w./-]+\.js/.exec(html)![0];
}

describe('Accept-Encoding q-values', () => {
	it('a refused coding (q=0) is never sent: API, page and static file', async () => {
		for (const path of ['/api/areas?level=stadtteil', '/daten', await staticAsset()]) {
			expect((await raw(path, { 'accept-encoding': 'gzip, deflate, br' })).headers['content-encoding'], path).toBe('br');
			expect((await raw(path, { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding'], path).toBe('gzip');
			expect((await raw(path, { 'accept-encoding': 'br;q=0.4, gzip;q=0.8' })).headers['content-encoding'], path).toBe('gzip');
			const none = await raw(path, { 'accept-encoding': 'br;q=0, gzip;q=0' });
			expect(none.status, path).toBe(200);
			expect(none.headers['content-encoding'], path).toBeUndefined();
			expect((await raw(path, { 'accept-encoding': '*;q=0' })).headers['content-encoding'], path).toBeUndefined();
		}
	});

	it('identity;q=0 gets even a small answer encoded', async () => {
		const small = '/api/areas?level=gibtsnicht';
		expect((await raw(small, { 'accept-encoding': 'br' })).headers['content-encoding']).toBeUndefined();
		const refused = await raw(small, { 'accept-encoding': 'identity;q=0, gzip' });
		expect(refused.status).toBe(400);
		expect(refused.headers['content-encoding']).toBe('gzip');
	});
});

describe('If-None-Match (weak comparison)', () => {
	for (const path of ['/api/indicators', '/api/areas?level=ortschaft', '/daten']) {
		it(`${path}: its tag, weak, in a list or * gets 304; another tag gets 200`, async () => {
			const headers = { 'accept-encoding': 'br' };
			const first = await raw(path, headers);
			const etag = String(first.headers.etag);
			expect(etag).toMatch(/^(W\/)?"/);
			const strong = etag.replace(/^W\//, '');
			// Twice each: the second API answer may come from the response cache's fast path.
			for (const ifNoneMatch of [etag, `W/${strong}`, `"anders", ${strong}`, '*', `W/${strong}`]) {
				const res = await raw(path, { ...headers, 'if-none-match': ifNoneMatch });
				expect(res.status, ifNoneMatch).toBe(304);
				expect(res.bytes, ifNoneMatch).toBe(0);
			}
			expect((await raw(path, { ...headers, 'if-none-match': '"anders"' })).status).toBe(200);
			expect((await raw(path, { ...headers, 'if-none-match': `W/"anders", "${strong.slice(1, -2)}"` })).status).toBe(200);
		});
	}
});

describe('OGC media types', () => {
	it('HTML only when preferred to JSON', async () => {
		const type = async (accept: string) => String((await raw('/ogc/collections', { accept })).headers['content-type']);
		expect(await type('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toMatch(/^text\/html/);
		expect(await type('text/html;q=0.5, application/json')).toMatch(/json/);
		expect(await type('*/*')).toMatch(/json/);
		expect(await type('text/html;q=0, */*')).toMatch(/json/);
	});
});
