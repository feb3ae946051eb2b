// The provider sends the browser back here: the flow this browser started is taken (once), the
// answer checked and redeemed, the claims mapped to a role, and a session started. Any failure
// goes back to the login page with its reason and is audited as a failed login.
import { redirect } from '@sveltejs/kit';
import { requestLocale } from '$lib/i18n/request';
import { withLang } from '$lib/i18n/links';
import { startSession } from '$lib/server/admin/session';
import { ssoAccount } from '$lib/server/oidc/accounts';
import { getBackend } from '$lib/server/db/current';
import { getStore } from '$lib/server/store';
import { decideAccount } from '$lib/server/oidc/claims';
import { takeFlow } from '$lib/server/oidc/flows';
import { auditFailure, oidcSettings, redirectUri } from '$lib/server/oidc';
import { OidcError, redeemCallback } from '$lib/server/oidc/relyingParty';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const flow = await takeFlow(event.cookies, event.url);
	const locale = flow?.locale ?? requestLocale(event.url, event.request.headers);
	const client = event.getClientAddress();
	let name: string | null = null;
	try {
		const settings = oidcSettings();
		if (!settings) throw new OidcError('unconfigured', 'a callback arrived, but single sign-on is not set up');
		if (!flow) throw new OidcError('state', 'no sign-in under way in this browser (the flow cookie is missing, expired or already used)');
		// The same path the authorization request named, with the provider's answer.
		const callback = new URL(redirectUri(event.url));
		callback.search = event.url.search;
		// The claims the account is made of: read from userinfo where the ID token lacks one.
		const wanted = [settings.roleClaim, settings.nameClaim, ...(settings.kontorClaim ? [settings.kontorClaim] : [])];
		const { subject, claims } = await redeemCallback(settings, callback, flow, wanted);
		const kontore = new Set(getStore().derived.kontore.features.map((k) => k.properties.id));
		const decision = decideAccount(claims, settings, kontore);
		if (!decision.ok) {
			const claim = decision.reason === 'norole' ? settings.roleClaim : settings.kontorClaim;
			throw new OidcError(decision.reason, `${subject}: claim ${claim} holds [${decision.values.join(', ').slice(0, 300)}]`);
		}
		const db = await getBackend();
		const result = await ssoAccount(db, subject, decision);
		if (!result.ok) {
			name = result.name;
			throw new OidcError(result.reason, result.detail);
		}
		const { account } = result;
		await startSession(event.cookies, event.url, account);
		await db.audit({
			who: account.name,
			action: 'login',
			detail: `Anmeldung per Single Sign-on von ${client} (${account.role}${account.kontor ? `, Kontor ${account.kontor}` : ''}; ${subject})`,
			added: null,
			changed: null,
			removed: null,
			version: null
		});
	} catch (e) {
		if (!(e instanceof OidcError)) throw e;
		await auditFailure(e, name, client);
		redirect(303, withLang(`/admin/login?sso=${e.reason}`, locale));
	}
	// Every role a provider's user can have works in the admin; `next` was checked when the sign-in started.
	redirect(303, flow!.next || withLang('/admin', locale));
};
