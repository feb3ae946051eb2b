// Several app processes on one store (issue #20): two instances behind nginx against one, both
// behind the same nginx (req/s and p99 of the atlas's default view; reported, no target: the cores
// are shared by nginx, the instances and the load generator); the import-to-visible latency across
// instances (a version written through A until B serves it; target ≤ 1 s) on SQLite and on
// PostgreSQL; and reads with PostgreSQL as the store against SQLite, same mix, same run (≥ 0.8×).
// The PostgreSQL rows use a cluster of their own (tests/postgres.ts) and say so where there is none.
// `npx tsx bench/instances.ts [--json]`
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { freePort, startServer } from '../tests/global-setup';
import { hashPassword } from '../src/lib/server/admin/password';
import { hasPostgres, PG_INSTALL, startCluster } from '../tests/postgres';
import postgres from 'postgres';
import { median, ms, nginxConf, perSecond, times, type BenchRow } from './lib';
import { DEFAULT_VIEW } from './throughput';

const CONNECTIONS = 20;
const ROUNDS = 2;
const SECONDS = 8;
/** Versions written through A, each timed until B serves it. */
const CHANGES = 6;
const VISIBLE_TARGET_MS = 1000;
/** Served from B's response cache until B notices the new version (Vary: Accept-Encoding only). */
const WATCHED = '/api/indicators/sgb2-quote?level=stadtteil&format=csv';
const ADMIN = { user: 'bench', password: 'Bench-Passwort-2026!' };

export interface Instance {
	url: string;
	child: ChildProcess;
}

/** `store` is the store both instances share: { DATABASE_PATH } or { DATABASE_URL }. */
export async function startInstances(n: number, store: Record<string, string>): Promise<Instance[]> {
	const env = { ...store, KONTORATLAS_ADMIN_USER: ADMIN.user, KONTORATLAS_ADMIN_PASSWORD_HASH: hashPassword(ADMIN.password), ORIGIN: 'auto' };
	const started: Instance[] = [];
	// One after the other: the first seeds a fresh store.
	for (let i = 0; i < n; i++) started.push(await startServer(env));
	return started;
}

export function stopInstances(instances: readonly Instance[]): void {
	for (const i of instances) i.child.kill();
}

/** nginx's version, or null where it is not installed (the row then says so). */
export function nginxVersion(): string | null {
	const run = spawnSync('nginx', ['-v'], { encoding: 'utf8' });
	return run.error ? null : (run.stderr || run.stdout).trim().replace(/^nginx version: /, '');
}

/** The reverse proxy of the README's production section, in its own prefix on 127.0.0.1, not a daemon. */
export function nginxConfig(dir: string, port: number, upstreams: readonly string[]): string {
	return nginxConf(
		dir,
		`	upstream kontoratlas {
${upstreams.map((u) => `		server ${u.replace(/^http:\/\//, '')} max_fails=1 fail_timeout=5s;`).join('\n')}
		keepalive 32;
	}
	server {
		listen 127.0.0.1:${port};
		location / {
			proxy_pass http://kontoratlas;
			proxy_http_version 1.1;
			proxy_set_header Connection "";
			proxy_set_header Host $host;
			proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
			proxy_set_header X-Forwarded-Proto $scheme;
			proxy_next_upstream error timeout http_503;
		}
	}
`
	);
}

async function startNginx(upstreams: readonly string[]): Promise<{ url: string; stop: () => Promise<void> }> {
	const dir = mkdtempSync(join(tmpdir(), 'kontoratlas-bench-proxy-'));
	chmodSync(dir, 0o755);
	const port = await freePort();
	writeFileSync(join(dir, 'nginx.conf'), nginxConfig(dir, port, upstreams));
	const child = spawn('nginx', ['-p', dir + '/', '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
	let err = '';
	child.stderr!.on('data', (d) => (err += d));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) await new Promise((ok) => (child.once('exit', ok), child.kill('SIGTERM')));
		rmSync(dir, { recursive: true, force: true });
	};
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 10_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${err}`);
		try {
			if ((await fetch(`${url}/healthz`)).ok) return { url, stop };
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`nginx did not answer within 10 s: ${err}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
}

async function load(url: string, seconds: number): Promise<autocannon.Result> {
	const result = await autocannon({
		url,
		connections: CONNECTIONS,
		duration: seconds,
		headers: { 'accept-encoding': 'gzip' },
		requests: DEFAULT_VIEW.map((path) => ({ path }))
	});
	if (result.errors || result.timeouts || result.non2xx)
		throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`);
	return result;
}

/** Signs in at `base` (the built-in admin) and returns the cookie and CSRF token for form posts. */
export async function adminSession(base: string): Promise<{ cookie: string; csrf: string }> {
	const res = await fetch(`${base}/admin/login`, {
		method: 'POST',
		body: new URLSearchParams({ user: ADMIN.user, password: ADMIN.password }),
		headers: { origin: base, accept: 'text/html' },
		redirect: 'manual'
	});
	const cookie = /kontoratlas_admin=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
	if (res.status !== 303 || !cookie) throw new Error(`login at ${base} failed: ${res.status}`);
	const page = await (await fetch(`${base}/admin`, { headers: { cookie, accept: 'text/html' } })).text();
	const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1];
	if (!csrf) throw new Error('no CSRF token on /admin');
	return { cookie, csrf };
}

/** When the newest version was written (its created_at, set inside the transaction just before the commit), in ms since the epoch. */
export type VersionClock = () => Promise<number>;

export function postgresClock(sql: postgres.Sql): VersionClock {
	return async () => Date.parse((await sql`SELECT created_at FROM versions ORDER BY id DESC LIMIT 1`)[0].created_at as string);
}

export function sqliteClock(path: string): VersionClock {
	return async () => {
		const db = new Database(path, { readonly: true, fileMustExist: true });
		try {
			return Date.parse((db.prepare('SELECT created_at FROM versions ORDER BY id DESC LIMIT 1').get() as { created_at: string }).created_at);
		} finally {
			db.close();
		}
	};
}

/**
 * Milliseconds from the commit of a version change through A (a rollback: a new version holding an
 * earlier one's data, the same transaction an import makes) until B answers the watched URL with
 * A's new bytes; B answers it from its response cache before. Alternates between the two newest
 * data states. The commit's moment is the version's created_at (same machine, same clock).
 */
export async function importToVisible(a: string, b: string, clock: VersionClock, changes = CHANGES): Promise<number[]> {
	const session = await adminSession(a);
	const watched = async (base: string) => (await fetch(base + WATCHED)).text();
	const latencies: number[] = [];
	for (let i = 0; i < changes; i++) {
		const before = await watched(b);
		await watched(b); // from B's cache from now on
		// Version 2 (the import) is current at the start: back to the seed's data, then to the import's, and so on.
		const target = i % 2 === 0 ? 1 : 2;
		const form = new FormData();
		form.set('csrf', session.csrf);
		form.set('version', String(target));
		const t0 = Date.now();
		const res = await fetch(`${a}/admin?/rollback`, { method: 'POST', body: form, headers: { cookie: session.cookie, origin: a, accept: 'text/html' } });
		if (res.status !== 200) throw new Error(`rollback through A: ${res.status}`);
		const after = await watched(a);
		if (after === before) throw new Error(`the rollback to version ${target} changed nothing at ${WATCHED}`);
		for (;;) {
			if ((await watched(b)) === after) break;
			if (Date.now() - t0 > 30_000) throw new Error('B did not serve the new version within 30 s');
			await new Promise((r) => setTimeout(r, 5));
		}
		const seen = Date.now();
		latencies.push(seen - (await clock()));
	}
	return latencies;
}

/** A second data state (version 2) for the rollbacks to alternate with: one Stadtteil's 2024 value changed. */
async function importOnce(base: string): Promise<void> {
	const session = await adminSession(base);
	const headers = { cookie: session.cookie, origin: base, accept: 'text/html' };
	const form = new FormData();
	form.set('csrf', session.csrf);
	form.set('source', 'Benchmark (Beispieldaten)');
	form.set('licence', 'CC BY 4.0');
	form.set('mode', 'merge');
	const csv = 'Stadtteil;Indikator;Jahr;Wert;Zähler;Nenner\r\nLebenstedt;SGB-II-Quote;2024;12,3;6.150;50.000\r\n';
	form.set('file', new Blob([csv], { type: 'text/csv' }), 'bench.csv');
	const preview = await (await fetch(`${base}/admin/import?/csv`, { method: 'POST', body: form, headers })).text();
	const id = /name="preview" value="([^"]+)"/.exec(preview)?.[1];
	if (!id) throw new Error(`import preview failed: ${preview.replace(/<[^>]+>/g, ' ').slice(0, 300)}`);
	const confirm = new FormData();
	confirm.set('csrf', session.csrf);
	confirm.set('preview', id);
	const done = await fetch(`${base}/admin/import?/confirm`, { method: 'POST', body: confirm, headers });
	if (done.status !== 200) throw new Error(`import confirm: ${done.status}`);
}

/** The import-to-visible row for a store both instances share (`label` names it). */
export async function visibleRow(label: string, store: Record<string, string>, clock: VersionClock, watchNote: string): Promise<BenchRow> {
	const [a, b] = await startInstances(2, store);
	try {
		await importOnce(a.url);
		const latencies = await importToVisible(a.url, b.url, clock);
		const worst = Math.max(...latencies);
		return {
			figure: `import-to-visible across instances (${label})`,
			value: ms(worst),
			baseline: '—',
			ratio: '—',
			target: `≤ ${ms(VISIBLE_TARGET_MS)}`,
			pass: worst <= VISIBLE_TARGET_MS,
			note: `worst of ${latencies.length} version changes (median ${ms(median(latencies))}): from the commit of a rollback through instance A (the version's created_at; the same transaction an import makes) until instance B, which answered ${WATCHED} from its response cache, answers it with A's new bytes, polled every 5 ms; ${watchNote}`
		};
	} finally {
		stopInstances([a, b]);
	}
}

const skipped = (figure: string, target: string, note: string): BenchRow => ({ figure, value: 'skipped', baseline: '—', ratio: '—', target, pass: null, note });

/** req/s of one instance on each store, interleaved rounds of the same mix; the PostgreSQL instance against the SQLite one. */
async function readsRow(sqlite: Record<string, string>, pg: Record<string, string>, log: (s: string) => void): Promise<BenchRow> {
	const [onSqlite] = await startInstances(1, sqlite);
	const [onPg] = await startInstances(1, pg);
	try {
		for (const i of [onSqlite, onPg]) for (const path of DEFAULT_VIEW) if (!(await fetch(i.url + path)).ok) throw new Error(`${i.url}${path} failed`);
		await load(onSqlite.url, 2);
		await load(onPg.url, 2);
		const s: number[] = [];
		const p: number[] = [];
		for (let i = 0; i < ROUNDS; i++) {
			s.push((await load(onSqlite.url, SECONDS)).requests.average);
			p.push((await load(onPg.url, SECONDS)).requests.average);
			log(`  reads round ${i + 1}/${ROUNDS}: SQLite ${perSecond(s[i])}, PostgreSQL ${perSecond(p[i])}`);
		}
		const ratio = median(p) / median(s);
		return {
			figure: 'reads with PostgreSQL as the store vs SQLite',
			value: perSecond(median(p)),
			baseline: perSecond(median(s)),
			ratio: times(ratio),
			target: '≥ 0.80×',
			pass: ratio >= 0.8,
			note: `req/s of one instance on each store, the default view's ${DEFAULT_VIEW.length} API requests in turn, autocannon with ${CONNECTIONS} connections, median of ${ROUNDS} interleaved ${SECONDS} s runs; both serve the version they hold in memory and go to the store only for what changes (versions, sessions), so the figure shows that the store choice costs reads nothing`
		};
	} finally {
		stopInstances([onSqlite, onPg]);
	}
}

export async function benchInstances({ log = console.log }: { log?: (s: string) => void } = {}): Promise<{ rows: BenchRow[] }> {
	const rows: BenchRow[] = [];
	const pgRows = async (sqlite: Record<string, string>) => {
		if (!hasPostgres) {
			const why = `PostgreSQL with PostGIS is not installed (${PG_INSTALL})`;
			return [
				skipped('import-to-visible across instances (PostgreSQL)', '≤ 1000 ms', why),
				skipped('reads with PostgreSQL as the store vs SQLite', '≥ 0.80×', why)
			];
		}
		const cluster = await startCluster();
		const sql = postgres(cluster.url, { max: 1, onnotice: () => {} });
		try {
			const store = { DATABASE_URL: cluster.url };
			const visible = await visibleRow('PostgreSQL', store, postgresClock(sql), 'B learns of the commit by LISTEN/NOTIFY');
			log(`  ${visible.figure}: ${visible.value}`);
			return [visible, await readsRow(sqlite, { DATABASE_URL: cluster.database('reads') }, log)];
		} finally {
			await sql.end({ timeout: 1 });
			cluster.remove();
		}
	};
	const dir = mkdtempSync(join(tmpdir(), 'kontoratlas-bench-instances-'));
	const store = { DATABASE_PATH: join(dir, 'store.db') };
	try {
		rows.push(await visibleRow('SQLite', store, sqliteClock(store.DATABASE_PATH), 'B notices the commit by polling PRAGMA data_version every 100 ms'));
		log(`  ${rows[0].figure}: ${rows[0].value}`);
		rows.push(...(await pgRows({ DATABASE_PATH: join(dir, 'reads.db') })));
		const version = nginxVersion();
		if (!version) {
			rows.push(skipped('two instances behind nginx vs one', 'measured', 'nginx is not installed (apt-get install nginx)'));
			return { rows };
		}
		const instances = await startInstances(2, store);
		const one = await startNginx([instances[0].url]);
		const two = await startNginx(instances.map((i) => i.url));
		try {
			// Each instance computes the view's analyses once (then serves them from its caches): not part of the figure.
			for (const i of instances) for (const path of DEFAULT_VIEW) if (!(await fetch(i.url + path)).ok) throw new Error(`${i.url}${path} failed`);
			await load(one.url, 2);
			await load(two.url, 2);
			const r1: autocannon.Result[] = [];
			const r2: autocannon.Result[] = [];
			for (let i = 0; i < ROUNDS; i++) {
				r1.push(await load(one.url, SECONDS));
				r2.push(await load(two.url, SECONDS));
				log(`  round ${i + 1}/${ROUNDS}: one instance ${perSecond(r1[i].requests.average)}, two ${perSecond(r2[i].requests.average)}`);
			}
			const rps1 = median(r1.map((r) => r.requests.average));
			const rps2 = median(r2.map((r) => r.requests.average));
			const p1 = median(r1.map((r) => r.latency.p99));
			const p2 = median(r2.map((r) => r.latency.p99));
			const how = `the default view's ${DEFAULT_VIEW.length} API requests in turn, autocannon with ${CONNECTIONS} connections, median of ${ROUNDS} interleaved ${SECONDS} s runs; ${version} (worker_processes auto, upstream keepalive) in front of both; ${cpus().length} cores shared by nginx, the instances and autocannon, so two instances cannot double the one's figure`;
			rows.push(
				{
					figure: 'two instances behind nginx vs one: req/s',
					value: perSecond(rps2),
					baseline: perSecond(rps1),
					ratio: times(rps2 / rps1),
					target: 'measured',
					pass: null,
					note: how
				},
				{
					figure: 'two instances behind nginx vs one: p99',
					value: ms(p2),
					baseline: ms(p1),
					ratio: times(p2 / p1),
					target: 'measured',
					pass: null,
					note: `99th percentile latency of the same runs; ${cpus().length} cores`
				}
			);
		} finally {
			await one.stop();
			await two.stop();
			stopInstances(instances);
		}
		return { rows };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const json = process.argv.includes('--json');
	const result = await benchInstances({ log: json ? () => {} : console.log });
	console.log(json ? JSON.stringify(result) : result.rows.map((r) => `${r.figure}: ${r.value} vs ${r.baseline} = ${r.ratio} (target ${r.target})`).join('\n'));
}
