// Every admin form action starts here: a session, a valid CSRF token, a body within the upload
// limit. SvelteKit's own origin check on form posts stays on as a second line.
import { error, isHttpError, redirect, type RequestEvent } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { translator, urlLocale } from '$lib/i18n';
import { admin } from '$lib/i18n/admin';
import { withLang } from '$lib/i18n/links';
import { csrfValid, type AdminSession } from './session';

function bytes(raw: string | undefined, fallback: number): number {
	const m = /^(\d+)([KMG]?)$/i.exec((raw ?? '').trim());
	if (!m) return fallback;
	return Number(m[1]) * { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2].toUpperCase() as '' | 'K' | 'M' | 'G'];
}

/**
 * Largest accepted upload: KONTORATLAS_UPLOAD_LIMIT (default 5M), but never more than
 * adapter-node's BODY_SIZE_LIMIT (default 512K), which would cut the body off anyway.
 */
export function uploadLimit(): number {
	return Math.min(bytes(env.KONTORATLAS_UPLOAD_LIMIT, 5 * 1024 ** 2), bytes(env.BODY_SIZE_LIMIT, 512 * 1024));
}

export function requireSession(event: RequestEvent): AdminSession {
	if (!event.locals.admin) redirect(303, withLang('/admin/login', urlLocale(event.url)));
	return event.locals.admin;
}

export async function adminForm(event: RequestEvent): Promise<{ session: AdminSession; form: FormData }> {
	const t = translator(urlLocale(event.url), admin);
	if (!event.locals.admin) error(401, t('admin.error.notLoggedIn'));
	let form: FormData;
	try {
		form = await event.request.formData();
	} catch (e) {
		const status = (e as { status?: number }).status;
		if (status === 413) error(413, t('admin.error.tooLarge', { limit: Math.round(uploadLimit() / 1024) }));
		if (isHttpError(e)) throw e;
		error(400, t('admin.error.form'));
	}
	if (!csrfValid(event.locals.admin, form.get('csrf'))) error(403, t('admin.error.csrf'));
	return { session: event.locals.admin, form };
}
