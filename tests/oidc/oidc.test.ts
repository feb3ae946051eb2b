// Single sign-on against a real OpenID provider started here (oidc-provider; tests/oidc/provider.ts):
// the built app first finds no provider, then signs users in through the provider's own login and
// consent pages (with cookie jars, and once clicked through in Chromium) and maps their groups to roles; and it refuses every answer that does not belong to
// the sign-in its browser started: a wrong state, an ID token with another nonce, an answer from
// another issuer, a replayed callback, a refused consent, a user without a role.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../global-setup';
import { ADMIN_PASSWORD, ADMIN_USER, AdminClient, removeStores, startAdminServer, textOf, type AdminServer } from '../admin/helpers';
import { launchChromium } from '../chromium';
import { Browser, CLIENT_ID, CLIENT_SECRET, signInAtProvider, startProvider, type TestProvider } from './provider';

const CALLBACK = '/admin/login/oidc/callback';

let app: AdminServer;
let providerPort: number;
let provider: TestProvider;
let other: TestProvider;

const users = new Map<string, Record<string, unknown>>([
	['erika', { preferred_username: 'erika', name: 'Erika Mustermann', groups: ['mitarbeitende', 'kontoratlas-planung'] }],
	['ohnerolle', { preferred_username: 'ohnerolle', groups: ['mitarbeitende'] }],
	['kontorfremd', { preferred_username: 'kontorfremd', groups: ['kontoratlas-kontor'], kontor: 'gibt-es-nicht' }]
]);

beforeAll(async () => {
	providerPort = await freePort();
	// The app starts before its provider: the first sign-in finds nobody there.
	app = await startAdminServer({
		KONTORATLAS_OIDC_ISSUER: `http://127.0.0.1:${providerPort}`,
		KONTORATLAS_OIDC_CLIENT_ID: CLIENT_ID,
		KONTORATLAS_OIDC_CLIENT_SECRET: CLIENT_SECRET,
		KONTORATLAS_OIDC_SCOPE: 'openid profile groups',
		KONTORATLAS_OIDC_ROLE_CLAIM: 'groups',
		KONTORATLAS_OIDC_ROLES: 'kontoratlas-kontor=kontor, kontoratlas-planung=planung, kontoratlas-admin=admin',
		KONTORATLAS_OIDC_KONTOR_CLAIM: 'kontor'
	});
});

afterAll(async () => {
	app?.child.kill();
	await provider?.close();
	await other?.close();
	removeStores();
});

/** Starts a sign-in in the app: the provider's authorization URL it redirects to. */
async function start(browser: Browser, query = ''): Promise<URL> {
	const res = await browser.fetch(`${app.url}/admin/login/oidc${query}`);
	expect(res.status).toBe(303);
	return new URL(res.headers.get('location')!, app.url);
}

/** Delivers a callback; returns the app's redirect and the failure reason it names, if any. */
async function deliver(browser: Browser, callback: string): Promise<{ location: string; sso: string | null }> {
	const res = await browser.fetch(callback);
	expect(res.status).toBe(303);
	const location = new URL(res.headers.get('location')!, app.url);
	return { location: location.pathname + location.search, sso: location.searchParams.get('sso') };
}

const signedIn = (browser: Browser) => Boolean(browser.cookie(app.url, 'kontoratlas_admin'));

function query<T>(sql: string, ...params: unknown[]): T[] {
	const db = new Database(app.dbPath, { readonly: true });
	try {
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}

const auditRows = () =>
	query<{ who: string; action: string; detail: string }>("SELECT who, action, detail FROM audit WHERE action IN ('login', 'login-failed') ORDER BY id");
const account = (name: string) =>
	query<{ name: string; role: string; kontor: string | null; oidc_subject: string | null; password_hash: string | null }>(
		'SELECT * FROM users WHERE name = ?',
		name
	)[0];

describe('single sign-on (OpenID Connect) against a real provider', () => {
	it('offers single sign-on on the login page beside the local login', async () => {
		const html = await (await fetch(`${app.url}/admin/login`)).text();
		expect(html).toContain('href="/admin/login/oidc"');
		expect(textOf(html)).toContain('Mit Single Sign-on anmelden');
		expect(html).toContain('name="password"');
	});

	it('explains an unreachable provider, in German and in English, and audits it', async () => {
		const browser = new Browser();
		const res = await browser.fetch(`${app.url}/admin/login/oidc`);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/admin/login?sso=unreachable');
		expect(textOf(await (await browser.fetch(`${app.url}/admin/login?sso=unreachable`)).text())).toContain('Der Anmeldedienst ist nicht erreichbar');
		const en = await browser.fetch(`${app.url}/admin/login/oidc?lang=en`);
		expect(en.headers.get('location')).toBe('/admin/login?sso=unreachable&lang=en');
		expect(textOf(await (await browser.fetch(`${app.url}/admin/login?sso=unreachable&lang=en`)).text())).toContain('The sign-in service cannot be reached');
		expect(signedIn(browser)).toBe(false);
		expect(auditRows().filter((r) => r.action === 'login-failed' && r.detail.includes('unreachable'))).toHaveLength(2);
	});

	it('signs a user in through the provider’s login and consent, with PKCE, and maps the group to the role', async () => {
		provider = await startProvider(providerPort, app.url + CALLBACK, users);
		const browser = new Browser();
		const authorization = await start(browser);
		expect(authorization.origin).toBe(provider.issuer);
		expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
		expect(authorization.searchParams.get('redirect_uri')).toBe(app.url + CALLBACK);
		for (const p of ['state', 'nonce', 'code_challenge']) expect(authorization.searchParams.get(p)).toMatch(/^[\w-]{43}$/);
		// What the browser holds is a token for the flow, none of its values.
		const flowCookie = browser.cookie(app.url, 'kontoratlas_oidc')!;
		expect(flowCookie).toMatch(/^[\w-]{43}$/);
		expect([authorization.searchParams.get('state'), authorization.searchParams.get('nonce')]).not.toContain(flowCookie);

		const callback = await signInAtProvider(browser, authorization.href, 'erika', app.url + CALLBACK);
		expect(new URL(callback).searchParams.get('iss')).toBe(provider.issuer);
		expect(await deliver(browser, callback)).toEqual({ location: '/admin', sso: null });
		expect(browser.cookie(app.url, 'kontoratlas_oidc')).toBeUndefined();
		// Signed in with the mapped role, in the admin and on the atlas's own pages.
		expect(textOf(await (await browser.fetch(`${app.url}/admin`)).text())).toContain('Angemeldet als erika (Planung)');
		expect(await (await browser.fetch(`${app.url}/`)).text()).toMatch(/data-testid="signed-in"[^>]*>erika \(Planung\)</);
		expect(account('erika')).toMatchObject({ role: 'planung', kontor: null, oidc_subject: `${provider.issuer}#erika`, password_hash: null });
		expect(auditRows().at(-1)).toMatchObject({ who: 'erika', action: 'login' });
		expect(auditRows().at(-1)!.detail).toContain(`(planung; ${provider.issuer}#erika)`);

		// The same callback again (a replay, in this browser or another) finds no sign-in under way.
		const again = new Browser();
		expect((await deliver(again, callback)).sso).toBe('state');
		expect(signedIn(again)).toBe(false);
	});

	it('works in a real browser: the button, the provider’s pages, back signed in (cookies as Chromium keeps them)', async () => {
		users.set('lena', { preferred_username: 'lena.schmidt', groups: ['kontoratlas-admin'] });
		const chromium = await launchChromium({ webgl: false });
		try {
			const page = await chromium.newPage();
			await page.goto(`${app.url}/admin/login?lang=en`);
			await page.getByRole('link', { name: 'Sign in with single sign-on' }).click();
			await page.fill('input[name=login]', 'lena');
			await page.fill('input[name=password]', 'beliebig');
			await page.click('button[type=submit]');
			await page.click('button[type=submit]');
			await page.waitForURL(`${app.url}/admin?lang=en`);
			expect(await page.textContent('body')).toContain('lena.schmidt (Administration)');
		} finally {
			await chromium.close();
		}
	});

	it('refuses a callback with a wrong state, and the flow is spent afterwards', async () => {
		const browser = new Browser();
		const callback = new URL(await signInAtProvider(browser, (await start(browser)).href, 'erika', app.url + CALLBACK));
		const forged = new URL(callback);
		forged.searchParams.set('state', 'x'.repeat(43));
		expect(await deliver(browser, forged.href)).toEqual({ location: '/admin/login?sso=state', sso: 'state' });
		expect(signedIn(browser)).toBe(false);
		// The genuine answer cannot be used after the refusal: one flow, one callback.
		expect((await deliver(browser, callback.href)).sso).toBe('state');
		expect(signedIn(browser)).toBe(false);
	});

	it('refuses another browser’s callback: two flows, answers swapped', async () => {
		const alice = new Browser();
		const mallory = new Browser();
		const aliceAuth = await start(alice);
		const malloryAuth = await start(mallory);
		const malloryCallback = await signInAtProvider(mallory, malloryAuth.href, 'erika', app.url + CALLBACK);
		// Mallory's code pushed into Alice's browser (login CSRF): her flow's state does not match.
		expect((await deliver(alice, malloryCallback)).sso).toBe('state');
		expect(signedIn(alice)).toBe(false);
		expect(aliceAuth.searchParams.get('state')).not.toBe(malloryAuth.searchParams.get('state'));
	});

	it('refuses an ID token issued with another nonce than the browser’s flow sent', async () => {
		const browser = new Browser();
		const authorization = await start(browser);
		// The same request (client, redirect URI, state, PKCE challenge) with another nonce: the code
		// redeems with this flow's verifier, but the provider puts the other nonce into the ID token.
		const altered = new URL(authorization);
		altered.searchParams.set('nonce', 'n'.repeat(43));
		const callback = await signInAtProvider(new Browser(), altered.href, 'erika', app.url + CALLBACK);
		expect(new URL(callback).searchParams.get('state')).toBe(authorization.searchParams.get('state'));
		expect(await deliver(browser, callback)).toEqual({ location: '/admin/login?sso=nonce', sso: 'nonce' });
		expect(signedIn(browser)).toBe(false);
		expect(auditRows().at(-1)).toMatchObject({ action: 'login-failed' });
		expect(auditRows().at(-1)!.detail).toContain('nonce');
	});

	it('refuses an answer from another issuer with the same client (mix-up), with or without its iss', async () => {
		const otherPort = await freePort();
		other = await startProvider(otherPort, app.url + CALLBACK, users);
		for (const dropIss of [false, true]) {
			const browser = new Browser();
			const authorization = await start(browser);
			// The app's own authorization request, answered by the other provider.
			const elsewhere = new URL(authorization.pathname + authorization.search, other.issuer);
			const callback = new URL(await signInAtProvider(new Browser(), elsewhere.href, 'erika', app.url + CALLBACK));
			expect(callback.searchParams.get('iss')).toBe(other.issuer);
			if (dropIss) callback.searchParams.delete('iss');
			expect((await deliver(browser, callback.href)).sso).toBe('issuer');
			expect(signedIn(browser)).toBe(false);
		}
	});

	it('explains a refused consent, in the language the sign-in started in', async () => {
		const browser = new Browser();
		const callback = await signInAtProvider(browser, (await start(browser, '?lang=en')).href, 'erika', app.url + CALLBACK, { deny: true });
		expect(new URL(callback).searchParams.get('error')).toBe('access_denied');
		const { location, sso } = await deliver(browser, callback);
		expect([location, sso]).toEqual(['/admin/login?sso=denied&lang=en', 'denied']);
		const text = textOf(await (await browser.fetch(app.url + location)).text());
		expect(text).toContain('Single sign-on failed. Signing in was cancelled at the sign-in service, or consent was refused. You are not signed in.');
		expect(signedIn(browser)).toBe(false);
	});

	it('refuses a user whose groups map to no role (never signed in as the public) and one without a known Kontor', async () => {
		for (const [login, reason, text] of [
			['ohnerolle', 'norole', 'Ihr Konto beim Anmeldedienst hat keine Rolle in Kontoratlas'],
			['kontorfremd', 'nokontor', 'kein bekanntes Stadtteilkontor']
		] as const) {
			const browser = new Browser();
			const callback = await signInAtProvider(browser, (await start(browser)).href, login, app.url + CALLBACK);
			expect((await deliver(browser, callback)).sso).toBe(reason);
			expect(signedIn(browser)).toBe(false);
			const page = textOf(await (await browser.fetch(`${app.url}/admin/login?sso=${reason}`)).text());
			expect(page).toContain('Anmeldung mit Single Sign-on fehlgeschlagen.');
			expect(page).toContain(text);
			const res = await browser.fetch(`${app.url}/admin`);
			expect(res.status).toBe(303);
			expect(res.headers.get('location')).toBe('/admin/login');
			const row = auditRows().at(-1)!;
			expect(row.action).toBe('login-failed');
			expect(row.detail).toContain(reason);
		}
	});

	it('follows the provider’s groups at every sign-in, keeps the account by subject, and returns to `next`', async () => {
		users.set('erika', { ...users.get('erika'), groups: ['kontoratlas-kontor'], kontor: 'fredenberg' });
		const browser = new Browser();
		const authorization = await start(browser, `?next=${encodeURIComponent('/admin/kontore?x=1')}`);
		const callback = await signInAtProvider(browser, authorization.href, 'erika', app.url + CALLBACK);
		expect(await deliver(browser, callback)).toEqual({ location: '/admin/kontore?x=1', sso: null });
		expect(query('SELECT name FROM users WHERE oidc_subject = ?', `${provider.issuer}#erika`)).toEqual([{ name: 'erika' }]);
		expect(account('erika')).toMatchObject({ role: 'kontor', kontor: 'fredenberg' });
		const roleChange = query<{ detail: string }>("SELECT detail FROM audit WHERE action = 'account-role'").at(-1)!;
		expect(roleChange.detail).toContain('von planung zu kontor (Kontor fredenberg)');
		expect(textOf(await (await browser.fetch(`${app.url}/admin`)).text())).toContain('Angemeldet als erika (Kontor)');
	});

	it('offers single sign-on with the login’s `next`, and drops an unsafe one', async () => {
		const html = await (await fetch(`${app.url}/admin/login?next=${encodeURIComponent('/vergleich?ids=a')}&lang=en`)).text();
		expect(html).toContain(`href="/admin/login/oidc?next=${encodeURIComponent('/vergleich?ids=a')}&amp;lang=en"`);
		expect(await (await fetch(`${app.url}/admin/login?next=${encodeURIComponent('//evil.example/')}`)).text()).toContain('href="/admin/login/oidc"');
		// Sent to the start directly, an unsafe `next` is not kept: the sign-in ends at the admin.
		const browser = new Browser();
		const authorization = await start(browser, `?next=${encodeURIComponent('https://evil.example/')}`);
		const callback = await signInAtProvider(browser, authorization.href, 'erika', app.url + CALLBACK);
		expect(await deliver(browser, callback)).toEqual({ location: '/admin', sso: null });
	});

	it('never joins a provider’s user to a local account of the same name', async () => {
		users.set(ADMIN_USER, { preferred_username: ADMIN_USER, groups: ['kontoratlas-planung'] });
		const browser = new Browser();
		const callback = await signInAtProvider(browser, (await start(browser)).href, ADMIN_USER, app.url + CALLBACK);
		expect((await deliver(browser, callback)).sso).toBeNull();
		expect(account(ADMIN_USER)).toMatchObject({ role: 'admin', oidc_subject: null });
		expect(account(`${ADMIN_USER}-sso`)).toMatchObject({ role: 'planung', oidc_subject: `${provider.issuer}#${ADMIN_USER}` });
		expect(textOf(await (await browser.fetch(`${app.url}/admin`)).text())).toContain(`Angemeldet als ${ADMIN_USER}-sso (Planung)`);
	});

	it('refuses a provider’s user whose account the admin disabled', async () => {
		const admin = new AdminClient(app.url);
		expect((await admin.login(ADMIN_USER, ADMIN_PASSWORD)).status).toBe(303);
		expect((await admin.post('/admin/konten?/disable', { name: 'erika' })).status).toBe(200);
		expect(query('SELECT disabled FROM users WHERE name = ?', 'erika')).toEqual([{ disabled: 1 }]);
		const browser = new Browser();
		const callback = await signInAtProvider(browser, (await start(browser)).href, 'erika', app.url + CALLBACK);
		expect((await deliver(browser, callback)).sso).toBe('disabled');
		expect(signedIn(browser)).toBe(false);
		expect(auditRows().at(-1)).toMatchObject({ who: 'erika', action: 'login-failed' });
		expect(textOf(await (await browser.fetch(`${app.url}/admin/login?sso=disabled`)).text())).toContain('Ihr Konto in Kontoratlas ist gesperrt.');
	});

	it('keeps local accounts working beside single sign-on', async () => {
		const admin = new AdminClient(app.url);
		expect((await admin.login(ADMIN_USER, ADMIN_PASSWORD)).status).toBe(303);
		expect(textOf(await (await admin.request('/admin')).text())).toContain(`Angemeldet als ${ADMIN_USER}`);
	});
});
