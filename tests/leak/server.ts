// The leak test's own server: a copy of geodata/ in which every indicator is internal, derived by
// `npm run data`'s script into its own folder, served from a fresh store; and a signed-in client.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IndicatorMeta } from '../../src/lib/data/contracts';
import { AdminClient, removeStores, startAdminServer, type AdminServer } from '../admin/helpers';

export interface LeakServer {
	server: AdminServer;
	dir: string;
	derived: string;
	indicators: IndicatorMeta[];
	stop: () => Promise<void>;
}

export async function startInternalServer(): Promise<LeakServer> {
	const dir = mkdtempSync(join(tmpdir(), 'kontoratlas-leak-'));
	const geodata = join(dir, 'geodata');
	const derived = join(dir, 'derived');
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
	execFileSync(process.execPath, ['--import', 'tsx', 'scripts/data.ts'], {
		env: { ...process.env, KONTORATLAS_GEODATA: geodata, KONTORATLAS_DATA_DIR: derived },
		stdio: 'pipe'
	});
	const indicators = JSON.parse(readFileSync(join(derived, 'indicators.json'), 'utf8')) as IndicatorMeta[];
	if (!indicators.length || indicators.some((m) => m.visibility !== 'internal'))
		throw new Error('the pipeline did not keep "visibility": "internal" on every indicator');
	const server = await startAdminServer({ KONTORATLAS_GEODATA: geodata, KONTORATLAS_DATA_DIR: derived });
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

export const PLANNER = { name: 'leaktest-planung', password: 'Planung-Passwort-2026!' };

/**
 * A client signed in as a `planung` account, made as an operator would (`npm run users -- add NAME
 * --role planung`, password from stdin) in the running server's store; `fetch` sends its session
 * cookie like a browser would.
 */
export async function signInAsPlanner(server: AdminServer): Promise<{ fetch: (path: string) => Promise<Response> }> {
	execFileSync(process.execPath, ['--import', 'tsx', 'scripts/users.ts', 'add', PLANNER.name, '--role', 'planung'], {
		env: { ...process.env, DATABASE_PATH: server.dbPath },
		input: `${PLANNER.password}\n`,
		stdio: 'pipe'
	});
	const client = new AdminClient(server.url);
	const res = await client.login(PLANNER.name, PLANNER.password);
	if (res.status !== 303 || !client.cookie) throw new Error(`sign-in as ${PLANNER.name} failed: ${res.status}`);
	// Once more on a dropped connection: a kept-alive socket the server closed while idle.
	const get = (path: string) => client.request(path, { headers: { accept: '*/*' } });
	return { fetch: (path) => get(path).catch(() => get(path)) };
}
