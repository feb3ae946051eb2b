// What a table holds, recognised from its cells the way a person reading it would: which row is
// the header (title rows above it are skipped), where the data end (footnotes and "Quelle:" rows
// below), and what each column is: the area, the year, an indicator name, or values, counts and
// bases of an indicator (named in the header, with unit suffixes such as "(%)", "in %" or
// "Anzahl", and possibly a year), and which level of the profile each row's area belongs to (by a
// level column, else by the name being unique to one level). The admin sees the column mapping and can change it.
import { cellText, columnLetter, type Grid, type GridRow } from './grid';
import { normaliseName, wideColumn } from './germanCsv';

export type Role = 'area' | 'level' | 'year' | 'indicator' | 'value' | 'numerator' | 'base' | 'ignore';

export interface ColumnMapping {
	role: Role;
	/** For value, numerator and base columns: the indicator they belong to (else the row's or the form's). */
	indicator?: string;
	/** For value, numerator and base columns: the year in their header (else the row's). */
	year?: number;
}

export interface RecognisedColumn extends ColumnMapping {
	index: number;
	letter: string;
	header: string;
	/** Whether the role was recognised (false: a guess or nothing), for the mapping form. */
	recognised: boolean;
	/** Numeric data below an unrecognised header: a candidate for a new indicator. */
	numeric: boolean;
}

export interface Recognised {
	/** Index into grid.rows of the header row. */
	header: number;
	/** Indices into grid.rows: the data rows, then the footnote rows after them. */
	data: number[];
	footer: number[];
	columns: RecognisedColumn[];
	layout: 'long' | 'wide-year' | 'wide-indicator' | 'mixed';
}

export interface IndicatorRef {
	id: string;
	/** Labels (de, en) and aliases the header may use. */
	names: string[];
}

export interface AreaRef {
	id: string;
	name: string;
	/** An official number (Gebietsschlüssel), where the catalogue has one. */
	number?: string;
}

/** A polygon level of the profile (finest first; census grid levels are the census import's). */
export interface LevelRef {
	id: string;
	/** Its singular name per language, for messages. */
	label: { de: string; en: string };
	/** Its singular and plural names in every language, as a level column may write them. */
	names: string[];
	/** Whether imports may match its areas by official number. */
	officialNumbers: boolean;
	areas: AreaRef[];
}

export interface RecogniseContext {
	levels: LevelRef[];
	/** The city, with the short form its tables may write in area names ("SZ-Bad"), from the profile. */
	city: { name: string; abbreviation?: string };
	indicators: IndicatorRef[];
}

const ALIASES = {
	area: ['gebiet', 'gebietid', 'stadtteil', 'stadtteilid', 'stadtteilname', 'area', 'areaid', 'bezirk', 'raumeinheit', 'gebietsname', 'stadtteile', 'name'],
	year: ['jahr', 'year', 'berichtsjahr', 'stichtag', 'stand'],
	indicator: ['indikator', 'indikatorid', 'indicator', 'merkmal', 'kennzahl'],
	value: ['wert', 'value', 'quote', 'anteil', 'anteilinprozent'],
	numerator: ['zaehler', 'numerator', 'anzahl'],
	base: ['nenner', 'denominator', 'basis', 'grundgesamtheit', 'bezugsgroesse', 'bezugsbasis']
};

/**
 * Area names compared loosely: umlauts, ß/ss, "Stadtteil Nord" = "Nord", and with the city's
 * abbreviation ("Hausen", "HS") a leading city name as its short form: "Hausen-Süd" = "HS-Süd".
 */
export function areaKey(s: string, city?: { name: string; abbreviation?: string }): string {
	const key = normaliseName(s).replace(/^(stadtteil|ortsteil|ortschaft)/, '');
	if (!city?.abbreviation) return key;
	const name = normaliseName(city.name);
	return key.length > name.length && key.startsWith(name) ? normaliseName(city.abbreviation) + key.slice(name.length) : key;
}

/** "SGB-II-Quote (%)", "Anteil in %", "Leistungsberechtigte Anzahl", "Kinderarmut 2023": the name alone. */
export function headerName(h: string): string {
	return h
		.replace(/\((?:in\s*)?(?:%|prozent|anzahl|personen|abs\.?|absolut)\)/gi, ' ')
		.replace(/\b(?:in|je)\s*(?:%|prozent)/gi, ' ')
		.replace(/%|\bprozent\b/gi, ' ')
		.replace(/\b(?:anzahl|absolut|abs\.)\s*$/gi, ' ')
		.replace(/^\s*anzahl\s+(?:der\s+)?/i, ' ')
		.replace(/[¹²³*]+|\s\d\)/g, ' ')
		.trim();
}

const YEAR_IN = /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/;

/** The indicator a header names (by id, label or alias; unit suffixes and a year allowed), and the part it is. */
export function matchIndicatorHeader(h: string, indicators: IndicatorRef[]): { id: string; part: 'value' | 'numerator' | 'base'; year?: number } | null {
	const yearMatch = YEAR_IN.exec(h);
	let rest = yearMatch ? h.replace(yearMatch[1], ' ') : h;
	let part: 'value' | 'numerator' | 'base' = 'value';
	const partWord = /^\s*(nenner|basis|bezugsgr(?:ö|oe)(?:ß|ss)e|grundgesamtheit|z(?:ä|ae)hler)\b[\s:_-]*|[\s:_-]*\b(nenner|basis|z(?:ä|ae)hler)\s*$/i.exec(
		rest
	);
	if (partWord) {
		const w = normaliseName(partWord[1] ?? partWord[2]);
		part = w.startsWith('zaehler') ? 'numerator' : 'base';
		rest = rest.replace(partWord[0], ' ');
	}
	const key = normaliseName(headerName(rest));
	if (key.length < 3) return null;
	const hit = indicators.find((m) => [m.id, ...m.names].some((n) => normaliseName(n) === key));
	return hit ? { id: hit.id, part, year: yearMatch ? Number(yearMatch[1]) : undefined } : null;
}

/** Headers of a column naming each row's level (besides the levels' own ids and names). */
const LEVEL_WORDS = ['ebene', 'level', 'gebietsebene', 'raumebene', 'gebiettyp', 'gebietstyp', 'gebietsart'];

const FOOTER =
	/^\s*(quelle|quellen|anmerkung|anmerkungen|hinweis|hinweise|fu(?:ß|ss)note|erl(?:ä|ae)uterung|zeichenerkl(?:ä|ae)rung|stand\s*:|source|note|\d\)|\*|¹|²|³)/i;

function nonEmpty(r: GridRow): number {
	return r.cells.filter((c) => cellText(c) !== '').length;
}

export interface AreaIndex {
	/** Every key an area can be written with → the matching areas, one per level at most. */
	keys: Map<string, { level: string; id: string }[]>;
	/** A level by every name a level column may give it. */
	levelByName: Map<string, string>;
	levels: LevelRef[];
	key: (s: string) => string;
}

/** The areas of every level by every key they can be written with (ids, names, official numbers). */
export function areaIndex(ctx: Pick<RecogniseContext, 'levels' | 'city'>): AreaIndex {
	const key = (s: string) => areaKey(s, ctx.city);
	const keys = new Map<string, { level: string; id: string }[]>();
	const add = (k: string, level: string, id: string) => {
		const list = keys.get(k) ?? [];
		if (!list.some((m) => m.level === level)) keys.set(k, [...list, { level, id }]);
	};
	for (const l of ctx.levels)
		for (const a of l.areas) {
			for (const k of [a.id, key(a.id), key(a.name)]) add(k, l.id, a.id);
			if (a.number && l.officialNumbers) add(a.number, l.id, a.id);
		}
	// The whole city as tables name it (by its name or short form, with or without "Stadt"), where
	// the top level is the one area of the city.
	const top = ctx.levels.at(-1);
	if (top?.areas.length === 1) {
		const names = [ctx.city.name, ...(ctx.city.abbreviation ? [ctx.city.abbreviation] : [])].map(normaliseName).flatMap((n) => [n, `stadt${n}`]);
		for (const k of ['stadt', ...names, 'insgesamt', 'gesamt', 'summe', 'stadtinsgesamt', 'gesamtstadt', 'total', 'city'])
			if (!keys.has(k)) add(k, top.id, top.areas[0].id);
	}
	const levelByName = new Map<string, string>();
	for (const l of ctx.levels) for (const n of [l.id, ...l.names]) levelByName.set(normaliseName(n), l.id);
	return { keys, levelByName, levels: ctx.levels, key };
}

export type AreaMatch = { area: string; level: string } | { ambiguous: string[] } | { total: 'total' } | null;

/**
 * The area a cell names: an area of one level (of `level` only, where a level column gives it), the
 * levels it is ambiguous between, an unnamed total ("Summe", where the top level is not one area), or nothing known.
 */
export function matchArea(raw: string, index: AreaIndex, level?: string): AreaMatch {
	const s = raw.trim();
	if (!s) return null;
	const key = index.key(s);
	const of = (k: string) => (index.keys.get(k) ?? []).filter((m) => level === undefined || m.level === level);
	const direct = of(s).length ? of(s) : of(key).length ? of(key) : of(key.replace(/(insgesamt|gesamt|zusammen|summe)$/, ''));
	if (direct.length === 1) return { area: direct[0].id, level: direct[0].level };
	if (direct.length > 1) return { ambiguous: direct.map((m) => m.level) };
	if (level === undefined && (/^(summe|insgesamt|gesamt|zusammen)/.test(key) || /(insgesamt|zusammen)$/.test(key))) return { total: 'total' };
	return null;
}

/** The level a level column's cell names (by id or a singular/plural name), or null. */
export function matchLevel(raw: string, index: AreaIndex): string | null {
	return index.levelByName.get(normaliseName(raw)) ?? null;
}

function isNumberish(c: string | number): boolean {
	if (typeof c === 'number') return true;
	const s = c.trim();
	return /^[+-]?[\d.\s]*\d(,\d+)?[¹²³*]?$/.test(s) || ['x', 'X', '•', '–', '-', '.', '…', '...'].includes(s);
}

export function recognise(grid: Grid, ctx: RecogniseContext): Recognised {
	const index = areaIndex(ctx);
	const headerRoleOf = (h: string): ColumnMapping | null => {
		const n = normaliseName(h);
		if (!n) return null;
		for (const role of ['area', 'year', 'indicator', 'numerator', 'base', 'value'] as const) if (ALIASES[role].includes(n)) return { role };
		const wide = wideColumn(h);
		if (wide) return { role: wide.part === 'denominator' ? 'base' : wide.part, year: wide.year };
		const ind = matchIndicatorHeader(h, ctx.indicators);
		if (ind) return { role: ind.part, indicator: ind.id, year: ind.year };
		return null;
	};
	// The header: the first of the top rows naming an area column, else the row above the first one
	// whose cells name areas, else the first row with two cells or more.
	const top = grid.rows.slice(0, 40);
	const areaCells = (r: GridRow) => r.cells.filter((c) => typeof c === 'string' && matchArea(c, index) !== null).length;
	let header = top.findIndex((r) => nonEmpty(r) >= 2 && r.cells.some((c) => ALIASES.area.includes(normaliseName(cellText(c)))));
	if (header < 0) {
		const firstData = top.findIndex((r) => areaCells(r) > 0 && nonEmpty(r) >= 2);
		header = firstData > 0 ? firstData - 1 : top.findIndex((r) => nonEmpty(r) >= 2);
	}
	if (header < 0) header = 0;
	const head = grid.rows[header];
	const data: number[] = [];
	const footer: number[] = [];
	for (let i = header + 1; i < grid.rows.length; i++) {
		const r = grid.rows[i];
		const first = cellText(r.cells.find((c) => cellText(c) !== ''));
		const isNote = footer.length > 0 || FOOTER.test(first) || (nonEmpty(r) === 1 && first.length > 30 && areaCells(r) === 0);
		(isNote ? footer : data).push(i);
	}
	const columns: RecognisedColumn[] = [];
	const width = Math.max(grid.width, head.cells.length);
	for (let c = 0; c < width; c++) {
		const h = cellText(head.cells[c]);
		const role = headerRoleOf(h);
		const below = data.slice(0, 200).map((i) => grid.rows[i].cells[c] ?? '');
		const filled = below.filter((v) => cellText(v) !== '');
		const numeric = filled.length > 0 && filled.filter(isNumberish).length >= filled.length * 0.8;
		columns.push({ index: c, letter: columnLetter(c), header: h, recognised: role !== null, numeric, ...(role ?? { role: 'ignore' }) });
	}
	// A level column: headed "Ebene", or by a level's id or name with cells naming levels. A column
	// headed by a level's name whose cells name areas is that table's area column.
	for (const c of columns) {
		const n = normaliseName(c.header);
		if (!n || !(LEVEL_WORDS.includes(n) || index.levelByName.has(n))) continue;
		const filled = data.map((i) => cellText(grid.rows[i].cells[c.index])).filter((v) => v !== '');
		if (LEVEL_WORDS.includes(n) || (filled.length && filled.filter((v) => matchLevel(v, index) !== null).length >= filled.length * 0.8))
			Object.assign(c, { role: 'level', recognised: true, indicator: undefined, year: undefined });
		else if (c.role === 'ignore' && index.levelByName.has(n)) Object.assign(c, { role: 'area', recognised: true });
	}
	// Only the first area, level, year and indicator column counts; and without a header naming it, the
	// column whose cells name most areas is the area column.
	for (const role of ['area', 'level', 'year', 'indicator'] as const)
		columns.filter((c) => c.role === role).forEach((c, i) => i > 0 && Object.assign(c, { role: 'ignore', recognised: false }));
	if (!columns.some((c) => c.role === 'area')) {
		const counts = columns.map((c) => data.filter((i) => matchArea(cellText(grid.rows[i].cells[c.index]), index) !== null).length);
		const best = counts.indexOf(Math.max(...counts));
		if (counts[best] > 0) Object.assign(columns[best], { role: 'area', recognised: true });
	}
	return { header, data, footer, columns, layout: layoutOf(columns) };
}

export function layoutOf(columns: ColumnMapping[]): Recognised['layout'] {
	const values = columns.filter((c) => c.role === 'value');
	const hasYear = columns.some((c) => c.role === 'year');
	const byYear = values.some((c) => c.year !== undefined);
	const byIndicator = new Set(values.map((c) => c.indicator).filter(Boolean)).size > 1 || (values.some((c) => c.indicator) && !byYear);
	if (hasYear && !byIndicator) return 'long';
	if (byYear && !byIndicator) return 'wide-year';
	if (byIndicator && !byYear) return 'wide-indicator';
	return 'mixed';
}
