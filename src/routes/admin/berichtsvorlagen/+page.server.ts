import { fail } from '@sveltejs/kit';
import { translator, urlLocale } from '$lib/i18n';
import { report } from '$lib/i18n/report';
import { withLang } from '$lib/i18n/links';
import { adminForm, requireSession } from '$lib/server/admin/guard';
import { getDatabase } from '$lib/server/db/current';
import { deleteTemplate, listTemplates, MAX_TEMPLATE_NAME, saveTemplate } from '$lib/server/reportTemplates';
import { getStore } from '$lib/server/store';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireSession(event);
	const locale = urlLocale(event.url);
	return {
		pending: event.url.searchParams.get('vorlage')?.slice(0, 4000) ?? null,
		maxName: MAX_TEMPLATE_NAME,
		templates: listTemplates(getDatabase()).map((t) => ({ ...t, href: withLang(`/bericht?${t.definition}`, locale) }))
	};
};

const text = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
};

export const actions: Actions = {
	save: async (event) => {
		const { session, form } = await adminForm(event);
		const t = translator(urlLocale(event.url), report);
		const name = text(form, 'name');
		const result = saveTemplate(getDatabase(), getStore(), name, text(form, 'definition').slice(0, 4000), session.user);
		if (!result.ok)
			return fail(422, {
				problem: result.reason === 'name' ? t('report.tpl.badName', { max: MAX_TEMPLATE_NAME }) : t('report.tpl.badDefinition'),
				name: name.slice(0, 200)
			});
		return { message: t('report.tpl.saved', { name: name.replace(/\s+/g, ' ').trim() }) };
	},
	delete: async (event) => {
		const { session, form } = await adminForm(event);
		const t = translator(urlLocale(event.url), report);
		if (!deleteTemplate(getDatabase(), Number(text(form, 'id')), session.user)) return fail(404, { problem: t('report.tpl.missing') });
		return { message: t('report.tpl.deleted') };
	}
};
