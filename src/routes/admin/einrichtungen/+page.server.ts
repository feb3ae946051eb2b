import { error, fail } from '@sveltejs/kit';
import { formatProblem, problemReason, type DataProblem } from '$lib/data/problems';
import { translator, urlLocale, core, type Locale } from '$lib/i18n';
import { admin } from '$lib/i18n/admin';
import { facilities as facilitiesSection } from '$lib/i18n/facilities';
import { adminForm, requireArea, uploadLimit } from '$lib/server/admin/guard';
import { previewFacilityRemove, previewFacilitySave, previewRegisterImport, previewTypeAdd, type FacilityPreview } from '$lib/server/facilities/admin';
import { confirmPreview, discardPreview } from '$lib/server/importer';
import { getStore } from '$lib/server/store';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireArea(event, 'einrichtungen');
	const store = getStore();
	const locale = urlLocale(event.url);
	return {
		count: store.derived.facilities.features.length,
		beispieldaten: store.derived.facilities.features.some((f) => f.properties.beispieldaten),
		types: store.derived.facilityTypes.map((t) => ({ id: t.id, label: t.label[locale] })),
		kontore: store.derived.kontore.features.map((k) => ({ id: k.properties.id, name: k.properties.name })),
		indicators: store.derived.indicators.map((m) => ({ id: m.id, label: m.label[locale], rate: m.aggregation.method === 'rate' })),
		facilities: store.derived.facilities.features.map((f) => ({ id: f.properties.id, name: f.properties.name })),
		limitKb: Math.round(uploadLimit() / 1024)
	};
};

/** Where a problem is, as the page shows it: the row as Excel shows it, or the feature. */
function where(p: DataProblem, locale: Locale): string {
	const t = translator(locale, admin);
	if (p.row !== undefined) return t('admin.import.row', { n: p.row });
	if (p.feature !== undefined) return t('admin.import.feature', { n: p.feature });
	return '';
}

/** Problems one by one (at most 200) and grouped by reason, with the rows each reason occurs in. */
function answer(result: FacilityPreview, upload: string, locale: Locale) {
	if (!result.ok) {
		const groups = new Map<string, { message: string; places: string[] }>();
		for (const p of result.problems) {
			const message = problemReason({ ...p, params: undefined, key: p.key }, locale).replace(/\{\w+\}/g, '…');
			const g = groups.get(p.key) ?? { message, places: [] };
			g.places.push(where(p, locale));
			groups.set(p.key, g);
		}
		return fail(422, {
			upload,
			groups: [...groups.values()].map((g) => ({ message: g.message, n: g.places.length, places: g.places.filter(Boolean).slice(0, 30).join(', ') })),
			problems: result.problems.slice(0, 200).map((p) => ({
				file: p.file,
				where: where(p, locale),
				field: p.field ?? '',
				value: p.value === undefined ? '' : String(JSON.stringify(p.value)).slice(0, 80),
				message: problemReason(p, locale),
				text: formatProblem(p, locale)
			}))
		});
	}
	const p = result.preview;
	return {
		preview: {
			id: p.id,
			summary: p.summary,
			baseVersion: p.baseVersion,
			files: p.diff.files,
			register: {
				added: result.register.added.slice(0, 500),
				changed: result.register.changed.slice(0, 500),
				removed: result.register.removed.slice(0, 500),
				counts: { added: result.register.added.length, changed: result.register.changed.length, removed: result.register.removed.length }
			},
			warnings: p.warnings.map((w) => formatProblem(w, locale))
		}
	};
}

const text = (form: FormData, name: string, max = 500) =>
	String(form.get(name) ?? '')
		.trim()
		.slice(0, max);
const optional = (form: FormData, name: string) => text(form, name) || null;
const number = (raw: string) => (raw === '' ? null : Number(raw.replace(',', '.')));
const list = (raw: string) =>
	raw
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);

export const actions: Actions = {
	import: async (event) => {
		const { session, form } = await adminForm(event, 'einrichtungen');
		const locale = urlLocale(event.url);
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) error(400, translator(locale, admin)('admin.error.noFile'));
		if (file.size > uploadLimit())
			error(413, translator(locale, admin)('admin.error.tooLargeSize', { size: Math.round(file.size / 1024), limit: Math.round(uploadLimit() / 1024) }));
		const result = await previewRegisterImport({
			bytes: new Uint8Array(await file.arrayBuffer()),
			name: file.name,
			source: text(form, 'source', 300) || `Stadt ${getStore().profile.name}`,
			licence: text(form, 'licence', 200) || 'Alle Rechte vorbehalten',
			mode: form.get('mode') === 'replace' ? 'replace' : 'merge',
			user: session.user
		});
		return answer(result, file.name.slice(0, 100), locale);
	},
	save: async (event) => {
		const { session, form } = await adminForm(event, 'einrichtungen');
		const locale = urlLocale(event.url);
		const lat = number(text(form, 'lat', 40));
		const lon = number(text(form, 'lon', 40));
		const input = {
			id: text(form, 'id', 100),
			name: text(form, 'name'),
			types: list(text(form, 'types')),
			address: optional(form, 'address'),
			locationPrecision: text(form, 'locationPrecision', 20) || 'address',
			capacity: number(text(form, 'capacity', 20)),
			capacityTarget: optional(form, 'capacityTarget'),
			openingHours: optional(form, 'openingHours'),
			partnerOf: form.getAll('partnerOf').map(String),
			source: text(form, 'source') || `Stadt ${getStore().profile.name}`,
			asOf: text(form, 'asOf', 10) || new Date().toISOString().slice(0, 10),
			beispieldaten: false
		};
		const position: [number, number] = [lon ?? NaN, lat ?? NaN];
		return answer(
			await previewFacilitySave(input, position, optional(form, 'previous'), session.user),
			translator(locale, facilitiesSection)('fac.admin.form'),
			locale
		);
	},
	remove: async (event) => {
		const { session, form } = await adminForm(event, 'einrichtungen');
		const locale = urlLocale(event.url);
		return answer(await previewFacilityRemove(text(form, 'id', 100), session.user), translator(locale, facilitiesSection)('fac.admin.form'), locale);
	},
	addType: async (event) => {
		const { session, form } = await adminForm(event, 'einrichtungen');
		const locale = urlLocale(event.url);
		const indicator = text(form, 'targetIndicator', 60);
		const measure = text(form, 'targetMeasure', 20) || 'value';
		const labelDe = text(form, 'labelDe', 100);
		const labelEn = text(form, 'labelEn', 100);
		const input = {
			id: text(form, 'id', 60),
			label: { de: labelDe, en: labelEn },
			icon: text(form, 'icon', 60) || text(form, 'id', 60),
			maxCapacity: Number(text(form, 'maxCapacity', 10) || 2000),
			targetGroup: indicator
				? { indicator, measure, label: { de: text(form, 'targetLabelDe', 100) || labelDe, en: text(form, 'targetLabelEn', 100) || labelEn } }
				: null
		};
		return answer(await previewTypeAdd(input, session.user), translator(locale, facilitiesSection)('fac.admin.form'), locale);
	},
	confirm: async (event) => {
		const { session, form } = await adminForm(event, 'einrichtungen');
		const result = await confirmPreview(String(form.get('preview') ?? ''), session.user);
		if (!result.ok) return fail(result.status, { message: translator(urlLocale(event.url), admin)(result.message.key, result.message.params) });
		return { done: { version: result.version } };
	},
	discard: async (event) => {
		const { session, form } = await adminForm(event, 'einrichtungen');
		await discardPreview(String(form.get('preview') ?? ''), session.user);
		return { message: translator(urlLocale(event.url), admin, core)('admin.import.discarded') };
	}
};
