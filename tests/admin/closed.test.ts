// /admin is closed by default: hooks.server.ts refuses every admin page, data request and form
// action without a session, the login aside. The routes are read from src/routes/admin at test
// time, so a route added later is covered without touching this file.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient, removeStores, snapshot, startAdminServer, textOf, type AdminServer } from './helpers';

const ROUTES = 'src/routes';

interface AdminRoute {
	path: string;
	/** Form actions named in `export const actions` of +page.server.ts. */
	actions: string[];
	/** A +server.ts endpoint rather than a page. */
	endpoint: boolean;
}

/** Every page and endpoint under src/routes/admin, with parameters filled by a placeholder. */
function adminRoutes(): AdminRoute[] {
	const routes: AdminRoute[] = [];
	const walk = (dir: string) => {
		const files = readdirSync(dir, { withFileTypes: true });
		const names = files.map((f) => f.name);
		const path =
			'/' +
			relative(ROUTES, dir)
				.split(sep)
				.filter((part) => !/^\(.*\)$/.test(part))
				.map((part) => part.replace(/\[+\.*[^\]]*\]+/g, 'x'))
				.join('/');
		const page = names.some((n) => /^\+page(\.server)?\.(ts|js|svelte)$/.test(n));
		if (page)
			routes.push({ path, actions: names.includes('+page.server.ts') ? actionNames(readFileSync(join(dir, '+page.server.ts'), 'utf8')) : [], endpoint: false });
		if (names.some((n) => /^\+server\.(ts|js)$/.test(n))) routes.push({ path, actions: [], endpoint: true });
		for (const f of files) if (f.isDirectory()) walk(join(dir, f.name));
	};
	walk(join(ROUTES, 'admin'));
	return routes;
}

/** The keys of the `actions` object literal: the lines one tab in, up to its closing brace. */
function actionNames(source: string): string[] {
	const block = /export const actions[^=]*=\s*\{\n([\s\S]*?)\n\};/.exec(source)?.[1];
	if (!block) return [];
	return [...block.matchAll(/^\t(?:async\s+)?([A-Za-z_$][\w$]*)\s*[:(]/gm)].map((m) => m[1]);
}

let server: AdminServer;
let admin: AdminClient;
const routes = adminRoutes();

/** What an admin sees (versions, audit log) and what the API serves. */
async function state(): Promise<string> {
	return textOf(await (await admin.request('/admin')).text()) + (await snapshot(server.url));
}

beforeAll(async () => {
	server = await startAdminServer();
	admin = new AdminClient(server.url);
	expect((await admin.login()).status).toBe(303);
});
afterAll(() => {
	server?.child.kill();
	removeStores();
});

describe('admin closed by default', () => {
	it('finds the admin routes and their actions in the source tree', () => {
		const paths = routes.map((r) => r.path);
		expect(paths).toEqual(expect.arrayContaining(['/admin', '/admin/login', '/admin/import', '/admin/vergleich']));
		const actions = Object.fromEntries(routes.map((r) => [r.path, r.actions]));
		expect(actions['/admin']).toEqual(['logout', 'rollback']);
		expect(actions['/admin/import']).toEqual(['csv', 'remap', 'geojson', 'census', 'confirm', 'discard']);
		expect(actions['/admin/login']).toEqual(['default']);
	});

	it('sends every anonymous page request, plain or as SvelteKit data, to the login; only the login answers', async () => {
		const forged = `kontoratlas_admin=${'A'.repeat(43)}`;
		for (const { path, endpoint } of routes) {
			for (const cookie of [undefined, forged]) {
				const headers: Record<string, string> = cookie ? { cookie } : {};
				if (endpoint && path.startsWith('/admin/login/oidc')) {
					// Single sign-on's start and callback are the login's: open, and without a provider
					// set up (as here) they only send back to the login with the reason; nothing is posted there.
					const get = await fetch(server.url + path, { headers, redirect: 'manual' });
					expect([get.status, get.headers.get('location')], `GET ${path}`).toEqual([303, '/admin/login?sso=unconfigured']);
					expect(get.headers.get('set-cookie') ?? '', `GET ${path}`).not.toMatch(/kontoratlas_admin=[\w-]{43}/);
					const post = await fetch(server.url + path, { method: 'POST', headers: { ...headers, origin: server.url }, redirect: 'manual' });
					expect(post.status, `POST ${path}`).toBe(405);
					continue;
				}
				if (endpoint) {
					// An endpoint added later: no answer of its own without a session.
					for (const method of ['GET', 'POST']) {
						const res = await fetch(server.url + path, { method, headers: { ...headers, origin: server.url }, redirect: 'manual' });
						expect(res.status, `${method} ${path}`).toBe(303);
						expect(res.headers.get('location'), `${method} ${path}`).toBe('/admin/login');
					}
					continue;
				}
				const page = await fetch(`${server.url}${path}?lang=en`, { headers, redirect: 'manual' });
				if (path === '/admin/login') {
					expect(page.status).toBe(200);
					continue;
				}
				expect(page.status, path).toBe(303);
				expect(page.headers.get('location'), path).toBe('/admin/login?lang=en');
				// Client-side navigation asks for the load data: SvelteKit's redirect, no data.
				const data = await fetch(`${server.url}${path}/__data.json`, { headers, redirect: 'manual' });
				expect(await data.json(), `${path}/__data.json`).toEqual({ type: 'redirect', location: '/admin/login' });
			}
		}
	});

	it('refuses every form action posted anonymously (plain and enhanced, without and with a forged cookie), and nothing changes', async () => {
		const before = await state();
		const forged = `kontoratlas_admin=${'A'.repeat(43)}`;
		let posted = 0;
		for (const { path, actions } of routes) {
			if (path === '/admin/login') continue;
			for (const action of actions) {
				const target = action === 'default' ? path : `${path}?/${action}`;
				for (const cookie of [undefined, forged]) {
					const form = new FormData();
					// Whatever a real form would send: the refusal must not depend on the fields.
					for (const [k, v] of Object.entries({ csrf: 'x', version: '1', preview: 'x', source: 'x', licence: 'x', mode: 'replace' })) form.set(k, v);
					form.set('file', new Blob(['Stadtteil;Indikator;Jahr;Wert\n'], { type: 'text/csv' }), 'a.csv');
					const headers: Record<string, string> = { origin: server.url, accept: 'text/html', ...(cookie ? { cookie } : {}) };
					const plain = await fetch(server.url + target, { method: 'POST', body: form, headers, redirect: 'manual' });
					expect(plain.status, `POST ${target}`).toBe(303);
					expect(plain.headers.get('location'), `POST ${target}`).toBe('/admin/login');
					expect(plain.headers.get('set-cookie') ?? '', `POST ${target}`).not.toMatch(/kontoratlas_admin=[\w-]{43}/);
					// use:enhance posts ask for JSON and get SvelteKit's redirect result.
					const enhanced = await fetch(server.url + target, {
						method: 'POST',
						body: form,
						headers: { ...headers, accept: 'application/json', 'x-sveltekit-action': 'true' }
					});
					expect(await enhanced.json(), `enhanced POST ${target}`).toEqual({ type: 'redirect', status: 303, location: '/admin/login' });
					posted++;
				}
			}
		}
		expect(posted).toBeGreaterThanOrEqual(12);
		expect(await state()).toBe(before);
	});
});
