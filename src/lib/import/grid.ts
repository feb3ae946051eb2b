// A table as the admin sees it in Excel: rows with the row number Excel shows (1-based, title rows
// counted), cells addressed by column letter. CSV files (German Excel: ";" or tab separated,
// UTF-8 with BOM or Windows-1252) become a grid here; workbooks in xlsx.ts. Everything after
// (recognise.ts, interpret.ts) works on the grid and never sees the file format.
import Papa from 'papaparse';
import type { DataProblem } from '$lib/data/problems';
import { decodeText } from './decode';

/** Text as written, or a number where a workbook stores one (dates become "YYYY-MM-DD" text). */
export type CellValue = string | number;

export interface GridRow {
	/** The row number Excel shows. */
	row: number;
	cells: CellValue[];
	/** CSV: the number of fields the line had (a short line is a truncated or broken one). */
	fields?: number;
}

export interface Grid {
	file: string;
	format: 'csv' | 'xlsx';
	/** The sheet read (workbooks) and every sheet of the workbook. */
	sheet?: string;
	sheets: string[];
	/** Non-empty rows only, in order. */
	rows: GridRow[];
	width: number;
	/** How the file was read, for the version summary (German, like every summary: "CSV utf-8 mit BOM"). */
	read: string;
	/** The same for the admin's page, in their language. */
	source: { format: 'csv'; encoding: string; bom: boolean; tabs: boolean } | { format: 'xlsx'; sheet: string };
	/** Tolerated peculiarities of the file (merged cells, formulas read by their stored result). */
	warnings: DataProblem[];
}

export type GridResult = { ok: true; grid: Grid } | { ok: false; problems: DataProblem[] };

/** Rows read at most (data, title and footnote rows together); bigger tables are refused before any other work. */
export const MAX_GRID_ROWS = 50_000;
export const MAX_GRID_COLUMNS = 200;
export const MAX_CELL = 300;

/** 0 → A, 25 → Z, 26 → AA: the column letters of a spreadsheet. */
export function columnLetter(i: number): string {
	let s = '';
	for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}

export function cellText(c: CellValue | undefined): string {
	return c === undefined ? '' : typeof c === 'number' ? String(c) : c.trim();
}

/** Counts line ends without parsing, so a million-row file is refused before papaparse builds it. */
function roughLineCount(text: string): number {
	let n = 0;
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
	return n;
}

export function readCsvGrid(bytes: Uint8Array, file: string): GridResult {
	const decoded = decodeText(bytes, file);
	if (!decoded.ok) return { ok: false, problems: decoded.problems.map((p) => (p.row === undefined ? p : { ...p, row: p.row + 1 })) };
	const text = decoded.text.replace(/^\uFEFF/, '');
	if (text.trim() === '') return { ok: false, problems: [{ file, key: 'data.empty' }] };
	const lines = roughLineCount(text);
	if (lines > MAX_GRID_ROWS) return { ok: false, problems: [{ file, key: 'data.tooManyRows', params: { n: lines, max: MAX_GRID_ROWS } }] };
	// ";" as German Excel writes it; tabs as its "Text (Tabstopp-getrennt)". Commas cannot be told
	// from decimal commas and are refused with a hint (below).
	const head = text.slice(0, 4000);
	const delimiter = head.includes(';') || !head.includes('\t') ? ';' : '\t';
	const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, header: false });
	const quoteError = parsed.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes');
	if (quoteError) return { ok: false, problems: [{ file, row: (quoteError.row ?? 0) + 1, key: 'data.csvQuotes' }] };
	const rows: GridRow[] = [];
	let width = 0;
	parsed.data.forEach((cells, i) => {
		if (cells.every((c) => c.trim() === '')) return;
		// Trailing empty cells (";;;" after the last column) are Excel's padding, not columns.
		let end = cells.length;
		while (end > 0 && cells[end - 1].trim() === '') end--;
		rows.push({ row: i + 1, cells: cells.slice(0, end), fields: cells.length });
		width = Math.max(width, end);
	});
	if (rows.length === 0) return { ok: false, problems: [{ file, key: 'data.empty' }] };
	if (width === 1) {
		const first = String(rows[0].cells[0]);
		const key = first.includes(',') ? 'data.separatorCommas' : 'data.oneColumn';
		return { ok: false, problems: [{ file, row: rows[0].row, value: first.slice(0, 80), key }] };
	}
	if (width > MAX_GRID_COLUMNS) return { ok: false, problems: [{ file, key: 'data.tooManyColumns', params: { n: width, max: MAX_GRID_COLUMNS } }] };
	const read = `CSV ${decoded.encoding}${decoded.bom ? ' mit BOM' : ''}${delimiter === '\t' ? ', Tabulatoren' : ''}`;
	const source = { format: 'csv' as const, encoding: decoded.encoding, bom: decoded.bom, tabs: delimiter === '\t' };
	return { ok: true, grid: { file, format: 'csv', sheets: [], rows, width, read, source, warnings: [] } };
}
