// Shared by the API (server) and the chart exports (browser).
// CSV in German conventions, as Excel in a German office opens it without an import dialog:
// `;` separator, decimal comma, UTF-8 with BOM, CRLF line ends.

export type Cell = string | number | boolean | null | undefined;

/** Cells that a spreadsheet would run as a formula are defused (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function germanNumber(x: number, decimals?: number): string {
	const s = decimals === undefined ? String(x) : x.toFixed(decimals);
	return s.replace('.', ',');
}

/**
 * Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a
 * leading apostrophe; numbers are never touched (-3,25 stays a number). For every CSV and Excel
 * export, header included.
 */
export function defuseText(s: string): string {
	return FORMULA_START.test(s) ? `'${s}` : s;
}

function cell(value: Cell): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? germanNumber(value) : '';
	if (typeof value === 'boolean') return value ? 'ja' : 'nein';
	const s = defuseText(value);
	return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toGermanCsv(header: string[], rows: Cell[][]): string {
	return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}
