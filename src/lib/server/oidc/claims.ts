// From a provider's claims to a Kontoratlas account: the role (the highest one the role claim's
// values map to), the Kontor of a `kontor` account and a display name. Pure: the claims come in, a
// decision comes out.
import { ROLES, type Role } from '$lib/auth/roles';
import type { OidcSettings } from './settings';

export type Claims = Record<string, unknown>;

export type ClaimDecision =
	| { ok: true; role: Role; kontor: string | null; name: string }
	/** `values`: what the role claim (norole) or the Kontor claim (nokontor) held, for the audit. */
	| { ok: false; reason: 'norole' | 'nokontor'; values: string[] };

/**
 * A claim by name, or by a dotted path into nested objects (Keycloak's `realm_access.roles`). The
 * whole name is tried first: some providers name claims by URI, dots included.
 */
export function claimAt(claims: Claims, path: string): unknown {
	if (Object.hasOwn(claims, path)) return claims[path];
	let at: unknown = claims;
	for (const key of path.split('.')) {
		if (typeof at !== 'object' || at === null || Array.isArray(at) || !Object.hasOwn(at, key)) return undefined;
		at = (at as Claims)[key];
	}
	return at;
}

/** A claim's values as strings: a list as it is, a single value as one (never split: names may hold spaces). */
export function claimValues(value: unknown): string[] {
	const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
	return list.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map(String);
}

function displayName(claims: Claims, nameClaim: string): string {
	for (const key of [nameClaim, 'email', 'name', 'sub']) {
		const v = claimAt(claims, key);
		if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 100);
	}
	return '';
}

/**
 * The role is the highest any value of the role claim maps to; nothing mapped is a refusal, never
 * the public role. A `kontor` account needs exactly one Kontor, known to the atlas when `kontore` is given.
 */
export function decideAccount(
	claims: Claims,
	settings: Pick<OidcSettings, 'roleClaim' | 'roles' | 'kontorClaim' | 'nameClaim'>,
	kontore?: ReadonlySet<string>
): ClaimDecision {
	const values = claimValues(claimAt(claims, settings.roleClaim));
	const mapped = values.map((v) => settings.roles.get(v)).filter((r): r is Role => r !== undefined);
	if (!mapped.length) return { ok: false, reason: 'norole', values };
	const role = mapped.reduce((a, b) => (ROLES.indexOf(b) > ROLES.indexOf(a) ? b : a));
	let kontor: string | null = null;
	if (role === 'kontor') {
		const given = settings.kontorClaim ? claimValues(claimAt(claims, settings.kontorClaim)) : [];
		if (given.length !== 1 || (kontore && !kontore.has(given[0]))) return { ok: false, reason: 'nokontor', values: given };
		kontor = given[0];
	}
	return { ok: true, role, kontor, name: displayName(claims, settings.nameClaim) };
}
