// The report downloads: a report definition from the URL (as /bericht writes it) to one PDF or
// Word file, and the six Kontore's yearly reports from the default template as one ZIP. The
// reports are built here from the served data (the API's figures, after disclosure control),
// checked, and rendered in the analysis pool; a bad definition is a 400 problem naming every fault.
import { translator, urlLocale, type Locale } from '$lib/i18n';
import { report } from '$lib/i18n/report';
import { reportOutput } from '$lib/i18n/reportOutput';
import { requestLocale } from '$lib/i18n/request';
import { buildReport } from '$lib/report/build';
import { kontorYearDefinitions, parseDefinition, type DefinitionProblem } from '$lib/report/definition';
import type { ReportDoc } from '$lib/report/model';
import { ProblemError } from '../http';
import { runInPool } from '../pool';
import { definitionContext, reportData } from '../reportData';
import type { Store } from '../store';
import { checkReport } from './check';
import { attachment, fileSlug, REPORT_FORMATS, REPORT_TYPES, type ReportFormat } from './render';

function download(bytes: Uint8Array, type: string, disposition: string): Response {
	return new Response(bytes as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': type,
			'content-disposition': disposition,
			'content-length': String(bytes.byteLength),
			// Each download is made for its request, with the time it was made printed in it.
			'cache-control': 'no-store',
			'access-control-expose-headers': 'Content-Disposition'
		}
	});
}

/** Every fault of a definition in one problem, in the request's language; `parameter` names the first. */
function definitionProblem(problems: DefinitionProblem[], locale: Locale): ProblemError {
	const t = translator(locale, report, reportOutput);
	return new ProblemError(400, {
		title: t('problem.reportDefinition'),
		detail: problems.map((p) => t(p.key, p.params)).join(' '),
		parameter: problems[0].parameter
	});
}

/** GET /bericht/bericht.pdf|docx?<definition>: the report as a file. */
export async function reportFile(format: ReportFormat, url: URL, request: Request, store: Store): Promise<Response> {
	const parsed = parseDefinition(url.searchParams, definitionContext(store));
	if (!parsed.ok) throw definitionProblem(parsed.problems, requestLocale(url, request.headers));
	const doc = buildReport(parsed.definition, await reportData(store));
	checkReport(doc);
	const bytes = await runInPool({ kind: 'report', format, docs: [doc], names: [] });
	return download(bytes, REPORT_TYPES[format], attachment(`${doc.title} ${doc.subtitle}`, format));
}

const YEAR = /^\d{4}$/;

/** GET /bericht/jahresberichte.zip?jahr=YYYY[&format=pdf|docx] (`lang` as on pages): each Kontor's yearly report, zipped. */
export async function yearlyReports(url: URL, store: Store): Promise<Response> {
	const ctx = definitionContext(store);
	const rawYear = url.searchParams.get('jahr') ?? '';
	const first = ctx.years[0] ?? ctx.maxYear;
	const year = Number(rawYear);
	if (!YEAR.test(rawYear) || year < first || year > ctx.maxYear) {
		throw new ProblemError(400, {
			title: 'problem.reportYear',
			detail: 'problem.reportYear.detail',
			params: { year: rawYear, years: `${first}–${ctx.maxYear}` },
			parameter: 'jahr'
		});
	}
	const rawFormat = url.searchParams.get('format') ?? 'pdf';
	const format = REPORT_FORMATS.find((f) => f === rawFormat);
	if (!format) {
		throw new ProblemError(400, {
			title: 'problem.reportFormat',
			detail: 'problem.reportFormat.detail',
			params: { format: rawFormat },
			parameter: 'format',
			allowed: [...REPORT_FORMATS]
		});
	}
	const locale = urlLocale(url);
	const t = translator(locale, reportOutput);
	const data = await reportData(store);
	const docs: ReportDoc[] = [];
	for (const { definition } of kontorYearDefinitions(year, ctx, locale)) {
		// Building reads the store's indexes, so it stays here; between the six, other requests get their turn.
		await new Promise((resolve) => setImmediate(resolve));
		const doc = buildReport(definition, data);
		checkReport(doc);
		docs.push(doc);
	}
	const names = docs.map((doc) => `${fileSlug(t('output.fileName', { year, kontor: doc.subtitle }))}.${format}`);
	const bytes = await runInPool({ kind: 'report', format, docs, names });
	return download(bytes, REPORT_TYPES.zip, attachment(t('output.zipName', { year }), 'zip'));
}
