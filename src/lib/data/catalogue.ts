// Editing the indicator catalogue (indikatoren.json) from the admin: the form's fields become an
// entry (kind Anteil/Anzahl/Wert mapped onto the aggregation contract), and an entry is created,
// changed, retired or restored in the file's text. Pure; the pipeline then validates the edited
// file set like any other version.
import { z } from 'zod';
import type { Params } from '$lib/i18n';
import type { CatalogueKey } from '$lib/i18n/catalogue';
import { Aggregation, IndicatorMeta, Polarity } from './contracts';
import { zodReason, type DataReason } from './problems';

export const CATALOGUE_FILE = 'indikatoren.json';

/**
 * What the admin chooses instead of an aggregation method: Anteil is a rate (summed numerators
 * over summed denominators), Anzahl a sum, Wert a weighted mean or a ratio of two indicators.
 */
export const INDICATOR_KINDS = ['anteil', 'anzahl', 'wert'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
export const VALUE_RULES = ['weighted-mean', 'ratio'] as const;
export const DOMAINS = IndicatorMeta.shape.domain.options;
export const POLARITIES = Polarity.options;

export function kindOf(aggregation: Aggregation): IndicatorKind {
	return aggregation.method === 'rate' ? 'anteil' : aggregation.method === 'sum' ? 'anzahl' : 'wert';
}

/** The form's fields, all as text (checkboxes: present or not). */
export const FORM_FIELDS = [
	'id',
	'labelDe',
	'labelEn',
	'descriptionDe',
	'descriptionEn',
	'unitDe',
	'unitEn',
	'kind',
	'scale',
	'rule',
	'weight',
	'numerator',
	'denominator',
	'polarity',
	'domain',
	'decimals',
	'rangeMin',
	'rangeMax',
	'source',
	'licence',
	'beispieldaten',
	'disclosureControl',
	'visibility',
	'publicLevels'
] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type EntryForm = Partial<Record<FormField, string>>;

/** A problem with the edit: the form field it concerns, and the reason as a key of `catalogue` or of `importer`. */
export interface EditProblem {
	field: FormField | 'entry';
	value?: string;
	reason: { catalogue: CatalogueKey; params?: Params } | { data: DataReason };
}

type Raw = Record<string, unknown> & { id: string };
export type EditResult = { ok: true; text: string; summary: string } | { ok: false; problems: EditProblem[] };

const problem = (field: EditProblem['field'], key: CatalogueKey, value?: string, params?: Params): EditProblem => ({
	field,
	value,
	reason: { catalogue: key, params }
});

/** The form of an existing entry, for editing. */
export function formOf(m: IndicatorMeta): EntryForm {
	const a = m.aggregation;
	return {
		id: m.id,
		labelDe: m.label.de,
		labelEn: m.label.en,
		descriptionDe: m.description.de,
		descriptionEn: m.description.en,
		unitDe: m.unit.de,
		unitEn: m.unit.en,
		kind: kindOf(a),
		scale: a.method === 'rate' ? String(a.scale) : '100',
		rule: a.method === 'ratio' ? 'ratio' : 'weighted-mean',
		weight: a.method === 'weighted-mean' ? a.weightIndicator : '',
		numerator: a.method === 'ratio' ? a.numerator : '',
		denominator: a.method === 'ratio' ? a.denominator : '',
		polarity: m.polarity,
		domain: m.domain,
		decimals: String(m.decimals),
		rangeMin: String(m.range[0]),
		rangeMax: String(m.range[1]),
		source: m.source,
		licence: m.licence,
		beispieldaten: m.beispieldaten ? 'on' : '',
		disclosureControl: m.disclosureControl ? 'on' : '',
		visibility: m.visibility,
		// Level ids, comma-separated (the form's checkboxes, one per level of the city profile).
		publicLevels: (m.publicLevels ?? []).join(',')
	};
}

/** German or English number notation as typed into a form: "12,5", "12.5", "1.000" is not guessed at. */
function parseNumber(raw: string | undefined): number | null {
	const s = (raw ?? '').trim().replace(/\s/g, '');
	if (!/^-?\d+([.,]\d+)?$/.test(s)) return null;
	return Number(s.replace(',', '.'));
}

/** Where a zod issue on the entry points, as a form field. */
function fieldOf(path: PropertyKey[]): FormField | 'entry' {
	const [a, b] = path.map(String);
	const nested: Record<string, FormField> = {
		'label.de': 'labelDe',
		'label.en': 'labelEn',
		'description.de': 'descriptionDe',
		'description.en': 'descriptionEn',
		'unit.de': 'unitDe',
		'unit.en': 'unitEn',
		'range.0': 'rangeMin',
		'range.1': 'rangeMax'
	};
	if (nested[`${a}.${b}`]) return nested[`${a}.${b}`];
	if (a === 'aggregation') return b === 'scale' ? 'scale' : b === 'weightIndicator' ? 'weight' : b === 'numerator' || b === 'denominator' ? b : 'kind';
	return (FORM_FIELDS as readonly string[]).includes(a) ? (a as FormField) : 'entry';
}

/**
 * The entry the form describes, on top of the existing one when editing (which keeps what the
 * form does not show: its datasets, a disclosure threshold, a retirement).
 */
function entryFrom(form: EntryForm, existing: Raw | undefined, active: Raw[], levels: string[]): { entry: Raw } | { problems: EditProblem[] } {
	const problems: EditProblem[] = [];
	const text = (f: FormField, max: number) => {
		const v = (form[f] ?? '').trim();
		if (/[<>]/.test(v)) problems.push(problem(f, 'catalogue.problem.angleBrackets', v.slice(0, 60)));
		else if (v.length > max) problems.push(problem(f, 'catalogue.problem.tooLong', v.slice(0, 60), { max }));
		return v;
	};
	const number = (f: FormField) => {
		const n = parseNumber(form[f]);
		if (n === null) problems.push(problem(f, 'catalogue.problem.number', (form[f] ?? '').slice(0, 60)));
		return n;
	};
	const id = existing ? existing.id : (form.id ?? '').trim();
	const kind = form.kind as IndicatorKind;
	const ref = (f: 'weight' | 'numerator' | 'denominator') => {
		const v = (form[f] ?? '').trim();
		if (v === id) problems.push(problem(f, 'catalogue.problem.selfRef', v));
		else if (!active.some((m) => m.id === v)) problems.push(problem(f, 'catalogue.problem.unknownRef', v.slice(0, 60)));
		return v;
	};
	let aggregation: unknown;
	if (kind === 'anteil') aggregation = { method: 'rate', scale: number('scale') };
	else if (kind === 'anzahl') aggregation = { method: 'sum' };
	else if (kind === 'wert')
		aggregation =
			form.rule === 'ratio'
				? { method: 'ratio', numerator: ref('numerator'), denominator: ref('denominator') }
				: { method: 'weighted-mean', weightIndicator: ref('weight') };
	else aggregation = { method: form.kind };
	const rangeMin = number('rangeMin');
	const rangeMax = number('rangeMax');
	if (rangeMin !== null && rangeMax !== null && rangeMin >= rangeMax) problems.push(problem('rangeMax', 'catalogue.problem.rangeOrder', form.rangeMax));
	const decimals = number('decimals');
	const { disclosureControl: _dc, visibility: before, publicLevels: _pl, ...kept } = existing ?? ({} as Partial<Raw>);
	// Who may see it (issue #19): public unless chosen otherwise; an internal entry may be public at some levels.
	const visibility = (form.visibility ?? '').trim() || (typeof before === 'string' ? before : 'public');
	const publicLevels = (form.publicLevels ?? '')
		.split(',')
		.map((l) => l.trim())
		.filter(Boolean);
	for (const l of publicLevels)
		if (!levels.includes(l)) problems.push(problem('publicLevels', 'catalogue.problem.unknownLevel', l.slice(0, 60), { levels: levels.join(', ') }));
	const entry: Raw = {
		...kept,
		id,
		label: { de: text('labelDe', 500), en: text('labelEn', 500) },
		description: { de: text('descriptionDe', 1000), en: text('descriptionEn', 1000) },
		unit: { de: text('unitDe', 20), en: text('unitEn', 20) },
		domain: form.domain,
		polarity: form.polarity,
		aggregation,
		range: [rangeMin, rangeMax],
		decimals,
		datasets: existing?.datasets ?? [],
		source: text('source', 500),
		licence: text('licence', 500),
		beispieldaten: form.beispieldaten === 'on',
		...(kind === 'anzahl' && form.disclosureControl === 'on' ? { disclosureControl: true } : {}),
		// Written once it is not the default or the file already said it, so other edits leave the file as it was.
		...(visibility !== 'public' || before !== undefined ? { visibility } : {}),
		...(visibility === 'internal' && publicLevels.length ? { publicLevels: [...new Set(publicLevels)] } : {})
	};
	if (problems.length) return { problems };
	const checked = IndicatorMeta.safeParse(entry);
	if (!checked.success)
		return {
			problems: checked.error.issues.map((i) => {
				let value: unknown = entry;
				for (const k of i.path) value = (value as Record<PropertyKey, unknown>)?.[k as PropertyKey];
				return { field: fieldOf(i.path), value: value === undefined ? undefined : String(value).slice(0, 60), reason: { data: zodReason(i, value) } };
			})
		};
	return { entry };
}

const parse = (text: string) => JSON.parse(text) as Raw[];
const serialise = (entries: Raw[]) => JSON.stringify(entries, null, '\t') + '\n';
const isActive = (m: Raw) => m.retired === undefined;

/** Ids of active entries whose aggregation names `id` (a ratio's parts, a weighted mean's weight). */
function usersOf(entries: Raw[], id: string): string[] {
	return entries
		.filter((m) => isActive(m) && m.id !== id)
		.filter((m) => {
			const a = m.aggregation as Aggregation;
			return a.method === 'ratio' ? a.numerator === id || a.denominator === id : a.method === 'weighted-mean' ? a.weightIndicator === id : false;
		})
		.map((m) => m.id);
}

/** `levels`: the ids of the city profile's levels, the ones an internal entry may still be public at. */
export function createEntry(text: string, form: EntryForm, levels: string[] = []): EditResult {
	const entries = parse(text);
	const id = (form.id ?? '').trim();
	if (entries.some((m) => m.id === id)) return { ok: false, problems: [problem('id', 'catalogue.problem.idTaken', id.slice(0, 60))] };
	const built = entryFrom(form, undefined, entries.filter(isActive), levels);
	if ('problems' in built) return { ok: false, problems: built.problems };
	return {
		ok: true,
		text: serialise([...entries, built.entry]),
		summary: `Katalog: Indikator „${id}“ angelegt (${kindOf(built.entry.aggregation as Aggregation)})`
	};
}

export function updateEntry(text: string, id: string, form: EntryForm, levels: string[] = []): EditResult {
	const entries = parse(text);
	const at = entries.findIndex((m) => m.id === id);
	if (at < 0) return { ok: false, problems: [problem('id', 'catalogue.problem.unknownId', id.slice(0, 60))] };
	if (!isActive(entries[at])) return { ok: false, problems: [problem('id', 'catalogue.problem.retiredEdit', id)] };
	const built = entryFrom(form, entries[at], entries.filter(isActive), levels);
	if ('problems' in built) return { ok: false, problems: built.problems };
	const before = entries[at];
	const changed = Object.keys({ ...before, ...built.entry }).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(built.entry[k]));
	if (!changed.length) return { ok: false, problems: [problem('entry', 'catalogue.problem.unchanged', id)] };
	const next = entries.map((m, i) => (i === at ? built.entry : m));
	return { ok: true, text: serialise(next), summary: `Katalog: Indikator „${id}“ geändert (${changed.join(', ')})` };
}

/** Retired: kept in the file with its date, no longer served as a current layer. */
export function retireEntry(text: string, id: string, date: string): EditResult {
	const entries = parse(text);
	const entry = entries.find((m) => m.id === id);
	if (!entry) return { ok: false, problems: [problem('id', 'catalogue.problem.unknownId', id.slice(0, 60))] };
	if (!isActive(entry)) return { ok: false, problems: [problem('id', 'catalogue.problem.alreadyRetired', id)] };
	const users = usersOf(entries, id);
	if (users.length) return { ok: false, problems: [problem('id', 'catalogue.problem.referenced', id, { ids: users.join(', ') })] };
	if (entries.filter(isActive).length === 1) return { ok: false, problems: [problem('id', 'catalogue.problem.lastActive', id)] };
	const next = entries.map((m) => (m.id === id ? { ...m, retired: date } : m));
	return { ok: true, text: serialise(next), summary: `Katalog: Indikator „${id}“ stillgelegt` };
}

export function restoreEntry(text: string, id: string): EditResult {
	const entries = parse(text);
	const entry = entries.find((m) => m.id === id);
	if (!entry) return { ok: false, problems: [problem('id', 'catalogue.problem.unknownId', id.slice(0, 60))] };
	if (isActive(entry)) return { ok: false, problems: [problem('id', 'catalogue.problem.notRetired', id)] };
	const next = entries.map((m) => {
		if (m.id !== id) return m;
		const { retired: _retired, ...rest } = m;
		return rest as Raw;
	});
	return { ok: true, text: serialise(next), summary: `Katalog: Indikator „${id}“ wieder aufgenommen` };
}

/** The catalogue as the file has it, checked (the entries a page lists). */
export function readCatalogue(text: string): IndicatorMeta[] {
	return z.array(IndicatorMeta).parse(JSON.parse(text));
}
