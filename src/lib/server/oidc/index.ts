// Single sign-on as the routes use it: the settings of this server's environment (problems logged
// once, by name), the redirect URI, and the audit of every sign-in that failed.
import { env } from '$env/dynamic/private';
import { getBackend } from '../db/current';
import { FLOW_PATH } from './flows';
import type { OidcError } from './relyingParty';
import { oidcEnabled, parseOidcSettings, type OidcSettings } from './settings';

let read: { settings: OidcSettings | null } | null = null;

/** Whether the login page offers single sign-on: an issuer is set (a faulty set-up then explains itself on use). */
export const oidcOffered = (): boolean => oidcEnabled(env);

/** The checked settings, or null when single sign-on is off or set up wrongly (logged once). */
export function oidcSettings(): OidcSettings | null {
	if (!read) {
		const { settings, problems } = oidcEnabled(env) ? parseOidcSettings(env) : { settings: null, problems: [] };
		for (const p of problems) console.error(`Single sign-on is off: ${p}`);
		read = { settings };
	}
	return read.settings;
}

/** Registered at the provider: ORIGIN's callback path (the request's own origin where ORIGIN is unset, as in development). */
export function redirectUri(url: URL): string {
	return new URL(`${FLOW_PATH}/callback`, env.ORIGIN || url.origin).href;
}

export async function auditFailure(e: OidcError, who: string | null, client: string): Promise<void> {
	await (
		await getBackend()
	).audit({
		who: who || '(SSO)',
		action: 'login-failed',
		detail: `Fehlgeschlagene Anmeldung per Single Sign-on von ${client}: ${e.reason} (${e.detail})`,
		added: null,
		changed: null,
		removed: null,
		version: null
	});
	console.warn(`Single sign-on refused (${client}): ${e.message}`);
}
