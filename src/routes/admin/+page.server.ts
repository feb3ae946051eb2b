import { error, fail, redirect } from '@sveltejs/kit';
import { adminForm, requireSession } from '$lib/server/admin/guard';
import { endSession } from '$lib/server/admin/session';
import { getDatabase } from '$lib/server/db/current';
import { audit, currentVersionId, listAudit, listVersions } from '$lib/server/db/database';
import { rollbackTo } from '$lib/server/importer';
import { translator, urlLocale, core } from '$lib/i18n';
import { admin } from '$lib/i18n/admin';
import { withLang } from '$lib/i18n/links';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireSession(event);
	const db = getDatabase();
	return { versions: listVersions(db), current: currentVersionId(db), audit: listAudit(db, 100) };
};

export const actions: Actions = {
	logout: async (event) => {
		const { session } = await adminForm(event);
		audit(getDatabase(), { who: session.user, action: 'logout', detail: 'Abmeldung', added: null, changed: null, removed: null, version: null });
		endSession(event.cookies, event.url);
		redirect(303, withLang('/admin/login', urlLocale(event.url)));
	},
	rollback: async (event) => {
		const { session, form } = await adminForm(event);
		const raw = String(form.get('version') ?? '');
		if (!/^\d{1,9}$/.test(raw)) error(400, translator(urlLocale(event.url), admin)('admin.error.versionNumber', { raw: raw.slice(0, 20) }));
		const result = await rollbackTo(Number(raw), session.user);
		if (!result.ok) return fail(result.status, { message: translator(urlLocale(event.url), admin)(result.message.key, result.message.params) });
		return { message: translator(urlLocale(event.url), admin, core)('admin.versions.rolledBack', { version: result.version, target: raw }) };
	}
};
