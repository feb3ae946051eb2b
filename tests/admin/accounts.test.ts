// Accounts, roles and app-wide sessions over HTTP (#19), as a browser posts the forms: each role
// reaches only its areas; a Kontor team edits only its own Kontor; role, user or Kontor fields in a
// form change nothing; tampered, replayed and fixated cookies, a deleted or disabled account's
// session, CSRF without or with another session's token, and an open redirect through `next` are
// all refused; the atlas header shows who is signed in (never in /embed); the audit log records
// it all; `npm run users` manages the same store from the command line.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_USER, AdminClient, removeStores, startAdminServer, textOf, type AdminServer } from './helpers';

const PW = 'Konto-Passwort-2026!';
let server: AdminServer;
let admin: AdminClient;

beforeAll(async () => {
	server = await startAdminServer();
	admin = new AdminClient(server.url);
	expect((await admin.login()).status).toBe(303);
	for (const [name, role, kontor] of [
		['anna', 'kontor', 'fredenberg'],
		['paul', 'planung', ''],
		['rita', 'redaktion', '']
	]) {
		const res = await admin.post('/admin/konten?/create', { name, role, kontor, password: PW });
		expect(textOf(await res.text()), name).toContain(`Konto ${name} angelegt`);
	}
});
afterAll(() => {
	server?.child.kill();
	removeStores();
});

async function signIn(name: string, password = PW): Promise<AdminClient> {
	const c = new AdminClient(server.url);
	expect((await c.login(name, password)).status, name).toBe(303);
	expect(c.csrf, name).toMatch(/^[\w-]{43}$/);
	return c;
}
/** Whether a cookie still opens the admin (303 to the login when it does not). */
const opens = async (cookie: string) => (await fetch(`${server.url}/admin`, { headers: { cookie }, redirect: 'manual' })).status === 200;
const currentVersion = async () => /data-testid="current-version">Version (\d+)/.exec(await (await admin.request('/admin')).text())?.[1];
/**
 * `npm run users` against the server's store. Asynchronous on purpose: a blocked event loop would
 * miss the server closing idle keep-alive sockets, and the next request would use a dead one.
 */
function users(args: string[], input = ''): Promise<{ status: number | null; stdout: string; stderr: string }> {
	const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/users.ts', ...args], { env: { ...process.env, DATABASE_PATH: server.dbPath } });
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (d) => (stdout += d));
	child.stderr.on('data', (d) => (stderr += d));
	child.stdin.end(input);
	return new Promise((ok) => child.on('close', (status) => ok({ status, stdout, stderr })));
}

/** The text fields of the first form on a page with a `kontor_id`, as the page fills them (its CSRF token left out). */
async function formFields(c: AdminClient, path: string): Promise<Record<string, string>> {
	const html = await (await c.request(path)).text();
	const start = html.lastIndexOf('<form', html.indexOf('name="kontor_id"'));
	const form = html.slice(start, html.indexOf('</form>', start));
	const decode = (v: string) => v.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
	const fields: Record<string, string> = {};
	for (const [tag, name] of form.matchAll(/<input[^>]*name="(\w+)"[^>]*>/g)) {
		const value = decode(/value="([^"]*)"/.exec(tag)?.[1] ?? '');
		if (/type="(radio|checkbox)"/.test(tag)) {
			if (/checked/.test(tag)) fields[name] = /type="checkbox"/.test(tag) ? 'on' : value;
		} else if (name !== 'csrf') fields[name] = value;
	}
	for (const [select, name] of form.matchAll(/<select name="(\w+)"[\s\S]*?<\/select>/g))
		fields[name] = /<option value="([^"]*)"[^>]*selected/.exec(select)?.[1] ?? '';
	for (const [, name, text] of form.matchAll(/<textarea name="(\w+)"[^>]*>([\s\S]*?)<\/textarea>/g)) fields[name] = decode(text);
	return fields;
}

describe('roles and their areas', () => {
	it('offers and opens each role only its areas; the rest is 403 in the user language', async () => {
		const expected: Record<string, { open: string[]; closed: string[] }> = {
			anna: {
				open: ['/admin/kontore', '/admin/taetigkeit'],
				closed: ['/admin/import', '/admin/katalog', '/admin/konten', '/admin/berichtsvorlagen', '/admin/vergleich?a=1&b=1']
			},
			paul: { open: ['/admin/berichtsvorlagen'], closed: ['/admin/kontore', '/admin/taetigkeit', '/admin/import', '/admin/konten', '/admin/reseed'] },
			rita: { open: ['/admin/import', '/admin/katalog', '/admin/kontore', '/admin/einrichtungen', '/admin/berichtsvorlagen'], closed: ['/admin/konten'] }
		};
		for (const [name, { open, closed }] of Object.entries(expected)) {
			const c = await signIn(name);
			const start = await (await c.request('/admin')).text();
			const nav = start.slice(start.indexOf('<nav'), start.indexOf('</nav>'));
			for (const path of open) {
				expect((await c.request(path)).status, `${name} ${path}`).toBe(200);
				expect(nav, `${name} nav`).toContain(`href="${path}"`);
			}
			for (const path of closed) {
				const res = await c.request(path);
				expect(res.status, `${name} ${path}`).toBe(403);
				expect(textOf(await res.text())).toContain('Keine Berechtigung');
				expect(nav, `${name} nav`).not.toContain(`href="${path.split('?')[0]}"`);
			}
			const en = await c.request('/admin/konten?lang=en');
			expect(textOf(await en.text())).toContain('Not allowed: your role does not permit this page or action.');
		}
	});

	it('lets a kontor account edit its own Kontor only (profile and activity texts), refusing others with 403', async () => {
		const anna = await signIn('anna');
		const version = await currentVersion();
		const list = await (await anna.request('/admin/kontore')).text();
		expect(list).toContain('kontor=fredenberg');
		expect(list).not.toContain('kontor=kampstrasse');
		expect(list).not.toContain('kontor=neu');
		expect((await anna.request('/admin/kontore?kontor=kampstrasse')).status).toBe(403);
		expect((await anna.request('/admin/kontore?kontor=neu')).status).toBe(403);
		for (const [path, fields] of [
			['/admin/kontore?/save', { kontor_id: 'kampstrasse', name: 'Übernommen' }],
			['/admin/kontore?/save', { kontor_id: '', name: 'Neues Kontor' }],
			['/admin/kontore?/close', { kontor_id: 'kampstrasse', closed: '2026-01-01' }],
			['/admin/kontore?/close', { kontor_id: 'fredenberg', closed: '2026-01-01' }],
			['/admin/taetigkeit?/preview', { kontor: 'kampstrasse', year: '2025', narrative: 'Fremder Text' }]
		] as const) {
			const res = await anna.post(path, fields);
			expect(res.status, `${path} ${JSON.stringify(fields)}`).toBe(403);
			expect(textOf(await res.text())).toContain('Keine Berechtigung');
		}
		const en = await anna.post('/admin/taetigkeit?/preview&lang=en', { kontor: 'kampstrasse', year: '2025', narrative: 'x' });
		expect(en.status).toBe(403);
		expect(textOf(await en.text())).toContain('Not allowed');
		// Its own Kontor's texts and profile go to a preview like an editor's.
		const own = await anna.post('/admin/taetigkeit?/preview', { kontor: 'fredenberg', year: '2025', narrative: 'Eigener Text', offers: '3' });
		expect(own.status).toBe(200);
		expect(await own.text()).toMatch(/name="preview" value="[^"]+"/);
		const profile = await anna.post('/admin/kontore?/save', { ...(await formFields(anna, '/admin/kontore?kontor=fredenberg')), phone: '05341 123456' });
		const html = await profile.text();
		expect(profile.status, textOf(html).slice(0, 500)).toBe(200);
		expect(html).toMatch(/name="preview" value="[^"]+"/);
		expect(await currentVersion()).toBe(version);
	});

	it('ignores role, user and Kontor fields in forms: the session alone decides', async () => {
		const anna = await signIn('anna');
		const paul = await signIn('paul');
		const version = await currentVersion();
		const forged = { role: 'admin', user: ADMIN_USER, kontor: 'kampstrasse', who: ADMIN_USER };
		expect((await anna.post('/admin/konten?/create', { ...forged, name: 'mallory', password: PW })).status).toBe(403);
		expect((await paul.post('/admin/konten?/role', { ...forged, name: 'paul' })).status).toBe(403);
		expect((await paul.post('/admin?/rollback', { ...forged, version: '1' })).status).toBe(403);
		expect((await paul.post('/admin/import?/confirm', { ...forged, preview: 'x' })).status).toBe(403);
		// A role field in the login form is no role.
		const c = new AdminClient(server.url);
		const res = await c.request('/admin/login', { method: 'POST', body: new URLSearchParams({ user: 'paul', password: PW, role: 'admin' }) });
		expect(res.status).toBe(303);
		expect((await c.request('/admin/import')).status).toBe(403);
		const list = textOf(await (await admin.request('/admin/konten')).text());
		expect(list).not.toContain('mallory');
		expect(list).toMatch(/paul\s+Planung/);
		expect(await currentVersion()).toBe(version);
	});

	it('keeps the last active admin: it cannot be deleted, disabled or demoted', async () => {
		for (const [action, fields] of [
			['delete', {}],
			['disable', {}],
			['role', { role: 'planung' }]
		] as const) {
			const res = await admin.post(`/admin/konten?/${action}`, { name: ADMIN_USER, ...fields });
			expect(res.status, action).toBe(409);
			expect(textOf(await res.text())).toContain('letzte aktive Administrationskonto');
		}
		expect(await opens(admin.cookie)).toBe(true);
	});
});

describe('sessions', () => {
	it('refuses a tampered cookie and a cookie replayed after logout', async () => {
		const paul = await signIn('paul');
		const token = paul.cookie.split('=')[1];
		const flipped = token.slice(0, 10) + (token[10] === 'A' ? 'B' : 'A') + token.slice(11);
		expect(await opens(paul.cookie)).toBe(true);
		expect(await opens(`kontoratlas_admin=${flipped}`)).toBe(false);
		expect(await opens(`kontoratlas_admin=${token}x`)).toBe(false);
		const old = paul.cookie;
		expect((await paul.post('/admin?/logout', {})).status).toBe(303);
		expect(await opens(old)).toBe(false);
		const atlas = await (await fetch(`${server.url}/`, { headers: { cookie: old } })).text();
		expect(atlas).not.toContain('data-testid="signed-in"');
	});

	it('ends the sessions of an account given a new password, disabled or deleted, at once', async () => {
		expect((await admin.post('/admin/konten?/create', { name: 'dora', role: 'planung', kontor: '', password: PW })).status).toBe(200);
		const before = await signIn('dora');
		// A new password set by an admin ends the sessions made with the old one.
		expect((await admin.post('/admin/konten?/password', { name: 'dora', password: 'kurz' })).status).toBe(422);
		expect(await opens(before.cookie)).toBe(true);
		expect((await admin.post('/admin/konten?/password', { name: 'dora', password: `${PW}-neu` })).status).toBe(200);
		expect(await opens(before.cookie)).toBe(false);
		expect((await new AdminClient(server.url).login('dora', PW)).status).toBe(401);
		const first = await signIn('dora', `${PW}-neu`);
		expect((await admin.post('/admin/konten?/disable', { name: 'dora' })).status).toBe(200);
		expect(await opens(first.cookie)).toBe(false);
		expect((await new AdminClient(server.url).login('dora', `${PW}-neu`)).status).toBe(401);
		expect((await admin.post('/admin/konten?/enable', { name: 'dora' })).status).toBe(200);
		const second = await signIn('dora', `${PW}-neu`);
		expect((await admin.post('/admin/konten?/delete', { name: 'dora' })).status).toBe(200);
		expect(await opens(second.cookie)).toBe(false);
		const atlas = await (await fetch(`${server.url}/`, { headers: { cookie: second.cookie } })).text();
		expect(atlas).not.toContain('data-testid="signed-in"');
	});

	it('gives a new session at sign-in: a cookie planted before it is not the one after, and stops working', async () => {
		const attacker = await signIn('rita');
		const planted = attacker.cookie;
		const victim = new AdminClient(server.url);
		victim.cookie = planted;
		expect((await victim.login('paul', PW)).status).toBe(303);
		expect(victim.cookie).toMatch(/^kontoratlas_admin=[\w-]{43}$/);
		expect(victim.cookie).not.toBe(planted);
		expect(await opens(planted)).toBe(false);
		// A token never issued is replaced too.
		const forged = new AdminClient(server.url);
		forged.cookie = `kontoratlas_admin=${'A'.repeat(43)}`;
		await forged.login('paul', PW);
		expect(forged.cookie).not.toContain('A'.repeat(43));
	});

	it('refuses a state-changing request without a CSRF token or with another session token, everywhere', async () => {
		const paul = await signIn('paul');
		const rita = await signIn('rita');
		for (const csrf of [null, rita.csrf, 'x'.repeat(43)]) {
			const res = await paul.post('/admin/berichtsvorlagen?/save', { name: 'Gefälscht', definition: 'art=stadt' }, { csrf });
			expect(res.status, String(csrf)).toBe(403);
			expect(textOf(await res.text())).toContain('CSRF-Token fehlt oder ist ungültig');
		}
		// A script's header token is checked the same way.
		const header = await paul.request('/admin/berichtsvorlagen?/save', {
			method: 'POST',
			headers: { 'x-csrf-token': rita.csrf },
			body: new URLSearchParams({ name: 'x' })
		});
		expect(header.status).toBe(403);
		// Outside /admin too: a POST with a session but without its token is refused before any route.
		const outside = await paul.request('/bericht', { method: 'POST', body: new URLSearchParams({ name: 'x' }) });
		expect(outside.status).toBe(403);
		// With its own token the form is read and checked (here: a definition that does not parse).
		const own = await paul.post('/admin/berichtsvorlagen?/save', { name: 'Echt', definition: 'unsinn=1' });
		expect(own.status).toBe(422);
		// The read-only what-if stores nothing and reads no session: open with or without one, no token needed.
		const body = JSON.stringify({ add: [], remove: [] });
		const anonymous = await fetch(`${server.url}/api/einrichtungen/wasWaere`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
		const signedIn = await paul.request('/api/einrichtungen/wasWaere', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
		expect(signedIn.status).toBe(anonymous.status);
		expect(signedIn.status).not.toBe(403);
	});

	it('returns after sign-in to a path on this site only', async () => {
		const login = (next: string) =>
			new AdminClient(server.url).request(`/admin/login?next=${encodeURIComponent(next)}`, {
				method: 'POST',
				body: new URLSearchParams({ user: 'paul', password: PW })
			});
		for (const evil of [
			'//evil.example',
			'///evil.example',
			'/\\evil.example',
			'https://evil.example/',
			'http:evil.example',
			'/\t/evil.example',
			'javascript:alert(1)',
			'%2F%2Fevil.example'
		]) {
			const res = await login(evil);
			expect(res.status, evil).toBe(303);
			expect(res.headers.get('location'), evil).toBe('/admin');
		}
		const good = await login('/stadtteil/lebenstedt?lang=en#karte');
		expect(good.headers.get('location')).toBe('/stadtteil/lebenstedt?lang=en#karte');
		// Already signed in, the login page sends on the same way.
		const paul = await signIn('paul');
		const again = await paul.request('/admin/login?next=//evil.example');
		expect(again.headers.get('location')).toBe('/admin');
	});
});

describe('the atlas and the embed', () => {
	it('shows "Anmelden" to the public and the signed-in account with its role; /embed never reads or sets the cookie', async () => {
		const anonymous = await (await fetch(`${server.url}/?lang=en`)).text();
		expect(anonymous).toContain('href="/admin/login?next=%2F%3Flang%3Den&amp;lang=en"');
		const paul = await signIn('paul');
		const page = textOf(await (await paul.request('/')).text());
		expect(page).toContain('paul (Planung) Abmelden');
		for (const path of ['/embed', '/embed/karte.svg']) {
			const res = await paul.request(path);
			expect(res.status, path).toBe(200);
			expect(res.headers.get('set-cookie'), path).toBeNull();
			const body = await res.text();
			expect(body, path).not.toContain(paul.csrf);
			expect(body, path).not.toContain('data-testid="signed-in"');
		}
		// Signing out from the atlas comes back to it.
		const out = await paul.post('/admin?/logout', { next: '/?indikator=sgb2-quote' });
		expect(out.headers.get('location')).toBe('/?indikator=sgb2-quote');
		expect(out.headers.get('set-cookie')).toMatch(/kontoratlas_admin=;/);
	});
});

describe('audit and command line', () => {
	it('records sign-ins, failures, sign-outs and account changes with user and time, shown to admins only', async () => {
		expect((await new AdminClient(server.url).login('anna', 'falsch-falsch-falsch')).status).toBe(401);
		const log = await (await admin.request('/admin/konten')).text();
		const table = textOf(log.slice(log.indexOf('data-testid="account-log"')));
		for (const action of ['login-failed', 'login', 'logout', 'account-create', 'account-disable', 'account-enable', 'account-delete'])
			expect(table).toContain(action);
		expect(table).toContain(`${ADMIN_USER} account-create Konto anna angelegt (kontor, fredenberg)`);
		expect(table).toContain('anna login-failed');
		// Editors see the versions, not the log of sign-ins.
		const rita = await signIn('rita');
		const start = textOf(await (await rita.request('/admin')).text());
		expect(start).toContain('Versionen');
		expect(start).not.toContain('login-failed');
	});

	it('manages accounts with npm run users: add (password from stdin), list, set-role, disable, delete', async () => {
		const add = await users(['add', 'cli-konto', '--role', 'kontor', '--kontor', 'gebhardshagen'], `${PW}\n`);
		expect(add.status, add.stderr).toBe(0);
		expect(add.stdout).toContain('Konto cli-konto angelegt (kontor, gebhardshagen)');
		expect((await users(['add', 'x', '--role', 'kontor', '--kontor', 'atlantis'], `${PW}\n`)).stderr).toContain('nicht „atlantis“');
		expect((await users(['add', 'y', '--role', 'planung', '--password', PW])).status).toBe(2);
		expect((await users(['add', 'y', '--role', 'planung'], 'kurz\n')).stderr).toContain('mindestens 12 Zeichen');
		expect((await users(['list'])).stdout).toMatch(/cli-konto\s+kontor\s+gebhardshagen\s+aktiv\/active\s+password/);
		const cli = await signIn('cli-konto');
		expect((await cli.request('/admin/kontore?kontor=gebhardshagen')).status).toBe(200);
		expect((await users(['set-role', 'cli-konto', 'redaktion'])).stdout).toContain('Rolle redaktion');
		expect((await cli.request('/admin/import')).status).toBe(200);
		expect((await users(['disable', 'cli-konto'])).status).toBe(0);
		expect(await opens(cli.cookie)).toBe(false);
		expect((await users(['delete', 'cli-konto'])).status).toBe(0);
		expect((await users(['list'])).stdout).not.toContain('cli-konto');
		expect((await users(['delete', ADMIN_USER])).stderr).toContain('letzte aktive Administrationskonto');
		expect(textOf(await (await admin.request('/admin/konten')).text())).toMatch(/Kommandozeile \([^)]+\) account-delete Konto cli-konto gelöscht/);
	});
});
