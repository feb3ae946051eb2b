// A real PostgreSQL/PostGIS cluster for the tests that need one: initdb in a temporary data
// directory, a server on 127.0.0.1 at a free port, a database with PostGIS. Tests can stop and
// start it (the fault tests) and remove it at the end. Where PostgreSQL is not installed the
// tests skip with a hint, except in CI (.ci/run sets KONTORATLAS_REQUIRE_PG=1 after installing
// it), where a missing server fails them.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export const PG_INSTALL = 'install PostgreSQL and PostGIS: apt-get install postgresql postgresql-15-postgis-3';
export const pgRequired = process.env.KONTORATLAS_REQUIRE_PG === '1';

/** The newest installed server's bin directory (Debian: /usr/lib/postgresql/N/bin), or null. */
function binDir(): string | null {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return null;
	const versions = readdirSync(root)
		.filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(root, versions[0], 'bin') : null;
}

function hasPostgis(bin: string): boolean {
	const version = bin.split('/').at(-2);
	return existsSync(`/usr/share/postgresql/${version}/extension/postgis.control`);
}

const BIN = binDir();
/** PostgreSQL with PostGIS is installed here. */
export const hasPostgres = BIN !== null && hasPostgis(BIN);
if (!hasPostgres && !pgRequired) console.warn(`PostgreSQL checks skipped: no PostgreSQL server with PostGIS found (${PG_INSTALL})`);

/** initdb and postgres refuse to run as root: as root the cluster belongs to the postgres account. */
const asRoot = userInfo().uid === 0;

function run(cmd: string, args: string[]): string {
	const file = join(BIN!, cmd);
	const [c, a] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
	const r = spawnSync(c, a, { encoding: 'utf8', timeout: 60_000 });
	if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
	return r.stdout;
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => resolve(port));
		});
	});
}

export interface PgCluster {
	/** postgres://kontoratlas@127.0.0.1:PORT/kontoratlas (trust authentication on 127.0.0.1 only). */
	url: string;
	/** A URL of another database in the same cluster, created (with PostGIS) on first use. */
	database(name: string): string;
	port: number;
	dir: string;
	/** Fast shutdown: open connections are closed, as when the server stops under the app. */
	stop(): void;
	start(): void;
	/** Stops the server and deletes its data directory. */
	remove(): void;
}

/** Starts a fresh cluster. Call only where `hasPostgres`. */
export async function startCluster(): Promise<PgCluster> {
	if (!BIN) throw new Error(PG_INSTALL);
	const dir = mkdtempSync(join(tmpdir(), 'kontoratlas-pg-'));
	if (asRoot) {
		const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
		const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
		chownSync(dir, uid, gid);
	}
	const data = join(dir, 'data');
	run('initdb', ['-D', data, '-A', 'trust', '-U', 'kontoratlas', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
	const port = await freePort();
	const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=60`;
	const start = () => void run('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', 'start']);
	const stop = () => void run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
	start();
	const made = new Set<string>();
	const database = (name: string) => {
		if (!made.has(name)) {
			run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'kontoratlas', name]);
			run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'kontoratlas', '-d', name, '-qc', 'CREATE EXTENSION postgis']);
			made.add(name);
		}
		return `postgres://kontoratlas@127.0.0.1:${port}/${name}`;
	};
	const url = database('kontoratlas');
	return {
		url,
		database,
		port,
		dir,
		stop,
		start,
		remove() {
			try {
				stop();
			} catch {
				// already stopped
			}
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
