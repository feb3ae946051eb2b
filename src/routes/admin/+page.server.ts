import { error, fail, redirect } from '@sveltejs/kit';
import { mayUse } from '$lib/auth/areas';
import { safeReturnTo } from '$lib/auth/returnTo';
import { adminForm, requireSession, sessionForm } from '$lib/server/admin/guard';
import { endSession, sessionViewer } from '$lib/server/admin/session';
import { getBackend } from '$lib/server/db/current';
import { rollbackTo } from '$lib/server/importer';
import { translator, urlLocale, core } from '$lib/i18n';
import { admin } from '$lib/i18n/admin';
import { withLang } from '$lib/i18n/links';
import type { Actions, PageServerLoad } from './$types';

/** The start page: versions (with rollback for admins) from `redaktion` up, the audit log for admins. */
export const load: PageServerLoad = async (event) => {
	const viewer = sessionViewer(requireSession(event));
	const db = await getBackend();
	return {
		versions: mayUse(viewer, 'versions') ? await db.listVersions() : null,
		current: await db.currentVersionId(),
		mayRollback: mayUse(viewer, 'rollback'),
		audit: mayUse(viewer, 'konten') ? await db.listAudit(100) : null
	};
};

export const actions: Actions = {
	logout: async (event) => {
		const { session, form } = await sessionForm(event);
		await (await getBackend()).audit({ who: session.user, action: 'logout', detail: 'Abmeldung', added: null, changed: null, removed: null, version: null });
		await endSession(event.cookies, event.url);
		// Signed out from the atlas, the visitor stays where they were (a path on this site only).
		const next = form.get('next');
		redirect(303, safeReturnTo(typeof next === 'string' ? next : null) ?? withLang('/admin/login', urlLocale(event.url)));
	},
	rollback: async (event) => {
		const { session, form } = await adminForm(event, 'rollback');
		const raw = String(form.get('version') ?? '');
		if (!/^\d{1,9}$/.test(raw)) error(400, translator(urlLocale(event.url), admin)('admin.error.versionNumber', { raw: raw.slice(0, 20) }));
		const result = await rollbackTo(Number(raw), session.user);
		if (!result.ok) return fail(result.status, { message: translator(urlLocale(event.url), admin)(result.message.key, result.message.params) });
		return { message: translator(urlLocale(event.url), admin, core)('admin.versions.rolledBack', { version: result.version, target: raw }) };
	}
};
