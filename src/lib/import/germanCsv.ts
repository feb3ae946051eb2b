// Indicator tables as German offices export them from Excel: `;` separator, decimal comma,
// thousands dots, quoted fields, CRLF. Two layouts: long (Gebiet; Indikator; Jahr; Wert[; Zähler;
// Nenner]) and wide (Gebiet; 2021; 2022; … optionally with the counts per year, e.g. "Zähler 2023"
// and "Nenner 2023"). The indicator comes from an Indikator column, else from the form, else from
// the file name. Areas may be given by id or by name. Parsing is papaparse's; this module maps
// and checks.
//
// Rates need their base count (Nenner): disclosure control decides by it whether a rate may be
// published at all, and Ortschaft and city rates are summed counts. A rate without its base is
// therefore refused with the cell at fault, never imported unchecked: a published rate on two
// persons cannot be taken back. Given the rate and its base, the count (Zähler) is derived; given
// both counts, the rate is.
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
	/** `rate` is set for rates (scale 100 for %, decimals as published): they need their bases. */
	indicators: { id: string; label: string; rate?: { scale: number; decimals: number } }[];
	/** The indicator for a table without an indicator column (chosen in the form). */
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

type Part = 'value' | 'numerator' | 'denominator';

/**
 * A year column of the wide layout: "2023" (the value), or a value/count name and the year in
 * either order, separated by anything or nothing: "Zähler 2023", "2023 Nenner", "Basis_2023",
 * "Anzahl (2023)", "Wert 2023". Names as in the long layout (ALIASES), compared loosely.
 */
export function wideColumn(header: string): { year: number; part: Part } | null {
	if (/^\s*(19|20)\d{2}\s*$/.test(header)) return { year: Number(header.trim()), part: 'value' };
	const n = normaliseName(header);
	const nameFirst = /^([a-z]+)((?:19|20)\d{2})$/.exec(n);
	const yearFirst = /^((?:19|20)\d{2})([a-z]+)$/.exec(n);
	const name = nameFirst?.[1] ?? yearFirst?.[2];
	const year = nameFirst?.[2] ?? yearFirst?.[1];
	const part = (['value', 'numerator', 'denominator'] as const).find((k) => name !== undefined && ALIASES[k].includes(name));
	return part ? { year: Number(year), part } : null;
}

/** The one indicator whose id or label the file name contains ("sgb2-quote_2021-2023.csv"), if any. */
export function indicatorFromFileName(file: string, indicators: TableContext['indicators']): { id: string } | { ambiguous: string[] } | null {
	const name = normaliseName(file.replace(/\.[a-z0-9]+$/i, ''));
	const hits = indicators.filter((m) => [m.id, m.label].some((k) => normaliseName(k).length >= 4 && name.includes(normaliseName(k))));
	if (hits.length === 0) return null;
	return hits.length === 1 ? { id: hits[0].id } : { ambiguous: hits.map((m) => m.id) };
}

export function parseIndicatorTable(text: string, file: string, ctx: TableContext): ParsedTable {
	const problems: DataProblem[] = [];
	const warnings: DataProblem[] = [];
	const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: 'greedy', header: false });
	for (const e of parsed.errors.slice(0, 20))
		problems.push({
			file,
			row: e.row === undefined ? undefined : e.row,
			// Papaparse's own text is English: the quote errors, by far the common ones, have catalogue texts.
			...(e.code === 'MissingQuotes' || e.code === 'InvalidQuotes' ? { key: 'data.csvQuotes' } : { key: 'data.csvSyntax', params: { error: e.message } })
		});
	if (problems.length) return { ok: false, problems };
	const [header, ...data] = parsed.data;
	if (!header || header.length === 0) return { ok: false, problems: [{ file, key: 'data.empty' }] };
	if (header.length === 1) {
		const reason = header[0].includes('\t') ? 'data.separatorTabs' : header[0].includes(',') ? 'data.separatorCommas' : 'data.oneColumn';
		return {
			ok: false,
			problems: [
				{
					file,
					row: 0,
					value: header[0].slice(0, 80),
					key: reason
				}
			]
		};
	}
	if (header.length > MAX_COLUMNS)
		return { ok: false, problems: [{ file, row: 0, key: 'data.tooManyColumns', params: { n: header.length, max: MAX_COLUMNS } }] };
	if (data.length > MAX_ROWS) return { ok: false, problems: [{ file, key: 'data.tooManyRows', params: { n: data.length, max: MAX_ROWS } }] };
	const names = header.map((h) => normaliseName(h));
	const find = (k: keyof typeof ALIASES) => names.findIndex((n) => ALIASES[k].includes(n));
	const col = {
		area: find('area'),
		indicator: find('indicator'),
		year: find('year'),
		value: find('value'),
		numerator: find('numerator'),
		denominator: find('denominator')
	};
	const dup = names.find((n, i) => n !== '' && names.indexOf(n) !== i);
	if (dup !== undefined) return { ok: false, problems: [{ file, row: 0, field: header[names.indexOf(dup)], key: 'data.columnTwice' }] };
	if (col.area < 0)
		return {
			ok: false,
			problems: [{ file, row: 0, field: header.join(';').slice(0, 120), key: 'data.noAreaColumn' }]
		};
	const layout: 'long' | 'wide' = col.year >= 0 ? 'long' : 'wide';
	// Wide layout: per year the value column and, optionally, its two counts.
	const years = new Map<number, Partial<Record<Part, number>>>();
	if (layout === 'wide') {
		for (const [i, h] of header.entries()) {
			const w = i === col.area || i === col.indicator ? null : wideColumn(h);
			if (!w) {
				if (/(19|20)\d{2}/.test(h))
					warnings.push({
						file,
						row: 0,
						field: h.slice(0, 60),
						key: 'data.columnIgnored',
						severity: 'warning'
					});
				continue;
			}
			const at = years.get(w.year) ?? {};
			if (at[w.part] !== undefined)
				return { ok: false, problems: [{ file, row: 0, field: h, key: 'data.columnTwiceAs', params: { other: header[at[w.part]!] } }] };
			years.set(w.year, { ...at, [w.part]: i });
		}
	}
	if (layout === 'long' && col.value < 0) return { ok: false, problems: [{ file, row: 0, field: 'Wert', key: 'data.longNeedsValue' }] };
	if (layout === 'wide' && years.size === 0)
		return {
			ok: false,
			problems: [{ file, row: 0, field: header.join(';').slice(0, 120), key: 'data.noLayout' }]
		};
	let fixedIndicator = ctx.indicator;
	if (col.indicator < 0 && !fixedIndicator) {
		const fromName = indicatorFromFileName(file, ctx.indicators);
		if (fromName && 'ambiguous' in fromName)
			return {
				ok: false,
				problems: [
					{
						file,
						row: 0,
						field: 'Indikator',
						value: file,
						key: 'data.indicatorAmbiguous',
						params: { ids: fromName.ambiguous.join(', ') }
					}
				]
			};
		if (!fromName)
			return {
				ok: false,
				problems: [
					{
						file,
						row: 0,
						field: 'Indikator',
						key: 'data.noIndicator'
					}
				]
			};
		fixedIndicator = fromName.id;
		warnings.push({
			file,
			field: 'Indikator',
			value: fromName.id,
			key: 'data.indicatorFromName',
			severity: 'warning'
		});
	}
	const rateOf = new Map(ctx.indicators.map((m) => [m.id, m.rate]));

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
		if (cells.length !== header.length) return problems.push({ ...where, key: 'data.fieldCount', params: { n: cells.length, header: header.length } });
		const long = cells.findIndex((c) => c.length > MAX_CELL);
		if (long >= 0)
			return problems.push({ ...where, field: header[long], value: cells[long].slice(0, 40) + '…', key: 'data.cellTooLong', params: { max: MAX_CELL } });
		const rawArea = cells[col.area].trim();
		const areaKey = /^[a-z0-9-]+$/.test(rawArea) ? rawArea : normaliseName(rawArea);
		const area = areaByKey.get(areaKey);
		if (!area) {
			if (totalKeys.has(areaKey) || /insgesamt|gesamt|summe/i.test(rawArea))
				return warnings.push({
					...where,
					field: header[col.area],
					value: known(rawArea),
					key: 'data.totalRowSkipped',
					severity: 'warning'
				});
			return problems.push({ ...where, field: header[col.area], value: known(rawArea), key: 'data.unknownStadtteil' });
		}
		let indicator = fixedIndicator;
		if (col.indicator >= 0) {
			const raw = cells[col.indicator].trim();
			indicator = indicatorByKey.get(/^[a-z0-9-]+$/.test(raw) ? raw : normaliseName(raw));
			if (!indicator)
				return problems.push({
					...where,
					field: header[col.indicator],
					value: known(raw),
					key: 'data.unknownIndicatorOf',
					params: { ids: ctx.indicators.map((m) => m.id).join(', ') }
				});
		}
		const num = (c: number, field: string): number | null | undefined => {
			if (c < 0) return null;
			const n = parseGermanNumber(cells[c]);
			if (!n.ok) {
				problems.push({ ...where, field, value: known(cells[c]), key: n.key });
				return undefined;
			}
			return n.value;
		};
		type Cell = number | null | undefined;
		const entries: { year: number; value: Cell; numerator: Cell; denominator: Cell; fields: Record<Part, string>; raw: string; noBaseColumn: string | null }[] =
			[];
		if (layout === 'long') {
			const y = cells[col.year].trim();
			if (!/^\d{4}$/.test(y)) return problems.push({ ...where, field: header[col.year], value: known(y), key: 'data.yearDigits' });
			const fields = { value: header[col.value], numerator: header[col.numerator] ?? 'Zähler', denominator: header[col.denominator] ?? 'Nenner' };
			entries.push({
				year: Number(y),
				value: num(col.value, fields.value),
				numerator: num(col.numerator, fields.numerator),
				denominator: num(col.denominator, fields.denominator),
				fields,
				raw: cells[col.value],
				noBaseColumn: col.denominator >= 0 ? null : '"Nenner" / "Basis"'
			});
		} else {
			for (const [year, c] of [...years].sort((a, b) => a[0] - b[0])) {
				const fields = {
					value: c.value === undefined ? String(year) : header[c.value],
					numerator: c.numerator === undefined ? `Zähler ${year}` : header[c.numerator],
					denominator: c.denominator === undefined ? `Nenner ${year}` : header[c.denominator]
				};
				entries.push({
					year,
					value: num(c.value ?? -1, fields.value),
					numerator: num(c.numerator ?? -1, fields.numerator),
					denominator: num(c.denominator ?? -1, fields.denominator),
					fields,
					raw: c.value === undefined ? '' : cells[c.value],
					noBaseColumn: c.denominator !== undefined ? null : `"Nenner ${year}" / "${year} Nenner" / "Basis ${year}"`
				});
			}
		}
		for (const e of entries)
			if (e.value !== undefined && e.numerator !== undefined && e.denominator !== undefined)
				completeCounts(e as Counted, rateOf.get(indicator!), where, problems);
		for (const e of entries) {
			if (e.value === undefined || e.numerator === undefined || e.denominator === undefined) continue;
			const key = `${area}/${indicator}/${e.year}`;
			if (seen.has(key)) {
				problems.push({ ...where, field: header[col.area], value: key, key: 'data.givenTwiceRow', params: { row: seen.get(key)! } });
				continue;
			}
			seen.set(key, row);
			if (e.value === null && e.numerator === null && e.denominator === null) continue;
			rows.push({ sourceRow: row, area, indicator: indicator!, year: e.year, value: e.value, numerator: e.numerator, denominator: e.denominator });
		}
	});
	if (problems.length) return { ok: false, problems: collapse(problems).slice(0, 200) };
	if (rows.length === 0) return { ok: false, problems: [{ file, key: 'data.noValues' }] };
	return { ok: true, layout, rows, warnings };
}

interface Counted {
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	fields: Record<Part, string>;
	/** The value cell as written, for the problem list. */
	raw: string;
	/** Null where the file has a base column for this value; else how to name the missing one. */
	noBaseColumn: string | null;
}

/**
 * Rates: checks that a value has its base and fills in what follows from the rest (the count from
 * rate and base, the rate from both counts). Counts: refuses Zähler/Nenner without a value.
 */
function completeCounts(
	e: Counted,
	rate: { scale: number; decimals: number } | undefined,
	where: { file: string; row: number },
	problems: DataProblem[]
): void {
	const shown = e.raw.trim().slice(0, 60);
	if (!rate) {
		if (e.value === null && (e.numerator !== null || e.denominator !== null))
			problems.push({
				...where,
				field: e.numerator !== null ? e.fields.numerator : e.fields.denominator,
				key: 'data.notARate',
				params: { column: e.fields.value }
			});
		return;
	}
	if (e.value === null) {
		if (e.numerator !== null && e.denominator !== null && e.denominator > 0) e.value = round((e.numerator / e.denominator) * rate.scale, rate.decimals);
		else if (e.numerator !== null || e.denominator !== null)
			problems.push({
				...where,
				field: e.numerator === null ? e.fields.numerator : e.fields.denominator,
				key: 'data.rateNeedsCounts'
			});
		return;
	}
	if (e.denominator === null) {
		problems.push(
			e.noBaseColumn === null
				? { ...where, field: e.fields.value, value: shown, key: 'data.noBaseCell', params: { column: e.fields.denominator } }
				: { ...where, field: e.fields.value, value: shown, key: 'data.noBaseColumn', params: { column: e.noBaseColumn } }
		);
		return;
	}
	if (e.numerator === null) {
		// The count behind a rounded rate: the nearest whole number; it must reproduce the rate.
		const n = Math.round((e.value * e.denominator) / rate.scale);
		if (Math.abs((n / e.denominator) * rate.scale - e.value) > 0.51 * 10 ** -rate.decimals) {
			problems.push({
				...where,
				field: e.fields.value,
				value: shown,
				key: 'data.rateNotWhole',
				params: { base: e.denominator, n, rate: round((n / e.denominator) * rate.scale, rate.decimals + 1) }
			});
			return;
		}
		e.numerator = n;
	}
}

/**
 * A wide file without any base column gets the same problem in every row: it is listed once per
 * column, with the rows it concerns, so the real reason is not buried in a list of hundreds.
 */
function collapse(problems: DataProblem[]): DataProblem[] {
	const out: DataProblem[] = [];
	const groups = new Map<string, { first: DataProblem; rows: number[] }>();
	for (const p of problems) {
		if (p.key !== 'data.noBaseColumn') {
			out.push(p);
			continue;
		}
		const key = `${p.field}\u0000${p.params?.column}`;
		const g = groups.get(key);
		if (g) g.rows.push(p.row!);
		else {
			const group = { first: p, rows: [p.row!] };
			groups.set(key, group);
			out.push(p);
		}
	}
	return out.map((p) => {
		const g = groups.get(`${p.field}\u0000${p.params?.column}`);
		if (!g || g.first !== p || g.rows.length === 1) return p;
		const rows = g.rows.length > 6 ? `${g.rows.slice(0, 5).join(', ')} … ${g.rows.at(-1)}` : g.rows.join(', ');
		return { ...p, note: { key: 'data.rowsCollapsed', params: { n: g.rows.length, rows } } };
	});
}

function round(x: number, decimals: number): number {
	const f = 10 ** decimals;
	return Math.round(x * f) / f;
}
