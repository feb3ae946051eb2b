// Pure helpers of the benchmarks: the row every sub-bench reports, medians, ratios and the one
// table `npm run bench` prints and the README shows.

/** One line of the benchmark table. Sub-benches emit these (as JSON with --json). */
export interface BenchRow {
	figure: string;
	/** The measured figure, already formatted with its unit ("812 ms", "7.1 KB"). */
	value: string;
	/** The baseline measured in the same run, formatted; "—" where there is none. */
	baseline: string;
	/** value against baseline, formatted ("1.07×", "31 %", "200× faster"); "—" where there is none. */
	ratio: string;
	target: string;
	/** null: no target, or the figure could not be measured. */
	pass: boolean | null;
	/** What the reader should know to trust the figure: method, encoding, checks. */
	note?: string;
}

export function median(xs: readonly number[]): number {
	if (xs.length === 0) throw new Error('median of no values');
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Formatters for the table: a ratio as "1.07×", a share as "31.0 %", sizes in decimal units. */
export const times = (r: number, digits = 2) => `${r.toFixed(digits)}×`;
export const percent = (r: number, digits = 1) => `${(r * 100).toFixed(digits)} %`;
export const ms = (x: number) => `${Math.round(x)} ms`;
export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
export const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
export const perSecond = (x: number) => `${Math.round(x).toLocaleString('en')}/s`;

export const passText = (p: boolean | null) => (p === null ? '—' : p ? 'pass' : 'FAIL');

/** A Markdown table, padded so it reads as well in a terminal as rendered. */
export function formatTable(rows: readonly BenchRow[]): string {
	const head = ['figure', 'value', 'baseline', 'ratio', 'target', 'result'];
	const cells = rows.map((r) => [r.figure, r.value, r.baseline, r.ratio, r.target, passText(r.pass)].map((c) => c.replace(/\|/g, '\\|')));
	const width = head.map((h, k) => Math.max(h.length, ...cells.map((c) => [...c[k]].length)));
	const line = (c: string[]) => `| ${c.map((x, k) => x + ' '.repeat(width[k] - [...x].length)).join(' | ')} |`;
	return [line(head), `| ${width.map((w) => '-'.repeat(w)).join(' | ')} |`, ...cells.map(line)].join('\n');
}

/**
 * The rows a sub-bench printed with --json: the last line of its output that parses as an array
 * of rows, or a `{ rows: [...] }` object. null when there is none, so the caller can say so.
 */
export function rowsFromOutput(stdout: string): BenchRow[] | null {
	const lines = stdout
		.split('\n')
		.map((l) => l.trim())
		.filter((l) => l.startsWith('[') || l.startsWith('{'));
	for (const l of lines.reverse()) {
		let data: unknown;
		try {
			data = JSON.parse(l);
		} catch {
			continue;
		}
		const rows = Array.isArray(data) ? data : (data as { rows?: unknown }).rows;
		if (Array.isArray(rows) && rows.length > 0 && rows.every(isRow)) return rows;
	}
	return null;
}

function isRow(x: unknown): x is BenchRow {
	const r = x as BenchRow;
	return (
		!!r &&
		typeof r.figure === 'string' &&
		typeof r.value === 'string' &&
		typeof r.baseline === 'string' &&
		typeof r.ratio === 'string' &&
		typeof r.target === 'string' &&
		(r.pass === null || typeof r.pass === 'boolean')
	);
}

/**
 * An nginx configuration that runs in the foreground in its own prefix `dir` (pid, logs and temp
 * files there, not a daemon's), with `http` the body of its http block.
 */
export function nginxConf(dir: string, http: string): string {
	return `worker_processes auto;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path ${dir}/body;
	proxy_temp_path ${dir}/proxy;
	fastcgi_temp_path ${dir}/fastcgi;
	uwsgi_temp_path ${dir}/uwsgi;
	scgi_temp_path ${dir}/scgi;
${http}}
`;
}
