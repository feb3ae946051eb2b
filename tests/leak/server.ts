// The leak test's own server: a copy of geodata/ in which every indicator is internal, derived by
// `npm run data`'s script into its own folder, served from a fresh store that has a `planung`
// account; and a client signed in with it.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { IndicatorMeta } from '../../src/lib/data/contracts';
import { AdminClient, removeStores, startAdminServer, type AdminServer } from '../admin/helpers';

const run = promisify(execFile);

export const PLANNER = { name: 'leaktest-planung', password: 'Planung-Passwort-2026!' };

export interface LeakServer {
	server: AdminServer;
	dir: string;
	derived: string;
	indicators: IndicatorMeta[];
	stop: () => Promise<void>;
}

/** `npm run users -- add NAME --role planung` with the password on stdin, as an operator would. */
async function addPlanner(dbPath: string): Promise<void> {
	const cli = run(process.execPath, ['--import', 'tsx', 'scripts/users.ts', 'add', PLANNER.name, '--role', 'planung'], {
		env: { ...process.env, DATABASE_PATH: dbPath }
	});
	cli.child.stdin!.end(`${PLANNER.password}\n`);
	await cli;
}

export async function startInternalServer(): Promise<LeakServer> {
	const dir = mkdtempSync(join(tmpdir(), 'kontoratlas-leak-'));
	const geodata = join(dir, 'geodata');
	const derived = join(dir, 'derived');
	const dbPath = join(dir, 'store.db');
	cpSync('geodata', geodata, { recursive: true });
	const file = join(geodata, 'indikatoren.json');
	const catalogue = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>[];
	writeFileSync(
		file,
		JSON.stringify(
			catalogue.map((m) => ({ ...m, visibility: 'internal' })),
			null,
			'\t'
		) + '\n'
	);
	// The account goes into the empty store while the data is derived; the server seeds it on start.
	await Promise.all([
		run(process.execPath, ['--import', 'tsx', 'scripts/data.ts'], { env: { ...process.env, KONTORATLAS_GEODATA: geodata, KONTORATLAS_DATA_DIR: derived } }),
		addPlanner(dbPath)
	]);
	const indicators = JSON.parse(readFileSync(join(derived, 'indicators.json'), 'utf8')) as IndicatorMeta[];
	if (!indicators.length || indicators.some((m) => m.visibility !== 'internal'))
		throw new Error('the pipeline did not keep "visibility": "internal" on every indicator');
	const server = await startAdminServer({ KONTORATLAS_GEODATA: geodata, KONTORATLAS_DATA_DIR: derived }, dbPath);
	return {
		server,
		dir,
		derived,
		indicators,
		stop: async () => {
			server.child.kill();
			await new Promise((r) => server.child.once('exit', r));
			removeStores(dir);
		}
	};
}

/** A client signed in as the `planung` account; `fetch` sends its session cookie like a browser would. */
export async function signInAsPlanner(server: AdminServer): Promise<{ fetch: (path: string) => Promise<Response> }> {
	const client = new AdminClient(server.url);
	const res = await client.login(PLANNER.name, PLANNER.password);
	if (res.status !== 303 || !client.cookie) throw new Error(`sign-in as ${PLANNER.name} failed: ${res.status}\n${server.output()}`);
	// Once more on a dropped connection: a kept-alive socket the server closed while idle.
	const get = (path: string) => client.request(path, { headers: { accept: '*/*' } });
	return { fetch: (path) => get(path).catch(() => get(path)) };
}
