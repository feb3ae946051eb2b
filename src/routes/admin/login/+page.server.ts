import { fail, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db/current';
import { audit } from '$lib/server/db/database';
import { adminConfigured, checkCredentials, startSession } from '$lib/server/admin/session';
import { loginThrottle } from '$lib/server/admin/throttle';
import { translator, urlLocale, core } from '$lib/i18n';
import { admin } from '$lib/i18n/admin';
import { withLang } from '$lib/i18n/links';
import { oidcOffered } from '$lib/server/oidc';
import { ssoFailure } from '$lib/server/oidc/relyingParty';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.admin) redirect(303, withLang('/admin', urlLocale(url)));
	return { configured: adminConfigured(), oidc: oidcOffered(), sso: ssoFailure(url.searchParams.get('sso')) };
};

export const actions: Actions = {
	default: async (event) => {
		// Behind a proxy adapter-node takes the address from ADDRESS_HEADER (and XFF_DEPTH).
		const client = event.getClientAddress();
		const locale = urlLocale(event.url);
		const t = translator(locale, admin, core);
		let form: FormData;
		try {
			form = await event.request.formData();
		} catch {
			return fail(400, { message: t('admin.login.unreadable'), user: '' });
		}
		const user = String(form.get('user') ?? '').slice(0, 100);
		const password = String(form.get('password') ?? '');
		if (!adminConfigured()) return fail(503, { message: t('admin.login.unconfigured'), user });
		// Refused before the password is checked: a blocked client learns nothing from trying.
		const wait = loginThrottle.blockedFor(client, user);
		if (wait > 0) {
			event.setHeaders({ 'retry-after': String(wait) });
			return fail(429, { message: t('admin.login.tooMany', { n: Math.ceil(wait / 60) }), user });
		}
		if (!checkCredentials(user, password)) {
			loginThrottle.fail(client, user);
			audit(getDatabase(), {
				who: user || '(leer)',
				action: 'login-failed',
				detail: `Fehlgeschlagene Anmeldung von ${client}`,
				added: null,
				changed: null,
				removed: null,
				version: null
			});
			return fail(401, { message: t('admin.login.wrong'), user });
		}
		loginThrottle.succeed(client, user);
		startSession(event.cookies, event.url, user);
		audit(getDatabase(), { who: user, action: 'login', detail: `Anmeldung von ${client}`, added: null, changed: null, removed: null, version: null });
		redirect(303, withLang('/admin', locale));
	}
};
