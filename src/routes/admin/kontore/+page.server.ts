import { error, fail } from '@sveltejs/kit';
import { bbox } from '@turf/bbox';
import { formatProblem, type DataProblem } from '$lib/data/problems';
import type { Bounds } from '$lib/geo/kontorPosition';
import { kontorScope } from '$lib/auth/areas';
import { adminForm, forbidden, requireArea, requireKontor } from '$lib/server/admin/guard';
import { sessionViewer } from '$lib/server/admin/session';
import { currentFiles } from '$lib/server/db/current';
import { confirmPreview, discardPreview, previewFileEdit, type PreviewResult } from '$lib/server/importer';
import {
	closeRecord,
	formFrom,
	formOf,
	kontorChanges,
	kontorFileEdit,
	readKontore,
	recordFromForm,
	type EditContext,
	type FormProblem,
	type KontorChange,
	type KontorForm,
	type KontorRecord
} from '$lib/server/kontorEdit';
import { topLevel } from '$lib/data/derived';
import { geometryStatus, getStore } from '$lib/server/store';
import { translator, urlLocale, core, type Locale } from '$lib/i18n';
import { admin } from '$lib/i18n/admin';
import { kontore } from '$lib/i18n/kontore';
import type { Actions, PageServerLoad } from './$types';

/** The current version's Kontor rows and what a form is checked against. */
async function current(locale: Locale): Promise<{ files: Map<string, string>; rows: KontorRecord[]; ctx: EditContext }> {
	const { files } = await currentFiles();
	const store = getStore();
	return {
		files,
		rows: readKontore(files),
		ctx: {
			stadtteile: store.areasByLevel[store.finest].map((f) => f.properties.name),
			bounds: bbox(store.derived.areas[topLevel(store.derived)]) as Bounds,
			today: new Date().toISOString().slice(0, 10),
			locale
		}
	};
}

const EMPTY: KontorForm = {
	name: '',
	stadtteil: '',
	stadtteil_verified: 'on',
	known_location: '',
	address: '',
	opening_hours: '',
	phone: '',
	email: '',
	offers: '',
	opened: '',
	source: 'Angaben des Kontors',
	note: '',
	location_precision: 'address',
	crs: 'wgs84',
	lat: '',
	lon: '',
	easting: '',
	northing: ''
};

export const load: PageServerLoad = async (event) => {
	const scope = kontorScope(sessionViewer(requireArea(event, 'kontore')));
	const { rows: all, ctx } = await current(urlLocale(event.url));
	// A Kontor team sees and edits its own Kontor only; adding and closing Kontore is the editors'.
	const rows = scope === 'all' ? all : all.filter((r) => r.kontor_id === scope);
	const store = getStore();
	const wanted = event.url.searchParams.get('kontor');
	if (wanted && scope !== 'all' && wanted !== scope) forbidden(event);
	const row = wanted ? rows.find((r) => r.kontor_id === wanted) : undefined;
	if (wanted && wanted !== 'neu' && !row) error(404, translator(urlLocale(event.url), kontore)('kontore.err.unknown', { id: wanted.slice(0, 60) }));
	return {
		rows,
		editsAll: scope === 'all',
		stadtteile: ctx.stadtteile,
		today: ctx.today,
		editing: wanted ? { id: row?.kontor_id ?? null, form: row ? formOf(row) : EMPTY } : null,
		map: {
			stadtteile: store.derived.areas[store.finest],
			kontore: store.derived.kontore,
			bounds: ctx.bounds,
			approximated: geometryStatus(store).approximated.length > 0
		}
	};
};

const refuse = (problems: FormProblem[], values: KontorForm | null, editing: string | null) => fail(422, { problems, values, editing });

/** The preview of an edit, with each Kontor's changed fields beside the version diff. */
function answer(result: PreviewResult, changes: KontorChange[], locale: Locale) {
	if (!result.ok)
		return refuse(
			result.problems.slice(0, 50).map((p: DataProblem) => ({ field: '', message: formatProblem(p, locale) })),
			null,
			null
		);
	const p = result.preview;
	return {
		preview: {
			id: p.id,
			summary: p.summary,
			baseVersion: p.baseVersion,
			diff: { ...p.diff, values: p.diff.values.slice(0, 200) },
			truncated: p.diff.values.length > 200
		},
		changes
	};
}

export const actions: Actions = {
	save: async (event) => {
		const { session, form } = await adminForm(event, 'kontore');
		const locale = urlLocale(event.url);
		const { files, rows, ctx } = await current(locale);
		const id = String(form.get('kontor_id') ?? '');
		// Checked against the session, not the form: a new Kontor (no id) needs the editors' scope.
		if (kontorScope(sessionViewer(session)) !== 'all') requireKontor(event, session, id);
		const before = id ? rows.find((r) => r.kontor_id === id) : null;
		if (before === undefined) error(404, translator(locale, kontore)('kontore.err.unknown', { id: id.slice(0, 60) }));
		const values = formFrom(form);
		const made = recordFromForm(values, before, rows, ctx);
		if (!made.ok) return refuse(made.problems, values, id || 'neu');
		const next = before ? rows.map((r) => (r.kontor_id === id ? made.record : r)) : [...rows, made.record];
		const changes = kontorChanges(rows, next);
		if (!changes.length) return refuse([{ field: 'name', message: translator(locale, kontore)('kontore.err.nothingChanged') }], values, id || 'neu');
		const summary = before
			? `Kontor bearbeitet: ${made.record.name} (${changes[0].fields.map((f) => f.field).join(', ')})`
			: `Kontor hinzugefügt: ${made.record.name} (${made.record.stadtteil})`;
		const result = await previewFileEdit(kontorFileEdit(files, next, summary, session.user, ctx.today, getStore().profile.office), 'Kontore', session.user);
		return answer(result, changes, locale);
	},
	close: async (event) => {
		const { session, form } = await adminForm(event, 'kontore');
		if (kontorScope(sessionViewer(session)) !== 'all') forbidden(event);
		const locale = urlLocale(event.url);
		const { files, rows, ctx } = await current(locale);
		const id = String(form.get('kontor_id') ?? '');
		const before = rows.find((r) => r.kontor_id === id);
		if (!before) error(404, translator(locale, kontore)('kontore.err.unknown', { id: id.slice(0, 60) }));
		const closed = closeRecord(before, String(form.get('closed') ?? '').trim(), ctx);
		if (!closed.ok) return refuse(closed.problems, null, null);
		const next = rows.map((r) => (r.kontor_id === id ? closed.record : r));
		const summary = `Kontor geschlossen: ${before.name} zum ${closed.record.closed}`;
		return answer(
			await previewFileEdit(kontorFileEdit(files, next, summary, session.user, ctx.today, getStore().profile.office), 'Kontore', session.user),
			kontorChanges(rows, next),
			locale
		);
	},
	confirm: async (event) => {
		const { session, form } = await adminForm(event, 'kontore');
		const result = await confirmPreview(String(form.get('preview') ?? ''), session.user);
		if (!result.ok) return fail(result.status, { message: translator(urlLocale(event.url), admin)(result.message.key, result.message.params) });
		return { done: { version: result.version } };
	},
	discard: async (event) => {
		const { session, form } = await adminForm(event, 'kontore');
		await discardPreview(String(form.get('preview') ?? ''), session.user);
		return { message: translator(urlLocale(event.url), admin, core)('admin.import.discarded') };
	}
};
