import { fail } from '@sveltejs/kit';
import { ROLES, type Role } from '$lib/auth/roles';
import { translator, urlLocale } from '$lib/i18n';
import { accounts } from '$lib/i18n/accounts';
import {
	createAccount,
	deleteAccount,
	listAccounts,
	MIN_PASSWORD,
	setDisabled,
	setPassword,
	setRole,
	type AccountProblem,
	type AccountResult
} from '$lib/server/admin/accounts';
import { adminForm, requireArea } from '$lib/server/admin/guard';
import type { StoreBackend } from '$lib/server/db/backend';
import { getBackend } from '$lib/server/db/current';
import { getStore } from '$lib/server/store';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** What the account log shows: sign-ins and every change to an account. */
const ACCOUNT_ACTIONS = new Set([
	'login',
	'login-failed',
	'logout',
	'account-create',
	'account-role',
	'account-disable',
	'account-enable',
	'account-delete',
	'account-password'
]);

const kontorIds = () => new Set(getStore().derived.kontore.features.map((k) => k.properties.id));

export const load: PageServerLoad = async (event) => {
	requireArea(event, 'konten');
	const db = await getBackend();
	return {
		accounts: await listAccounts(db),
		roles: ROLES,
		kontore: getStore().derived.kontore.features.map((k) => ({ id: k.properties.id, name: k.properties.name })),
		minPassword: MIN_PASSWORD,
		log: (await db.listAudit(500)).filter((a) => ACCOUNT_ACTIONS.has(a.action)).slice(0, 100)
	};
};

const text = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v.trim() : '';
};

/** A refused change, said in the user's language with what was wrong. */
function refuse(event: RequestEvent, problem: AccountProblem, values: { name: string; role?: string; kontor?: string }) {
	const t = translator(urlLocale(event.url), accounts);
	const params = { name: values.name.slice(0, 100), role: (values.role ?? '').slice(0, 40), kontor: (values.kontor ?? '').slice(0, 64), n: MIN_PASSWORD };
	const status = problem === 'missing' ? 404 : problem === 'taken' || problem === 'lastAdmin' || problem === 'subject' ? 409 : 422;
	return fail(status, { problem: t(`accounts.problem.${problem}`, params), name: values.name.slice(0, 100) });
}

/** A Kontor named in the form must exist in the current data. */
function kontorOf(form: FormData, role: string): string | null {
	const kontor = text(form, 'kontor');
	return role === 'kontor' && kontor ? kontor : null;
}

const roleLabel = (event: RequestEvent, role: Role) => translator(urlLocale(event.url), accounts)(`accounts.role.${role}`);

function record(db: StoreBackend, who: string, action: string, detail: string): Promise<void> {
	return db.audit({ who, action, detail, added: null, changed: null, removed: null, version: null });
}

async function change(
	event: RequestEvent,
	run: (db: StoreBackend, name: string, form: FormData) => Promise<AccountResult>,
	done: (r: Extract<AccountResult, { ok: true }>, name: string) => { action: string; detail: string; message: string }
) {
	const { session, form } = await adminForm(event, 'konten');
	const name = text(form, 'name');
	const role = text(form, 'role');
	const kontor = kontorOf(form, role);
	if (kontor !== null && !kontorIds().has(kontor)) return refuse(event, 'kontor', { name, role, kontor });
	const db = await getBackend();
	const result = await run(db, name, form);
	if (!result.ok) return refuse(event, result.problem, { name, role, kontor: kontor ?? '' });
	const { action, detail, message } = done(result, name);
	await record(db, session.user, action, detail);
	return { message };
}

export const actions: Actions = {
	create: (event) =>
		change(
			event,
			(db, name, form) =>
				createAccount(db, {
					name,
					role: text(form, 'role'),
					kontor: kontorOf(form, text(form, 'role')),
					password: String(form.get('password') ?? '')
				}),
			({ account }) => ({
				action: 'account-create',
				detail: `Konto ${account.name} angelegt (${account.role}${account.kontor ? `, ${account.kontor}` : ''})`,
				message: translator(urlLocale(event.url), accounts)('accounts.done.created', { name: account.name, role: roleLabel(event, account.role) })
			})
		),
	role: (event) =>
		change(
			event,
			(db, name, form) => setRole(db, name, text(form, 'role'), kontorOf(form, text(form, 'role'))),
			({ account }) => ({
				action: 'account-role',
				detail: `Konto ${account.name}: Rolle ${account.role}${account.kontor ? ` (${account.kontor})` : ''}`,
				message: translator(urlLocale(event.url), accounts)('accounts.done.role', { name: account.name, role: roleLabel(event, account.role) })
			})
		),
	password: (event) =>
		change(
			event,
			(db, name, form) => setPassword(db, name, String(form.get('password') ?? '')),
			({ account }) => ({
				action: 'account-password',
				detail: `Konto ${account.name}: neues Passwort`,
				message: translator(urlLocale(event.url), accounts)('accounts.done.password', { name: account.name })
			})
		),
	disable: (event) =>
		change(
			event,
			(db, name) => setDisabled(db, name, true),
			({ account }) => ({
				action: 'account-disable',
				detail: `Konto ${account.name} gesperrt`,
				message: translator(urlLocale(event.url), accounts)('accounts.done.disabled', { name: account.name })
			})
		),
	enable: (event) =>
		change(
			event,
			(db, name) => setDisabled(db, name, false),
			({ account }) => ({
				action: 'account-enable',
				detail: `Konto ${account.name} entsperrt`,
				message: translator(urlLocale(event.url), accounts)('accounts.done.enabled', { name: account.name })
			})
		),
	delete: (event) =>
		change(
			event,
			(db, name) => deleteAccount(db, name),
			({ account }) => ({
				action: 'account-delete',
				detail: `Konto ${account.name} gelöscht (${account.role})`,
				message: translator(urlLocale(event.url), accounts)('accounts.done.deleted', { name: account.name })
			})
		)
};
