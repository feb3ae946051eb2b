import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { JsonGet } from './atlasView';

type Answers = typeof import('./answers');
let answers: Answers;
beforeEach(async () => {
	// The memo lives as long as its module, as in a page: each test starts with a fresh one.
	vi.resetModules();
	answers = await import('./answers');
});

/** A fetch that answers each path with a new object `{ path, n }` (n counts the requests) and records its calls. */
function counting(status = 200) {
	const calls: { path: string; init?: RequestInit }[] = [];
	const fetch = vi.fn(async (path: string | URL | Request, init?: RequestInit) => {
		calls.push({ path: String(path), init });
		return new Response(JSON.stringify({ path: String(path), n: calls.length }), { status });
	}) as unknown as typeof globalThis.fetch;
	return { fetch, calls };
}

describe('keptAnswers', () => {
	it('hands out the same parsed object for a path asked again, without a request', async () => {
		const { fetch, calls } = counting();
		let get: JsonGet = answers.keptAnswers(fetch);
		const first = await get<object>('/api/areas?level=stadtteil');
		// A later load makes a new getter with its own fetch: the answers are the page's, not the load's.
		get = answers.keptAnswers(counting().fetch);
		expect(await get('/api/areas?level=stadtteil')).toBe(first);
		expect(calls).toHaveLength(1);
		expect(await get('/api/kontore')).not.toBe(first);
	});

	it('asks the server to revalidate what it fetches, so a new version since the page loaded is seen', async () => {
		const { fetch, calls } = counting();
		await answers.keptAnswers(fetch)('/api/indicators');
		expect(calls[0].init?.cache).toBe('no-cache');
	});

	it('shares one request between loads that ask for a path at the same time', async () => {
		const { fetch, calls } = counting();
		const get = answers.keptAnswers(fetch);
		const [a, b] = await Promise.all([get('/api/context'), get('/api/context')]);
		expect(a).toBe(b);
		expect(calls).toHaveLength(1);
	});

	it('asks again once the answers are older than the API says they may be kept', async () => {
		const { fetch, calls } = counting();
		let now = 1_000;
		const get = answers.keptAnswers(fetch, () => now);
		const first = await get('/api/indicators');
		now += answers.ANSWERS_MAX_AGE_MS;
		expect(await get('/api/indicators')).toBe(first);
		now += 1;
		const second = await get('/api/indicators');
		expect(second).not.toBe(first);
		expect(calls).toHaveLength(2);
	});

	it('keeps no failed answer: the next load asks again', async () => {
		const failing = counting(503);
		const get = answers.keptAnswers(failing.fetch);
		await expect(get('/api/coverage?distances=500')).rejects.toThrow('/api/coverage?distances=500: 503');
		const { fetch, calls } = counting();
		expect(await answers.keptAnswers(fetch)('/api/coverage?distances=500')).toMatchObject({ n: 1 });
		expect(calls).toHaveLength(1);
	});

	it('forgets the least recently used path beyond its limit', async () => {
		const { fetch, calls } = counting();
		const get = answers.keptAnswers(fetch);
		const oldest = await get('/p/0');
		const used = await get('/p/1');
		for (let i = 2; i <= answers.ANSWERS_MAX_ENTRIES; i++) {
			// /p/1 is used again on the way, so /p/0 is the least recently used when the limit is passed.
			if (i === 3) expect(await get('/p/1')).toBe(used);
			await get(`/p/${i}`);
		}
		expect(calls).toHaveLength(answers.ANSWERS_MAX_ENTRIES + 1);
		expect(await get('/p/1')).toBe(used);
		expect(await get('/p/0')).not.toBe(oldest);
		expect(calls).toHaveLength(answers.ANSWERS_MAX_ENTRIES + 2);
	});
});
