// A static file that vanishes under the running server (build/ rebuilt in place, a .br deleted
// beside its original) gets a 404 and the process lives on. The server runs from a copy of build/
// with server.js beside it, so the test can delete files; derived/ and the store are the usual ones.
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../global-setup';

let dir: string;
let server: { url: string; child: ChildProcess; output: () => string };

interface Answer {
	status: number;
	encoding?: string;
	length?: string;
	bytes: number;
}

/** One GET over node:http (fetch would decode, and pool connections across the deletes). */
function get(path: string, acceptEncoding?: string): Promise<Answer> {
	return new Promise((ok, fail) => {
		request(server.url + path, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}, agent: false }, (res) => {
			let bytes = 0;
			res.on('data', (c: Buffer) => (bytes += c.length));
			res.on('end', () => ok({ status: res.statusCode!, encoding: res.headers['content-encoding'], length: res.headers['content-length'], bytes }));
			res.on('error', fail);
		})
			.on('error', fail)
			.end();
	});
}

/** The immutable assets of the copy that have both precompressed siblings, as URL paths. */
function assets(): string[] {
	const root = join(dir, 'build/client');
	return readdirSync(join(root, '_app/immutable'), { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile() && /\.(js|css)$/.test(e.name) && existsSync(join(e.parentPath, `${e.name}.br`)) && existsSync(join(e.parentPath, `${e.name}.gz`)))
		.map((e) => '/' + relative(root, join(e.parentPath, e.name)).split('\\').join('/'))
		.sort();
}

async function alive() {
	expect(server.child.exitCode).toBeNull();
	const health = await get('/healthz');
	expect(health.status).toBe(200);
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kontoratlas-static-'));
	cpSync(resolve('build'), join(dir, 'build'), { recursive: true });
	cpSync(resolve('server.js'), join(dir, 'server.js'));
	// build/ imports its dependencies (and package.json says "type": "module") from beside it.
	cpSync(resolve('package.json'), join(dir, 'package.json'));
	symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
	server = await startServer({}, join(dir, 'server.js'));
});
afterAll(async () => {
	if (server && server.child.exitCode === null) {
		const exited = new Promise((r) => server.child.once('exit', r));
		server.child.kill();
		await exited;
	}
	rmSync(dir, { recursive: true, force: true });
});

describe('a vanished static file', () => {
	it('serves the copy as usual first: br, gzip and the original', async () => {
		const [path] = assets();
		expect((await get(path, 'br')).encoding).toBe('br');
		expect((await get(path, 'gzip')).encoding).toBe('gzip');
		const plain = await get(path);
		expect(plain.status).toBe(200);
		expect(plain.encoding).toBeUndefined();
	});

	it('a deleted .br gets a 404 (not a crash); the .gz and the original are still served', async () => {
		const [path] = assets();
		rmSync(join(dir, 'build/client', `${path}.br`));
		const missing = await get(path, 'br');
		expect(missing.status).toBe(404);
		await alive();
		const gzip = await get(path, 'gzip');
		expect(gzip.status).toBe(200);
		expect(gzip.encoding).toBe('gzip');
		expect(gzip.bytes).toBe(Number(gzip.length));
		expect((await get(path)).status).toBe(200);
	});

	it("a deleted original and .gz get a plain 404 too, without the file's headers (no immutable caching of the 404)", async () => {
		const [, path] = assets();
		rmSync(join(dir, 'build/client', path));
		rmSync(join(dir, 'build/client', `${path}.gz`));
		const res = await fetch(server.url + path, { headers: { 'accept-encoding': 'gzip' } });
		expect(res.status).toBe(404);
		expect(res.headers.get('cache-control')).toBeNull();
		expect(res.headers.get('content-encoding')).toBeNull();
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		await alive();
	});

	it('files deleted while requests for them are under way: each answer is whole or a 404, and the process lives', async () => {
		const paths = assets().slice(2, 22);
		expect(paths.length).toBeGreaterThanOrEqual(5);
		for (const path of paths) {
			const requests = [get(path, 'br'), get(path, 'gzip'), get(path)];
			// Deleted while those are in flight: some have opened the file, some have not yet.
			for (const suffix of ['.br', '.gz', '']) rmSync(join(dir, 'build/client', path + suffix));
			const answers = await Promise.all([...requests, get(path, 'br'), get(path)]);
			for (const a of answers) {
				expect([200, 404], path).toContain(a.status);
				if (a.status === 200) expect(a.bytes, path).toBe(Number(a.length));
			}
			expect(answers.slice(3).map((a) => a.status)).toEqual([404, 404]);
		}
		await alive();
	});

	it('the whole build folder removed under the running server: 404s, and the process still answers', async () => {
		const left = assets();
		rmSync(join(dir, 'build/client'), { recursive: true });
		for (const path of [...left.slice(0, 10), '/favicon.svg', '/robots.txt']) {
			for (const encoding of ['br', 'gzip', undefined]) expect((await get(path, encoding)).status, `${path} ${encoding}`).toBe(404);
		}
		await alive();
		expect(server.output()).toContain('Static file unavailable');
	});
});
