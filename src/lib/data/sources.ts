// Parsing of the geodata/ source files into typed rows. Every problem names file, row and field;
// a file with problems yields no rows, so nothing half-read flows on.
import { csvRecords } from './csvTable';
import { z } from 'zod';
import { Id, IsoDate, KontorLocationPrecision, PlainText, Year } from './contracts';
import { zodReason, type DataProblem } from './problems';
import { upgradePrecision } from './derived';

export type Parsed<T> = { ok: true; rows: T[] } | { ok: false; problems: DataProblem[] };

/** Empty CSV cells mean "keine Angabe"; they become null before validation. */
const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const num = (schema: z.ZodNumber) =>
	z.preprocess((v) => {
		const e = emptyToNull(v);
		return typeof e === 'string' && /^-?\d+(\.\d+)?$/.test(e.trim()) ? Number(e) : e;
	}, schema);
const nullableNum = (schema: z.ZodNumber) =>
	z.preprocess((v) => {
		const e = emptyToNull(v);
		if (e === null) return null;
		return typeof e === 'string' && /^-?\d+(\.\d+)?$/.test(e.trim()) ? Number(e) : e;
	}, schema.nullable());
const nullable = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToNull, schema.nullable());
const yesNo = z.enum(['yes', 'no']).transform((v) => v === 'yes');
/** A column added after files were first stored: versions written before it lack the column, which then reads as empty. */
const added = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === undefined ? null : emptyToNull(v)), schema.nullable());

export function zodProblems(error: z.ZodError, where: Omit<DataProblem, 'key' | 'params' | 'field' | 'value'>, input: unknown): DataProblem[] {
	return error.issues.map((issue) => {
		const field = issue.path.join('.') || undefined;
		let value: unknown = input;
		for (const key of issue.path) value = (value as Record<PropertyKey, unknown>)?.[key as PropertyKey];
		return { ...where, field, value, ...zodReason(issue, value) };
	});
}

/**
 * Parses a comma-separated UTF-8 CSV (optional BOM) and validates every row.
 * Row numbers are 1-based data rows, as a spreadsheet shows them minus the header.
 * `columns` maps a schema field to the file's own column name where they differ; problems name the file's.
 */
export function parseCsv<S extends z.ZodType>(text: string, file: string, schema: S, columns: Partial<Record<string, string>> = {}): Parsed<z.output<S>> {
	const { columns: header, records } = csvRecords(text);
	return parseRecords(records, header, { file, row: true }, schema, columns);
}

/**
 * Validates records (CSV rows or JSON objects) against an object schema, reading each field from
 * its column (`columns`, default the field's own name). Problems name the source's column and row
 * (CSV, 1-based) or entry (JSON, 0-based as in the file's list).
 */
function parseRecords<S extends z.ZodType>(
	records: Record<string, unknown>[],
	header: string[],
	where: { file: string; row: boolean },
	schema: S,
	columns: Partial<Record<string, string>>
): Parsed<z.output<S>> {
	const { file } = where;
	const problems: DataProblem[] = [];
	const shape = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
	const source = (c: string) => columns[c] ?? c;
	const optional = (c: string) => (schema as unknown as z.ZodObject).shape[c].safeParse(undefined).success;
	const missing = shape.filter((c) => !header.includes(source(c)) && !optional(c)).map(source);
	if (missing.length > 0) {
		return {
			ok: false,
			problems: [{ file, ...(where.row ? { row: 0 } : {}), field: missing.join(', '), key: 'data.missingColumns', params: { columns: header.join(', ') } }]
		};
	}
	const renamed = Object.keys(columns).length > 0;
	const rows: z.output<S>[] = [];
	records.forEach((raw, i) => {
		const input = renamed ? Object.fromEntries(shape.map((c) => [c, raw[source(c)]])) : raw;
		const result = schema.safeParse(input);
		if (result.success) rows.push(result.data);
		else
			problems.push(
				...zodProblems(result.error, where.row ? { file, row: i + 1 } : { file, feature: i }, input).map((p) => ({
					...p,
					field: p.field === undefined ? undefined : source(p.field)
				}))
			);
	});
	return problems.length ? { ok: false, problems } : { ok: true, rows };
}

export function parseJson<S extends z.ZodType>(text: string, file: string, schema: S): Parsed<z.output<S>> {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (e) {
		return { ok: false, problems: [{ file, key: 'data.invalidJson', params: { error: (e as Error).message } }] };
	}
	const result = schema.safeParse(data);
	if (!result.success) return { ok: false, problems: zodProblems(result.error, { file }, data) };
	return { ok: true, rows: [result.data] };
}

/** A number cell that may be absent (no such column or member) or empty: null. */
const optionalNum = (schema: z.ZodNumber) =>
	z.preprocess((v) => {
		const e = v === undefined ? null : emptyToNull(v);
		return typeof e === 'string' && /^-?\d+(\.\d+)?$/.test(e.trim()) ? Number(e) : e;
	}, schema.nullable());

/**
 * One area of a level, in the columns of AREA_COLUMNS (profile.ts) after the profile's renaming:
 * id, name, the parent (id or name, see LevelSource.parentBy) and the optional real figures,
 * residents with their reference date and the official area with its date or year.
 */
export const AreaRow = z.object({
	id: Id,
	name: PlainText,
	parent: added(PlainText),
	einwohner: optionalNum(z.number().int().nonnegative()),
	einwohner_stand: added(IsoDate),
	flaeche_km2: optionalNum(z.number().positive()),
	flaeche_jahr: optionalNum(Year)
});
export type AreaRow = z.output<typeof AreaRow>;

/**
 * The areas of one level from its table: a CSV, or in a JSON file the list (or the single object)
 * under `key`, with the profile's column names (`columns`).
 */
export function parseAreaTable(text: string, source: { file: string; key?: string; columns: Partial<Record<string, string>> }): Parsed<AreaRow> {
	const { file, key, columns } = source;
	if (!file.endsWith('.json')) return parseCsv(text, file, AreaRow, columns);
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (e) {
		return { ok: false, problems: [{ file, key: 'data.invalidJson', params: { error: (e as Error).message } }] };
	}
	const member = key === undefined ? data : (data as Record<string, unknown> | null)?.[key];
	const list = Array.isArray(member) ? member : member && typeof member === 'object' ? [member] : null;
	if (!list || list.some((x) => !x || typeof x !== 'object' || Array.isArray(x)))
		return { ok: false, problems: [{ file, field: key, key: 'data.areaListExpected' }] };
	const records = list as Record<string, unknown>[];
	return parseRecords(records, [...new Set(records.flatMap((r) => Object.keys(r)))], { file, row: false }, AreaRow, columns);
}

/** A seed point of a generated finest area: its id (column named in the profile) and WGS84 position. */
export const SeedRow = z.object({
	id: Id,
	lat: num(z.number().min(-90).max(90)),
	lon: num(z.number().min(-180).max(180))
});
export type SeedRow = z.output<typeof SeedRow>;

export const StadtteilRow = z.object({
	stadtteil_id: Id,
	stadtteil: PlainText,
	ortschaft: PlainText,
	einwohner: nullableNum(z.number().int().nonnegative()),
	einwohner_stand: nullable(IsoDate),
	flaeche_km2: nullableNum(z.number().positive()),
	source_url: nullable(z.url()),
	note: z.string()
});
export type StadtteilRow = z.output<typeof StadtteilRow>;

export const KoordinateRow = z.object({
	stadtteil_id: Id,
	stadtteil: PlainText,
	lat: num(z.number().min(-90).max(90)),
	lon: num(z.number().min(-180).max(180)),
	dms: z.string(),
	source_url: z.url(),
	note: z.string()
});
export type KoordinateRow = z.output<typeof KoordinateRow>;

/**
 * Residents over time. Stadtteil rows keep a Stadtteil's earlier figures once stadtteile.csv carries
 * a newer one, with the official area the same source gave (so older totals and densities stay).
 */
export const ZeitreiheRow = z.object({
	/** A level id of the profile. */
	gebiet_typ: Id,
	gebiet: PlainText,
	jahr: num(Year),
	einwohner: num(z.number().int().nonnegative()),
	flaeche_km2: nullableNum(z.number().positive()),
	stand: IsoDate,
	source_url: z.url(),
	note: z.string()
});
export type ZeitreiheRow = z.output<typeof ZeitreiheRow>;

export const KontorRow = z.object({
	kontor_id: Id,
	name: PlainText,
	stadtteil: PlainText,
	stadtteil_verified: yesNo,
	location_precision: z.preprocess(upgradePrecision, KontorLocationPrecision),
	known_location: PlainText,
	source: PlainText,
	note: z.string(),
	address: nullable(PlainText),
	lat: nullableNum(z.number().min(-90).max(90)),
	lon: nullableNum(z.number().min(-180).max(180)),
	opened: added(IsoDate),
	closed: added(IsoDate),
	opening_hours: added(PlainText),
	phone: added(PlainText),
	email: added(z.email()),
	/** Offers (Angebote), separated by semicolons within the cell. */
	offers: added(z.string())
		.transform((v) =>
			(v ?? '')
				.split(';')
				.map((o) => o.trim())
				.filter(Boolean)
		)
		.pipe(z.array(PlainText))
});
export type KontorRow = z.output<typeof KontorRow>;

/** Long-format indicator values (one row per area, indicator and year). */
export const ValueRow = z.object({
	area_id: Id,
	indicator: Id,
	year: num(Year),
	value: nullableNum(z.number()),
	numerator: nullableNum(z.number().nonnegative()),
	denominator: nullableNum(z.number().positive()),
	/** "ja" where the source keeps the figure secret ("x", "•" in official tables): published as suppressed. */
	suppressed: z.enum(['', 'ja']).optional()
});
export type ValueRow = z.output<typeof ValueRow>;

export const Gebiete = z.object({
	stadt: z.object({
		id: Id,
		name: PlainText,
		ags: z.string().regex(/^\d{8}$/),
		flaecheKm2: z.number().positive(),
		flaecheYear: Year
	}),
	ortschaften: z.array(z.object({ id: Id, name: PlainText })).min(1)
});
export type Gebiete = z.output<typeof Gebiete>;
