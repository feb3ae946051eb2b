// A fixture city served by the built app: its geodata derived by `npm run data`'s script into a
// folder of the caller's, then the server started on it with a store of its own beside it; and
// the stop that waits for the server's exit. For the e2e files of other cities than Salzgitter.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { startServer } from './global-setup';

const root = resolve(import.meta.dirname, '..');

export type TestServer = { url: string; child: ChildProcess; output: () => string };

/** Derives `geodata` into `dir`/derived and serves it with the store `dir`/store.db. */
export async function serveFixture(geodata: string, dir: string): Promise<TestServer> {
	const derived = join(dir, 'derived');
	const env = { ...process.env, KONTORATLAS_GEODATA: geodata, KONTORATLAS_DATA_DIR: derived };
	const data = spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/data.ts', '--force'], { cwd: root, env, encoding: 'utf8' });
	if (data.status !== 0) throw new Error(`npm run data on ${geodata} failed:\n${data.stdout}\n${data.stderr}`);
	return startServer({ KONTORATLAS_GEODATA: geodata, KONTORATLAS_DATA_DIR: derived, DATABASE_PATH: join(dir, 'store.db') });
}

/** Stops a server and waits until it has exited (its store is then free to delete). */
export async function stopServer(server: TestServer | undefined): Promise<void> {
	if (!server || server.child.exitCode !== null) return;
	const exited = new Promise((r) => server.child.once('exit', r));
	server.child.kill();
	await exited;
}
