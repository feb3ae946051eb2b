import { fail, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db/current';
import { audit } from '$lib/server/db/database';
import { adminConfigured, checkCredentials, loginBlockedFor, startSession } from '$lib/server/admin/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.admin) redirect(303, '/admin');
	return { configured: adminConfigured() };
};

export const actions: Actions = {
	default: async (event) => {
		const client = event.getClientAddress();
		const wait = loginBlockedFor(client);
		if (wait > 0) {
			event.setHeaders({ 'retry-after': String(wait) });
			return fail(429, { message: `Zu viele Fehlversuche: Anmeldung in ${Math.ceil(wait / 60)} Minute(n) wieder möglich.`, user: '' });
		}
		let form: FormData;
		try {
			form = await event.request.formData();
		} catch {
			return fail(400, { message: 'Das Formular konnte nicht gelesen werden.', user: '' });
		}
		const user = String(form.get('user') ?? '').slice(0, 100);
		const password = String(form.get('password') ?? '');
		if (!adminConfigured()) return fail(503, { message: 'Der Admin-Zugang ist nicht eingerichtet (KONTORATLAS_ADMIN_USER und KONTORATLAS_ADMIN_PASSWORD_HASH).', user });
		if (!checkCredentials(client, user, password)) {
			audit(getDatabase(), { who: user || '(leer)', action: 'login-failed', detail: `Fehlgeschlagene Anmeldung von ${client}`, added: null, changed: null, removed: null, version: null });
			return fail(401, { message: 'Benutzername oder Passwort ist falsch.', user });
		}
		startSession(event.cookies, event.url, user);
		audit(getDatabase(), { who: user, action: 'login', detail: `Anmeldung von ${client}`, added: null, changed: null, removed: null, version: null });
		redirect(303, '/admin');
	}
};
