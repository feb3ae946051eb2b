import { beforeEach, describe, expect, it } from 'vitest';
import { createAccount, getAccount, setDisabled } from '../admin/accounts';
import { SqliteBackend } from '../db/sqlite';
import { freeAccountName, ssoAccount } from './accounts';

let db: SqliteBackend;
beforeEach(async () => {
	db = new SqliteBackend(':memory:');
	await createAccount(db, { name: 'admin', role: 'admin', password: 'ein-langes-passwort' });
});

const actions = async () => (await db.listAudit()).map((a) => a.action).reverse();

describe('freeAccountName', () => {
	it('keeps an allowed, free name and makes others allowed', async () => {
		expect(await freeAccountName(db, 'erika.m@example.org')).toBe('erika.m@example.org');
		expect(await freeAccountName(db, ' Erika  Mustermann ')).toBe('Erika-Mustermann');
		expect(await freeAccountName(db, '!!!')).toBe('sso');
	});

	it('never hands out a taken name, whatever its case', async () => {
		expect(await freeAccountName(db, 'Admin')).toBe('Admin-sso');
		await createAccount(db, { name: 'admin-sso', role: 'planung' });
		expect(await freeAccountName(db, 'admin')).toBe('admin-sso-2');
	});
});

describe('ssoAccount', () => {
	const subject = 'https://login.example.org#42';

	it('creates the account at the first sign-in, without password, and audits it', async () => {
		const r = await ssoAccount(db, subject, { name: 'erika', role: 'planung', kontor: null });
		expect(r).toMatchObject({ ok: true, account: { name: 'erika', role: 'planung', oidcSubject: subject, hasPassword: false } });
		expect(await actions()).toEqual(['account-create']);
	});

	it('finds it again by subject, not by name, and follows the provider’s role and Kontor', async () => {
		await ssoAccount(db, subject, { name: 'erika', role: 'planung', kontor: null });
		const r = await ssoAccount(db, subject, { name: 'erika-neu', role: 'kontor', kontor: 'fredenberg' });
		expect(r).toMatchObject({ ok: true, account: { name: 'erika', role: 'kontor', kontor: 'fredenberg' } });
		// Unchanged: nothing to record.
		await ssoAccount(db, subject, { name: 'erika', role: 'kontor', kontor: 'fredenberg' });
		expect(await actions()).toEqual(['account-create', 'account-role']);
	});

	it('gives a local account’s namesake an account of its own', async () => {
		const r = await ssoAccount(db, subject, { name: 'admin', role: 'planung', kontor: null });
		expect(r).toMatchObject({ ok: true, account: { name: 'admin-sso', role: 'planung' } });
		expect(await getAccount(db, 'admin')).toMatchObject({ role: 'admin', oidcSubject: null });
	});

	it('refuses a disabled account, and a demotion that would leave no active admin', async () => {
		await ssoAccount(db, subject, { name: 'erika', role: 'admin', kontor: null });
		await setDisabled(db, 'erika', true);
		expect(await ssoAccount(db, subject, { name: 'erika', role: 'admin', kontor: null })).toMatchObject({ ok: false, reason: 'disabled', name: 'erika' });
		await setDisabled(db, 'erika', false);
		await setDisabled(db, 'admin', true);
		expect(await ssoAccount(db, subject, { name: 'erika', role: 'planung', kontor: null })).toMatchObject({ ok: false, reason: 'failed', name: 'erika' });
		expect((await getAccount(db, 'erika'))?.role).toBe('admin');
	});
});
