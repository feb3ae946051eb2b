import { describe, expect, it } from 'vitest';
import { atLeast, isRole, seesInternal } from './roles';

describe('roles', () => {
	it('orders the ladder, each role including the ones before it', () => {
		expect(atLeast('admin', 'redaktion')).toBe(true);
		expect(atLeast('planung', 'kontor')).toBe(true);
		expect(atLeast('kontor', 'planung')).toBe(false);
		expect(atLeast(null, 'oeffentlich')).toBe(true);
		expect(atLeast(undefined, 'kontor')).toBe(false);
	});
	it('shows internal data from kontor up, never to the anonymous public', () => {
		expect(seesInternal(null)).toBe(false);
		expect(seesInternal({ name: 'a', role: 'oeffentlich', kontor: null })).toBe(false);
		expect(seesInternal({ name: 'k', role: 'kontor', kontor: 'lebenstedt' })).toBe(true);
	});
	it('knows only its own roles', () => {
		expect(isRole('planung')).toBe(true);
		expect(isRole('superuser')).toBe(false);
		expect(isRole(3)).toBe(false);
	});
});
