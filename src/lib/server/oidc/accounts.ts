// The Kontoratlas account of a single sign-on user, keyed by issuer and subject (`oidc_subject`):
// created at the first sign-in, its role and Kontor brought in line with the provider at every
// later one. Never joined to an existing account by name: a provider's user who happens to share a
// local account's name gets an account of their own.
import type { Role } from '$lib/auth/roles';
import { createAccount, getAccount, getAccountByOidcSubject, MAX_NAME, setRole, validName, type Account } from '../admin/accounts';
import type { StoreBackend } from '../db/backend';

export type SsoAccount = { ok: true; account: Account } | { ok: false; reason: 'disabled' | 'failed'; name: string | null; detail: string };

/**
 * A free account name from the provider's name: characters accounts do not allow become `-`, and a
 * name already taken gets `-sso` (then `-sso-2`, …) appended.
 */
export async function freeAccountName(db: StoreBackend, wanted: string): Promise<string> {
	const base =
		wanted
			.replace(/[^\p{L}\p{N}._@-]+/gu, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, MAX_NAME - 8) || 'sso';
	for (let i = 1; ; i++) {
		const name = i === 1 ? base : i === 2 ? `${base}-sso` : `${base}-sso-${i - 1}`;
		if (validName(name) && !(await getAccount(db, name))) return name;
	}
}

const record = (db: StoreBackend, who: string, action: string, detail: string) =>
	db.audit({ who, action, detail, added: null, changed: null, removed: null, version: null });

export async function ssoAccount(db: StoreBackend, subject: string, wanted: { name: string; role: Role; kontor: string | null }): Promise<SsoAccount> {
	const existing = await getAccountByOidcSubject(db, subject);
	if (!existing) {
		const name = await freeAccountName(db, wanted.name);
		const made = await createAccount(db, { name, role: wanted.role, kontor: wanted.kontor, oidcSubject: subject });
		if (!made.ok) return { ok: false, reason: 'failed', name, detail: `account "${name}" for ${subject} could not be created (${made.problem})` };
		await record(
			db,
			name,
			'account-create',
			`Konto per Single Sign-on angelegt: ${name}, Rolle ${wanted.role}${wanted.kontor ? ` (Kontor ${wanted.kontor})` : ''}, ${subject}`
		);
		return made;
	}
	// A disabled account stays disabled, whatever the provider says: the atlas's administration decides.
	if (existing.disabled) return { ok: false, reason: 'disabled', name: existing.name, detail: `account "${existing.name}" (${subject}) is disabled` };
	if (existing.role === wanted.role && existing.kontor === wanted.kontor) return { ok: true, account: existing };
	const changed = await setRole(db, existing.name, wanted.role, wanted.kontor);
	// Refused only where it would leave no active admin: then the sign-in is refused too, rather than
	// keeping a role the provider no longer gives.
	if (!changed.ok)
		return { ok: false, reason: 'failed', name: existing.name, detail: `the role of "${existing.name}" cannot become ${wanted.role} (${changed.problem})` };
	const from = `${existing.role}${existing.kontor ? ` (Kontor ${existing.kontor})` : ''}`;
	const to = `${wanted.role}${wanted.kontor ? ` (Kontor ${wanted.kontor})` : ''}`;
	await record(db, existing.name, 'account-role', `Rolle per Single Sign-on geändert: ${existing.name} von ${from} zu ${to}`);
	return changed;
}
