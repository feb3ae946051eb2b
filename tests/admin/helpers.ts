// Admin tests drive their own server: test credentials, a fresh store in a temp folder, and a
// small client that keeps the session cookie and the CSRF token like a browser would.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../../src/lib/server/admin/password';
import { startServer } from '../global-setup';

export const ADMIN_USER = 'testadmin';
export const ADMIN_PASSWORD = 'Test-Passwort-2026!';
const HASH = hashPassword(ADMIN_PASSWORD);

export interface AdminServer {
	url: string;
	child: ChildProcess;
	dbPath: string;
	output: () => string;
	env: Record<string, string>;
}

const storeDirs: string[] = [];

/** For afterAll: removes the stores (and any other folders passed) this test file made. */
export function removeStores(...more: string[]): void {
	for (const dir of [...storeDirs.splice(0), ...more]) rmSync(dir, { recursive: true, force: true });
}

export async function startAdminServer(env: Record<string, string> = {}, dbPath?: string): Promise<AdminServer> {
	let path = dbPath;
	if (!path) {
		// The store outlives its server (restart tests reuse it); removeStores() clears them.
		const dir = mkdtempSync(join(tmpdir(), 'kontoratlas-admin-'));
		storeDirs.push(dir);
		path = join(dir, 'store.db');
	}
	const full = {
		KONTORATLAS_ADMIN_USER: ADMIN_USER,
		KONTORATLAS_ADMIN_PASSWORD_HASH: HASH,
		DATABASE_PATH: path,
		BODY_SIZE_LIMIT: '8M',
		ORIGIN: 'auto',
		KONTORATLAS_UPLOAD_LIMIT: '2M',
		...env
	};
	const s = await startServer(full);
	return { ...s, dbPath: path, env: full };
}

export class AdminClient {
	cookie = '';
	csrf = '';
	constructor(public base: string) {}

	async request(path: string, init: RequestInit = {}): Promise<Response> {
		const headers = new Headers(init.headers);
		if (this.cookie) headers.set('cookie', this.cookie);
		// As a browser: HTML pages, not SvelteKit's JSON answers for enhanced forms.
		if (!headers.has('accept')) headers.set('accept', 'text/html');
		// SvelteKit refuses cross-site form posts; a browser sends its own origin.
		if (init.method === 'POST' && !headers.has('origin')) headers.set('origin', this.base);
		const res = await fetch(this.base + path, { ...init, headers, redirect: 'manual' });
		const set = res.headers.get('set-cookie');
		if (set) {
			const m = /kontoratlas_admin=([^;]*)/.exec(set);
			if (m) this.cookie = m[1] ? `kontoratlas_admin=${m[1]}` : '';
		}
		return res;
	}

	async login(user = ADMIN_USER, password = ADMIN_PASSWORD): Promise<Response> {
		const res = await this.request('/admin/login', { method: 'POST', body: new URLSearchParams({ user, password }) });
		if (res.status === 303 && this.cookie) {
			const page = await (await this.request('/admin')).text();
			this.csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
		}
		return res;
	}

	/** A form post with the CSRF token (unless `csrf: null`). */
	async post(
		path: string,
		fields: Record<string, string | Blob>,
		options: { csrf?: string | null; file?: { name: string; bytes: Uint8Array | string; type?: string } } = {}
	): Promise<Response> {
		const form = new FormData();
		const token = options.csrf === undefined ? this.csrf : options.csrf;
		if (token !== null) form.set('csrf', token);
		for (const [k, v] of Object.entries(fields)) form.set(k, v);
		if (options.file) form.set('file', new Blob([options.file.bytes as BlobPart], { type: options.file.type ?? 'text/csv' }), options.file.name);
		return this.request(path, { method: 'POST', body: form });
	}

	/** Uploads a CSV for preview; returns status, page text and the preview id if there is one. */
	async previewCsv(name: string, bytes: Uint8Array | string, fields: Record<string, string> = {}) {
		const res = await this.post('/admin/import?/csv', { source: 'Testquelle', licence: 'CC BY 4.0', mode: 'merge', ...fields }, { file: { name, bytes } });
		const html = await res.text();
		return { status: res.status, html, text: textOf(html), previewId: /name="preview" value="([^"]+)"/.exec(html)?.[1] ?? null };
	}

	async previewGeojson(name: string, bytes: Uint8Array | string) {
		const res = await this.post('/admin/import?/geojson', { source: 'Testquelle' }, { file: { name, bytes, type: 'application/geo+json' } });
		const html = await res.text();
		return { status: res.status, html, text: textOf(html), previewId: /name="preview" value="([^"]+)"/.exec(html)?.[1] ?? null };
	}

	async confirm(previewId: string) {
		const res = await this.post('/admin/import?/confirm', { preview: previewId });
		const html = await res.text();
		return { status: res.status, text: textOf(html), version: Number(/Version (\d+) ist jetzt aktuell/.exec(textOf(html))?.[1] ?? NaN) };
	}
}

/** Visible text of an HTML page, entities decoded, whitespace collapsed. */
export function textOf(html: string): string {
	return html
		.replace(/<script[\s\S]*?<\/script>/g, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ');
}

/** The current version as the store reports it, and a fingerprint of what the API serves. */
export async function snapshot(base: string): Promise<string> {
	const [a, b] = await Promise.all([
		fetch(`${base}/api/indicators`).then((r) => r.text()),
		fetch(`${base}/api/areas?level=stadtteil&indicators=sgb2-quote`).then((r) => r.text())
	]);
	return a + b;
}
