// An indicator table (CSV or a workbook's sheet, already a grid) imported into a version's file
// set: recognised, mapped (the admin's mapping where given), interpreted, new indicators added to
// the version's catalogue (indikatoren.json), and the values planned as value tables. Pure: the
// grid, the current version's files and derived data in; the next file set, or problems, out,
// together with the table view the preview's column-mapping form shows.
import { z } from 'zod';
import { Id, IndicatorMeta, PlainText, Polarity } from '$lib/data/contracts';
import type { Derived } from '$lib/data/derived';
import { polygonLevels } from '$lib/data/profile';
import { zodReason, type DataProblem } from '$lib/data/problems';
import { csvRows } from '$lib/data/csvTable';
import { cellText, type Grid } from './grid';
import { DISAGREEMENT } from '$lib/stats/aggregate';
import { interpret, type ImportedRow, type IndicatorInfo, type InterpretContext } from './interpret';
import { APPROXIMATE_BASE, importable, planValueImport, type Provenance, type ValuePlan } from './plan';
import { layoutOf, recognise, type ColumnMapping, type Recognised, type RecogniseContext, type Role } from './recognise';

/** A new indicator made from a column in the mapping step. */
export const NewIndicatorInput = z.object({
	column: z.number().int().min(0),
	id: Id,
	label: z.object({ de: PlainText, en: PlainText }),
	unit: z.object({ de: z.string().trim().max(20), en: z.string().trim().max(20) }),
	kind: z.enum(['anteil', 'anzahl', 'wert']),
	polarity: Polarity,
	aggregation: z.enum(['rate', 'sum', 'weighted-mean']),
	domain: IndicatorMeta.shape.domain.default('soziales'),
	decimals: z.number().int().min(0).max(3),
	source: PlainText,
	licence: PlainText
});
export type NewIndicatorInput = z.infer<typeof NewIndicatorInput>;

export interface TableOptions {
	indicator?: string;
	source: string;
	licence: string;
	mode: 'merge' | 'replace';
	sheet?: string;
	/** The admin's column mapping, by column index (else the recognised one). */
	mapping?: ColumnMapping[];
	rateBase?: 'columns' | 'population';
	newIndicators?: NewIndicatorInput[];
}

/** What the preview shows of the table: how it was read and the column mapping, for the form. */
export interface TableView {
	file: string;
	source: Grid['source'];
	sheets: string[];
	sheet?: string;
	headerRow: number;
	titleRows: number[];
	footerRows: number[];
	dataRows: number;
	layout: Recognised['layout'];
	columns: {
		index: number;
		letter: string;
		header: string;
		role: Role;
		indicator?: string;
		year?: number;
		recognised: boolean;
		numeric: boolean;
		sample: string[];
	}[];
	ratesWithoutBase: string[];
	rateBase: 'columns' | 'population';
	newIndicators: NewIndicatorInput[];
}

export type TableImport =
	| { ok: true; plan: ValuePlan; rows: number; suppressed: number; approximated: number; warnings: DataProblem[]; table: TableView; summary: string }
	| { ok: false; problems: DataProblem[]; table?: TableView };

/** The catalogue entry of a new indicator, checked against the catalogue contract. */
export function newIndicatorEntry(n: NewIndicatorInput, p: Provenance): IndicatorMeta {
	const aggregation =
		n.aggregation === 'rate'
			? { method: 'rate' as const, scale: 100 }
			: n.aggregation === 'sum'
				? { method: 'sum' as const }
				: { method: 'weighted-mean' as const, weightIndicator: 'einwohner' };
	return {
		id: n.id,
		label: n.label,
		description: {
			de: `${n.label.de}: beim Import der Datei ${p.upload} am ${p.date} von ${p.user} neu angelegt. Quelle: ${n.source}.`,
			en: `${n.label.en}: created when ${p.user} imported the file ${p.upload} on ${p.date}. Source: ${n.source}.`
		},
		unit: n.unit,
		domain: n.domain,
		polarity: n.polarity,
		aggregation,
		range: n.kind === 'anteil' ? [0, 100] : n.kind === 'anzahl' ? [0, 10_000_000] : [-1e9, 1e9],
		decimals: n.decimals,
		datasets: [`werte-${n.id}`],
		source: n.source,
		licence: n.licence,
		beispieldaten: false,
		visibility: 'public',
		...(n.kind === 'anzahl' ? { disclosureControl: true } : {}),
		years: []
	};
}

function infoOf(m: IndicatorMeta, aliases: string[] = []): IndicatorInfo {
	return {
		id: m.id,
		names: [m.label.de, m.label.en, ...aliases],
		kind: m.aggregation.method === 'rate' ? 'rate' : m.aggregation.method === 'sum' ? 'count' : 'value',
		scale: m.aggregation.method === 'rate' ? m.aggregation.scale : undefined,
		decimals: m.decimals,
		percent: m.aggregation.method === 'rate' && m.aggregation.scale === 100
	};
}

export function importTable(grid: Grid, files: ReadonlyMap<string, string>, derived: Derived, options: TableOptions, p: Provenance): TableImport {
	const { file } = grid;
	// The catalogue as the version has it, plus new indicators from this import.
	const raw = JSON.parse(files.get('indikatoren.json')!) as Record<string, unknown>[];
	const catalogue = z.array(IndicatorMeta).parse(raw);
	const problems: DataProblem[] = [];
	const added: IndicatorMeta[] = [];
	for (const n of options.newIndicators ?? []) {
		const entry = newIndicatorEntry(n, p);
		if (catalogue.some((m) => m.id === n.id)) {
			problems.push({ file, field: 'id', value: n.id, key: 'data.newIndicatorExists', params: { id: n.id } });
			continue;
		}
		const checked = IndicatorMeta.safeParse(entry);
		if (!checked.success)
			for (const issue of checked.error.issues.slice(0, 5)) problems.push({ file, field: `${n.id}: ${issue.path.join('.')}`, ...zodReason(issue, undefined) });
		else added.push(checked.data);
	}
	const aliasesOf = (id: string) => {
		const a = raw.find((m) => m.id === id)?.aliases;
		return Array.isArray(a) ? a.filter((x): x is string => typeof x === 'string') : [];
	};
	// A retired indicator is no longer served, so an import never fills it (restore it in the catalogue first).
	const infos = [...catalogue.filter((m) => !m.retired).map((m) => infoOf(m, aliasesOf(m.id))), ...added.map((m) => infoOf(m))];
	// Every polygon level (the census grid is the census import's), finest first; areas carry no
	// official numbers but the city itself (its AGS), where its level has them and is the one area.
	const levels = polygonLevels(derived.profile.levels).map((l) => {
		const areas = derived.areas[l.id].features.map((f) => ({ id: f.properties.id, name: f.properties.name }));
		return {
			id: l.id,
			label: { de: l.name.de.singular, en: l.name.en.singular },
			names: [l.name.de.singular, l.name.de.plural, l.name.en.singular, l.name.en.plural],
			officialNumbers: l.officialNumbers,
			areas: l.officialNumbers && areas.length === 1 ? [{ ...areas[0], number: derived.profile.ags }] : areas
		};
	});
	const ctx: InterpretContext = {
		levels,
		city: { name: derived.profile.name, abbreviation: derived.profile.abbreviation },
		indicators: infos,
		population: new Map()
	};
	for (const v of derived.values)
		if (v.indicator === 'einwohner' && v.value !== null) ctx.population.set(v.area, [...(ctx.population.get(v.area) ?? []), { year: v.year, value: v.value }]);
	// Headers are recognised as the indicators an import can bring (an "Einwohner" column next to a
	// rate is its base far more often than residents to import); the admin can map any of them.
	const importableIds = new Set([...catalogue.filter((m) => importable(m) && !m.retired).map((m) => m.id), ...added.map((m) => m.id)]);
	const rec = recognise(grid, { ...ctx, indicators: infos.filter((m) => importableIds.has(m.id)) } as RecogniseContext);
	const mapping: ColumnMapping[] = rec.columns.map((c, i) => {
		const m = options.mapping?.[i];
		if (!m) return { role: c.role, indicator: c.indicator, year: c.year };
		// A part column keeps the year its header names; the admin chooses role and indicator.
		return { role: m.role, indicator: m.indicator || undefined, year: m.year ?? (m.role === c.role ? c.year : undefined) };
	});
	for (const n of options.newIndicators ?? [])
		if (n.column < mapping.length && added.some((m) => m.id === n.id)) {
			const m = mapping[n.column];
			mapping[n.column] = { role: m.role === 'numerator' || m.role === 'base' ? m.role : 'value', indicator: n.id, year: m.year ?? rec.columns[n.column].year };
		}
	const rateBase = options.rateBase ?? 'columns';
	const out = problems.length ? null : interpret(grid, rec, mapping, ctx, { indicator: options.indicator, rateBase });
	const table: TableView = {
		file,
		source: grid.source,
		sheets: grid.sheets,
		sheet: grid.sheet,
		headerRow: grid.rows[rec.header].row,
		titleRows: grid.rows.slice(0, rec.header).map((r) => r.row),
		footerRows: rec.footer.map((i) => grid.rows[i].row),
		dataRows: rec.data.length,
		layout: layoutOf(mapping),
		columns: rec.columns.map((c, i) => ({
			index: c.index,
			letter: c.letter,
			header: c.header.slice(0, 80),
			role: mapping[i].role,
			indicator: mapping[i].indicator,
			year: mapping[i].year,
			recognised: c.recognised,
			numeric: c.numeric,
			sample: rec.data.slice(0, 3).map((r) => cellText(grid.rows[r].cells[i]).slice(0, 30))
		})),
		ratesWithoutBase: out?.ratesWithoutBase ?? [],
		rateBase,
		newIndicators: options.newIndicators ?? []
	};
	if (!out) return { ok: false, problems, table };
	const warnings = [...grid.warnings, ...out.warnings];
	if (out.problems.length) return { ok: false, problems: [...grid.warnings, ...out.problems], table };
	// The version's catalogue with the new entries; the plan then fills in their datasets.
	const filesWithNew = new Map(files);
	if (added.length) filesWithNew.set('indikatoren.json', JSON.stringify([...raw, ...added.map(({ years: _, ...m }) => m)], null, '\t') + '\n');
	const approximated = [...new Set(out.rows.filter((r) => r.approximateBase).map((r) => r.indicator))];
	const planned = planValueImport(filesWithNew, out.rows, [...catalogue, ...added], { ...p, approximateBase: approximated }, options.mode);
	if (!planned.ok) return { ok: false, problems: planned.problems, table };
	warnings.push(...partsDisagree(out.rows, planned.plan.files, derived, ctx.levels, catalogue, file));
	const suppressed = out.rows.filter((r) => r.suppressed).length;
	const layout = {
		long: 'Langformat',
		'wide-year': 'Breitformat nach Jahren',
		'wide-indicator': 'Breitformat nach Indikatoren',
		mixed: 'mehrere Indikatoren und Jahre'
	}[table.layout];
	const summary = [
		`Werte importiert: ${planned.plan.indicators.join(', ')} aus ${file} (${layout}, ${grid.read}, ${out.rows.length} Werte`,
		suppressed ? `, ${suppressed} geheim` : '',
		')',
		added.length ? `; neue Indikatoren: ${added.map((m) => m.id).join(', ')}` : '',
		approximated.length ? `; ${APPROXIMATE_BASE.de} für ${approximated.join(', ')}` : ''
	].join('');
	return { ok: true, plan: planned.plan, rows: out.rows.length, suppressed, approximated: approximated.length, warnings, table, summary };
}

/**
 * Coarser areas' figures of this import checked against the sum of their finest areas as the planned
 * value table holds them (this import's over the kept ones): more than 0.5 % apart is a warning, as the
 * pipeline's aggregation reports it, and the given figure is kept for its area.
 */
function partsDisagree(
	rows: ImportedRow[],
	planned: ReadonlyMap<string, string>,
	derived: Derived,
	levels: InterpretContext['levels'],
	catalogue: IndicatorMeta[],
	file: string
): DataProblem[] {
	const finest = new Set(levels[0].areas.map((a) => a.id));
	const parentOf = new Map(levels.flatMap((l) => derived.areas[l.id].features.map((f) => [f.properties.id, f.properties.parent] as const)));
	const leaves = new Map<string, string[]>();
	for (const id of finest) for (let p = parentOf.get(id) ?? null; p !== null; p = parentOf.get(p) ?? null) leaves.set(p, [...(leaves.get(p) ?? []), id]);
	const num = (s: string | undefined) => (s ? Number(s) : null);
	const parts = new Map<string, { value: number | null; numerator: number | null; denominator: number | null; suppressed: boolean }>();
	for (const id of new Set(rows.map((r) => r.indicator))) {
		const [head, ...body] = csvRows(planned.get(`werte/${id}.csv`) ?? '');
		const col = (name: string) => head?.indexOf(name) ?? -1;
		for (const r of body)
			if (finest.has(r[col('area_id')]))
				parts.set(`${r[col('area_id')]}/${id}/${r[col('year')]}`, {
					value: num(r[col('value')]),
					numerator: num(r[col('numerator')]),
					denominator: num(r[col('denominator')]),
					suppressed: r[col('suppressed')] === 'ja'
				});
	}
	const out: DataProblem[] = [];
	for (const r of rows) {
		const meta = catalogue.find((m) => m.id === r.indicator);
		if (finest.has(r.area) || r.value === null || !meta) continue;
		const own = (leaves.get(r.area) ?? []).map((id) => parts.get(`${id}/${r.indicator}/${r.year}`));
		if (!own.length || own.some((p) => !p || p.suppressed || p.value === null)) continue;
		const agg = meta.aggregation;
		const sum = (xs: (number | null)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);
		let whole: number | null = null;
		if (agg.method === 'sum') whole = sum(own.map((p) => p!.value));
		else if (agg.method === 'rate' && own.every((p) => p!.numerator !== null && p!.denominator !== null)) {
			const den = sum(own.map((p) => p!.denominator));
			if (den > 0) whole = (sum(own.map((p) => p!.numerator)) / den) * agg.scale;
		}
		if (whole === null) continue;
		const diff = Math.abs(r.value - whole) / Math.max(Math.abs(r.value), 1e-9);
		if (diff > DISAGREEMENT)
			out.push({
				file,
				row: r.sourceRow,
				value: r.value,
				key: 'data.levelSumDisagrees',
				params: {
					id: r.indicator,
					year: r.year,
					...inEachLanguage('sum', Number(whole.toFixed(meta.decimals))),
					...inEachLanguage('pct', Number((diff * 100).toFixed(1)))
				},
				severity: 'warning'
			});
	}
	return out;
}

/** A number as each language writes it (`pct@de`: "16,7", `pct@en`: "16.7"), the message picking the reader's. */
function inEachLanguage(name: string, x: number): Record<string, string> {
	return { [`${name}@de`]: String(x).replace('.', ','), [`${name}@en`]: String(x) };
}
