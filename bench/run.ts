// `npm run bench`: every benchmark against its baseline in the same run, one table on stdout,
// bench/results.json and the README's benchmark section. Target misses are figures (FAIL in the
// table), not errors; the exit code is 1 only when a benchmark could not run.
// `tsx bench/run.ts --only sizes,catchments` runs some sections (by the first word of their
// name: map, payload, API, analysis, catchment, reports, catchments, facilities, sizes, P6, instances) and writes nothing.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { benchAnalysisLoad } from './analysis-load';
import { benchCatchmentPage } from './catchment-page';
import { benchFacilities } from './facilities';
import { benchInstances } from './instances';
import { formatTable, rowsFromOutput, type BenchRow } from './lib';
import { benchMapLoad } from './map-load';
import { benchP6 } from './p6';
import { benchPayload } from './payload';
import { benchReports } from './report';
import { benchThroughput } from './throughput';

const k = process.argv.indexOf('--only');
const only = k > 0 ? new Set(process.argv[k + 1].split(',')) : null;
const started = Date.now();
const log = (s: string) => console.log(s);
const rows: BenchRow[] = [];
const details: Record<string, unknown> = {};
let broken = false;

async function section(name: string, run: () => Promise<{ rows: BenchRow[] }>) {
	if (only && !only.has(name.split(' ')[0])) return;
	log(`${name} …`);
	const t = Date.now();
	try {
		const result = await run();
		rows.push(...result.rows);
		details[name] = result;
	} catch (e) {
		broken = true;
		const message = e instanceof Error ? e.message : String(e);
		rows.push({ figure: name, value: `error: ${message.split('\n')[0]}`, baseline: '—', ratio: '—', target: '—', pass: false });
		details[name] = { error: message };
	}
	log(`${name}: ${((Date.now() - t) / 1000).toFixed(0)} s`);
}

/** A sub-bench that is its own npm script, asked for --json rows; its whole output is kept. */
function script(name: string, figure: string): Promise<{ rows: BenchRow[] }> {
	const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
	if (!scripts[name]) {
		return Promise.resolve({
			rows: [{ figure, value: 'not available', baseline: '—', ratio: '—', target: '—', pass: null, note: `no "${name}" script in package.json` }]
		});
	}
	const run = spawnSync('npm', ['run', '--silent', name, '--', '--json'], { encoding: 'utf8', timeout: 180_000, maxBuffer: 16 * 1024 * 1024 });
	if (run.status === null) throw new Error(`npm run ${name} did not finish: ${run.error?.message ?? run.signal}`);
	const stdout = run.stdout ?? '';
	const parsed = rowsFromOutput(stdout);
	if (!parsed && run.status !== 0) throw new Error(`npm run ${name} exited with ${run.status}: ${(run.stderr ?? '').trim().split('\n').pop()}`);
	return Promise.resolve({
		rows: parsed ?? [
			{
				figure,
				value: 'ran, see results.json',
				baseline: '—',
				ratio: '—',
				target: '—',
				pass: null,
				note: `npm run ${name} printed no --json rows; its output is kept in results.json`
			}
		],
		exitCode: run.status,
		output: stdout
	});
}

function machine() {
	const os = (() => {
		try {
			return /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? 'Linux';
		} catch {
			return process.platform;
		}
	})();
	return {
		cpu: cpus()[0]?.model ?? 'unknown',
		cores: cpus().length,
		ramGb: Math.round(totalmem() / 2 ** 30),
		node: process.version,
		os: `${os} (kernel ${release()})`,
		loadavg: loadavg().map((x) => Math.round(x * 100) / 100)
	};
}

const before = machine();
await section('map load', () => benchMapLoad({ log }));
await section('payload', () => benchPayload());
await section('API throughput and memory', () => benchThroughput({ log }));
await section('analysis load on cached reads', () => benchAnalysisLoad({ log }));
await section('catchment page to first figures', () => benchCatchmentPage({ log }));
await section('reports', () => benchReports({ log }));
await section('catchments', () => script('bench:catchments', 'catchments (bench:catchments)'));
await section('facilities nearest', () => benchFacilities({ log }));
await section('sizes', () => script('bench:size', 'sizes (bench:size)'));
await section('P6 large levels', () => benchP6({ log }));
await section('instances on one store', () => benchInstances({ log }));
const durationS = Math.round((Date.now() - started) / 1000);

const table = formatTable(rows);
const after = machine();
const date = new Date().toISOString();
const machineLine = `${before.cpu}, ${before.cores} cores, ${before.ramGb} GB RAM, ${before.os}, Node ${before.node}; load average ${before.loadavg.join(' / ')} at the start, ${after.loadavg.join(' / ')} at the end`;
log('\n' + table);
log(`\n${date}, ${durationS} s; ${machineLine}`);
for (const r of rows.filter((r) => r.note)) log(`- ${r.figure}: ${r.note}`);
if (durationS > 600) log(`warning: the bench took ${durationS} s, more than its 10 minutes`);

if (only) process.exit(broken ? 1 : 0);
writeFileSync('bench/results.json', JSON.stringify({ date, durationS, machine: { ...before, loadavgEnd: after.loadavg }, rows, details }, null, '\t') + '\n');

// The README shows the latest run between its markers.
const README = 'README.md';
const START = '<!-- bench:results -->';
const END = '<!-- /bench:results -->';
const readme = readFileSync(README, 'utf8');
const a = readme.indexOf(START);
const b = readme.indexOf(END);
if (a >= 0 && b > a) {
	const notes = rows.filter((r) => r.note).map((r) => `- **${r.figure}**: ${r.note}.`);
	const body = `${START}\n${table}\n\nRun of ${date.slice(0, 10)} (${durationS} s) on ${machineLine}.\n\n${notes.join('\n')}\n${END}`;
	writeFileSync(README, readme.slice(0, a) + body + readme.slice(b + END.length));
}
if (broken) process.exitCode = 1;
