// API throughput: requests per second for the Stadtteil GeoJSON from the built node server
// (server.js with its response cache, as in production) against nginx serving the identical
// precompressed bytes from a file, with autocannon, bounded in time and connections; and the node
// server's memory before and after 60 s of load.
// `npx tsx bench/throughput.ts [--json] [--seconds N] [--memory-seconds N]`
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { freePort, startServer } from '../tests/global-setup';
import { getRaw } from './http';
import { mb, median, nginxConf, perSecond, times, type BenchRow } from './lib';

const PATH = '/api/areas?level=stadtteil';
/** Debian's nginx has gzip_static but no brotli without another module: both sides send gzip. */
const ENCODING = 'gzip';
const CONNECTIONS = 10;
const ROUNDS = 3;
/** Seconds of the default view's requests before the memory figure's "before" (at 15 s one run read 188 MB "before" while the minute after ran 234-262 MB: V8 was still sizing its heap). */
const WARM_UP_S = 30;
/** The requests of the atlas's default view (src/routes/+page.ts), for the memory run. */
export const DEFAULT_VIEW = [
	'/api/indicators',
	'/api/areas?level=stadtteil',
	'/api/areas?level=ortschaft',
	'/api/kontore',
	'/api/context',
	'/api/indicators/einwohnerdichte?level=stadtteil',
	'/api/catchments?mode=rings&distances=500,1000,1500',
	'/api/coverage?distances=500,1000,1500'
];

export interface ThroughputResult {
	rows: BenchRow[];
	node: number[];
	nginx: number[];
	nginxVersion: string;
	memory: { startKb: number; beforeKb: number; afterKb: number; seconds: number; requests: number; samplesKb: number[] };
}

const get = (url: string) => getRaw(url, { acceptEncoding: ENCODING });

const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);

/** RSS once a second while `work` runs: a single reading lands anywhere on V8's garbage-collection sawtooth. */
async function sampled<T>(pid: number, work: Promise<T>): Promise<{ result: T; samples: number[] }> {
	const samples: number[] = [];
	const timer = setInterval(() => samples.push(rssKb(pid)), 1000);
	try {
		return { result: await work, samples };
	} finally {
		clearInterval(timer);
	}
}
/** Readings averaged at each end of a run. */
const END_SAMPLES = 5;

/** Debian's nginx, installed when missing (we are root on the bench machines; the install must not leave a daemon running). */
export function ensureNginx(log: (s: string) => void): string {
	// `nginx -v` writes its version to stderr.
	const has = () => {
		const run = spawnSync('nginx', ['-v'], { encoding: 'utf8' });
		return run.error ? null : (run.stderr || run.stdout).trim().replace(/^nginx version: /, '');
	};
	let version = has();
	if (version === null) {
		log('  nginx missing: apt-get install -y nginx');
		const install = () =>
			execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'nginx'], {
				stdio: 'ignore',
				env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
			});
		try {
			install();
		} catch {
			execFileSync('apt-get', ['update'], { stdio: 'ignore' });
			install();
		}
		// The package's own service would listen on port 80; where policy-rc.d let it start, stop it.
		if (existsSync('/run/nginx.pid')) execFileSync('nginx', ['-s', 'quit'], { stdio: 'ignore' });
		version = has();
	}
	if (version === null) throw new Error('nginx could not be installed');
	return version;
}

/** nginx on 127.0.0.1:port in its own prefix, serving the files at PATH with gzip_static. */
async function startNginx(dir: string, port: number): Promise<ChildProcess> {
	const conf = nginxConf(
		dir,
		`	sendfile on;
	tcp_nopush on;
	keepalive_requests 1000000;
	server {
		listen 127.0.0.1:${port};
		location = /api/areas {
			default_type "application/geo+json; charset=utf-8";
			gzip_static on;
			add_header cache-control "public, max-age=300, must-revalidate";
			add_header access-control-allow-origin "*";
			add_header vary "Accept-Encoding";
			alias ${dir}/areas-stadtteil.geojson;
		}
	}
`
	);
	writeFileSync(join(dir, 'nginx.conf'), conf);
	const child = spawn('nginx', ['-p', dir + '/', '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
	let err = '';
	child.stderr!.on('data', (d) => (err += d));
	const deadline = Date.now() + 10_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${err}`);
		try {
			if ((await get(`http://127.0.0.1:${port}${PATH}`)).status === 200) return child;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill();
			throw new Error(`nginx did not answer within 10 s: ${err}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
}

function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((ok) => {
		child.once('exit', () => ok());
		child.kill('SIGTERM');
	});
}

async function cannon(url: string, seconds: number, requests?: { path: string }[]): Promise<autocannon.Result> {
	const result = await autocannon({
		url,
		connections: CONNECTIONS,
		duration: seconds,
		headers: { 'accept-encoding': ENCODING },
		...(requests ? { requests } : {})
	});
	if (result.errors || result.timeouts || result.non2xx)
		throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`);
	return result;
}

export async function benchThroughput(options: { seconds?: number; memorySeconds?: number; log?: (s: string) => void } = {}): Promise<ThroughputResult> {
	const seconds = options.seconds ?? 10;
	const memorySeconds = options.memorySeconds ?? 60;
	const log = options.log ?? (() => {});
	const nginxVersion = ensureNginx(log);
	const dir = mkdtempSync(join(tmpdir(), 'kontoratlas-bench-nginx-'));
	// nginx's workers drop root for nobody, who must read the files.
	chmodSync(dir, 0o755);
	let nginx: ChildProcess | null = null;
	const server = await startServer();
	try {
		const startKb = rssKb(server.child.pid!);
		const fromNode = await get(server.url + PATH);
		if (fromNode.encoding !== ENCODING) throw new Error(`node sent ${fromNode.encoding}`);
		const identity = await fetch(server.url + PATH, { headers: { 'accept-encoding': 'identity' } });
		writeFileSync(join(dir, 'areas-stadtteil.geojson'), Buffer.from(await identity.arrayBuffer()));
		writeFileSync(join(dir, 'areas-stadtteil.geojson.gz'), fromNode.body);
		const port = await freePort();
		nginx = await startNginx(dir, port);
		const nginxUrl = `http://127.0.0.1:${port}${PATH}`;
		const fromNginx = await get(nginxUrl);
		if (fromNginx.encoding !== ENCODING || !fromNginx.body.equals(fromNode.body)) throw new Error('nginx does not send the bytes the node server sends');

		// A short warm-up of both (JIT, caches), then interleaved rounds.
		await cannon(server.url + PATH, 2);
		await cannon(nginxUrl, 2);
		const node: number[] = [];
		const ngx: number[] = [];
		for (let i = 0; i < ROUNDS; i++) {
			node.push((await cannon(server.url + PATH, seconds)).requests.average);
			ngx.push((await cannon(nginxUrl, seconds)).requests.average);
			log(`  throughput round ${i + 1}/${ROUNDS}: node ${perSecond(node[i])}, nginx ${perSecond(ngx[i])}`);
		}
		await stop(nginx);
		nginx = null;

		// Memory: after a warm-up over every request of the default view (its caches fill once,
		// and V8 sizes its heap for this load, which under the response cache takes longer than
		// the caches), RSS before and after a minute of the same mix.
		// Each end is the median of the last five once-a-second readings (of the warm-up, of the
		// minute), so that one reading at a peak or trough of the GC cycle does not decide it.
		const mix = DEFAULT_VIEW.map((path) => ({ path }));
		const pid = server.child.pid!;
		const warm = await sampled(pid, cannon(server.url, WARM_UP_S, mix));
		const beforeKb = median(warm.samples.slice(-END_SAMPLES));
		const run = await sampled(pid, cannon(server.url, memorySeconds, mix));
		const load = run.result;
		const afterKb = median(run.samples.slice(-END_SAMPLES));
		const lowKb = Math.min(...run.samples);
		const highKb = Math.max(...run.samples);
		log(
			`  memory: RSS ${mb(beforeKb * 1024)} before, ${mb(afterKb * 1024)} after ${memorySeconds} s (${load.requests.total.toLocaleString('en')} requests; ${mb(lowKb * 1024)} to ${mb(highKb * 1024)} during)`
		);

		const n = median(node);
		const x = median(ngx);
		const grow = afterKb / beforeKb;
		return {
			rows: [
				{
					figure: 'API throughput: Stadtteil GeoJSON',
					value: perSecond(n),
					baseline: perSecond(x),
					ratio: times(n / x),
					target: '≥ 0.80×',
					pass: n / x >= 0.8,
					note: `requests/s, median of ${ROUNDS} interleaved ${seconds} s runs, autocannon with ${CONNECTIONS} connections on the same machine; GET ${PATH}, ${ENCODING} on both sides (identical bytes); baseline: ${nginxVersion} (worker_processes auto, gzip_static) vs one node process (server.js, as npm start: after the first request, which SvelteKit answers, the same URL and encoding come from the app's response cache without entering SvelteKit)`
				},
				{
					figure: `node server memory (RSS) over ${memorySeconds} s of load`,
					value: mb(afterKb * 1024),
					baseline: mb(beforeKb * 1024),
					ratio: times(grow),
					target: 'within ±20 %',
					pass: Math.abs(grow - 1) <= 0.2,
					note: `after vs before a minute of the default view's ${DEFAULT_VIEW.length} API requests in turn (${load.requests.total.toLocaleString('en')} requests); before = end of a ${WARM_UP_S} s warm-up of the same mix; each end the median of the last ${END_SAMPLES} once-a-second readings; during the minute ${mb(lowKb * 1024)} to ${mb(highKb * 1024)}; at start-up ${mb(startKb * 1024)}`
				}
			],
			node,
			nginx: ngx,
			nginxVersion,
			memory: { startKb, beforeKb, afterKb, seconds: memorySeconds, requests: load.requests.total, samplesKb: run.samples }
		};
	} finally {
		if (nginx) await stop(nginx);
		server.child.kill();
		rmSync(dir, { recursive: true, force: true });
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const json = process.argv.includes('--json');
	const arg = (name: string) => {
		const k = process.argv.indexOf(name);
		return k > 0 ? Number(process.argv[k + 1]) : undefined;
	};
	const result = await benchThroughput({ seconds: arg('--seconds'), memorySeconds: arg('--memory-seconds'), log: json ? undefined : console.log });
	console.log(json ? JSON.stringify(result) : result.rows.map((r) => `${r.figure}: ${r.value} vs ${r.baseline} = ${r.ratio} (target ${r.target})`).join('\n'));
}
