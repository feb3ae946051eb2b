// Reports for the endpoints that render them (PDF, DOCX, the yearly ZIP): a definition from the
// request's URL checked against the current data, the ReportDoc built, or a problem in the
// request's language naming every fault and its parameter.
import { translator, type Locale } from '$lib/i18n';
import { report } from '$lib/i18n/report';
import { requestLocale } from '$lib/i18n/request';
import { buildReport } from '$lib/report/build';
import { kontorYearDefinitions, parseDefinition, type ReportDefinition } from '$lib/report/definition';
import type { ReportDoc } from '$lib/report/model';
import { ProblemError } from './http';
import { definitionContext, reportData } from './reportData';
import { getStore, type Store } from './store';

/** The report a URL defines (`/bericht/bericht.pdf?art=kontor&id=…`); throws a 400 (404 for an unknown subject) ProblemError. */
export async function reportForRequest(url: URL, headers: Headers, store: Store = getStore()): Promise<{ definition: ReportDefinition; doc: ReportDoc }> {
	const parsed = parseDefinition(url.searchParams, definitionContext(store));
	if (!parsed.ok) {
		const locale = requestLocale(url, headers);
		const t = translator(locale, report);
		const unknown = parsed.problems.some((p) => p.key.startsWith('report.problem.unknown.'));
		throw new ProblemError(unknown ? 404 : 400, {
			title: t('report.problem.title'),
			detail: parsed.problems.map((p) => t(p.key, p.params)).join(' '),
			parameter: parsed.problems[0].parameter
		});
	}
	const { definition } = parsed;
	return { definition, doc: buildReport(definition, await reportData(store, new Date(), definition.subject.kind === 'kontor')) };
}

/** The yearly report of every Kontor from the default template (the one-click ZIP); a year out of range is a 400. */
export async function yearlyKontorReports(
	year: number,
	locale: Locale,
	store: Store = getStore()
): Promise<{ kontor: string; name: string; doc: ReportDoc }[]> {
	const ctx = definitionContext(store);
	const first = ctx.years[0] ?? ctx.maxYear;
	if (!Number.isInteger(year) || year < first || year > ctx.maxYear) {
		const t = translator(locale, report);
		throw new ProblemError(400, {
			title: t('report.problem.title'),
			detail: t('report.problem.yearNoData', { value: String(year).slice(0, 10), from: first, to: ctx.maxYear }),
			parameter: 'jahr'
		});
	}
	const data = await reportData(store);
	return kontorYearDefinitions(year, ctx, locale).map(({ kontor, definition }) => ({
		kontor,
		name: store.derived.kontore.features.find((k) => k.properties.id === kontor)!.properties.name,
		doc: buildReport(definition, data)
	}));
}
