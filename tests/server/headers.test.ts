// Security headers on every kind of answer server.js gives: pages, API (from SvelteKit and from
// the response cache's fast path), OGC, static files, the embed, admin, health and 404s.
// Strict-Transport-Security only where the public origin (ORIGIN) is https.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer } from '../global-setup';

const base = inject('baseUrl');

/** What the atlas never uses (src/lib/server/securityHeaders.ts), spot-checked by name. */
const OFF = ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'fullscreen'];

const KINDS: [kind: string, path: string, status: number][] = [
	['page', '/', 200],
	['page, English', '/vergleich?lang=en', 200],
	['API', '/api/indicators', 200],
	['API problem', '/api/areas?level=gibtsnicht', 400],
	['API 404', '/api/gibtsnicht', 404],
	['OGC', '/ogc/collections', 200],
	['OGC as HTML', '/ogc/collections?f=html', 200],
	['static file', '/robots.txt', 200],
	['static asset', '', 200],
	['embed', '/embed', 200],
	['admin login', '/admin/login', 200],
	['admin (redirect)', '/admin', 303],
	['health', '/healthz', 200],
	['readiness', '/readyz', 200],
	['page 404', '/gibtsnicht', 404]
];

/** An immutable asset the atlas page loads (its name changes with every build). */
async function assetPath(url: string): Promise<string> {
	const html = await (await fetch(url + '/')).text();
	const path = /\/_app\/immutable\/[\w./-]+\.js/.exec(html)?.[0];
	expect(path).toBeTruthy();
	return path!;
}

function expectSecurityHeaders(res: Response, label: string) {
	expect(res.headers.get('x-content-type-options'), label).toBe('nosniff');
	expect(res.headers.get('referrer-policy'), label).toBe('strict-origin-when-cross-origin');
	const policy = (res.headers.get('permissions-policy') ?? '').split(/,\s*/);
	for (const feature of OFF) expect(policy, label).toContain(`${feature}=()`);
}

describe('security headers (ORIGIN not https)', () => {
	it('are on every kind of answer, without HSTS', async () => {
		const asset = await assetPath(base);
		for (const [kind, path, status] of KINDS) {
			const res = await fetch(base + (path || asset), { redirect: 'manual', headers: { 'accept-encoding': 'br, gzip' } });
			expect(res.status, kind).toBe(status);
			expectSecurityHeaders(res, kind);
			expect(res.headers.has('strict-transport-security'), kind).toBe(false);
		}
	});
});

describe('security headers behind https (ORIGIN https://…)', () => {
	let server: { url: string; child: ChildProcess };
	beforeAll(async () => {
		server = await startServer({ ORIGIN: 'https://kontoratlas.example', KONTORATLAS_TEST_CACHE_STATS: '1' });
	});
	afterAll(async () => {
		const exited = new Promise((r) => server.child.once('exit', r));
		server.child.kill();
		await exited;
	});

	it('add Strict-Transport-Security to pages, API, static files, admin and 404s', async () => {
		const asset = await assetPath(server.url);
		for (const [kind, path] of [
			['page', '/'],
			['API', '/api/indicators'],
			['static asset', asset],
			['static file', '/favicon.svg'],
			['admin login', '/admin/login'],
			['page 404', '/gibtsnicht'],
			['health', '/healthz']
		]) {
			const res = await fetch(server.url + path, { redirect: 'manual' });
			expectSecurityHeaders(res, kind);
			expect(res.headers.get('strict-transport-security'), kind).toBe('max-age=31536000');
		}
	});

	it('are on answers from the fast path of the response cache (200, 304 and HEAD)', async () => {
		const path = '/api/kontore';
		const hits = async () => ((await (await fetch(`${server.url}/__test/response-cache`)).json()) as { hits: number }).hits;
		const etag = (await fetch(server.url + path)).headers.get('etag')!;
		const before = await hits();
		const answers = {
			cached: await fetch(server.url + path),
			notModified: await fetch(server.url + path, { headers: { 'if-none-match': etag } }),
			head: await fetch(server.url + path, { method: 'HEAD' })
		};
		expect(await hits()).toBe(before + 3);
		expect(answers.notModified.status).toBe(304);
		for (const [label, res] of Object.entries(answers)) {
			expectSecurityHeaders(res, label);
			expect(res.headers.get('strict-transport-security'), label).toBe('max-age=31536000');
		}
	});
});
