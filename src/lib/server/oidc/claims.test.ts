import { describe, expect, it } from 'vitest';
import { claimAt, claimValues, decideAccount } from './claims';
import { parseRoleMap } from './settings';

const settings = {
	roleClaim: 'groups',
	roles: parseRoleMap('kontoratlas-kontor=kontor,kontoratlas-planung=planung,kontoratlas-admin=admin').roles,
	kontorClaim: 'kontor',
	nameClaim: 'preferred_username'
};

describe('claimAt and claimValues', () => {
	it('finds a claim by name, by dotted path, and a URI-named claim whole', () => {
		const claims = { groups: ['a'], realm_access: { roles: ['r'] }, 'https://example.org/roles': 'x' };
		expect(claimAt(claims, 'groups')).toEqual(['a']);
		expect(claimAt(claims, 'realm_access.roles')).toEqual(['r']);
		expect(claimAt(claims, 'https://example.org/roles')).toBe('x');
		expect(claimAt(claims, 'realm_access.missing')).toBeUndefined();
		expect(claimAt(claims, 'groups.length')).toBeUndefined();
	});

	it('reads a list, a single value (unsplit) and nothing', () => {
		expect(claimValues(['a', 2, { x: 1 }, null])).toEqual(['a', '2']);
		expect(claimValues('Stadt Planung')).toEqual(['Stadt Planung']);
		expect(claimValues(undefined)).toEqual([]);
	});
});

describe('decideAccount', () => {
	it('takes the highest mapped role and ignores unmapped values', () => {
		expect(decideAccount({ sub: 's', preferred_username: 'erika', groups: ['andere', 'kontoratlas-planung', 'kontoratlas-admin'] }, settings)).toEqual({
			ok: true,
			role: 'admin',
			kontor: null,
			name: 'erika'
		});
	});

	it('refuses a user without a mapped role (never the public role), naming what the claim held', () => {
		expect(decideAccount({ sub: 's', groups: ['andere'] }, settings)).toEqual({ ok: false, reason: 'norole', values: ['andere'] });
		expect(decideAccount({ sub: 's' }, settings)).toEqual({ ok: false, reason: 'norole', values: [] });
	});

	it('gives a kontor account its one Kontor, checked against the known ones', () => {
		const claims = { sub: 's', email: 'k@example.org', groups: ['kontoratlas-kontor'], kontor: 'lebenstedt' };
		expect(decideAccount(claims, settings, new Set(['lebenstedt']))).toEqual({ ok: true, role: 'kontor', kontor: 'lebenstedt', name: 'k@example.org' });
		expect(decideAccount(claims, settings, new Set(['bad']))).toEqual({ ok: false, reason: 'nokontor', values: ['lebenstedt'] });
		expect(decideAccount({ ...claims, kontor: undefined }, settings)).toEqual({ ok: false, reason: 'nokontor', values: [] });
		expect(decideAccount({ ...claims, kontor: ['a', 'b'] }, settings)).toEqual({ ok: false, reason: 'nokontor', values: ['a', 'b'] });
	});

	it('does not need a Kontor for a higher role', () => {
		expect(decideAccount({ sub: 'abc', groups: ['kontoratlas-kontor', 'kontoratlas-planung'] }, settings)).toEqual({
			ok: true,
			role: 'planung',
			kontor: null,
			name: 'abc'
		});
	});
});
