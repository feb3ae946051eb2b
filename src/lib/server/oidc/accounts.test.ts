import { beforeEach, describe, expect, it } from 'vitest';
import { createAccount, getAccount, setDisabled } from '../admin/accounts';
import { openDatabase, type Db } from '../db/database';
import { freeAccountName, ssoAccount } from './accounts';

let db: Db;
beforeEach(() => {
	db = openDatabase(':memory:');
	createAccount(db, { name: 'admin', role: 'admin', password: 'ein-langes-passwort' });
});

const actions = () => (db.prepare('SELECT action, detail FROM audit ORDER BY id').all() as { action: string; detail: string }[]).map((a) => a.action);

describe('freeAccountName', () => {
	it('keeps an allowed, free name and makes others allowed', () => {
		expect(freeAccountName(db, 'erika.m@example.org')).toBe('erika.m@example.org');
		expect(freeAccountName(db, ' Erika  Mustermann ')).toBe('Erika-Mustermann');
		expect(freeAccountName(db, '!!!')).toBe('sso');
	});

	it('never hands out a taken name, whatever its case', () => {
		expect(freeAccountName(db, 'Admin')).toBe('Admin-sso');
		createAccount(db, { name: 'admin-sso', role: 'planung' });
		expect(freeAccountName(db, 'admin')).toBe('admin-sso-2');
	});
});

describe('ssoAccount', () => {
	const subject = 'https://login.example.org#42';

	it('creates the account at the first sign-in, without password, and audits it', () => {
		const r = ssoAccount(db, subject, { name: 'erika', role: 'planung', kontor: null });
		expect(r).toMatchObject({ ok: true, account: { name: 'erika', role: 'planung', oidcSubject: subject, hasPassword: false } });
		expect(actions()).toEqual(['account-create']);
	});

	it('finds it again by subject, not by name, and follows the provider’s role and Kontor', () => {
		ssoAccount(db, subject, { name: 'erika', role: 'planung', kontor: null });
		const r = ssoAccount(db, subject, { name: 'erika-neu', role: 'kontor', kontor: 'fredenberg' });
		expect(r).toMatchObject({ ok: true, account: { name: 'erika', role: 'kontor', kontor: 'fredenberg' } });
		// Unchanged: nothing to record.
		ssoAccount(db, subject, { name: 'erika', role: 'kontor', kontor: 'fredenberg' });
		expect(actions()).toEqual(['account-create', 'account-role']);
	});

	it('gives a local account’s namesake an account of its own', () => {
		const r = ssoAccount(db, subject, { name: 'admin', role: 'planung', kontor: null });
		expect(r).toMatchObject({ ok: true, account: { name: 'admin-sso', role: 'planung' } });
		expect(getAccount(db, 'admin')).toMatchObject({ role: 'admin', oidcSubject: null });
	});

	it('refuses a disabled account, and a demotion that would leave no active admin', () => {
		ssoAccount(db, subject, { name: 'erika', role: 'admin', kontor: null });
		setDisabled(db, 'erika', true);
		expect(ssoAccount(db, subject, { name: 'erika', role: 'admin', kontor: null })).toMatchObject({ ok: false, reason: 'disabled', name: 'erika' });
		setDisabled(db, 'erika', false);
		setDisabled(db, 'admin', true);
		expect(ssoAccount(db, subject, { name: 'erika', role: 'planung', kontor: null })).toMatchObject({ ok: false, reason: 'failed', name: 'erika' });
		expect(getAccount(db, 'erika')?.role).toBe('admin');
	});
});
