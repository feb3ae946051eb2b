// What an import does to the source files of the current version: indicator values become a
// long-format table `werte/<indicator>.csv` with a provenance sidecar (the layout the pipeline
// reads), superseding that indicator's rows elsewhere; official boundaries become the boundaries
// file the city profile names. The pipeline then validates and derives the new set as usual.
import { sidecarOf, sidecarText, type DatasetMeta, type IndicatorMeta } from '$lib/data/contracts';
import { csvRows, csvText } from '$lib/data/csvTable';
import type { DataProblem } from '$lib/data/problems';
import type { ImportRow } from './germanCsv';

/** `suppressed`: "ja" for a value the source keeps secret ("x", "•"): withheld, never 0. */
const VALUE_HEADER = ['area_id', 'indicator', 'year', 'value', 'numerator', 'denominator', 'suppressed'];

/** How rates checked against the area's population (no base in the file) are marked, in data and UI. */
export const APPROXIMATE_BASE = {
	de: 'Basis: Einwohner des Gebiets (Näherung)',
	en: 'Base: residents of the area (approximation)'
};

export interface Provenance {
	user: string;
	/** ISO date of the import. */
	date: string;
	/** Name of the uploaded file (shown, never used as a path). */
	upload: string;
	source: string;
	licence: string;
	/** Rate indicators whose bases are the areas' populations (the admin's choice, recorded here). */
	approximateBase?: string[];
}

export interface ValuePlan {
	files: Map<string, string>;
	/** Pipeline file → its 1-based data row → the row of the upload it came from. */
	rowOrigin: Map<string, Map<number, number>>;
	indicators: string[];
}

/** A name safe to show anywhere: no path, no markup, bounded. */
export function uploadName(name: string): string {
	const base = name.split(/[\\/]/).pop() ?? '';
	// eslint-disable-next-line no-control-regex -- control characters are what this removes
	return base.replace(/[<>"'`\u0000-\u001f]/g, '').slice(0, 100) || 'upload';
}

/** Indicators whose values come from value tables (imports or Beispieldaten), not from the base tables. */
export function fromValueTables(meta: Pick<IndicatorMeta, 'datasets'>): boolean {
	return meta.datasets.every((d) => d.startsWith('werte-') || d.includes('beispiel'));
}

/** What the import form offers: rates and counts from value tables. */
export function importable(meta: Pick<IndicatorMeta, 'datasets' | 'aggregation'>): boolean {
	return (meta.aggregation.method === 'rate' || meta.aggregation.method === 'sum') && fromValueTables(meta);
}

const numberText = (n: number | null) => (n === null ? '' : Number.isInteger(n) ? String(n) : String(Number(n.toFixed(10))));

export function planValueImport(
	files: ReadonlyMap<string, string>,
	rows: (ImportRow & { suppressed?: true })[],
	catalogue: IndicatorMeta[],
	p: Provenance,
	mode: 'merge' | 'replace'
): { ok: true; plan: ValuePlan } | { ok: false; problems: DataProblem[] } {
	const next = new Map(files);
	const rowOrigin = new Map<string, Map<number, number>>();
	const indicators = [...new Set(rows.map((r) => r.indicator))].sort();
	const valueTables = [...files.keys()].filter((f) => f.includes('/') && f.endsWith('.csv'));
	const problems: DataProblem[] = [];
	const catalogueNext = catalogue.map((m) => ({ ...m }));
	for (const id of indicators) {
		const meta = catalogueNext.find((m) => m.id === id)!;
		if (meta.aggregation.method !== 'rate' && meta.aggregation.method !== 'sum' && meta.aggregation.method !== 'weighted-mean') {
			problems.push({ file: p.upload, field: 'Indikator', value: id, key: 'data.computed', params: { id } });
			continue;
		}
		if (!fromValueTables(meta)) {
			problems.push({
				file: p.upload,
				field: 'Indikator',
				value: id,
				key: 'data.fromBaseTables',
				params: { id, datasets: meta.datasets.join(', ') }
			});
			continue;
		}
		const target = `werte/${id}.csv`;
		const dataset = `werte-${id}`;
		// Rows of this indicator elsewhere (e.g. Beispieldaten) are superseded: real and example
		// figures of one indicator must never be mixed.
		for (const table of valueTables) {
			if (table === target) continue;
			const [head, ...body] = csvRows(next.get(table)!);
			const at = head.indexOf('indicator');
			const kept = body.filter((r) => r[at] !== id);
			if (kept.length !== body.length) next.set(table, csvText([head, ...kept]) + '\n');
		}
		const existing = new Map<string, string[]>();
		if (mode === 'merge' && files.has(target)) {
			const [, ...body] = csvRows(files.get(target)!);
			for (const r of body)
				existing.set(
					`${r[0]}/${r[2]}`,
					VALUE_HEADER.map((_, i) => r[i] ?? '')
				);
		}
		const incoming = new Map<string, { cells: string[]; sourceRow: number }>();
		for (const r of rows.filter((x) => x.indicator === id))
			incoming.set(`${r.area}/${r.year}`, {
				cells: [r.area, id, String(r.year), numberText(r.value), numberText(r.numerator), numberText(r.denominator), r.suppressed ? 'ja' : ''],
				sourceRow: r.sourceRow
			});
		const merged = new Map<string, { cells: string[]; sourceRow?: number }>([...[...existing].map(([k, cells]) => [k, { cells }] as const), ...incoming]);
		const sorted = [...merged.values()].sort((a, b) => a.cells[0].localeCompare(b.cells[0]) || Number(a.cells[2]) - Number(b.cells[2]));
		const origin = new Map<number, number>();
		sorted.forEach((r, i) => r.sourceRow !== undefined && origin.set(i + 1, r.sourceRow));
		rowOrigin.set(target, origin);
		next.set(target, csvText([VALUE_HEADER, ...sorted.map((r) => r.cells)]) + '\n');
		const years = sorted.map((r) => Number(r.cells[2]));
		const approximate = p.approximateBase?.includes(id) ?? false;
		const sidecar: DatasetMeta = {
			id: dataset,
			title: { de: `${meta.label.de} je Stadtteil (Import)`, en: `${meta.label.en} per Stadtteil (import)` },
			description: {
				de: `Von ${p.user} am ${p.date} aus der Datei ${p.upload} importiert. Quelle: ${p.source}.${approximate ? ` ${APPROXIMATE_BASE.de}: die Datei hat keine Basiszahlen; jede Quote wurde gegen die Einwohnerzahl des Gebiets geprüft und unterdrückt, wo diese unter der Schwelle liegt.` : ''}`,
				en: `Imported by ${p.user} on ${p.date} from the file ${p.upload}. Source: ${p.source}.${approximate ? ` ${APPROXIMATE_BASE.en}: the file has no base counts; each rate was checked against the area's population and suppressed where that is below the threshold.` : ''}`
			},
			source: [{ name: p.source }],
			licence: p.licence,
			attribution: p.source,
			date: `${Math.min(...years)}–${Math.max(...years)}`,
			collected: p.date,
			beispieldaten: false,
			caveats: approximate ? [APPROXIMATE_BASE.de] : []
		};
		next.set(sidecarOf(target), sidecarText(sidecar));
		if (approximate && !meta.description.de.includes(APPROXIMATE_BASE.de))
			meta.description = { de: `${meta.description.de} ${APPROXIMATE_BASE.de}.`, en: `${meta.description.en} ${APPROXIMATE_BASE.en}.` };
		meta.datasets = [dataset];
		meta.beispieldaten = false;
		meta.source = p.source;
		meta.licence = p.licence;
	}
	if (problems.length) return { ok: false, problems };
	// The catalogue file is rewritten only where it changed; `years` is the pipeline's to fill in.
	const catalogueText = files.get('indikatoren.json')!;
	const raw = JSON.parse(catalogueText) as Record<string, unknown>[];
	for (const m of raw) {
		const n = catalogueNext.find((x) => x.id === m.id);
		if (n && indicators.includes(n.id))
			Object.assign(m, { datasets: n.datasets, beispieldaten: n.beispieldaten, source: n.source, licence: n.licence, description: n.description });
	}
	next.set('indikatoren.json', JSON.stringify(raw, null, '\t') + '\n');
	return { ok: true, plan: { files: next, rowOrigin, indicators } };
}

/** Problems the pipeline reports in a generated table point back at the uploaded file's rows. */
export function mapProblems(problems: DataProblem[], plan: ValuePlan, upload: string): DataProblem[] {
	return problems.map((p) => {
		const origin = plan.rowOrigin.get(p.file);
		if (!origin || p.row === undefined) return p;
		const row = origin.get(p.row);
		return row === undefined ? { ...p, note: { key: 'data.previousVersion' } } : { ...p, file: upload, row };
	});
}
