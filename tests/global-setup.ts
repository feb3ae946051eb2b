// Starts the built server (npm test builds it first) through server.js, as `npm start` does, on
// 127.0.0.1 and a free port for the API and browser tests, and stops it afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}

export function freePort(): Promise<number> {
	return new Promise((ok, fail) => {
		const srv = createServer();
		srv.once('error', fail);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => ok(port));
		});
	});
}

/** `entry` is the server.js to run (a copy beside a copied build/ where a test deletes files). */
export async function startServer(
	env: Record<string, string> = {},
	entry = resolve('server.js')
): Promise<{ url: string; child: ChildProcess; output: () => string }> {
	// The production entry (npm start): adapter-node's handler behind the API response cache.
	if (!existsSync(join(dirname(entry), 'build/handler.js'))) throw new Error('build/handler.js is missing: run "npm run build" (npm test does it for you)');
	const port = await freePort();
	// ORIGIN "auto": the server's own http://127.0.0.1:port (adapter-node assumes https otherwise).
	if (env.ORIGIN === 'auto') env = { ...env, ORIGIN: `http://127.0.0.1:${port}` };
	const storeDir = env.DATABASE_PATH ? null : mkdtempSync(join(tmpdir(), 'kontoratlas-db-'));
	const child = spawn(process.execPath, [entry], {
		// Each server gets its own fresh store unless the test passes DATABASE_PATH.
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...(storeDir ? { DATABASE_PATH: join(storeDir, 'test.db') } : {}), ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	if (storeDir) child.once('exit', () => rmSync(storeDir, { recursive: true, force: true }));
	let log = '';
	child.stdout!.on('data', (d) => (log += d));
	child.stderr!.on('data', (d) => (log += d));
	const url = `http://127.0.0.1:${port}`;
	// Only a failed start waits this long; two test files start servers at the same time.
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log}`);
		try {
			const res = await fetch(`${url}/api/indicators`);
			if (res.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill();
			throw new Error(`server did not answer within 60 s:\n${log}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return { url, child, output: () => log };
}

export default async function setup(project: TestProject) {
	const server = await startServer();
	project.provide('baseUrl', server.url);
	return async () => {
		const exited = new Promise((r) => server.child.once('exit', r));
		server.child.kill();
		await exited; // its temporary store is removed on exit
	};
}
