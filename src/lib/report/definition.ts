// The report definition: what a report is about (subject, indicators, years, chapters, comparison
// areas, language), read from and written to URL search params, so a report is a link and a saved
// template is that link's query. Pure; problems come back as catalogue keys of the `report` section.
import { z } from 'zod';
import { parseLocale, type Locale, type Params } from '$lib/i18n';
import { langParams } from '$lib/i18n/links';
import type { ReportKey } from '$lib/i18n/report';
import type { ReportChapter } from './model';

/**
 * What a report may be about: a Kontor, one area of a mapped level (the kind is the level's id from
 * the city profile, e.g. `art=bezirk`), or a selection of areas of one level.
 */
export const subjectKinds = (levels: readonly string[]): string[] => ['kontor', ...levels, 'auswahl'];
export type SubjectKind = string;

export const CHAPTERS = [
	'lage',
	'bevoelkerung',
	'indikatoren',
	'vergleich',
	'einrichtungen',
	'taetigkeit',
	'datenstand'
] as const satisfies readonly ReportChapter['id'][];
export type ChapterId = (typeof CHAPTERS)[number];

/**
 * At most 30 indicators: every indicator adds a table row, a time-series chart and a bar of the
 * deviation chart, so 30 already make a report of some 40 pages; the catalogue ships 11. A limit
 * keeps rendering time and the URL bounded (a 200-indicator request is refused, not truncated).
 */
export const MAX_INDICATORS = 30;
/** A selection or a comparison names at most this many areas (as the comparison page). */
export const MAX_AREAS = 12;
/** Years a report may span: its time series start at the first. */
export const MAX_YEARS = 10;

/** `kind` is 'kontor' or a level id for one subject, 'auswahl' for a selection (`ids`). */
export type ReportSubject = { kind: string; id: string } | { kind: 'auswahl'; ids: string[] };

/** The ids a subject names: one, or the selection's. */
export const subjectIds = (s: ReportSubject): string[] => ('ids' in s ? s.ids : [s.id]);

export interface ReportDefinition {
	subject: ReportSubject;
	/** Indicator ids in the order the report shows them. */
	indicators: string[];
	/**
	 * The report year (the last) and, before it, the years its time series and changes reach back to;
	 * ascending. Indicators show their latest value up to each year, with its own year printed.
	 */
	years: number[];
	chapters: ChapterId[];
	/** Areas (of any mapped level) the Vergleich chapter compares the subject with. */
	compare: string[];
	locale: Locale;
}

/** What the parser checks ids and years against: the served data. */
export interface DefinitionContext {
	kontore: string[];
	/** The levels whose areas may be subjects and comparison areas, finest first (the city as a whole is none). */
	levels: string[];
	/** Area id → level. */
	areas: Map<string, string>;
	indicators: string[];
	/** Years with indicator values, ascending. */
	years: number[];
	/** The last year a report may be for (the current year: Kontor texts come before the statistics). */
	maxYear: number;
}

export interface DefinitionProblem {
	key: ReportKey;
	params?: Params;
	/** The URL parameter at fault. */
	parameter: string;
}

export type ParsedDefinition = { ok: true; definition: ReportDefinition } | { ok: false; problems: DefinitionProblem[] };

/** URL parameter names (German, as the page's URL is). */
export const PARAMS = {
	kind: 'art',
	id: 'id',
	indicators: 'indikatoren',
	years: 'jahre',
	chapters: 'kapitel',
	compare: 'vergleich',
	lang: 'lang'
} as const;

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
const list = (raw: string | null) =>
	raw === null
		? null
		: raw
				.split(',')
				.map((s) => s.trim())
				.filter((s) => s !== '');

const YearText = z.string().regex(/^\d{4}$/);

/** Reads a definition from URL params; every problem found is reported, each naming its parameter. */
export function parseDefinition(params: URLSearchParams, ctx: DefinitionContext): ParsedDefinition {
	const problems: DefinitionProblem[] = [];
	const locale = parseLocale(params.get(PARAMS.lang));

	const kindRaw = params.get(PARAMS.kind) ?? '';
	const ids = list(params.get(PARAMS.id)) ?? [];
	let subject: ReportSubject | null = null;
	const isArea = (id: string) => ctx.levels.includes(ctx.areas.get(id) ?? '');
	if (!subjectKinds(ctx.levels).includes(kindRaw)) {
		problems.push({
			key: kindRaw === '' ? 'report.problem.kindMissing' : 'report.problem.kind',
			params: { value: clip(kindRaw), allowed: subjectKinds(ctx.levels).join(', ') },
			parameter: PARAMS.kind
		});
	} else if (ids.length === 0) {
		problems.push({ key: kindRaw === 'auswahl' ? 'report.problem.emptySelection' : 'report.problem.idMissing', parameter: PARAMS.id });
	} else if (kindRaw === 'auswahl') {
		const unknown = ids.filter((id) => !isArea(id));
		const levels = new Set(ids.map((id) => ctx.areas.get(id)));
		if (unknown.length) problems.push({ key: 'report.problem.unknownAreas', params: { ids: unknown.slice(0, 5).map(clip).join(', ') }, parameter: PARAMS.id });
		else if (new Set(ids).size !== ids.length) problems.push({ key: 'report.problem.duplicate', parameter: PARAMS.id });
		else if (ids.length > MAX_AREAS) problems.push({ key: 'report.problem.tooManyAreas', params: { max: MAX_AREAS, n: ids.length }, parameter: PARAMS.id });
		else if (levels.size > 1) problems.push({ key: 'report.problem.mixedLevels', parameter: PARAMS.id });
		else subject = { kind: 'auswahl', ids };
	} else if (ids.length > 1) {
		problems.push({ key: 'report.problem.oneId', params: { kind: kindRaw }, parameter: PARAMS.id });
	} else {
		const kind = kindRaw;
		const known = kind === 'kontor' ? ctx.kontore.includes(ids[0]) : ctx.areas.get(ids[0]) === kind;
		if (known) subject = { kind, id: ids[0] };
		else
			problems.push({
				key: kind === 'kontor' ? 'report.problem.unknown.kontor' : 'report.problem.unknown.area',
				params: kind === 'kontor' ? { id: clip(ids[0]) } : { id: clip(ids[0]), level: kind },
				parameter: PARAMS.id
			});
	}

	const indicatorsRaw = list(params.get(PARAMS.indicators));
	let indicators = ctx.indicators.slice(0, MAX_INDICATORS);
	if (indicatorsRaw !== null) {
		const unknown = indicatorsRaw.filter((id) => !ctx.indicators.includes(id));
		if (indicatorsRaw.length > MAX_INDICATORS)
			problems.push({ key: 'report.problem.tooManyIndicators', params: { max: MAX_INDICATORS, n: indicatorsRaw.length }, parameter: PARAMS.indicators });
		else if (unknown.length)
			problems.push({ key: 'report.problem.unknownIndicators', params: { ids: unknown.slice(0, 5).map(clip).join(', ') }, parameter: PARAMS.indicators });
		else if (indicatorsRaw.length === 0) problems.push({ key: 'report.problem.noIndicators', parameter: PARAMS.indicators });
		else indicators = [...new Set(indicatorsRaw)];
	}

	const yearsRaw = list(params.get(PARAMS.years));
	let years = ctx.years.slice(-2);
	if (yearsRaw !== null) {
		const bad = yearsRaw.filter((y) => !YearText.safeParse(y).success);
		const first = ctx.years[0] ?? ctx.maxYear;
		const out = yearsRaw.filter((y) => !bad.includes(y) && (Number(y) < first || Number(y) > ctx.maxYear));
		if (bad.length) problems.push({ key: 'report.problem.year', params: { value: clip(bad[0]) }, parameter: PARAMS.years });
		else if (out.length)
			problems.push({
				key: 'report.problem.yearNoData',
				params: { value: out[0], from: first, to: ctx.maxYear },
				parameter: PARAMS.years
			});
		else if (yearsRaw.length === 0) problems.push({ key: 'report.problem.noYears', parameter: PARAMS.years });
		else if (new Set(yearsRaw).size > MAX_YEARS) problems.push({ key: 'report.problem.tooManyYears', params: { max: MAX_YEARS }, parameter: PARAMS.years });
		else years = [...new Set(yearsRaw.map(Number))].sort((a, b) => a - b);
	}
	if (years.length === 0) problems.push({ key: 'report.problem.noYears', parameter: PARAMS.years });

	const chaptersRaw = list(params.get(PARAMS.chapters));
	let chapters: ChapterId[] = [...CHAPTERS];
	if (chaptersRaw !== null) {
		const unknown = chaptersRaw.filter((c) => !(CHAPTERS as readonly string[]).includes(c));
		if (unknown.length)
			problems.push({ key: 'report.problem.chapter', params: { value: clip(unknown[0]), allowed: CHAPTERS.join(', ') }, parameter: PARAMS.chapters });
		else if (chaptersRaw.length === 0) problems.push({ key: 'report.problem.noChapters', parameter: PARAMS.chapters });
		// The chapters keep the report's order whatever order the URL names them in.
		else chapters = CHAPTERS.filter((c) => chaptersRaw.includes(c));
	}

	const compareRaw = list(params.get(PARAMS.compare)) ?? [];
	const compareUnknown = compareRaw.filter((id) => !isArea(id));
	if (compareUnknown.length)
		problems.push({ key: 'report.problem.unknownAreas', params: { ids: compareUnknown.slice(0, 5).map(clip).join(', ') }, parameter: PARAMS.compare });
	else if (compareRaw.length > MAX_AREAS)
		problems.push({ key: 'report.problem.tooManyAreas', params: { max: MAX_AREAS, n: compareRaw.length }, parameter: PARAMS.compare });

	if (problems.length || !subject) return { ok: false, problems };
	return { ok: true, definition: { subject, indicators, years, chapters, compare: [...new Set(compareRaw)], locale } };
}

/** The definition as URL params (the inverse of parseDefinition); `lang` only for English. */
export function definitionParams(d: ReportDefinition): URLSearchParams {
	const p = new URLSearchParams();
	p.set(PARAMS.kind, d.subject.kind);
	p.set(PARAMS.id, subjectIds(d.subject).join(','));
	p.set(PARAMS.indicators, d.indicators.join(','));
	p.set(PARAMS.years, d.years.join(','));
	if (d.chapters.length !== CHAPTERS.length) p.set(PARAMS.chapters, d.chapters.join(','));
	if (d.compare.length) p.set(PARAMS.compare, d.compare.join(','));
	for (const [k, v] of Object.entries(langParams(d.locale))) p.set(k, v);
	return p;
}

/** The query string of a definition, commas kept readable. */
export const definitionQuery = (d: ReportDefinition) => definitionParams(d).toString().replaceAll('%2C', ',');

/**
 * The default template of the yearly Kontor report: the Kontor, every indicator (up to the limit),
 * the report year and the year before, all chapters, no comparison areas.
 */
export function kontorYearDefinition(kontor: string, year: number, ctx: DefinitionContext, locale: Locale = 'de'): ReportDefinition {
	const first = ctx.years[0] ?? year;
	return {
		subject: { kind: 'kontor', id: kontor },
		indicators: ctx.indicators.slice(0, MAX_INDICATORS),
		years: year - 1 >= first ? [year - 1, year] : [year],
		chapters: [...CHAPTERS],
		compare: [],
		locale
	};
}

/** The yearly reports of all Kontore (the one-click batch): one definition per Kontor. */
export function kontorYearDefinitions(year: number, ctx: DefinitionContext, locale: Locale = 'de'): { kontor: string; definition: ReportDefinition }[] {
	return ctx.kontore.map((kontor) => ({ kontor, definition: kontorYearDefinition(kontor, year, ctx, locale) }));
}

/** Form fields of /bericht that only the form sends: one subject field per kind, so the form works without JavaScript. */
export const FORM_MARKER = 'formular';
export const subjectField = (kind: SubjectKind) => `${PARAMS.id}-${kind}`;

/**
 * The canonical URL query of a submitted /bericht form (repeated checkboxes become comma lists,
 * the subject field of the chosen kind becomes `id`), or null for a URL that is already one.
 * Invalid values pass through unchanged, so the parser can name them.
 */
export function formQuery(params: URLSearchParams, levels: readonly string[]): string | null {
	if (!params.has(FORM_MARKER)) return null;
	const out = new URLSearchParams();
	const kind = params.get(PARAMS.kind) ?? '';
	const joined = (name: string) =>
		params
			.getAll(name)
			.flatMap((v) => v.split(/[\s,;]+/))
			.filter((v) => v !== '')
			.join(',');
	out.set(PARAMS.kind, kind);
	out.set(PARAMS.id, subjectKinds(levels).includes(kind) ? joined(subjectField(kind)) : '');
	out.set(PARAMS.indicators, joined(PARAMS.indicators));
	out.set(PARAMS.years, joined(PARAMS.years));
	const chapters = joined(PARAMS.chapters);
	if (chapters.split(',').length !== CHAPTERS.length) out.set(PARAMS.chapters, chapters);
	const compare = joined(PARAMS.compare);
	if (compare) out.set(PARAMS.compare, compare);
	if (params.get(PARAMS.lang)) out.set(PARAMS.lang, params.get(PARAMS.lang)!);
	return out.toString().replaceAll('%2C', ',');
}
