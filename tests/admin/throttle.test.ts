// Login throttling behind a proxy (adapter-node's ADDRESS_HEADER and XFF_DEPTH): failures count
// per client address and user name, so wrong passwords never lock out another client or name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USER, AdminClient, removeStores, startAdminServer, textOf, type AdminServer } from './helpers';

let server: AdminServer;

beforeAll(async () => {
	// The proxy appends the address it saw; XFF_DEPTH=1 trusts only that last entry.
	server = await startAdminServer({ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' });
});
afterAll(() => {
	server?.child.kill();
	removeStores();
});

/** A browser behind the proxy: `forwarded` is the X-Forwarded-For the proxy sends. */
async function login(forwarded: string, user: string, password: string): Promise<Response> {
	const client = new AdminClient(server.url);
	return client.request('/admin/login', {
		method: 'POST',
		body: new URLSearchParams({ user, password }),
		headers: { 'x-forwarded-for': forwarded }
	});
}

describe('login throttling', () => {
	it('blocks a client address for a name after five failures, even with the right password, and tells when to retry', async () => {
		for (let i = 0; i < 5; i++) expect((await login('203.0.113.1', ADMIN_USER, 'falsch')).status).toBe(401);
		const blocked = await login('203.0.113.1', ADMIN_USER, ADMIN_PASSWORD);
		expect(blocked.status).toBe(429);
		expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(blocked.headers.get('set-cookie') ?? '').not.toContain('kontoratlas_admin=');
		expect(textOf(await blocked.text())).toContain('Zu viele Fehlversuche');
	});

	it('takes the address the proxy saw: a forged entry before it changes nothing', async () => {
		const forged = await login('198.51.100.7, 203.0.113.1', ADMIN_USER, ADMIN_PASSWORD);
		expect(forged.status).toBe(429);
	});

	it('never locks out the same name from another address', async () => {
		const other = await login('203.0.113.2', ADMIN_USER, ADMIN_PASSWORD);
		expect(other.status).toBe(303);
		expect(other.headers.get('location')).toBe('/admin');
	});

	it('wrong passwords for one name never lock out another name from the same address', async () => {
		for (let i = 0; i < 5; i++) expect((await login('203.0.113.3', 'mallory', 'falsch')).status).toBe(401);
		expect((await login('203.0.113.3', 'mallory', 'falsch')).status).toBe(429);
		expect((await login('203.0.113.3', ADMIN_USER, ADMIN_PASSWORD)).status).toBe(303);
	});
});
