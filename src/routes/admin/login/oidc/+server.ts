// Starts a single sign-on: discovers the provider, keeps state, nonce and PKCE verifier on the
// server (oidc/flows.ts) and sends the browser to the provider's authorization endpoint.
import { redirect } from '@sveltejs/kit';
import { safeReturnTo } from '$lib/auth/returnTo';
import { urlLocale } from '$lib/i18n';
import { withLang } from '$lib/i18n/links';
import { beginFlow } from '$lib/server/oidc/flows';
import { auditFailure, oidcSettings, redirectUri } from '$lib/server/oidc';
import { authorizationRequest, OidcError } from '$lib/server/oidc/relyingParty';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const locale = urlLocale(event.url);
	const settings = oidcSettings();
	let target: string;
	if (!settings) {
		target = withLang('/admin/login?sso=unconfigured', locale);
	} else {
		try {
			const { url, flow } = await authorizationRequest(settings, redirectUri(event.url));
			// Where to go afterwards, as the login form's `next`: a path on this site or nothing.
			const next = safeReturnTo(event.url.searchParams.get('next')) ?? '';
			await beginFlow(event.cookies, event.url, { ...flow, next, locale });
			target = url.href;
		} catch (e) {
			if (!(e instanceof OidcError)) throw e;
			await auditFailure(e, null, event.getClientAddress());
			target = withLang(`/admin/login?sso=${e.reason}`, locale);
		}
	}
	redirect(303, target);
};
