// The census grid files (Zensus 2022 on the INSPIRE 100 m and 1 km grid) read as published, untouched:
// `;`-separated UTF-8 with or without BOM, `GITTER_ID_100m` or `GITTER_ID_1km`, the cell centre in
// `x_mp_*`/`y_mp_*`, one or more value columns with decimal commas, `werterlaeuternde_Zeichen`, and
// "–" (or "-") for values kept secret, which stay suppressed and never become 0. Pure: no I/O.
import Papa from 'papaparse';
import type { DataProblem } from '$lib/data/problems';
import { CELL_METRES, cellCentre, formatCellId, parseCellId, type Cell, type CellSize, type Placement } from '$lib/geo/inspire';
import { columnLetter } from './grid';

/** Zensus 2022 grid data by default: its publisher as the download pages name it, its reference date and licence. */
export const CENSUS_DEFAULTS = { source: 'Statistische Ämter des Bundes und der Länder, Zensus 2022', stand: '2022-05-15', licence: 'dl-de/by-2-0' };

/** The id column per grid, as the census names it. */
export const ID_COLUMNS: Record<CellSize, string> = { '100m': 'GITTER_ID_100m', '1km': 'GITTER_ID_1km' };
/** The column of explanatory signs: kept out of the values. */
export const SIGNS_COLUMN = 'werterlaeuternde_Zeichen';
/** How the census marks a value kept secret (Geheimhaltung). */
const SECRET = new Set(['–', '-', '—']);
/** Outside cells are each reported up to this many; the rest in one line. */
const OUTSIDE_REPORTED = 20;

/** A cell's value: a number, null where the cell is empty, or kept secret by the census. */
export type CensusValue = number | null | 'secret';

export interface CensusCell {
	cell: Cell;
	/** The id as the file writes it. */
	id: string;
	/** The row as Excel shows it (header = 1). */
	row: number;
	values: Record<string, CensusValue>;
}

export interface CensusTable {
	size: CellSize;
	/** The value columns in file order. */
	columns: string[];
	/** The cells inside the city, in file order. */
	cells: CensusCell[];
	/** Cells outside the city (skipped) and other tolerated findings. */
	warnings: DataProblem[];
}

export type CensusParsed = { ok: true; table: CensusTable } | { ok: false; problems: DataProblem[] };

/** Census numbers: digits with a decimal comma ("42,35"); thousands are not grouped in the grid files. */
const NUMBER = /^[+-]?\d+(,\d+)?$/;

/**
 * Reads one census grid file. `place` says where a cell lies in the city (inside, cut by the
 * boundary, outside); `expected` is the grid of the level it is read for. Every id is checked
 * (syntax, grid, alignment, duplicates, its centre columns), every value parsed; any such problem
 * refuses the file, cells outside the city are skipped with a warning each.
 */
export function parseCensus(text: string, file: string, place: (cell: Cell) => Placement, expected?: CellSize): CensusParsed {
	const body = text.replace(/^\uFEFF/, '');
	const firstLine = body.slice(0, body.search(/\r?\n|$/));
	const problems: DataProblem[] = [];
	if (!firstLine.includes(';')) {
		const found = [',', '\t'].find((d) => firstLine.includes(d)) ?? firstLine.slice(0, 40);
		return { ok: false, problems: [{ file, row: 1, key: 'census.separator', params: { found: found === '\t' ? 'Tab' : found } }] };
	}
	const { data } = Papa.parse<string[]>(body, { delimiter: ';', header: false, skipEmptyLines: true });
	const [header = [], ...rows] = data.map((r) => r.map((c) => c.trim()));
	const idAt = (['100m', '1km'] as const).map((s) => ({ size: s, index: header.indexOf(ID_COLUMNS[s]) })).filter((c) => c.index >= 0);
	if (idAt.length === 0) return { ok: false, problems: [{ file, row: 1, key: 'census.noIdColumn', params: { columns: header.join(', ') } }] };
	if (idAt.length > 1) return { ok: false, problems: [{ file, row: 1, key: 'census.twoIdColumns' }] };
	const { size, index: idIndex } = idAt[0];
	if (expected && size !== expected)
		return { ok: false, problems: [{ file, row: 1, field: ID_COLUMNS[size], key: 'census.wrongGrid', params: { expected, found: size } }] };
	const suffix = size === '100m' ? '100m' : '1km';
	const xIndex = header.indexOf(`x_mp_${suffix}`);
	const yIndex = header.indexOf(`y_mp_${suffix}`);
	const skip = new Set([idIndex, xIndex, yIndex, header.indexOf(SIGNS_COLUMN)]);
	const valueIndexes = header.map((_, i) => i).filter((i) => !skip.has(i) && header[i] !== '');
	if (!valueIndexes.length) return { ok: false, problems: [{ file, row: 1, key: 'census.noValueColumn' }] };

	const at = (i: number) => ({ column: columnLetter(i), field: header[i] });
	const cells: CensusCell[] = [];
	const warnings: DataProblem[] = [];
	const seen = new Map<string, number>();
	let outside = 0;
	rows.forEach((cellsOfRow, r) => {
		const row = r + 2;
		const id = cellsOfRow[idIndex] ?? '';
		const parsed = parseCellId(id, size);
		if (!parsed.ok) {
			const params: Record<string, string | number> =
				parsed.error === 'size' ? { expected: size, found: size === '100m' ? '1km' : '100m' } : { metres: CELL_METRES[size] };
			const key = parsed.error === 'syntax' ? 'census.idSyntax' : parsed.error === 'size' ? 'census.idSize' : 'census.idAlignment';
			problems.push({ file, row, ...at(idIndex), value: id, key, params });
			return;
		}
		const other = seen.get(id);
		if (other !== undefined) {
			problems.push({ file, row, ...at(idIndex), value: id, key: 'census.idTwice', params: { other } });
			return;
		}
		seen.set(id, row);
		const centre = cellCentre(parsed.cell);
		for (const [index, axis] of [
			[xIndex, 0],
			[yIndex, 1]
		] as const) {
			if (index < 0) continue;
			const raw = cellsOfRow[index] ?? '';
			if (Number(raw.replace(',', '.')) !== centre[axis])
				problems.push({ file, row, ...at(index), value: raw, key: 'census.centreMismatch', params: { expected: centre[axis] } });
		}
		const values: Record<string, CensusValue> = {};
		for (const i of valueIndexes) {
			const raw = cellsOfRow[i] ?? '';
			if (SECRET.has(raw)) values[header[i]] = 'secret';
			else if (raw === '') values[header[i]] = null;
			else if (NUMBER.test(raw)) values[header[i]] = Number(raw.replace(',', '.'));
			else problems.push({ file, row, ...at(i), value: raw, key: 'census.notNumber' });
		}
		if (place(parsed.cell) === 'outside') {
			if (++outside <= OUTSIDE_REPORTED) warnings.push({ file, row, ...at(idIndex), value: id, key: 'census.outside', severity: 'warning' });
			return;
		}
		cells.push({ cell: parsed.cell, id: formatCellId(parsed.cell), row, values });
	});
	if (outside > OUTSIDE_REPORTED) warnings.push({ file, key: 'census.outsideMore', params: { n: outside - OUTSIDE_REPORTED }, severity: 'warning' });
	if (problems.length) return { ok: false, problems };
	if (!cells.length) return { ok: false, problems: [...warnings.map(({ severity: _, ...w }) => w), { file, key: 'census.empty' }] };
	return { ok: true, table: { size, columns: valueIndexes.map((i) => header[i]), cells, warnings } };
}

/** A census table written back in the published format (the Beispieldaten generator writes its grid with it). */
export function censusText(size: CellSize, columns: string[], cells: { cell: Cell; values: Record<string, CensusValue> }[]): string {
	const suffix = size === '100m' ? '100m' : '1km';
	const lines = [[ID_COLUMNS[size], `x_mp_${suffix}`, `y_mp_${suffix}`, ...columns, SIGNS_COLUMN].join(';')];
	for (const { cell, values } of cells) {
		const [x, y] = cellCentre(cell);
		const cellsOfRow = columns.map((c) => {
			const v = values[c];
			return v === 'secret' ? '–' : v === null || v === undefined ? '' : String(v).replace('.', ',');
		});
		lines.push([formatCellId(cell), x, y, ...cellsOfRow, ''].join(';'));
	}
	return lines.join('\r\n') + '\r\n';
}
