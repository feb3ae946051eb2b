// Every admin page and form action starts here: a session with the role the page needs, a valid
// CSRF token, a body within the upload limit. Roles come from the session (the store's account),
// never from a form field. SvelteKit's own origin check on form posts stays on as a second line.
import { error, isHttpError, redirect, type RequestEvent } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { mayEditKontor, mayUse, type AdminArea } from '$lib/auth/areas';
import { translator, urlLocale } from '$lib/i18n';
import { admin } from '$lib/i18n/admin';
import { accounts } from '$lib/i18n/accounts';
import { withLang } from '$lib/i18n/links';
import { csrfValid, sessionViewer, type Session } from './session';

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

export function requireSession(event: RequestEvent): Session {
	if (!event.locals.session) redirect(303, withLang('/admin/login', urlLocale(event.url)));
	return event.locals.session;
}

/** 403 in the user's language: signed in, but this is not for the account's role (or Kontor). */
export function forbidden(event: RequestEvent): never {
	error(403, translator(urlLocale(event.url), accounts)('accounts.forbidden'));
}

/** The session, if its role may use this admin area (auth/areas.ts); otherwise 403. */
export function requireArea(event: RequestEvent, area: AdminArea): Session {
	const session = requireSession(event);
	if (!mayUse(sessionViewer(session), area)) forbidden(event);
	return session;
}

/** The session if it may edit Kontor `id` (its own for a `kontor` account); otherwise 403. */
export function requireKontor(event: RequestEvent, session: Session, id: string): Session {
	if (!mayEditKontor(sessionViewer(session), id)) forbidden(event);
	return session;
}

/** A form action open to every signed-in account (signing out): the session, the body, its CSRF token. */
export async function sessionForm(event: RequestEvent): Promise<{ session: Session; form: FormData }> {
	const t = translator(urlLocale(event.url), admin);
	const session = event.locals.session;
	if (!session) error(401, t('admin.error.notLoggedIn'));
	let form: FormData;
	try {
		form = await event.request.formData();
	} catch (e) {
		const status = (e as { status?: number }).status;
		if (status === 413) error(413, t('admin.error.tooLarge', { limit: Math.round(uploadLimit() / 1024) }));
		if (isHttpError(e)) throw e;
		error(400, t('admin.error.form'));
	}
	if (!csrfValid(session, form.get('csrf'))) error(403, t('admin.error.csrf'));
	return { session, form };
}

/**
 * A form action of an admin area: the session's right to the area (checked before the body is
 * read), then the body and its CSRF token (hooks.server.ts checks that too, for every
 * state-changing request with a session).
 */
export async function adminForm(event: RequestEvent, area: AdminArea): Promise<{ session: Session; form: FormData }> {
	if (!event.locals.session) error(401, translator(urlLocale(event.url), admin)('admin.error.notLoggedIn'));
	requireArea(event, area);
	return sessionForm(event);
}
