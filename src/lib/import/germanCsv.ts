// Indicator tables as German offices export them from Excel: `;` separator, decimal comma,
// thousands dots, quoted fields, CRLF. Two layouts: long (Gebiet; Indikator; Jahr; Wert[; Zähler;
// Nenner]) and wide (Gebiet; 2021; 2022; … with the indicator from a column or from the form).
// Areas may be given by id or by name. Parsing is papaparse's; this module maps and checks.
import Papa from 'papaparse';
import type { DataProblem } from '$lib/data/problems';
import { parseGermanNumber } from './germanNumber';

export interface ImportRow {
	/** 1-based data row in the uploaded file (the header is row 0). */
	sourceRow: number;
	area: string;
	indicator: string;
	year: number;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
}

export interface TableContext {
	/** Stadtteile (values are imported per Stadtteil; the pipeline aggregates the rest). */
	stadtteile: { id: string; name: string }[];
	/** Ortschaften and the city: rows for them are totals and are skipped with a warning. */
	totals: { id: string; name: string }[];
	indicators: { id: string; label: string }[];
	/** The indicator for a wide table without an indicator column. */
	indicator?: string;
}

export type ParsedTable = { ok: true; layout: 'long' | 'wide'; rows: ImportRow[]; warnings: DataProblem[] } | { ok: false; problems: DataProblem[] };

export const MAX_ROWS = 50_000;
const MAX_COLUMNS = 60;
const MAX_CELL = 300;

/** "Zähler" → "zaehler", "Stadtteil-ID" → "stadtteilid": header names compared loosely. */
export function normaliseName(s: string): string {
	return s
		.toLowerCase()
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss')
		.replace(/[^a-z0-9]/g, '');
}

const ALIASES: Record<'area' | 'indicator' | 'year' | 'value' | 'numerator' | 'denominator', string[]> = {
	area: ['gebiet', 'gebietid', 'stadtteil', 'stadtteilid', 'stadtteilname', 'area', 'areaid', 'bezirk'],
	indicator: ['indikator', 'indikatorid', 'indicator', 'merkmal'],
	year: ['jahr', 'year', 'berichtsjahr'],
	value: ['wert', 'value', 'quote', 'anteil'],
	numerator: ['zaehler', 'numerator', 'anzahl'],
	denominator: ['nenner', 'denominator', 'basis', 'grundgesamtheit', 'bezugsgroesse']
};

export function parseIndicatorTable(text: string, file: string, ctx: TableContext): ParsedTable {
	const problems: DataProblem[] = [];
	const warnings: DataProblem[] = [];
	const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: 'greedy', header: false });
	for (const e of parsed.errors.slice(0, 20)) problems.push({ file, row: e.row === undefined ? undefined : e.row, message: `CSV syntax: ${e.message}` });
	if (problems.length) return { ok: false, problems };
	const [header, ...data] = parsed.data;
	if (!header || header.length === 0) return { ok: false, problems: [{ file, message: 'the file is empty' }] };
	if (header.length === 1) {
		const sep = header[0].includes('\t') ? 'tabs' : header[0].includes(',') ? 'commas' : null;
		return { ok: false, problems: [{ file, row: 0, value: header[0].slice(0, 80), message: sep ? `the columns are separated by ${sep}; German CSV uses ";" (Excel: "CSV (Trennzeichen-getrennt)")` : 'only one column: expected ";"-separated columns' }] };
	}
	if (header.length > MAX_COLUMNS) return { ok: false, problems: [{ file, row: 0, message: `too many columns (${header.length}; at most ${MAX_COLUMNS})` }] };
	if (data.length > MAX_ROWS) return { ok: false, problems: [{ file, message: `too many rows (${data.length}; at most ${MAX_ROWS} per import)` }] };
	const names = header.map((h) => normaliseName(h));
	const find = (k: keyof typeof ALIASES) => names.findIndex((n) => ALIASES[k].includes(n));
	const col = { area: find('area'), indicator: find('indicator'), year: find('year'), value: find('value'), numerator: find('numerator'), denominator: find('denominator') };
	const dup = names.find((n, i) => n !== '' && names.indexOf(n) !== i);
	if (dup !== undefined) return { ok: false, problems: [{ file, row: 0, field: header[names.indexOf(dup)], message: 'column given twice' }] };
	if (col.area < 0) return { ok: false, problems: [{ file, row: 0, field: header.join(';').slice(0, 120), message: 'no area column: expected one named Gebiet, Stadtteil or area_id' }] };
	const yearCols = names.map((n, i) => (/^(19|20)\d{2}$/.test(n) && /^\s*\d{4}\s*$/.test(header[i]) ? i : -1)).filter((i) => i >= 0);
	const layout: 'long' | 'wide' = col.year >= 0 ? 'long' : 'wide';
	if (layout === 'long' && col.value < 0) return { ok: false, problems: [{ file, row: 0, field: 'Wert', message: 'long layout (with a Jahr column) needs a value column named Wert or value' }] };
	if (layout === 'wide' && yearCols.length === 0) return { ok: false, problems: [{ file, row: 0, field: header.join(';').slice(0, 120), message: 'no Jahr column and no year columns (e.g. 2023): neither long nor wide layout' }] };
	if (col.indicator < 0 && !ctx.indicator) return { ok: false, problems: [{ file, row: 0, field: 'Indikator', message: 'no indicator column: add one named Indikator, or choose the indicator in the form' }] };

	const areaByKey = new Map<string, string>();
	for (const a of ctx.stadtteile) {
		areaByKey.set(a.id, a.id);
		areaByKey.set(normaliseName(a.name), a.id);
	}
	const totalKeys = new Set(ctx.totals.flatMap((a) => [a.id, normaliseName(a.name)]));
	const indicatorByKey = new Map<string, string>();
	for (const m of ctx.indicators) {
		indicatorByKey.set(m.id, m.id);
		indicatorByKey.set(normaliseName(m.label), m.id);
	}
	const known = (s: string) => s.slice(0, 60) + (s.length > 60 ? '…' : '');
	const rows: ImportRow[] = [];
	const seen = new Map<string, number>();
	data.forEach((cells, i) => {
		const row = i + 1;
		const where = { file, row };
		if (cells.length !== header.length) return problems.push({ ...where, message: `${cells.length} fields, but the header has ${header.length} (a stray ";" or an unclosed quote?)` });
		const long = cells.findIndex((c) => c.length > MAX_CELL);
		if (long >= 0) return problems.push({ ...where, field: header[long], value: cells[long].slice(0, 40) + '…', message: `field longer than ${MAX_CELL} characters` });
		const rawArea = cells[col.area].trim();
		const areaKey = /^[a-z0-9-]+$/.test(rawArea) ? rawArea : normaliseName(rawArea);
		const area = areaByKey.get(areaKey);
		if (!area) {
			if (totalKeys.has(areaKey) || /insgesamt|gesamt|summe/i.test(rawArea)) return warnings.push({ ...where, field: header[col.area], value: known(rawArea), message: 'total row skipped: Ortschaft and city figures are computed from the Stadtteile', severity: 'warning' });
			return problems.push({ ...where, field: header[col.area], value: known(rawArea), message: 'unknown Stadtteil (neither an id nor a name of the atlas)' });
		}
		let indicator = ctx.indicator;
		if (col.indicator >= 0) {
			const raw = cells[col.indicator].trim();
			indicator = indicatorByKey.get(/^[a-z0-9-]+$/.test(raw) ? raw : normaliseName(raw));
			if (!indicator) return problems.push({ ...where, field: header[col.indicator], value: known(raw), message: `unknown indicator; the catalogue has ${ctx.indicators.map((m) => m.id).join(', ')}` });
		}
		const num = (c: number, field: string): number | null | undefined => {
			if (c < 0) return null;
			const n = parseGermanNumber(cells[c]);
			if (!n.ok) {
				problems.push({ ...where, field, value: known(cells[c]), message: n.message });
				return undefined;
			}
			return n.value;
		};
		const entries: { year: number; value: number | null | undefined; numerator: number | null | undefined; denominator: number | null | undefined }[] = [];
		if (layout === 'long') {
			const y = cells[col.year].trim();
			if (!/^\d{4}$/.test(y)) return problems.push({ ...where, field: header[col.year], value: known(y), message: 'year must be four digits' });
			entries.push({ year: Number(y), value: num(col.value, header[col.value]), numerator: num(col.numerator, header[col.numerator]), denominator: num(col.denominator, header[col.denominator]) });
		} else {
			for (const c of yearCols) entries.push({ year: Number(header[c].trim()), value: num(c, header[c]), numerator: null, denominator: null });
		}
		for (const e of entries) {
			if (e.value === undefined || e.numerator === undefined || e.denominator === undefined) continue;
			const key = `${area}/${indicator}/${e.year}`;
			if (seen.has(key)) {
				problems.push({ ...where, field: header[col.area], value: key, message: `given twice (also in row ${seen.get(key)})` });
				continue;
			}
			seen.set(key, row);
			if (e.value === null && e.numerator === null && e.denominator === null) continue;
			rows.push({ sourceRow: row, area, indicator: indicator!, year: e.year, value: e.value, numerator: e.numerator, denominator: e.denominator });
		}
	});
	if (problems.length) return { ok: false, problems: problems.slice(0, 200) };
	if (rows.length === 0) return { ok: false, problems: [{ file, message: 'no values in the file' }] };
	return { ok: true, layout, rows, warnings };
}
