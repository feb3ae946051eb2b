import { redirect } from '@sveltejs/kit';
import { translator, urlLocale, compareNames } from '$lib/i18n';
import { report } from '$lib/i18n/report';
import { withLang } from '$lib/i18n/links';
import { buildReport } from '$lib/report/build';
import { CHAPTERS, definitionQuery, formQuery, parseDefinition, PARAMS } from '$lib/report/definition';
import { getBackend } from '$lib/server/db/current';
import { definitionContext, reportData } from '$lib/server/reportData';
import { listTemplates } from '$lib/server/reportTemplates';
import { storeOf } from '$lib/server/visibility';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { url } = event;
	// A submitted form becomes the definition's own URL: the URL is the report.
	const canonical = formQuery(url.searchParams);
	if (canonical !== null) redirect(303, `/bericht?${canonical}`);

	const store = storeOf(event);
	const locale = urlLocale(url);
	const t = translator(locale, report);
	const ctx = definitionContext(store);
	const byName = (a: { name: string }, b: { name: string }) => compareNames(a.name, b.name);
	const choices = {
		kontor: store.derived.kontore.features.map((k) => ({ id: k.properties.id, name: k.properties.name })).sort(byName),
		stadtteil: store.areasByLevel.stadtteil.map((a) => ({ id: a.properties.id, name: a.properties.name })).sort(byName),
		ortschaft: store.areasByLevel.ortschaft.map((a) => ({ id: a.properties.id, name: a.properties.name })).sort(byName),
		indicators: store.derived.indicators.map((m) => ({ id: m.id, label: m.label[locale], beispieldaten: m.beispieldaten })),
		chapters: CHAPTERS.map((id) => ({ id, label: t(`report.chapter.${id}`) })),
		years: { from: ctx.years[0], to: ctx.maxYear, data: ctx.years.at(-1) ?? ctx.maxYear }
	};
	const templates = (await listTemplates(await getBackend())).map((tpl) => ({
		id: tpl.id,
		name: tpl.name,
		href: withLang(`/bericht?${tpl.definition}`, locale)
	}));
	const raw = Object.fromEntries(Object.values(PARAMS).map((p) => [p, url.searchParams.get(p)]));
	if (!url.searchParams.has(PARAMS.kind)) return { locale, choices, templates, raw, problems: [], definition: null, doc: null, links: null };

	const parsed = parseDefinition(url.searchParams, ctx);
	if (!parsed.ok)
		return {
			locale,
			choices,
			templates,
			raw,
			problems: parsed.problems.map((p) => ({ parameter: p.parameter, message: t(p.key, p.params) })),
			definition: null,
			doc: null,
			links: null
		};
	const definition = parsed.definition;
	const query = definitionQuery(definition);
	const doc = buildReport(definition, await reportData(store, new Date(), definition.subject.kind === 'kontor'));
	const year = definition.years.at(-1)!;
	return {
		locale,
		choices,
		templates,
		raw,
		problems: [],
		definition,
		doc,
		links: {
			self: `/bericht?${query}`,
			pdf: `/bericht/bericht.pdf?${query}`,
			docx: `/bericht/bericht.docx?${query}`,
			zip: withLang(`/bericht/jahresberichte.zip?jahr=${year}`, locale),
			save: withLang(`/admin/berichtsvorlagen?vorlage=${encodeURIComponent(query)}`, locale)
		}
	};
};
