// Sessions and unconfirmed previews live in the store, not in the server process: after a
// restart the admin is still logged in (same cookie, same CSRF token) and can confirm the preview
// made before it; the store never holds the cookie's token itself; logging out ends the session
// in the store, so the old cookie does not work after another restart either.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { AdminClient, removeStores, snapshot, startAdminServer } from './helpers';

afterAll(() => removeStores());

const IMPORT = 'Stadtteil;Indikator;Jahr;Wert;Zähler;Nenner\r\nLebenstedt;SGB-II-Quote;2019;12,0;6.000;50.000\r\n';

describe('a restart of the server', () => {
	it('keeps the admin session and the preview waiting for confirmation', async () => {
		const first = await startAdminServer();
		const admin = new AdminClient(first.url);
		let previewId: string;
		let before: string;
		try {
			expect((await admin.login()).status).toBe(303);
			before = await snapshot(first.url);
			const p = await admin.previewCsv('x.csv', IMPORT);
			expect(p.status).toBe(200);
			previewId = p.previewId!;
			expect(previewId).toBeTruthy();
		} finally {
			first.child.kill();
			await new Promise((r) => first.child.once('exit', r));
		}

		// The store holds a hash of the session token, never the token.
		const token = admin.cookie.split('=')[1];
		const db = new Database(first.dbPath, { readonly: true });
		const rows = db.prepare('SELECT token_hash, user_id FROM sessions').all() as { token_hash: string; user_id: number }[];
		db.close();
		expect(rows.length).toBe(1);
		expect(rows[0].token_hash).not.toContain(token);

		const second = await startAdminServer({}, first.dbPath);
		try {
			admin.base = second.url;
			const home = await admin.request('/admin');
			expect(home.status).toBe(200);
			expect(await snapshot(second.url)).toBe(before!);
			const done = await admin.confirm(previewId!);
			expect(done.version).toBe(2);
			expect(await snapshot(second.url)).not.toBe(before!);
			// Logged out: the session is gone from the store.
			const csrf = admin.csrf;
			expect((await admin.post('/admin?/logout', {})).status).toBe(303);
			admin.cookie = `kontoratlas_admin=${token}`;
			admin.csrf = csrf;
			expect((await admin.request('/admin')).status).toBe(303);
		} finally {
			second.child.kill();
		}
	});
});
