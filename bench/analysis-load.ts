// Cached reads under analysis load: for 15 s, 8 autocannon connections read the atlas default
// view's cached API requests while 2 clients each ask /api/coverage for distances never asked
// before (so every one is computed); the same 8 connections without the 2 clients are the baseline.
// The analyses run in the worker pool, so the cached reads should hardly notice them.
// `npx tsx bench/analysis-load.ts [--json] [--seconds N]`
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { startServer } from '../tests/global-setup';
import { ms, perSecond, times, type BenchRow } from './lib';
import { DEFAULT_VIEW } from './throughput';

const READERS = 8;
const ANALYSTS = 2;

export interface AnalysisLoadResult {
	rows: BenchRow[];
	baseline: { p50: number; p99: number; rps: number };
	underLoad: { p50: number; p99: number; rps: number };
	analyses: { ok: number; busy: number; failed: number; perSecond: number; statuses: Record<string, number> };
}

async function readers(url: string, seconds: number) {
	const result = await autocannon({
		url,
		connections: READERS,
		duration: seconds,
		headers: { 'accept-encoding': 'br' },
		requests: DEFAULT_VIEW.map((path) => ({ path }))
	});
	if (result.errors || result.timeouts || result.non2xx)
		throw new Error(`cached reads: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`);
	return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average };
}

/** One analysis client: coverage for a new pair of distances, again and again, until `until`. */
async function analyst(url: string, first: number, until: number, statuses: Record<string, number>) {
	for (let d = first; Date.now() < until; d += ANALYSTS) {
		const res = await fetch(`${url}/api/coverage?distances=${d},${d + 700}`, { headers: { 'accept-encoding': 'br' } });
		await res.arrayBuffer();
		statuses[res.status] = (statuses[res.status] ?? 0) + 1;
	}
}

export async function benchAnalysisLoad(options: { seconds?: number; log?: (s: string) => void } = {}): Promise<AnalysisLoadResult> {
	const seconds = options.seconds ?? 15;
	const log = options.log ?? (() => {});
	const server = await startServer();
	try {
		// Warm-up: every request of the view answered once, one after the other (the first analysis
		// also starts the pool's worker, which loads its code and builds the model: seconds), then
		// a short run so the fast path and the JIT are warm.
		for (const path of [...DEFAULT_VIEW, '/api/coverage?distances=333']) {
			const res = await fetch(server.url + path, { headers: { 'accept-encoding': 'br' } });
			await res.arrayBuffer();
			if (!res.ok) throw new Error(`${path} answered ${res.status}`);
		}
		await readers(server.url, 2);
		const baseline = await readers(server.url, seconds);
		log(`  cached reads alone: p50 ${ms(baseline.p50)}, p99 ${ms(baseline.p99)}, ${perSecond(baseline.rps)}`);
		const statuses: Record<string, number> = {};
		const until = Date.now() + seconds * 1000;
		const [underLoad] = await Promise.all([
			readers(server.url, seconds),
			...Array.from({ length: ANALYSTS }, (_, i) => analyst(server.url, 401 + i, until, statuses))
		]);
		const ok = statuses['200'] ?? 0;
		const busy = statuses['503'] ?? 0;
		const failed = Object.entries(statuses).reduce((s, [status, n]) => (status === '200' || status === '503' ? s : s + n), 0);
		const analyses = { ok, busy, failed, perSecond: ok / seconds, statuses };
		log(
			`  cached reads with ${ANALYSTS} analysis clients: p50 ${ms(underLoad.p50)}, p99 ${ms(underLoad.p99)}, ${perSecond(underLoad.rps)}; analyses ${JSON.stringify(statuses)}`
		);
		const share = underLoad.rps / baseline.rps;
		const how = `${seconds} s, autocannon with ${READERS} connections cycling the default view's ${DEFAULT_VIEW.length} cached API requests (br), while ${ANALYSTS} clients each request /api/coverage with new distances every time; baseline: the same reads without them`;
		return {
			rows: [
				{
					figure: 'cached reads under analysis load: p99 latency',
					value: ms(underLoad.p99),
					baseline: ms(baseline.p99),
					ratio: times(underLoad.p99 / baseline.p99),
					target: '≤ 50 ms',
					pass: underLoad.p99 <= 50,
					note: `${how}; p50 ${ms(underLoad.p50)} under load vs ${ms(baseline.p50)} alone`
				},
				{
					figure: 'cached reads under analysis load: throughput',
					value: perSecond(underLoad.rps),
					baseline: perSecond(baseline.rps),
					ratio: times(share),
					target: '≥ 0.30×, analyses fail only as 503',
					pass: share >= 0.3 && failed === 0,
					note: `the same runs; analyses answered ${analyses.perSecond.toFixed(1)}/s (${ok} in ${seconds} s), ${busy} answered 503 (queue full), ${failed} failed otherwise`
				}
			],
			baseline,
			underLoad,
			analyses
		};
	} finally {
		server.child.kill();
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const json = process.argv.includes('--json');
	const k = process.argv.indexOf('--seconds');
	const result = await benchAnalysisLoad({ seconds: k > 0 ? Number(process.argv[k + 1]) : undefined, log: json ? undefined : console.log });
	console.log(json ? JSON.stringify(result) : result.rows.map((r) => `${r.figure}: ${r.value} vs ${r.baseline} = ${r.ratio} (target ${r.target})`).join('\n'));
}
