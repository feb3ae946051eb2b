import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './throttle';

const WINDOW = 15 * 60 * 1000;
const limits = { perUser: 5, perClient: 12, windowMs: WINDOW, maxKeys: 100 };
const T0 = 1_000_000;

function failTimes(t: LoginThrottle, client: string, user: string, n: number, now = T0) {
	for (let i = 0; i < n; i++) t.fail(client, user, now);
}

describe('LoginThrottle', () => {
	it('blocks a client and name after five failures, until the oldest counted one leaves the window', () => {
		const t = new LoginThrottle(limits);
		failTimes(t, '10.0.0.1', 'admin', 4);
		expect(t.blockedFor('10.0.0.1', 'admin', T0)).toBe(0);
		t.fail('10.0.0.1', 'admin', T0 + 60_000);
		// Five failures, the first at T0: free again 15 minutes after T0.
		expect(t.blockedFor('10.0.0.1', 'admin', T0 + 60_000)).toBe(14 * 60);
		expect(t.blockedFor('10.0.0.1', 'admin', T0 + WINDOW - 1000)).toBe(1);
		expect(t.blockedFor('10.0.0.1', 'admin', T0 + WINDOW)).toBe(0);
	});

	it('never blocks another name from the same address, or the same name from another address', () => {
		const t = new LoginThrottle(limits);
		failTimes(t, '10.0.0.1', 'mallory', 5);
		expect(t.blockedFor('10.0.0.1', 'mallory', T0)).toBeGreaterThan(0);
		expect(t.blockedFor('10.0.0.1', 'admin', T0)).toBe(0);
		expect(t.blockedFor('10.0.0.2', 'mallory', T0)).toBe(0);
	});

	it('names are told apart exactly, and an address cannot be confused with a name', () => {
		const t = new LoginThrottle(limits);
		failTimes(t, '10.0.0.1', 'Admin', 5);
		expect(t.blockedFor('10.0.0.1', 'admin', T0)).toBe(0);
		failTimes(t, 'a', 'b\u0000c', 5);
		expect(t.blockedFor('a\u0000b', 'c', T0)).toBe(0);
	});

	it("a success forgets that name's failures from that address only", () => {
		const t = new LoginThrottle(limits);
		failTimes(t, '10.0.0.1', 'admin', 4);
		failTimes(t, '10.0.0.2', 'admin', 4);
		t.succeed('10.0.0.1', 'admin');
		t.fail('10.0.0.1', 'admin', T0);
		t.fail('10.0.0.2', 'admin', T0);
		expect(t.blockedFor('10.0.0.1', 'admin', T0)).toBe(0);
		expect(t.blockedFor('10.0.0.2', 'admin', T0)).toBeGreaterThan(0);
	});

	it('one address cycling through names is stopped by the limit per address', () => {
		const t = new LoginThrottle(limits);
		for (let i = 0; i < 12; i++) t.fail('10.0.0.9', `name${i}`, T0);
		expect(t.blockedFor('10.0.0.9', 'fresh-name', T0)).toBeGreaterThan(0);
		expect(t.blockedFor('10.0.0.8', 'fresh-name', T0)).toBe(0);
	});

	it('keeps at most maxKeys keys per table, however many addresses and names fail', () => {
		const t = new LoginThrottle(limits);
		for (let i = 0; i < 1000; i++) t.fail(`10.1.${i >> 8}.${i & 255}`, `name${i}`, T0);
		expect(t.size).toBe(200);
	});
});
