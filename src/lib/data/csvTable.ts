// Comma-separated tables read and written with papaparse, the project's one CSV parser: the
// pipeline reads geodata/ with it and the importer rewrites the value tables it supersedes.
import Papa from 'papaparse';

/**
 * The rows of a comma-separated UTF-8 text (optional BOM; quotes and line ends as RFC 4180).
 * papaparse is the project's one CSV parser: the importer needs its delimiter detection and
 * quoting for German Excel files (import/germanCsv.ts), so geodata/ is read with it too.
 */
export function csvRows(text: string): string[][] {
	const { data } = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ',', header: false });
	// A final line end ends the last row; it does not start an empty one.
	const last = data.at(-1);
	if (last && last.length === 1 && last[0] === '') data.pop();
	return data;
}

/** Rows as records keyed by the header: a short row's missing cells are empty, a long row's extra cells ignored. */
export function csvRecords(text: string): { columns: string[]; records: Record<string, string>[] } {
	const [columns = [], ...body] = csvRows(text);
	return { columns, records: body.map((cells) => Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']))) };
}

/** The inverse of csvRows for geodata/: commas, "\n" line ends, quotes only where needed, no final line end. */
export function csvText(rows: string[][]): string {
	return Papa.unparse(rows, { delimiter: ',', newline: '\n' });
}
