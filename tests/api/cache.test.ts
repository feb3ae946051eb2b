// The production server's response cache (server.js, src/lib/server/responseCache.ts): answers
// from it (API and atlas pages) are the app's answers byte for byte, only reusable answers go in, and a data change
// through /admin empties it. The server runs with KONTORATLAS_TEST_CACHE_STATS=1, which makes
// server.js report how often the cache answered, to show that these requests took the fast path.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient, removeStores, startAdminServer, type AdminServer } from '../admin/helpers';

let server: AdminServer;
beforeAll(async () => {
	// Without the warm-up (warmUp.test.ts), whose entries would come and go under these counts.
	server = await startAdminServer({ KONTORATLAS_TEST_CACHE_STATS: '1', KONTORATLAS_WARM_UP: 'off' });
});
afterAll(async () => {
	const exited = new Promise((r) => server.child.once('exit', r));
	server.child.kill();
	await exited;
	removeStores();
});

interface Raw {
	status: number;
	/** Every header as sent, but Date. */
	headers: Record<string, string | string[]>;
	body: Buffer;
}

/** A request with exactly these headers, and the answer's raw bytes (fetch would decompress). */
function raw(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
	return new Promise((ok, fail) => {
		request(server.url + path, { method, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => {
				const { date, ...rest } = res.headers;
				expect(date).toBeTruthy();
				ok({ status: res.statusCode!, headers: rest as Record<string, string | string[]>, body: Buffer.concat(chunks) });
			});
			res.on('error', fail);
		})
			.on('error', fail)
			.end();
	});
}

/** How many requests the cache has answered, and how many answers it holds. */
async function stats(): Promise<{ hits: number; entries: number }> {
	return (await fetch(`${server.url}/__test/response-cache`)).json();
}

/** Runs `fn` and returns how many of its requests the cache answered. */
async function hitsDuring(fn: () => Promise<unknown>): Promise<number> {
	const before = (await stats()).hits;
	await fn();
	return (await stats()).hits - before;
}

describe('the API response cache', () => {
	it('answers a repeated request byte for byte as the app did, for br, gzip and identity', async () => {
		for (const encoding of ['br', 'gzip', 'identity']) {
			const path = `/api/areas?level=stadtteil&indicators=einwohner&cache=${encoding}`;
			let first: Raw | undefined;
			expect(await hitsDuring(async () => (first = await raw(path, { 'accept-encoding': encoding })))).toBe(0);
			let second: Raw | undefined;
			expect(await hitsDuring(async () => (second = await raw(path, { 'accept-encoding': encoding })))).toBe(1);
			expect(first!.status).toBe(200);
			expect(first!.headers['content-encoding'] ?? 'identity').toBe(encoding);
			expect(second!.headers).toEqual(first!.headers);
			expect(second!.body.equals(first!.body)).toBe(true);
		}
	});

	it('answers If-None-Match with the 304 the app gives, and HEAD like the app', async () => {
		const path = '/api/areas?level=ortschaft&cache=304';
		const gzip = { 'accept-encoding': 'gzip' };
		const etag = (await fetch(server.url + '/api/areas?level=ortschaft&cache=etag')).headers.get('etag')!;
		// Not in the cache yet: the app answers.
		const fromApp = await raw(path, { ...gzip, 'if-none-match': etag });
		const headFromApp = await raw(path, gzip, 'HEAD');
		const get = await raw(path, gzip);
		let fromCache: Raw | undefined;
		let headFromCache: Raw | undefined;
		expect(
			await hitsDuring(async () => {
				fromCache = await raw(path, { ...gzip, 'if-none-match': etag });
				headFromCache = await raw(path, gzip, 'HEAD');
			})
		).toBe(2);
		expect(fromApp.status).toBe(304);
		expect(fromCache!.status).toBe(304);
		expect(fromCache!.headers).toEqual(fromApp.headers);
		expect(fromCache!.body.length).toBe(0);
		expect(headFromApp.status).toBe(200);
		expect(headFromCache!.headers).toEqual(headFromApp.headers);
		expect(headFromCache!.headers).toEqual(get.headers);
		expect(headFromCache!.body.length).toBe(0);
		// A tag that does not match gets the full answer.
		const other = await raw(path, { ...gzip, 'if-none-match': '"anders"' });
		expect(other.status).toBe(200);
		expect(other.body.equals(get.body)).toBe(true);
	});

	it('keeps no problem answers and nothing for requests with a cookie', async () => {
		const before = await stats();
		for (let i = 0; i < 2; i++) {
			const bogus = await raw('/api/areas?level=bogus');
			expect(bogus.status).toBe(400);
			expect(bogus.headers['content-type']).toContain('problem+json');
			expect((await raw('/api/gibt-es-nicht')).status).toBe(404);
			expect((await raw('/api/kontore?cache=cookie', { cookie: 'a=1' })).status).toBe(200);
		}
		expect(await stats()).toEqual(before);
	});

	it('keeps an answer that varies by Accept per Accept header: JSON and CSV never cross', async () => {
		const path = '/api/indicators/einwohnerdichte?level=stadtteil&cache=accept';
		const asCsv = { accept: 'text/csv' };
		const asJson = { accept: 'application/json' };
		// The indicator table negotiates JSON or CSV on Accept, and says so.
		const csv = await raw(path, asCsv);
		expect(csv.headers['content-type']).toContain('text/csv');
		expect(csv.headers.vary).toBe('Accept, Accept-Encoding, Cookie');
		let json: Raw | undefined;
		// The JSON request is not answered with the CSV just kept.
		expect(await hitsDuring(async () => (json = await raw(path, asJson)))).toBe(0);
		expect(json!.headers['content-type']).toContain('application/json');
		let csvAgain: Raw | undefined;
		let jsonAgain: Raw | undefined;
		let other: Raw | undefined;
		expect(
			await hitsDuring(async () => {
				csvAgain = await raw(path, asCsv);
				jsonAgain = await raw(path, asJson);
				// Another Accept header is a variant of its own: the app answers it.
				other = await raw(path, { accept: 'application/json, text/csv;q=0.5' });
			})
		).toBe(2);
		expect(csvAgain!.body.equals(csv.body)).toBe(true);
		expect(csvAgain!.headers).toEqual(csv.headers);
		expect(jsonAgain!.body.equals(json!.body)).toBe(true);
		expect(other!.headers['content-type']).toContain('application/json');
		// With format= the Accept header no longer matters: one answer for every Accept.
		await raw('/api/indicators/einwohnerdichte?level=stadtteil&format=csv', asJson);
		let fixed: Raw | undefined;
		expect(await hitsDuring(async () => (fixed = await raw('/api/indicators/einwohnerdichte?level=stadtteil&format=csv', asCsv)))).toBe(1);
		expect(fixed!.headers.vary).toBe('Accept-Encoding, Cookie');
	});

	it('answers the public atlas pages byte for byte as the app did, and renders other pages each time', async () => {
		for (const path of ['/', '/embed?level=ortschaft']) {
			let first: Raw | undefined;
			expect(await hitsDuring(async () => (first = await raw(path, { 'accept-encoding': 'br' })))).toBe(0);
			let second: Raw | undefined;
			expect(await hitsDuring(async () => (second = await raw(path, { 'accept-encoding': 'br' })))).toBe(1);
			expect(first!.status).toBe(200);
			expect(first!.headers['content-type']).toMatch(/^text\/html/);
			// SvelteKit's start-up script is allowed by its hash: the same bytes may go to everyone.
			expect(first!.headers['content-security-policy']).toMatch(/script-src 'self' 'sha256-/);
			expect(second!.headers).toEqual(first!.headers);
			expect(second!.body.equals(first!.body)).toBe(true);
			// A visitor with a cookie (perhaps signed in) gets the page rendered for them.
			expect(await hitsDuring(() => raw(path, { 'accept-encoding': 'br', cookie: 'a=1' }))).toBe(0);
		}
		const before = await stats();
		for (let i = 0; i < 2; i++) expect((await raw('/vergleich?ids=lebenstedt,thiede')).status).toBe(200);
		expect(await stats()).toEqual(before);
	});

	it('never answers admin pages', async () => {
		const before = await stats();
		for (let i = 0; i < 2; i++) {
			const login = await raw('/admin/login');
			expect(login.status).toBe(200);
			expect(login.headers['cache-control']).toBe('no-store');
		}
		expect(await stats()).toEqual(before);
	});

	it('serves the new data after an import and after a rollback', async () => {
		const path = '/api/areas/lebenstedt?indicators=sgb2-quote&year=2019';
		const value = async () => ((await (await fetch(server.url + path)).json()) as { properties: Record<string, unknown> }).properties['sgb2-quote'];
		expect(await value()).toBe(19.7);
		expect(await hitsDuring(async () => expect(await value()).toBe(19.7))).toBe(1);
		const admin = new AdminClient(server.url);
		await admin.login();
		const p = await admin.previewCsv('x.csv', 'Stadtteil;Indikator;Jahr;Wert;Zähler;Nenner\r\nLebenstedt;SGB-II-Quote;2019;12,0;6.000;50.000\r\n');
		expect(p.previewId).toBeTruthy();
		expect((await admin.confirm(p.previewId!)).version).toBe(2);
		expect(await hitsDuring(async () => expect(await value()).toBe(12))).toBe(0);
		expect(await hitsDuring(async () => expect(await value()).toBe(12))).toBe(1);
		expect((await admin.post('/admin?/rollback', { version: '1' })).status).toBe(200);
		expect(await value()).toBe(19.7);
		expect(await value()).toBe(19.7);
	});
});
