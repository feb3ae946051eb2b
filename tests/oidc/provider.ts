// A real OpenID provider for the single sign-on tests (oidc-provider 9, certified) on 127.0.0.1,
// with one confidential client that must use PKCE, accounts whose claims the test sets (groups,
// kontor), and its development login and consent pages; plus a small browser (cookie jar, manual
// redirects) that signs in there the way a person would, form by form.
import { generateKeyPairSync } from 'node:crypto';
import type { Server } from 'node:http';
import Provider from 'oidc-provider';

export const CLIENT_ID = 'kontoratlas';
export const CLIENT_SECRET = 'test-client-secret-2026';

export type Claims = Record<string, unknown>;

export interface TestProvider {
	issuer: string;
	/** The accounts by login name: change their claims between sign-ins. */
	users: Map<string, Claims>;
	close: () => Promise<void>;
}

// One signing key for every provider a test starts (generating an RSA key takes a moment).
const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

export async function startProvider(port: number, redirectUri: string, users = new Map<string, Claims>()): Promise<TestProvider> {
	const issuer = `http://127.0.0.1:${port}`;
	const provider = new Provider(issuer, {
		clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [redirectUri], token_endpoint_auth_method: 'client_secret_post' }],
		pkce: { required: () => true },
		// Unknown logins are refused by the provider, as a real one would.
		findAccount: (_ctx, id) => {
			const claims = users.get(id);
			return claims ? { accountId: id, claims: () => ({ sub: id, ...claims }) } : undefined;
		},
		// `groups` is a scope of its own; with the default conformIdTokenClaims its claims arrive
		// by userinfo only, as with many real providers.
		claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'], groups: ['groups', 'kontor'] },
		features: { devInteractions: { enabled: true } },
		jwks: { keys: [{ ...signingKey, kid: 'test', use: 'sig', alg: 'RS256' }] },
		cookies: { keys: ['test-cookie-key'] },
		ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 }
	});
	const server: Server = provider.listen(port, '127.0.0.1');
	await new Promise<void>((ok, fail) => {
		server.once('listening', ok);
		server.once('error', fail);
	});
	return { issuer, users, close: () => new Promise((ok) => server.close(() => ok())) };
}

/** A browser as far as sign-in needs one: cookies by origin, redirects followed by hand. */
export class Browser {
	private jars = new Map<string, Map<string, string>>();

	async fetch(url: string, init: RequestInit = {}): Promise<Response> {
		const u = new URL(url);
		const jar = this.jars.get(u.origin) ?? new Map<string, string>();
		this.jars.set(u.origin, jar);
		const headers = new Headers(init.headers);
		if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
		if (!headers.has('accept')) headers.set('accept', 'text/html');
		if (init.method === 'POST' && !headers.has('origin')) headers.set('origin', u.origin);
		const res = await fetch(url, { ...init, headers, redirect: 'manual' });
		for (const line of res.headers.getSetCookie()) {
			const [pair, ...attributes] = line.split(';');
			const name = pair.slice(0, pair.indexOf('=')).trim();
			const value = pair.slice(pair.indexOf('=') + 1).trim();
			const gone = !value || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=.*1970/i.test(a));
			if (gone) jar.delete(name);
			else jar.set(name, value);
		}
		return res;
	}

	cookie(origin: string, name: string): string | undefined {
		return this.jars.get(origin)?.get(name);
	}

	/** Follows redirects from `url` until an answer that is none, or a redirect to a URL `stop` accepts (not fetched). */
	async follow(url: string, stop: (location: string) => boolean = () => false, init: RequestInit = {}): Promise<{ url: string; res: Response | null }> {
		let res = await this.fetch(url, init);
		for (let hops = 0; hops < 20; hops++) {
			const location = res.headers.get('location');
			if (res.status < 300 || res.status >= 400 || !location) return { url, res };
			url = new URL(location, url).href;
			if (stop(url)) return { url, res: null };
			res = await this.fetch(url);
		}
		throw new Error(`more than 20 redirects, last ${url}`);
	}
}

function formOf(html: string, page: string): { action: string; prompt: string } {
	const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
	const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
	if (!action || !prompt) throw new Error(`no interaction form at ${page}:\n${html.slice(0, 500)}`);
	return { action: new URL(action.replace(/&amp;/g, '&'), page).href, prompt };
}

/**
 * At the provider: the login form (any password: the development pages check none), then the
 * consent form, or `deny` at the consent page; returns the redirect to `callbackPrefix` without
 * following it, so the test decides which browser delivers it.
 */
export async function signInAtProvider(
	browser: Browser,
	authorizationUrl: string,
	login: string,
	callbackPrefix: string,
	options: { deny?: boolean } = {}
): Promise<string> {
	const atCallback = (u: string) => u.startsWith(callbackPrefix);
	let step = await browser.follow(authorizationUrl, atCallback);
	for (let round = 0; round < 4; round++) {
		if (!step.res) return step.url;
		const html = await step.res.text();
		if (step.res.status !== 200) throw new Error(`provider answered ${step.res.status} at ${step.url}:\n${html.slice(0, 500)}`);
		const form = formOf(html, step.url);
		if (form.prompt === 'consent' && options.deny) {
			step = await browser.follow(`${form.action}/abort`, atCallback);
			continue;
		}
		const fields: Record<string, string> = form.prompt === 'login' ? { prompt: 'login', login, password: 'beliebig' } : { prompt: form.prompt };
		step = await browser.follow(form.action, atCallback, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(fields)
		});
	}
	throw new Error(`no redirect to ${callbackPrefix} after four pages at the provider`);
}
