import { error, fail } from '@sveltejs/kit';
import { formatProblem, problemReason, zodReason, type DataProblem } from '$lib/data/problems';
import { adminForm, requireSession, uploadLimit } from '$lib/server/admin/guard';
import { confirmPreview, CsvOptions, discardPreview, previewBoundaries, previewCsv, type PreviewResult } from '$lib/server/importer';
import { getStore } from '$lib/server/store';
import { importable } from '$lib/import/plan';
import { translator, urlLocale, core, type Locale } from '$lib/i18n';
import { admin } from '$lib/i18n/admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireSession(event);
	const store = getStore();
	return {
		indicators: store.derived.indicators.filter(importable).map((m) => ({ id: m.id, label: m.label, beispieldaten: m.beispieldaten })),
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
		}
	};
}

export const actions: Actions = {
	csv: async (event) => {
		const { session, form } = await adminForm(event);
		const file = await upload(form, event.url);
		const options = CsvOptions.safeParse({
			indicator: String(form.get('indicator') ?? '') || undefined,
			source: String(form.get('source') ?? ''),
			licence: String(form.get('licence') ?? ''),
			mode: String(form.get('mode') ?? 'merge')
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
	geojson: async (event) => {
		const { session, form } = await adminForm(event);
		const file = await upload(form, event.url);
		return answer(
			await previewBoundaries(file.bytes, file.name, String(form.get('source') ?? '').slice(0, 300), session.user),
			file.name.slice(0, 100),
			urlLocale(event.url)
		);
	},
	confirm: async (event) => {
		const { session, form } = await adminForm(event);
		const result = await confirmPreview(String(form.get('preview') ?? ''), session.user);
		if (!result.ok) return fail(result.status, { message: translator(urlLocale(event.url), admin)(result.message.key, result.message.params) });
		return { done: { version: result.version } };
	},
	discard: async (event) => {
		const { session, form } = await adminForm(event);
		discardPreview(String(form.get('preview') ?? ''), session.user);
		return { message: translator(urlLocale(event.url), admin, core)('admin.import.discarded') };
	}
};
