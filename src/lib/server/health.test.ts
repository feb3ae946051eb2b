import { describe, expect, it } from 'vitest';
import { HEALTH_KEY, healthState, readiness } from './health';

describe('readiness', () => {
	it('is ready with the version the store loads', async () => {
		expect(await readiness({ draining: false }, async () => 7)).toEqual({ ready: true, version: 7 });
	});
	it('is not ready while draining, without touching the store', async () => {
		let touched = false;
		const state = await readiness({ draining: true }, async () => {
			touched = true;
			return 1;
		});
		expect(state).toEqual({ ready: false, problem: 'http.ready.draining' });
		expect(touched).toBe(false);
	});
	it('is not ready when the store cannot be read, and keeps the error for the log', async () => {
		const error = new Error('SQLITE_CANTOPEN');
		expect(
			await readiness({ draining: false }, async () => {
				throw error;
			})
		).toEqual({ ready: false, problem: 'http.ready.storeUnreadable', error });
	});
});

describe('healthState', () => {
	it('is one object per process, found under a global symbol (server.js sets draining there)', () => {
		const state = healthState();
		expect(healthState()).toBe(state);
		expect((globalThis as Record<symbol, unknown>)[HEALTH_KEY]).toBe(state);
		expect(state.draining).toBe(false);
	});
});
