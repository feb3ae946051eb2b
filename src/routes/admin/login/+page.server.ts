import { fail, redirect } from '@sveltejs/kit';
import { atLeast, type Role } from '$lib/auth/roles';
import { safeReturnTo } from '$lib/auth/returnTo';
import { getBackend } from '$lib/server/db/current';
import { verifyLogin } from '$lib/server/admin/accounts';
import { loginConfigured, startSession } from '$lib/server/admin/session';
import { loginThrottle } from '$lib/server/admin/throttle';
import { translator, urlLocale, core, type Locale } from '$lib/i18n';
import { admin } from '$lib/i18n/admin';
import { withLang } from '$lib/i18n/links';
import { oidcOffered } from '$lib/server/oidc';
import { ssoFailure } from '$lib/server/oidc/relyingParty';
import type { Actions, PageServerLoad } from './$types';

/** After sign-in: the `next` path if it is one on this site, else the admin for its roles, else the atlas. */
function destination(url: URL, role: Role, locale: Locale): string {
	return safeReturnTo(url.searchParams.get('next')) ?? withLang(atLeast(role, 'kontor') ? '/admin' : '/', locale);
}

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.session) redirect(303, destination(url, locals.session.role, urlLocale(url)));
	// Single sign-on returns to the same `next` as the form would.
	const next = safeReturnTo(url.searchParams.get('next'));
	const ssoStart = withLang(next ? `/admin/login/oidc?${new URLSearchParams({ next })}` : '/admin/login/oidc', urlLocale(url));
	return { configured: await loginConfigured(), oidc: oidcOffered() ? ssoStart : null, sso: ssoFailure(url.searchParams.get('sso')) };
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
		const db = await getBackend();
		if (!(await loginConfigured())) return fail(503, { message: t('admin.login.unconfigured'), user });
		// Refused before the password is checked: a blocked client learns nothing from trying.
		const throttle = await loginThrottle();
		const wait = await throttle.blockedFor(client, user);
		if (wait > 0) {
			event.setHeaders({ 'retry-after': String(wait) });
			return fail(429, { message: t('admin.login.tooMany', { n: Math.ceil(wait / 60) }), user });
		}
		const account = await verifyLogin(db, user, password);
		if (!account) {
			await throttle.fail(client, user);
			await db.audit({
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
		await throttle.succeed(client, user);
		await startSession(event.cookies, event.url, account);
		await db.audit({
			who: account.name,
			action: 'login',
			detail: `Anmeldung von ${client} (${account.role})`,
			added: null,
			changed: null,
			removed: null,
			version: null
		});
		redirect(303, destination(event.url, account.role, locale));
	}
};
