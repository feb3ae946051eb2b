import { fail } from '@sveltejs/kit';
import { formatProblem } from '$lib/data/problems';
import { adminForm, requireArea } from '$lib/server/admin/guard';
import { currentFiles, geodataDir } from '$lib/server/db/current';
import { readSourceDir } from '$lib/server/db/sourceDir';
import { confirmPreview, discardPreview, previewFileEdit } from '$lib/server/importer';
import { kontorChanges, readKontore } from '$lib/server/kontorEdit';
import { reseedPlan } from '$lib/server/reseed';
import { translator, urlLocale, core } from '$lib/i18n';
import { admin } from '$lib/i18n/admin';
import type { Actions, PageServerLoad } from './$types';

/** The current version's files against geodata/ as the repository has it now. */
async function compare() {
	const { version, files: current } = await currentFiles();
	return { version, current, plan: reseedPlan(current, readSourceDir(geodataDir())) };
}

export const load: PageServerLoad = async (event) => {
	requireArea(event, 'reseed');
	const { version, plan } = await compare();
	return { version, changed: plan.changed, added: plan.added, onlyInStore: plan.onlyInStore };
};

export const actions: Actions = {
	preview: async (event) => {
		const { session } = await adminForm(event, 'reseed');
		const locale = urlLocale(event.url);
		const { current, plan } = await compare();
		const result = await previewFileEdit(plan.edit, 'geodata/', session.user);
		if (!result.ok) return fail(422, { problems: result.problems.slice(0, 200).map((p) => formatProblem(p, locale)) });
		const p = result.preview;
		return {
			preview: {
				id: p.id,
				summary: p.summary,
				baseVersion: p.baseVersion,
				diff: { ...p.diff, values: p.diff.values.slice(0, 1000) },
				truncated: p.diff.values.length > 1000
			},
			kontore: kontorChanges(readKontore(current), readKontore(p.files)).map((c) => ({ name: c.name, kind: c.kind, fields: c.fields.map((f) => f.field) }))
		};
	},
	confirm: async (event) => {
		const { session, form } = await adminForm(event, 'reseed');
		const result = await confirmPreview(String(form.get('preview') ?? ''), session.user);
		if (!result.ok) return fail(result.status, { message: translator(urlLocale(event.url), admin)(result.message.key, result.message.params) });
		return { done: { version: result.version } };
	},
	discard: async (event) => {
		const { session, form } = await adminForm(event, 'reseed');
		await discardPreview(String(form.get('preview') ?? ''), session.user);
		return { message: translator(urlLocale(event.url), admin, core)('admin.import.discarded') };
	}
};
