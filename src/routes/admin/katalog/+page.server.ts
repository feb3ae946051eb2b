// The indicator catalogue in the admin: list, create, edit, retire, restore. Every save is an
// edited indikatoren.json previewed like an import (previewFileEdit: pipeline, diff) and becomes a
// version only when confirmed.
import { fail } from '@sveltejs/kit';
import { CATALOGUE_FILE, createEntry, FORM_FIELDS, formOf, kindOf, readCatalogue, restoreEntry, retireEntry, updateEntry } from '$lib/data/catalogue';
import type { EditProblem, EditResult, EntryForm } from '$lib/data/catalogue';
import { problemReason, type DataProblem } from '$lib/data/problems';
import { translator, urlLocale, type Locale } from '$lib/i18n';
import { admin } from '$lib/i18n/admin';
import { catalogue } from '$lib/i18n/catalogue';
import { importer } from '$lib/i18n/importer';
import { adminForm, requireArea } from '$lib/server/admin/guard';
import { currentFiles } from '$lib/server/db/current';
import { confirmPreview, discardPreview, previewFileEdit } from '$lib/server/importer';
import { getStore } from '$lib/server/store';
import { PROFILE_FILE } from '$lib/data/profile';
import { editLevelVisibility } from '$lib/server/visibilityEdit';
import type { Actions, PageServerLoad } from './$types';

/** The levels of the served city profile (finest first): where an internal entry may still be public. */
function levels() {
	const store = getStore();
	return store.derived.profile?.levels ?? Object.keys(store.areasByLevel).map((id) => ({ id, name: null }));
}

/** The catalogue file of the current version, and that version (an edit is built on exactly it). */
async function current(): Promise<{ version: number; text: string }> {
	const { version, files } = await currentFiles();
	return { version, text: files.get(CATALOGUE_FILE)! };
}

export const load: PageServerLoad = async (event) => {
	requireArea(event, 'katalog');
	const store = getStore();
	const entries = readCatalogue((await current()).text);
	const years = (id: string) => (store.indicatorById.get(id) ?? store.retired.find((m) => m.id === id))?.years ?? [];
	const editId = event.url.searchParams.get('edit');
	const editing = entries.find((m) => m.id === editId && m.retired === undefined);
	return {
		entries: entries.map((m) => ({
			id: m.id,
			label: m.label,
			kind: kindOf(m.aggregation),
			unit: m.unit,
			years: years(m.id),
			beispieldaten: m.beispieldaten,
			retired: m.retired ?? null,
			visibility: m.visibility,
			publicLevels: m.publicLevels ?? []
		})),
		levels: levels().map((l) => ({
			id: l.id,
			name: l.name ? l.name[urlLocale(event.url)].plural : l.id,
			visibility: 'visibility' in l ? l.visibility : 'public'
		})),
		editing: editing ? { id: editing.id, form: formOf(editing) } : null
	};
};

interface ShownProblem {
	field: string;
	where: string;
	value: string;
	message: string;
}

function shownEditProblems(problems: EditProblem[], locale: Locale, file = CATALOGUE_FILE): ShownProblem[] {
	const t = translator(locale, catalogue);
	return problems.map((p) => ({
		field: t(`catalogue.field.${p.field}`),
		where: file,
		value: p.value ?? '',
		message: 'catalogue' in p.reason ? t(p.reason.catalogue, p.reason.params) : problemReason({ file, ...p.reason.data }, locale)
	}));
}

/** What the pipeline found in the edited file set, in the admin's language. */
function shownDataProblems(problems: DataProblem[], locale: Locale): ShownProblem[] {
	const t = translator(locale, importer);
	return problems.slice(0, 200).map((p) => ({
		field: p.field ?? '',
		where: [p.file, p.row === undefined ? null : t('data.where.row', { n: p.row }), p.feature === undefined ? null : t('data.where.feature', { n: p.feature })]
			.filter((x) => x !== null)
			.join(', '),
		value: p.value === undefined ? '' : String(JSON.stringify(p.value)).slice(0, 80),
		message: problemReason(p, locale)
	}));
}

/** The edit as a preview, built on the version it was computed from; the form's input comes back with any problem. */
async function preview(
	edit: EditResult,
	base: number,
	user: string,
	locale: Locale,
	input: { values?: EntryForm; original?: string } = {},
	file: { name: string; kind: 'edit-catalogue' | 'edit-profile' } = { name: CATALOGUE_FILE, kind: 'edit-catalogue' }
) {
	if (!edit.ok) return fail(422, { problems: shownEditProblems(edit.problems, locale, file.name), ...input });
	const result = await previewFileEdit({ kind: file.kind, summary: edit.summary, set: { [file.name]: edit.text } }, file.name, user);
	if (!result.ok) return fail(422, { problems: shownDataProblems(result.problems, locale), ...input });
	const p = result.preview;
	if (p.baseVersion !== base) {
		// Another change came first: this edit was computed on an older catalogue.
		await discardPreview(p.id, user);
		const problems: EditProblem[] = [
			{ field: 'entry', reason: { catalogue: 'catalogue.problem.changedMeanwhile', params: { from: base, to: p.baseVersion } } }
		];
		return fail(409, { problems: shownEditProblems(problems, locale), ...input });
	}
	return {
		preview: {
			id: p.id,
			summary: p.summary,
			baseVersion: p.baseVersion,
			diff: { ...p.diff, values: p.diff.values.slice(0, 1000) },
			truncated: p.diff.values.length > 1000
		}
	};
}

const entryId = (form: FormData) => String(form.get('id') ?? '').slice(0, 80);

export const actions: Actions = {
	save: async (event) => {
		const { session, form } = await adminForm(event, 'katalog');
		const { version, text } = await current();
		const values: EntryForm = Object.fromEntries(FORM_FIELDS.map((f) => [f, String(form.get(f) ?? '').slice(0, 2000)]));
		// One checkbox per level.
		values.publicLevels = form.getAll('publicLevels').map(String).join(',').slice(0, 2000);
		const original = String(form.get('original') ?? '').slice(0, 80);
		const ids = levels().map((l) => l.id);
		const edit = original ? updateEntry(text, original, values, ids) : createEntry(text, values, ids);
		return preview(edit, version, session.user, urlLocale(event.url), { values, original });
	},
	retire: async (event) => {
		const { session, form } = await adminForm(event, 'katalog');
		const { version, text } = await current();
		return preview(retireEntry(text, entryId(form), new Date().toISOString().slice(0, 10)), version, session.user, urlLocale(event.url));
	},
	restore: async (event) => {
		const { session, form } = await adminForm(event, 'katalog');
		const { version, text } = await current();
		return preview(restoreEntry(text, entryId(form)), version, session.user, urlLocale(event.url));
	},
	/** The levels' visibility: an edited stadt.json (version kind `edit-profile`). */
	levels: async (event) => {
		const { session, form } = await adminForm(event, 'katalog');
		const { version, files } = await currentFiles();
		const text = files.get(PROFILE_FILE);
		const locale = urlLocale(event.url);
		if (text === undefined) return fail(409, { message: translator(locale, catalogue)('catalogue.problem.levelUnknown') });
		const choices = Object.fromEntries(
			levels()
				.map((l) => [l.id, String(form.get(`level-${l.id}`) ?? '')])
				.filter(([, v]) => v !== '')
		);
		const edited = editLevelVisibility(text, choices);
		const problemKey = {
			unknownLevel: 'catalogue.problem.levelUnknown',
			invalid: 'catalogue.problem.levelInvalid',
			unchanged: 'catalogue.problem.levelUnchanged'
		} as const;
		const result: EditResult = edited.ok
			? edited
			: { ok: false, problems: [{ field: 'entry', value: edited.value, reason: { catalogue: problemKey[edited.problem] } }] };
		return preview(result, version, session.user, locale, {}, { name: PROFILE_FILE, kind: 'edit-profile' });
	},
	confirm: async (event) => {
		const { session, form } = await adminForm(event, 'katalog');
		const result = await confirmPreview(String(form.get('preview') ?? ''), session.user);
		if (!result.ok) return fail(result.status, { message: translator(urlLocale(event.url), admin)(result.message.key, result.message.params) });
		return { done: { version: result.version } };
	},
	discard: async (event) => {
		const { session, form } = await adminForm(event, 'katalog');
		await discardPreview(String(form.get('preview') ?? ''), session.user);
		return { message: translator(urlLocale(event.url), catalogue)('catalogue.discarded') };
	}
};
