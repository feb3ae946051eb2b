// Excel workbooks (.xlsx) read directly, safely: the zip's central directory is checked before
// anything is unpacked (zip bombs: absurd total size or compression ratio, too many entries), the
// declared dimension of the sheet before it is parsed (a million rows are refused up front), and
// the old binary formats are told apart (a password-protected workbook is an OLE file holding an
// "EncryptedPackage", like an .xls). exceljs reads the rest; formulas are never evaluated, their
// cached result is what Excel showed, and dates become dates. exceljs is loaded on the first
// workbook: it takes about 0.3 s to load, and every preview runs in a fresh worker thread that
// would otherwise pay for it on plain CSV and GeoJSON uploads too.
import type ExcelJS from 'exceljs';
import { Inflate } from 'fflate';
import type { DataProblem } from '$lib/data/problems';
import { columnLetter, MAX_GRID_COLUMNS, MAX_GRID_ROWS, type CellValue, type GridResult, type GridRow } from './grid';

/** Unpacked size of a whole workbook at most; a sheet of 50,000 rows is far below it. */
export const MAX_UNPACKED = 100 * 1024 * 1024;
/** Compression ratio at most (whole archive); real workbooks compress about 5–20 times. */
export const MAX_RATIO = 200;
const MAX_ENTRIES = 5000;

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

interface ZipEntry {
	name: string;
	method: number;
	compressed: number;
	size: number;
	offset: number;
}

export function isZip(b: Uint8Array): boolean {
	return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

export function isOle(b: Uint8Array): boolean {
	return b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1;
}

/** The central directory of a zip, or null when it is missing or damaged (a truncated upload). */
export function zipEntries(b: Uint8Array): ZipEntry[] | null {
	let eocd = -1;
	for (let i = b.length - 22; i >= Math.max(0, b.length - 65557); i--)
		if (u32(b, i) === 0x06054b50) {
			eocd = i;
			break;
		}
	if (eocd < 0) return null;
	const count = u16(b, eocd + 10);
	let p = u32(b, eocd + 16);
	const entries: ZipEntry[] = [];
	for (let k = 0; k < count; k++) {
		if (p + 46 > b.length || u32(b, p) !== 0x02014b50) return null;
		const n = u16(b, p + 28);
		entries.push({
			name: new TextDecoder().decode(b.subarray(p + 46, p + 46 + n)),
			method: u16(b, p + 10),
			compressed: u32(b, p + 20),
			size: u32(b, p + 24),
			offset: u32(b, p + 42)
		});
		p += 46 + n + u16(b, p + 30) + u16(b, p + 32);
	}
	return entries;
}

/** The first bytes of an entry, unpacked (at most `limit`), without unpacking the rest. */
function entryHead(b: Uint8Array, e: ZipEntry, limit = 64 * 1024): string {
	const start = e.offset + 30 + u16(b, e.offset + 26) + u16(b, e.offset + 28);
	const raw = b.subarray(start, Math.min(b.length, start + e.compressed));
	if (e.method === 0) return new TextDecoder().decode(raw.subarray(0, limit));
	const out: Uint8Array[] = [];
	let got = 0;
	const inflate = new Inflate((chunk) => {
		out.push(chunk);
		got += chunk.length;
	});
	try {
		for (let p = 0; p < raw.length && got < limit; p += 16384) inflate.push(raw.subarray(p, p + 16384), p + 16384 >= raw.length);
	} catch {
		return '';
	}
	return new TextDecoder().decode(Buffer.concat(out).subarray(0, limit));
}

/** The rows a sheet declares (`<dimension ref="A1:C1000000"/>`), if it says. */
function declaredRows(head: string): number | null {
	const m = /<dimension\s+ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(head);
	return m ? Number(m[1]) : null;
}

/** Checks that only need the bytes: format, zip bomb, size. Null when the workbook may be opened. */
export function checkWorkbookBytes(b: Uint8Array, file: string): DataProblem[] | null {
	if (isOle(b)) {
		// "EncryptedPackage" in UTF-16LE: the stream name of an encrypted OOXML file in its OLE wrapper.
		const marker = Buffer.from('EncryptedPackage', 'utf16le');
		const key = Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes(marker) ? 'data.xlsxEncrypted' : 'data.xlsOld';
		return [{ file, key }];
	}
	if (!isZip(b)) return [{ file, key: 'data.xlsxNotZip' }];
	const entries = zipEntries(b);
	if (!entries) return [{ file, key: 'data.xlsxTruncated' }];
	if (entries.length > MAX_ENTRIES) return [{ file, key: 'data.xlsxBomb', params: { detail: `${entries.length} Einträge` } }];
	const unpacked = entries.reduce((s, e) => s + e.size, 0);
	const packed = entries.reduce((s, e) => s + e.compressed, 0);
	if (entries.some((e) => e.size === 0xffffffff || e.compressed === 0xffffffff) || unpacked > MAX_UNPACKED || unpacked > MAX_RATIO * Math.max(packed, 1))
		return [{ file, key: 'data.xlsxBomb', params: { detail: `${Math.round(unpacked / 1024 / 1024)} MB / ${Math.max(1, Math.round(packed / 1024))} KB` } }];
	if (!entries.some((e) => e.name === 'xl/workbook.xml'))
		return [{ file, key: entries.some((e) => e.name === 'content.xml') ? 'data.xlsxOds' : 'data.xlsxNotWorkbook' }];
	for (const e of entries.filter((x) => /^xl\/worksheets\/[^/]+\.xml$/.test(x.name))) {
		const rows = declaredRows(entryHead(b, e));
		if (rows !== null && rows > MAX_GRID_ROWS) return [{ file, key: 'data.tooManyRows', params: { n: rows, max: MAX_GRID_ROWS } }];
	}
	return null;
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** What Excel shows in a cell: formulas by their stored result (never evaluated), rich text as text, dates as dates. */
function cellValue(v: ExcelJS.CellValue): { value: CellValue; formulaWithoutResult?: boolean } {
	if (v === null || v === undefined) return { value: '' };
	if (typeof v === 'number') return { value: v };
	if (typeof v === 'string') return { value: v };
	if (typeof v === 'boolean') return { value: v ? 'WAHR' : 'FALSCH' };
	if (v instanceof Date) return { value: isoDate(v) };
	if (typeof v === 'object') {
		if ('richText' in v) return { value: v.richText.map((r) => r.text).join('') };
		if ('formula' in v || 'sharedFormula' in v) {
			const result = (v as { result?: unknown }).result;
			if (result === undefined || result === null) return { value: '', formulaWithoutResult: true };
			if (typeof result === 'object' && !(result instanceof Date) && 'error' in (result as object))
				return { value: String((result as { error: string }).error) };
			return cellValue(result as ExcelJS.CellValue);
		}
		if ('hyperlink' in v) return { value: typeof v.text === 'string' ? v.text : cellValue(v.text as ExcelJS.CellValue).value };
		if ('error' in v) return { value: String(v.error) };
	}
	return { value: String(v) };
}

/** Reads one sheet (by name, else the first) of a workbook into a grid. */
export async function readXlsxGrid(bytes: Uint8Array, file: string, sheetName?: string): Promise<GridResult> {
	const refused = checkWorkbookBytes(bytes, file);
	if (refused) return { ok: false, problems: refused };
	const { default: excel } = await import('exceljs');
	const wb = new excel.Workbook();
	try {
		await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
	} catch (e) {
		return { ok: false, problems: [{ file, key: 'data.xlsxUnreadable', params: { error: String((e as Error).message).slice(0, 120) } }] };
	}
	const sheets = wb.worksheets.map((w) => w.name);
	if (sheets.length === 0) return { ok: false, problems: [{ file, key: 'data.xlsxNoSheet' }] };
	const ws = sheetName ? wb.getWorksheet(sheetName) : wb.worksheets[0];
	if (!ws) return { ok: false, problems: [{ file, field: sheetName, key: 'data.xlsxSheetMissing', params: { sheets: sheets.join(', ') } }] };
	if (ws.rowCount > MAX_GRID_ROWS) return { ok: false, problems: [{ file, key: 'data.tooManyRows', params: { n: ws.rowCount, max: MAX_GRID_ROWS } }] };
	const where = (r: number, c: number) => `${columnLetter(c)}${r}`;
	const rows: GridRow[] = [];
	const formulas: string[] = [];
	let width = 0;
	ws.eachRow({ includeEmpty: false }, (row, r) => {
		const cells: CellValue[] = [];
		row.eachCell({ includeEmpty: false }, (cell, c) => {
			const v = cellValue(cell.value);
			if (v.formulaWithoutResult) formulas.push(where(r, c - 1));
			cells[c - 1] = v.value;
		});
		for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
		while (cells.length && String(cells[cells.length - 1]).trim() === '') cells.pop();
		if (cells.length === 0) return;
		rows.push({ row: r, cells });
		width = Math.max(width, cells.length);
	});
	if (width > MAX_GRID_COLUMNS) return { ok: false, problems: [{ file, key: 'data.tooManyColumns', params: { n: width, max: MAX_GRID_COLUMNS } }] };
	if (rows.length === 0) return { ok: false, problems: [{ file, field: ws.name, key: 'data.xlsxEmptySheet', params: { sheets: sheets.join(', ') } }] };
	const warnings: DataProblem[] = [];
	const merges = (ws.model as { merges?: string[] }).merges ?? [];
	if (merges.length) warnings.push({ file, field: ws.name, key: 'data.xlsxMerged', params: { ranges: list(merges), n: merges.length }, severity: 'warning' });
	if (formulas.length)
		warnings.push({ file, field: ws.name, key: 'data.xlsxFormulaNoResult', params: { cells: list(formulas), n: formulas.length }, severity: 'warning' });
	return {
		ok: true,
		grid: {
			file,
			format: 'xlsx',
			sheet: ws.name,
			sheets,
			rows,
			width,
			read: `Excel-Arbeitsmappe, Blatt „${ws.name}“`,
			source: { format: 'xlsx', sheet: ws.name },
			warnings
		}
	};
}

function list(items: string[]): string {
	return items.length > 8 ? `${items.slice(0, 8).join(', ')} …` : items.join(', ');
}
