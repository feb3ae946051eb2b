import { fail } from '@sveltejs/kit';
import { translator, urlLocale } from '$lib/i18n';
import { report } from '$lib/i18n/report';
import { withLang } from '$lib/i18n/links';
import { atLeast } from '$lib/auth/roles';
import { adminForm, forbidden, requireArea } from '$lib/server/admin/guard';
import type { Session } from '$lib/server/admin/session';
import { getBackend } from '$lib/server/db/current';
import { deleteTemplate, listTemplates, MAX_TEMPLATE_NAME, saveTemplate, type ReportTemplate } from '$lib/server/reportTemplates';
import { getStore } from '$lib/server/store';
import type { Actions, PageServerLoad } from './$types';

/**
 * `planung` saves templates and replaces or deletes its own; from `redaktion` up any. The owner is
 * the store's `created_by`, compared with the signed-in account, never with a form field.
 */
const mayChange = (session: Session, template: ReportTemplate | undefined) =>
	!template || atLeast(session.role, 'redaktion') || template.createdBy === session.user;

export const load: PageServerLoad = async (event) => {
	const session = requireArea(event, 'berichtsvorlagen');
	const locale = urlLocale(event.url);
	return {
		pending: event.url.searchParams.get('vorlage')?.slice(0, 4000) ?? null,
		maxName: MAX_TEMPLATE_NAME,
		templates: (await listTemplates(await getBackend())).map((t) => ({
			...t,
			href: withLang(`/bericht?${t.definition}`, locale),
			mayDelete: mayChange(session, t)
		}))
	};
};

const text = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
};

export const actions: Actions = {
	save: async (event) => {
		const { session, form } = await adminForm(event, 'berichtsvorlagen');
		const t = translator(urlLocale(event.url), report);
		const name = text(form, 'name');
		const clean = name.replace(/\s+/g, ' ').trim();
		const db = await getBackend();
		if (
			!mayChange(
				session,
				(await listTemplates(db)).find((tpl) => tpl.name === clean)
			)
		)
			forbidden(event);
		const result = await saveTemplate(db, getStore(), name, text(form, 'definition').slice(0, 4000), session.user);
		if (!result.ok)
			return fail(422, {
				problem: result.reason === 'name' ? t('report.tpl.badName', { max: MAX_TEMPLATE_NAME }) : t('report.tpl.badDefinition'),
				name: name.slice(0, 200)
			});
		return { message: t('report.tpl.saved', { name: name.replace(/\s+/g, ' ').trim() }) };
	},
	delete: async (event) => {
		const { session, form } = await adminForm(event, 'berichtsvorlagen');
		const t = translator(urlLocale(event.url), report);
		const id = Number(text(form, 'id'));
		const db = await getBackend();
		if (
			!mayChange(
				session,
				(await listTemplates(db)).find((tpl) => tpl.id === id)
			)
		)
			forbidden(event);
		if (!(await deleteTemplate(db, id, session.user))) return fail(404, { problem: t('report.tpl.missing') });
		return { message: t('report.tpl.deleted') };
	}
};
