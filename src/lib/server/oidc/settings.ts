// Single sign-on settings from the environment (KONTORATLAS_OIDC_*): the provider, the client, the
// scope and how claims become a role and a Kontor. Read into one checked object, so a mistake in the
// set-up is reported by name instead of surfacing as a failed login.
import { ROLES, isRole, type Role } from '$lib/auth/roles';

export interface OidcSettings {
	issuer: URL;
	clientId: string;
	/** Absent: a public client (PKCE alone, no client authentication). */
	clientSecret: string | null;
	scope: string;
	/** Where the role values are, as a dotted path into the claims (`groups`, `realm_access.roles`). */
	roleClaim: string;
	/** Claim value → role, in the order given. */
	roles: Map<string, Role>;
	/** The claim that names the Kontor of a `kontor` account (its id), or null when none is mapped. */
	kontorClaim: string | null;
	/** The claim the account's display name comes from; `email`, `name` and `sub` follow as fallbacks. */
	nameClaim: string;
	/** Plain http is allowed for a provider on this machine only (development, the tests). */
	insecure: boolean;
}

export type OidcEnv = Record<string, string | undefined>;

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

/** Whether single sign-on is switched on at all: an issuer is set. */
export const oidcEnabled = (env: OidcEnv): boolean => Boolean(env.KONTORATLAS_OIDC_ISSUER?.trim());

/**
 * `kontoratlas-admin=admin, kontoratlas-planung=planung`: pairs separated by commas (or new lines),
 * the claim value before the last `=` (a group's path or an Entra ID object id may hold anything but).
 */
export function parseRoleMap(raw: string): { roles: Map<string, Role>; problems: string[] } {
	const roles = new Map<string, Role>();
	const problems: string[] = [];
	for (const part of raw.split(/[,\n]/)) {
		const item = part.trim();
		if (!item) continue;
		const at = item.lastIndexOf('=');
		const value = at > 0 ? item.slice(0, at).trim() : '';
		const role = at > 0 ? item.slice(at + 1).trim() : '';
		if (!value || !role) problems.push(`KONTORATLAS_OIDC_ROLES: "${item}" is not of the form claim-value=role`);
		else if (!isRole(role) || role === 'oeffentlich')
			problems.push(`KONTORATLAS_OIDC_ROLES: "${role}" (for "${value}") is not a role; roles: ${ROLES.slice(1).join(', ')}`);
		else if (roles.has(value)) problems.push(`KONTORATLAS_OIDC_ROLES: "${value}" is mapped twice`);
		else roles.set(value, role);
	}
	if (!roles.size && !problems.length) problems.push('KONTORATLAS_OIDC_ROLES is empty: map at least one claim value to a role (e.g. kontoratlas-admin=admin)');
	return { roles, problems };
}

/** The settings, or what is wrong with them (in English: for the server's log and the README's set-up). */
export function parseOidcSettings(env: OidcEnv): { settings: OidcSettings; problems: [] } | { settings: null; problems: string[] } {
	const problems: string[] = [];
	let issuer: URL | null = null;
	try {
		issuer = new URL((env.KONTORATLAS_OIDC_ISSUER ?? '').trim());
	} catch {
		problems.push(`KONTORATLAS_OIDC_ISSUER: "${env.KONTORATLAS_OIDC_ISSUER ?? ''}" is not a URL`);
	}
	const insecure = issuer?.protocol === 'http:' && LOOPBACK.includes(issuer.hostname);
	if (issuer && issuer.protocol !== 'https:' && !insecure)
		problems.push(`KONTORATLAS_OIDC_ISSUER: ${issuer.href} must be https (plain http only on this machine)`);
	const clientId = env.KONTORATLAS_OIDC_CLIENT_ID?.trim() ?? '';
	if (!clientId) problems.push('KONTORATLAS_OIDC_CLIENT_ID is missing');
	const { roles, problems: roleProblems } = parseRoleMap(env.KONTORATLAS_OIDC_ROLES ?? '');
	problems.push(...roleProblems);
	const kontorClaim = env.KONTORATLAS_OIDC_KONTOR_CLAIM?.trim() || null;
	if ([...roles.values()].includes('kontor') && !kontorClaim)
		problems.push('KONTORATLAS_OIDC_ROLES maps to role kontor, but KONTORATLAS_OIDC_KONTOR_CLAIM (the claim naming the Kontor) is not set');
	const scope = (env.KONTORATLAS_OIDC_SCOPE?.trim() || 'openid profile email').split(/\s+/);
	if (!scope.includes('openid')) problems.push(`KONTORATLAS_OIDC_SCOPE: "${scope.join(' ')}" lacks "openid"`);
	if (problems.length || !issuer) return { settings: null, problems };
	return {
		settings: {
			issuer,
			clientId,
			clientSecret: env.KONTORATLAS_OIDC_CLIENT_SECRET || null,
			scope: scope.join(' '),
			roleClaim: env.KONTORATLAS_OIDC_ROLE_CLAIM?.trim() || 'groups',
			roles,
			kontorClaim,
			nameClaim: env.KONTORATLAS_OIDC_NAME_CLAIM?.trim() || 'preferred_username',
			insecure
		},
		problems: []
	};
}
