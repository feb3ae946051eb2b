// A data problem says what is wrong and where (file, row or feature, field, value), so that a
// broken input can be fixed without guessing. The pipeline and the importers collect them; the
// reason is a catalogue key with its parameters, shown in the reader's language (German default).
import { translator, type Locale, type Params } from '$lib/i18n';
import { census, type CensusKey } from '$lib/i18n/census';
import { facilities, type FacilitiesKey } from '$lib/i18n/facilities';
import { importer, type ImporterKey } from '$lib/i18n/importer';
import type { z } from 'zod';

/** A reason: a key of the `importer` (or the facility register's `facilities`, the census grid's `census`) section with its placeholders. */
export interface DataReason {
	key: ImporterKey | FacilitiesKey | CensusKey;
	params?: Params;
}

export interface DataProblem extends DataReason {
	file: string;
	/** The row as Excel shows it (1-based, header and title rows counted), for tables. */
	row?: number;
	/** The column letter as Excel shows it (A, B, …, AA), for tables; `field` then holds its header. */
	column?: string;
	/** Feature index or id, for GeoJSON. */
	feature?: string | number;
	field?: string;
	value?: unknown;
	/** Said after the reason (e.g. that a row is existing data of the previous version). */
	note?: DataReason;
	/** A warning is fixed or tolerated by the pipeline and reported; anything else stops it. */
	severity?: 'warning';
}

/**
 * A zod issue as a catalogue reason, so that it reads in the reader's language rather than in zod's
 * English: the common codes by their parameters, a schema's own message when it is a catalogue key.
 * `value` is the input at the issue's path (zod 4 issues do not carry it).
 */
export function zodReason(issue: z.core.$ZodIssue, value: unknown): DataReason {
	// A refinement's own issue carries its placeholders (ctx.addIssue({ code: 'custom', params })).
	const params = issue.code === 'custom' ? (issue.params as Params | undefined) : undefined;
	if (Object.hasOwn(importer.de, issue.message)) return { key: issue.message as ImporterKey, ...(params && { params }) };
	if (Object.hasOwn(facilities.de, issue.message)) return { key: issue.message as FacilitiesKey };
	switch (issue.code) {
		case 'invalid_type':
			if (issue.expected === 'int') return { key: 'data.zod.notInteger' };
			if (value === undefined || value === null) return { key: 'data.zod.required' };
			if (issue.expected === 'number') return { key: 'data.zod.expectNumber' };
			if (issue.expected === 'string') return { key: 'data.zod.expectText' };
			return { key: 'data.zod.invalidType', params: { expected: issue.expected } };
		case 'too_small':
			return { key: issue.origin === 'string' ? 'data.zod.tooShort' : 'data.zod.tooSmall', params: { min: String(issue.minimum) } };
		case 'too_big':
			return { key: issue.origin === 'string' ? 'data.zod.tooLong' : 'data.zod.tooBig', params: { max: String(issue.maximum) } };
		case 'invalid_format':
			return { key: 'data.zod.format' };
		case 'invalid_value':
			return { key: 'data.zod.oneOf', params: { options: issue.values.map((v) => String(v)).join(', ') } };
		case 'unrecognized_keys':
			return { key: 'data.zod.unknownKeys', params: { keys: issue.keys.join(', ') } };
		default:
			return { key: 'data.zod.invalid' };
	}
}

/** Parameters given in each language (`levels@de`, `levels@en`: names the profile gives per language) as the reader's `levels`. */
function localParams(params: Params | undefined, locale: Locale): Params | undefined {
	if (!params) return params;
	const out: Params = {};
	for (const [k, v] of Object.entries(params)) {
		const [name, lang] = k.split('@');
		if (lang === undefined) out[k] = v;
		else if (lang === locale) out[name] = v;
	}
	return out;
}

/** The reason alone, in one language. */
export function problemReason(p: DataProblem, locale: Locale = 'de'): string {
	const t = translator(locale, importer, facilities, census);
	const text = t(p.key, localParams(p.params, locale));
	return p.note ? t(p.note.key, { ...p.note.params, text }) : text;
}

/** Where, what and which value, in one line. */
export function formatProblem(p: DataProblem, locale: Locale = 'de'): string {
	const t = translator(locale, importer, facilities, census);
	const where = [p.file];
	if (p.row !== undefined) where.push(t('data.where.row', { n: p.row }));
	if (p.feature !== undefined) where.push(t('data.where.feature', { n: p.feature }));
	if (p.column !== undefined) where.push(t('data.where.column', { column: p.column, field: p.field ?? '' }));
	else if (p.field !== undefined) where.push(t('data.where.field', { field: p.field }));
	const value = p.value === undefined ? '' : ` (${t('data.where.value', { value: String(JSON.stringify(p.value)).slice(0, 80) })})`;
	return `${where.join(', ')}: ${problemReason(p, locale)}${value}`;
}

/** The problems that stop the pipeline; its message is German, like the CLI that prints it. */
export class DataError extends Error {
	constructor(readonly problems: DataProblem[]) {
		super(problems.map((p) => formatProblem(p)).join('\n'));
		this.name = 'DataError';
	}
}
