// Report downloads against the built server, as a planner gets them: a Kontor's report with all
// chapters (the comparison chapter included, with three Stadtteile) as PDF and as Word, and the
// six Kontore's yearly reports as one ZIP, each timed from request to the last byte. Building the
// report from the store and rendering it in the pool are both inside the figure. One warm-up
// request first (it starts the pool's worker and loads the PDF and Word libraries).
// `npx tsx bench/report.ts [--json]`
import { pathToFileURL } from 'node:url';
import { startServer } from '../tests/global-setup';
import { median, ms, type BenchRow } from './lib';

const RUNS = 3;
const KONTOR_REPORT = 'art=kontor&id=fredenberg&vergleich=lebenstedt,thiede,salzgitter-bad';

async function timed(url: string, type: string): Promise<{ ms: number; bytes: number }> {
	const t = performance.now();
	const res = await fetch(url);
	const body = await res.arrayBuffer();
	const elapsed = performance.now() - t;
	if (!res.ok || !res.headers.get('content-type')?.startsWith(type)) throw new Error(`${url} answered ${res.status} ${res.headers.get('content-type')}`);
	return { ms: elapsed, bytes: body.byteLength };
}

export async function benchReports(options: { log?: (s: string) => void } = {}): Promise<{ rows: BenchRow[]; runs: Record<string, number[]> }> {
	const log = options.log ?? (() => {});
	const server = await startServer();
	try {
		const pdf = `${server.url}/bericht/bericht.pdf?${KONTOR_REPORT}`;
		const docx = `${server.url}/bericht/bericht.docx?${KONTOR_REPORT}`;
		const zip = `${server.url}/bericht/jahresberichte.zip?jahr=2023`;
		await timed(pdf, 'application/pdf');
		const runs: Record<string, number[]> = { pdf: [], docx: [], zip: [] };
		const sizes: Record<string, number> = {};
		for (let i = 0; i < RUNS; i++) {
			for (const [name, url, type] of [
				['pdf', pdf, 'application/pdf'],
				['docx', docx, 'application/vnd.openxmlformats'],
				['zip', zip, 'application/zip']
			] as const) {
				const r = await timed(url, type);
				runs[name].push(r.ms);
				sizes[name] = r.bytes;
			}
		}
		log(`  runs (ms): ${JSON.stringify(runs)}`);
		const row = (figure: string, name: string, limit: number, what: string): BenchRow => {
			const value = median(runs[name]);
			return {
				figure,
				value: ms(value),
				baseline: '—',
				ratio: '—',
				target: `≤ ${limit / 1000} s`,
				pass: value <= limit,
				note: `median of ${RUNS} requests to the built server after one warm-up, request to last byte (${what}, ${Math.round(sizes[name] / 1000)} kB); runs ${runs[name].map((x) => Math.round(x)).join(', ')} ms`
			};
		};
		return {
			rows: [
				row('report: Kontor report with all chapters, PDF', 'pdf', 3000, `/bericht/bericht.pdf?${KONTOR_REPORT}`),
				row('report: Kontor report with all chapters, Word', 'docx', 2000, `/bericht/bericht.docx?${KONTOR_REPORT}`),
				row('report: the six Kontore’s yearly reports, ZIP of PDFs', 'zip', 15000, '/bericht/jahresberichte.zip?jahr=2023')
			],
			runs
		};
	} finally {
		server.child.kill();
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const json = process.argv.includes('--json');
	const result = await benchReports({ log: json ? undefined : console.log });
	console.log(json ? JSON.stringify(result) : result.rows.map((r) => `${r.figure}: ${r.value} (target ${r.target}) ${r.pass ? 'pass' : 'FAIL'}`).join('\n'));
}
