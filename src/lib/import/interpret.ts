// From a recognised (or admin-mapped) table to values: every data row read by its column roles,
// numbers in German notation or as the workbook stores them, the statistics offices' signs ("–",
// "." and empty: no figure; "x", "•": secret, imported as suppressed, never as zero), rates
// completed from their counts, or checked against the area's population where the file has no
// base at all and the admin chose that approximation. Problems name the row as Excel shows it and
// the column by letter and header; the same problem in many rows is one line.
import type { DataProblem } from '$lib/data/problems';
import { cellText, columnLetter, MAX_CELL, type CellValue, type Grid } from './grid';
import { indicatorFromFileName, type ImportRow } from './germanCsv';
import { parseGermanNumber } from './germanNumber';
import { areaIndex, matchArea, matchIndicatorHeader, matchLevel, type ColumnMapping, type Recognised, type RecogniseContext } from './recognise';

export interface IndicatorInfo {
	id: string;
	names: string[];
	/** rate: needs its base; count: a number of persons (never negative); value: anything in range. */
	kind: 'rate' | 'count' | 'value';
	scale?: number;
	decimals: number;
	percent: boolean;
}

export interface InterpretContext extends Omit<RecogniseContext, 'indicators'> {
	indicators: IndicatorInfo[];
	/** Residents per area (of any level) and year (the widest possible base of a rate). */
	population: Map<string, { year: number; value: number }[]>;
}

export interface InterpretOptions {
	/** The indicator for value columns that name none (chosen in the form). */
	indicator?: string;
	/** Rates without a base column: refuse (ask for the bases) or check them against the area's population. */
	rateBase: 'columns' | 'population';
}

export interface ImportedRow extends ImportRow {
	/** A secret value ("x", "•"): imported as suppressed. */
	suppressed?: true;
	/** The base is the area's population (approximation chosen by the admin). */
	approximateBase?: true;
}

export interface Interpreted {
	rows: ImportedRow[];
	warnings: DataProblem[];
	problems: DataProblem[];
	/** Rate indicators whose file has no base column (what the preview offers to check by population). */
	ratesWithoutBase: string[];
}

type Cell = { kind: 'number'; value: number } | { kind: 'none' } | { kind: 'secret' } | { kind: 'bad'; key: DataProblem['key'] };

const NONE = new Set(['', '-', '–', '—', '.', '…', '...', '/', 'k.A.', 'k. A.', '-/-']);
const SECRET = new Set(['x', 'X', '•', '●', '·', '*']);

/** One cell as a figure, by the conventions of German statistics offices. */
export function classifyCell(c: CellValue | undefined): Cell {
	if (typeof c === 'number') return Number.isFinite(c) ? { kind: 'number', value: c } : { kind: 'bad', key: 'data.numberRange' };
	const s = cellText(c)
		.replace(/[¹²³]+$|\s*\d\)$/, '')
		.trim();
	if (NONE.has(s)) return { kind: 'none' };
	if (SECRET.has(s)) return { kind: 'secret' };
	if (/^#[A-Z/0]+[!?]?$|^#N\/A$/.test(s)) return { kind: 'bad', key: 'data.excelError' };
	const n = parseGermanNumber(s);
	if (!n.ok) return { kind: 'bad', key: n.key };
	return n.value === null ? { kind: 'none' } : { kind: 'number', value: n.value };
}

/** A year cell: 2023, "2023", a date ("2023-12-31", "31.12.2023") or an Excel date serial in a Stichtag column. */
export function yearOf(c: CellValue | undefined): number | null {
	if (typeof c === 'number') {
		if (Number.isInteger(c) && c >= 1900 && c <= 2100) return c;
		// Excel's date serial (days since 1899-12-30) where a date column lost its format.
		if (c > 20000 && c < 80000) return new Date(Date.UTC(1899, 11, 30) + Math.floor(c) * 86400000).getUTCFullYear();
		return null;
	}
	const s = cellText(c);
	const m = /^((?:19|20)\d{2})(?:-\d{2}-\d{2})?$/.exec(s) ?? /^\d{1,2}\.\d{1,2}\.((?:19|20)\d{2})$/.exec(s);
	return m ? Number(m[1]) : null;
}

function round(x: number, decimals: number): number {
	const f = 10 ** decimals;
	return Math.round(x * f) / f;
}

const shown = (c: CellValue | undefined) => {
	const s = cellText(c);
	return s.length > 60 ? s.slice(0, 60) + '…' : s;
};

/** The population of an area for a year: that year's, else the nearest earlier, else the nearest later. */
export function populationFor(list: { year: number; value: number }[] | undefined, year: number): number | null {
	if (!list?.length) return null;
	const earlier = list.filter((p) => p.year <= year).sort((a, b) => b.year - a.year)[0];
	return (earlier ?? [...list].sort((a, b) => a.year - b.year)[0]).value;
}

export function interpret(
	grid: Grid,
	rec: Pick<Recognised, 'header' | 'data'>,
	mapping: ColumnMapping[],
	ctx: InterpretContext,
	options: InterpretOptions
): Interpreted {
	const { file } = grid;
	const head = grid.rows[rec.header];
	const headerRow = head.row;
	const problems: DataProblem[] = [];
	const warnings: DataProblem[] = [];
	const header = (c: number) => cellText(head.cells[c]);
	const at = (c: number) => ({ column: columnLetter(c), field: header(c) || columnLetter(c) });
	const byId = new Map(ctx.indicators.map((m) => [m.id, m]));
	const area = mapping.findIndex((m) => m.role === 'area');
	const yearCol = mapping.findIndex((m) => m.role === 'year');
	const indicatorCol = mapping.findIndex((m) => m.role === 'indicator');
	const levelCol = mapping.findIndex((m) => m.role === 'level');
	if (area < 0) return fail([{ file, row: headerRow, value: head.cells.map(cellText).join(' | ').slice(0, 120), key: 'data.noAreaColumn' }]);
	const parts = mapping.map((m, i) => ({ ...m, index: i })).filter((m) => m.role === 'value' || m.role === 'numerator' || m.role === 'base');
	if (!parts.some((p) => p.role === 'value' || p.role === 'numerator')) {
		const unknown = mapping.map((m, i) => i).filter((i) => mapping[i].role === 'ignore' && header(i) !== '');
		return fail([
			unknown.length
				? { file, row: headerRow, ...at(unknown[0]), key: 'data.columnUnrecognised', params: { n: unknown.length } }
				: { file, row: headerRow, value: head.cells.map(cellText).join(' | ').slice(0, 120), key: 'data.noLayout' }
		]);
	}
	for (const m of mapping)
		if (m.indicator && !byId.has(m.indicator)) return fail([{ file, row: headerRow, value: m.indicator, key: 'data.unknownIndicatorForm' }]);
	// The indicator of columns that name none: the indicator column, the form, or the file name.
	let fixed = options.indicator;
	if (!fixed && indicatorCol < 0 && parts.some((p) => !p.indicator)) {
		const fromName = indicatorFromFileName(
			file,
			ctx.indicators.map((m) => ({ id: m.id, label: m.names[0] ?? m.id }))
		);
		if (fromName && 'ambiguous' in fromName)
			return fail([{ file, row: headerRow, value: file, key: 'data.indicatorAmbiguous', params: { ids: fromName.ambiguous.join(', ') } }]);
		if (!fromName) return fail([{ file, row: headerRow, key: 'data.noIndicator' }]);
		fixed = fromName.id;
		warnings.push({ file, value: fromName.id, key: 'data.indicatorFromName', severity: 'warning' });
	}
	if (yearCol < 0) {
		const noYear = parts.find((p) => p.year === undefined);
		if (noYear) return fail([{ file, row: headerRow, ...at(noYear.index), key: 'data.noYear' }]);
	}
	// Two columns for the same thing: refused, both named.
	const slot = new Map<string, number>();
	for (const p of parts) {
		const key = `${p.role}/${p.indicator ?? ''}/${p.year ?? ''}`;
		if (slot.has(key))
			problems.push({
				file,
				row: headerRow,
				...at(p.index),
				key: 'data.columnTwiceAs',
				params: { other: `${columnLetter(slot.get(key)!)} „${header(slot.get(key)!)}“` }
			});
		else slot.set(key, p.index);
	}
	if (problems.length) return fail(problems);

	const index = areaIndex(ctx);
	const rows: ImportedRow[] = [];
	const seen = new Map<string, number>();
	const totals: string[] = [];
	const finestRows = new Set<string>();
	const ratesWithoutBase = new Set<string>();
	for (const i of rec.data) {
		const r = grid.rows[i];
		const where = { file, row: r.row };
		// Excel writes every line of a CSV with all its fields: a shorter one was cut off or broken.
		if (r.fields !== undefined && head.fields !== undefined && r.fields < head.fields && r.fields < mapping.length) {
			problems.push({ ...where, key: 'data.fieldCount', params: { n: r.fields, header: head.fields } });
			continue;
		}
		const long = r.cells.findIndex((c) => typeof c === 'string' && c.length > MAX_CELL);
		if (long >= 0) {
			problems.push({ ...where, ...at(long), value: shown(r.cells[long]), key: 'data.cellTooLong', params: { max: MAX_CELL } });
			continue;
		}
		const rawArea = r.cells[area];
		const areaText = cellText(rawArea);
		if (areaText === '' && r.cells.every((c, k) => k === area || classifyCell(c).kind === 'none')) continue;
		// The row's level: its level column's, else the one level whose areas the name is unique to.
		let rowLevel: string | undefined;
		const levelText = levelCol >= 0 ? cellText(r.cells[levelCol]) : '';
		if (levelText !== '') {
			rowLevel = matchLevel(levelText, index) ?? undefined;
			if (!rowLevel) {
				problems.push({ ...where, ...at(levelCol), value: shown(levelText), key: 'data.unknownLevelCell', params: levelNames(index.levels) });
				continue;
			}
		}
		const matched = matchArea(areaText, index, rowLevel);
		if (!matched) {
			problems.push({
				...where,
				...at(area),
				value: shown(rawArea),
				key: /^[\d.,\s]+$/.test(areaText) && areaText !== '' ? 'data.areaIsNumber' : rowLevel ? 'data.unknownAreaOfLevel' : 'data.unknownStadtteil',
				...(rowLevel && { params: levelNames(index.levels.filter((l) => l.id === rowLevel)) })
			});
			continue;
		}
		if ('ambiguous' in matched) {
			const candidates = index.levels.filter((l) => matched.ambiguous.includes(l.id));
			problems.push({ ...where, ...at(area), value: shown(rawArea), key: 'data.areaAmbiguousLevel', params: levelNames(candidates) });
			continue;
		}
		if ('total' in matched) {
			totals.push(`${areaText} (${r.row})`);
			continue;
		}
		const id = matched.area;
		if (matched.level === index.levels[0].id) finestRows.add(id);
		let rowYear: number | null = null;
		if (yearCol >= 0) {
			rowYear = yearOf(r.cells[yearCol]);
			if (rowYear === null) {
				problems.push({ ...where, ...at(yearCol), value: shown(r.cells[yearCol]), key: 'data.yearText' });
				continue;
			}
		}
		let rowIndicator: string | undefined;
		if (indicatorCol >= 0) {
			const raw = cellText(r.cells[indicatorCol]);
			rowIndicator = byId.has(raw) ? raw : (matchIndicatorHeader(raw, ctx.indicators)?.id ?? undefined);
			if (!rowIndicator) {
				problems.push({ ...where, ...at(indicatorCol), value: shown(raw), key: 'data.unknownIndicator' });
				continue;
			}
		}
		// The row's cells grouped by indicator and year: a value with its counts.
		const groups = new Map<string, Group>();
		const secret = new Set<string>();
		for (const p of parts) {
			const indicator = p.indicator ?? rowIndicator ?? fixed!;
			const year = p.year ?? rowYear!;
			const key = `${indicator}/${year}`;
			const g = groups.get(key) ?? { indicator, year, cols: {}, raw: {} };
			groups.set(key, g);
			g.cols[p.role as 'value'] = p.index;
			g.raw[p.role as 'value'] = shown(r.cells[p.index]);
			const c = classifyCell(r.cells[p.index]);
			if (c.kind === 'bad') problems.push({ ...where, ...at(p.index), value: shown(r.cells[p.index]), key: c.key });
			else if (c.kind === 'secret') secret.add(key);
			else if (c.kind === 'number') g[p.role as 'value'] = c.value;
		}
		for (const [key, g] of groups) {
			const meta = byId.get(g.indicator)!;
			const dupKey = `${id}/${g.indicator}/${g.year}`;
			if (seen.has(dupKey)) {
				problems.push({ ...where, ...at(area), value: dupKey, key: 'data.givenTwiceRow', params: { row: seen.get(dupKey)! } });
				continue;
			}
			seen.set(dupKey, r.row);
			if (secret.has(key)) {
				rows.push({ sourceRow: r.row, area: id, indicator: g.indicator, year: g.year, value: null, numerator: null, denominator: null, suppressed: true });
				continue;
			}
			const out = complete(
				g,
				meta,
				id,
				ctx,
				options,
				(p) => problems.push({ ...where, ...p }),
				ratesWithoutBase,
				(c) => at(c)
			);
			if (out) rows.push({ sourceRow: r.row, area: id, indicator: g.indicator, year: g.year, ...out });
		}
	}
	if (totals.length)
		warnings.push({ file, ...at(area), key: 'data.totalRowsSkipped', params: { n: totals.length, rows: listOf(totals) }, severity: 'warning' });
	const secrets = rows.filter((r) => r.suppressed).length;
	if (secrets) warnings.push({ file, key: 'data.secretValues', params: { n: secrets }, severity: 'warning' });
	// Finest areas missing from the file, per indicator and year, where it has finest areas: one line each.
	const missing = new Map<string, string[]>();
	const present = new Map<string, Set<string>>();
	for (const r of rows.filter((x) => finestRows.has(x.area))) {
		const k = `${r.indicator} ${r.year}`;
		present.set(k, (present.get(k) ?? new Set()).add(r.area));
	}
	for (const [k, areas] of present) {
		const names = index.levels[0].areas.filter((s) => !areas.has(s.id)).map((s) => s.name);
		if (names.length) missing.set(names.join('|'), [...(missing.get(names.join('|')) ?? []), k]);
	}
	for (const [names, which] of missing) {
		const list = names.split('|');
		warnings.push({ file, key: 'data.stadtteileMissing', params: { n: list.length, names: listOf(list), which: listOf(which) }, severity: 'warning' });
	}
	const approx = rows.filter((r) => r.approximateBase).length;
	if (approx) warnings.push({ file, key: 'data.approximateBase', params: { n: approx }, severity: 'warning' });
	if (problems.length) return { rows: [], warnings, problems: groupProblems(problems), ratesWithoutBase: [...ratesWithoutBase] };
	if (rows.length === 0) return fail([{ file, key: 'data.noValues' }]);
	return { rows, warnings, problems: [], ratesWithoutBase: [...ratesWithoutBase] };

	function fail(p: DataProblem[]): Interpreted {
		return { rows: [], warnings, problems: p, ratesWithoutBase: [] };
	}
}

/** Levels named in each language (the message picks the reader's): "Stadtteil (stadtteil), Ortschaft (ortschaft)". */
function levelNames(levels: { id: string; label: { de: string; en: string } }[]): { 'levels@de': string; 'levels@en': string } {
	return {
		'levels@de': levels.map((l) => `${l.label.de} (${l.id})`).join(', '),
		'levels@en': levels.map((l) => `${l.label.en} (${l.id})`).join(', ')
	};
}

function listOf(items: string[], max = 12, sep = ', '): string {
	return items.length > max ? `${items.slice(0, max).join(sep)} … (+${items.length - max})` : items.join(sep);
}

type Where = Omit<DataProblem, 'file' | 'row'>;
type Part = 'value' | 'numerator' | 'base';

/** One indicator and year of a row: its cells by part, as numbers and as written. */
interface Group {
	indicator: string;
	year: number;
	value?: number;
	numerator?: number;
	base?: number;
	cols: Partial<Record<Part, number>>;
	raw: Partial<Record<Part, string>>;
}

const deNum = (x: number) => String(x).replace('.', ',');

/** A value with its counts checked and completed; null when a problem was reported. */
function complete(
	g: Group,
	meta: IndicatorInfo,
	area: string,
	ctx: InterpretContext,
	options: InterpretOptions,
	report: (p: Where) => void,
	ratesWithoutBase: Set<string>,
	at: (c: number) => { column: string; field: string }
): { value: number | null; numerator: number | null; denominator: number | null; approximateBase?: true } | null {
	const value = g.value ?? null;
	const numerator = g.numerator ?? null;
	const denominator = g.base ?? null;
	const valueAt = g.cols.value ?? g.cols.numerator ?? g.cols.base!;
	if (meta.kind !== 'rate') {
		if (value === null && (numerator !== null || denominator !== null)) {
			report({ ...at(g.cols.numerator ?? g.cols.base!), key: 'data.notARate', params: { column: '„Wert“' } });
			return null;
		}
		if (value === null) return null;
		if (meta.kind === 'count' && value < 0) {
			report({ ...at(valueAt), value: g.raw.value ?? deNum(value), key: 'data.negativeCount' });
			return null;
		}
		return { value, numerator: null, denominator: null };
	}
	const scale = meta.scale ?? 100;
	for (const [x, col] of [
		[value, g.cols.value],
		[numerator, g.cols.numerator],
		[denominator, g.cols.base]
	] as const)
		if (x !== null && x < 0) {
			report({ ...at(col!), value: deNum(x), key: 'data.negativeCount' });
			return null;
		}
	if (value !== null && meta.percent && value > 100) {
		report({ ...at(valueAt), value: g.raw.value ?? deNum(value), key: 'data.rateAbove100' });
		return null;
	}
	if (value === null) {
		if (numerator !== null && denominator !== null && denominator > 0)
			return { value: round((numerator / denominator) * scale, meta.decimals), numerator, denominator };
		if (numerator !== null || denominator !== null)
			report({ ...at(numerator === null ? (g.cols.numerator ?? valueAt) : (g.cols.base ?? valueAt)), key: 'data.rateNeedsCounts' });
		return null;
	}
	if (denominator === null) {
		if (g.cols.base === undefined) ratesWithoutBase.add(meta.id);
		if (g.cols.base === undefined && options.rateBase === 'population') {
			const pop = populationFor(ctx.population.get(area), g.year);
			if (pop === null || pop <= 0) {
				report({ ...at(valueAt), value: g.raw.value ?? deNum(value), key: 'data.noPopulation' });
				return null;
			}
			// The widest possible base: the rate's count on it need not be whole, it is an approximation.
			return { value, numerator: round((value * pop) / scale, 6), denominator: pop, approximateBase: true };
		}
		report(
			g.cols.base === undefined
				? { ...at(valueAt), value: g.raw.value ?? deNum(value), key: 'data.rateWithoutBase' }
				: { ...at(g.cols.base), value: g.raw.value ?? deNum(value), key: 'data.noBaseCell', params: { column: at(g.cols.base).field } }
		);
		return null;
	}
	if (denominator === 0) {
		report({ ...at(g.cols.base!), value: '0', key: 'data.baseZero' });
		return null;
	}
	if (numerator === null) {
		// The count behind a rounded rate: the nearest whole number; it must reproduce the rate.
		const n = Math.round((value * denominator) / scale);
		if (Math.abs((n / denominator) * scale - value) > 0.51 * 10 ** -meta.decimals) {
			report({
				...at(valueAt),
				value: g.raw.value ?? deNum(value),
				key: 'data.rateNotWhole',
				params: { base: denominator, n, rate: round((n / denominator) * scale, meta.decimals + 1) }
			});
			return null;
		}
		return { value, numerator: n, denominator };
	}
	return { value, numerator, denominator };
}

/** The same problem (reason and column) in many rows: one line, with the rows listed. */
export function groupProblems(problems: DataProblem[], keep = 200): DataProblem[] {
	const groups = new Map<string, { first: DataProblem; rows: number[]; values: string[] }>();
	const out: DataProblem[] = [];
	for (const p of problems) {
		const key = `${p.key}\u0000${p.column ?? p.field ?? ''}\u0000${p.key === 'data.unknownStadtteil' || p.key === 'data.givenTwiceRow' ? '' : JSON.stringify(p.params ?? {})}`;
		const g = groups.get(key);
		if (g) {
			if (p.row !== undefined) g.rows.push(p.row);
			if (p.value !== undefined) g.values.push(String(p.value));
		} else {
			groups.set(key, { first: p, rows: p.row === undefined ? [] : [p.row], values: p.value === undefined ? [] : [String(p.value)] });
			out.push(p);
		}
	}
	return out.slice(0, keep).map((p) => {
		const g = [...groups.values()].find((x) => x.first === p)!;
		if (g.rows.length < 2) return p;
		const rows = g.rows.length > 8 ? `${g.rows.slice(0, 6).join(', ')} … ${g.rows.at(-1)}` : g.rows.join(', ');
		const distinct = [...new Set(g.values)];
		return { ...p, value: distinct.length > 1 ? listOf(distinct, 8, '; ') : p.value, note: { key: 'data.rowsGrouped', params: { n: g.rows.length, rows } } };
	});
}
