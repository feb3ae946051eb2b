import { error, fail } from '@sveltejs/kit';
import { formatProblem, problemReason, zodReason, type DataProblem } from '$lib/data/problems';
import { adminForm, requireArea, uploadLimit } from '$lib/server/admin/guard';
import {
	confirmPreview,
	CsvOptions,
	discardPreview,
	previewBoundaries,
	previewCensus,
	previewCsv,
	remapTable,
	TableChoices,
	type PreviewResult
} from '$lib/server/importer';
import { getStore } from '$lib/server/store';
import { CENSUS_DEFAULTS } from '$lib/import/census';
import { importable } from '$lib/import/plan';
import { translator, urlLocale, core, type Locale } from '$lib/i18n';
import { admin } from '$lib/i18n/admin';
import { tables } from '$lib/i18n/tables';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireArea(event, 'import');
	const store = getStore();
	return {
		census: { hasGrid: store.levels.some((l) => l.grid), ...CENSUS_DEFAULTS },
		indicators: store.derived.indicators.filter(importable).map((m) => ({ id: m.id, label: m.label, beispieldaten: m.beispieldaten })),
		catalogue: store.derived.indicators.map((m) => ({ id: m.id, label: m.label })),
		limitKb: Math.round(uploadLimit() / 1024)
	};
};

async function upload(form: FormData, url: URL): Promise<{ bytes: Uint8Array; name: string }> {
	const t = translator(urlLocale(url), admin);
	const file = form.get('file');
	if (!(file instanceof File) || file.size === 0) error(400, t('admin.error.noFile'));
	if (file.size > uploadLimit()) error(413, t('admin.error.tooLargeSize', { size: Math.round(file.size / 1024), limit: Math.round(uploadLimit() / 1024) }));
	return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name };
}

/** Problems go to the page in the admin's language, as text lines (file, row/feature, field, value, reason) and as fields. */
function answer(result: PreviewResult, upload: string, locale: Locale) {
	if (!result.ok)
		return fail(422, {
			upload,
			table: result.table,
			problems: result.problems.slice(0, 200).map((p: DataProblem) => ({
				...p,
				value: p.value === undefined ? undefined : String(JSON.stringify(p.value)).slice(0, 80),
				message: problemReason(p, locale),
				text: formatProblem(p, locale)
			}))
		});
	const p = result.preview;
	return {
		preview: {
			id: p.id,
			summary: p.summary,
			upload: p.upload,
			baseVersion: p.baseVersion,
			diff: { ...p.diff, values: p.diff.values.slice(0, 1000) },
			truncated: p.diff.values.length > 1000,
			warnings: p.warnings.map((w) => formatProblem(w, locale))
		},
		table: p.table
	};
}

const ROLES = ['area', 'level', 'year', 'indicator', 'value', 'numerator', 'base', 'ignore'] as const;

/**
 * The mapping form: per column `role-<i>` (a role, or "new"), `indicator-<i>` and the header's
 * `year-<i>`; per new indicator `new-<i>-<field>`; and the rate-base choice and the sheet.
 */
function choicesFrom(form: FormData): unknown {
	const get = (k: string) => String(form.get(k) ?? '').trim();
	const n = Math.min(200, Number(get('columns')) || 0);
	const mapping = [];
	const newIndicators = [];
	for (let i = 0; i < n; i++) {
		const role = get(`role-${i}`);
		const year = Number(get(`year-${i}`));
		const at = { year: Number.isInteger(year) && year > 0 ? year : undefined };
		if (role === 'new') {
			const f = (k: string) => get(`new-${i}-${k}`);
			newIndicators.push({
				column: i,
				id: f('id'),
				label: { de: f('label-de'), en: f('label-en') },
				unit: { de: f('unit-de'), en: f('unit-en') },
				kind: f('kind'),
				polarity: f('polarity'),
				aggregation: f('aggregation'),
				domain: f('domain') || undefined,
				decimals: Number(f('decimals') || 0),
				source: f('source'),
				licence: f('licence')
			});
			mapping.push({ role: 'value', ...at });
		} else mapping.push({ role: (ROLES as readonly string[]).includes(role) ? role : 'ignore', indicator: get(`indicator-${i}`) || undefined, ...at });
	}
	return { mapping, newIndicators, rateBase: get('rateBase') || 'columns', sheet: get('sheet') || undefined };
}

export const actions: Actions = {
	csv: async (event) => {
		const { session, form } = await adminForm(event, 'import');
		const file = await upload(form, event.url);
		const options = CsvOptions.safeParse({
			indicator: String(form.get('indicator') ?? '') || undefined,
			source: String(form.get('source') ?? ''),
			licence: String(form.get('licence') ?? ''),
			mode: String(form.get('mode') ?? 'merge'),
			sheet: String(form.get('sheet') ?? '') || undefined
		});
		const locale = urlLocale(event.url);
		const t = translator(locale, admin);
		if (!options.success)
			return fail(422, {
				upload: file.name.slice(0, 100),
				problems: options.error.issues.map((i) => {
					const message = problemReason({ file: '', ...zodReason(i, undefined) }, locale);
					return { file: t('admin.error.formFile'), field: i.path.join('.'), message, text: t('admin.error.formField', { field: i.path.join('.'), message }) };
				})
			});
		return answer(await previewCsv(file.bytes, file.name, options.data, session.user), file.name.slice(0, 100), locale);
	},
	remap: async (event) => {
		const { session, form } = await adminForm(event, 'import');
		const locale = urlLocale(event.url);
		const t = translator(locale, admin, tables);
		const choices = TableChoices.safeParse(choicesFrom(form));
		if (!choices.success)
			return fail(422, {
				upload: t('tables.form'),
				problems: choices.error.issues.slice(0, 20).map((i) => {
					const message = problemReason({ file: '', ...zodReason(i, undefined) }, locale);
					return { file: t('tables.form'), field: i.path.join('.'), message, text: t('admin.error.formField', { field: i.path.join('.'), message }) };
				})
			});
		const result = await remapTable(String(form.get('token') ?? ''), choices.data, session.user);
		if (!result) return fail(410, { message: t('tables.gone') });
		return answer(result, String(form.get('upload') ?? '').slice(0, 100), locale);
	},
	geojson: async (event) => {
		const { session, form } = await adminForm(event, 'import');
		const file = await upload(form, event.url);
		return answer(
			await previewBoundaries(file.bytes, file.name, String(form.get('source') ?? '').slice(0, 300), session.user, form.get('outline') === 'on'),
			file.name.slice(0, 100),
			urlLocale(event.url)
		);
	},
	census: async (event) => {
		const { session, form } = await adminForm(event, 'import');
		const file = await upload(form, event.url);
		const text = (name: string, max: number) => String(form.get(name) ?? '').slice(0, max);
		return answer(
			await previewCensus(file.bytes, file.name, text('source', 300), text('stand', 20), session.user),
			file.name.slice(0, 100),
			urlLocale(event.url)
		);
	},
	confirm: async (event) => {
		const { session, form } = await adminForm(event, 'import');
		const result = await confirmPreview(String(form.get('preview') ?? ''), session.user);
		if (!result.ok) return fail(result.status, { message: translator(urlLocale(event.url), admin)(result.message.key, result.message.params) });
		return { done: { version: result.version } };
	},
	discard: async (event) => {
		const { session, form } = await adminForm(event, 'import');
		await discardPreview(String(form.get('preview') ?? ''), session.user);
		return { message: translator(urlLocale(event.url), admin, core)('admin.import.discarded') };
	}
};
