import { fail } from '@sveltejs/kit';
import { formatProblem } from '$lib/data/problems';
import { MAX_NARRATIVE } from '$lib/data/taetigkeit';
import { translator, urlLocale, core } from '$lib/i18n';
import { admin } from '$lib/i18n/admin';
import { kontorScope } from '$lib/auth/areas';
import { adminForm, forbidden, requireArea, requireKontor } from '$lib/server/admin/guard';
import { sessionViewer } from '$lib/server/admin/session';
import { confirmPreview, discardPreview } from '$lib/server/importer';
import { getStore } from '$lib/server/store';
import { checkActivityForm, previewActivity, type ActivityForm } from '$lib/server/taetigkeit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const scope = kontorScope(sessionViewer(requireArea(event, 'taetigkeit')));
	const store = getStore();
	// A Kontor team writes its own Kontor's texts only.
	const kontore = store.derived.kontore.features
		.map((k) => ({ id: k.properties.id, name: k.properties.name }))
		.filter((k) => scope === 'all' || k.id === scope);
	if (!kontore.length) forbidden(event);
	const q = event.url.searchParams;
	const kontor = kontore.find((k) => k.id === q.get('kontor'))?.id ?? kontore[0].id;
	const thisYear = new Date().getFullYear();
	const asked = Number(q.get('jahr'));
	const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear ? asked : thisYear;
	return {
		kontore,
		kontor,
		year,
		years: Array.from({ length: 8 }, (_, i) => thisYear - i),
		entry: store.derived.taetigkeit.find((a) => a.kontor === kontor && a.year === year) ?? null,
		entries: store.derived.taetigkeit.filter((a) => scope === 'all' || a.kontor === scope).map(({ narrative: _n, ...rest }) => rest),
		maxNarrative: MAX_NARRATIVE
	};
};

const field = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
};

export const actions: Actions = {
	preview: async (event) => {
		const { session, form } = await adminForm(event, 'taetigkeit');
		const locale = urlLocale(event.url);
		const input: ActivityForm = {
			kontor: field(form, 'kontor'),
			year: field(form, 'year'),
			narrative: field(form, 'narrative'),
			offers: field(form, 'offers'),
			events: field(form, 'events'),
			participants: field(form, 'participants'),
			networkMeetings: field(form, 'networkMeetings')
		};
		requireKontor(event, session, input.kontor);
		const store = getStore();
		const checked = checkActivityForm(input, store, locale);
		// The typed text goes back into the form, so nothing is lost; a text far over the limit is cut to it.
		const echo = { ...input, narrative: input.narrative.slice(0, MAX_NARRATIVE + 1000) };
		if (!checked.ok) return fail(422, { input: echo, problems: checked.problems });
		const result = await previewActivity(store, checked.entry, session.user, new Date().toISOString().slice(0, 10));
		if (!result.ok)
			return fail(422, { input: echo, problems: result.problems.slice(0, 50).map((p) => ({ field: p.field ?? '', message: formatProblem(p, locale) })) });
		const p = result.preview;
		return { input: echo, preview: { id: p.id, summary: p.summary, baseVersion: p.baseVersion, diff: { ...p.diff, values: p.diff.values.slice(0, 200) } } };
	},
	confirm: async (event) => {
		const { session, form } = await adminForm(event, 'taetigkeit');
		const result = await confirmPreview(field(form, 'preview'), session.user);
		if (!result.ok) return fail(result.status, { message: translator(urlLocale(event.url), admin)(result.message.key, result.message.params) });
		return { done: { version: result.version } };
	},
	discard: async (event) => {
		const { session, form } = await adminForm(event, 'taetigkeit');
		await discardPreview(field(form, 'preview'), session.user);
		return { message: translator(urlLocale(event.url), admin, core)('admin.import.discarded') };
	}
};
