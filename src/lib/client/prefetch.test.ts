import { describe, expect, it } from 'vitest';
import { indicatorTablePath, seriesPath } from '$lib/data/apiPaths';
import { PREFETCH_MAX_INDICATORS, prefetchPaths, prefetchWelcome, prefetchWhenIdle } from './prefetch';

const catalogue = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `i${i}` }));

describe('what a large level fetches ahead', () => {
	it("asks for the next indicators' latest tables in columns and series of the selection, as a change would", () => {
		expect(prefetchPaths(catalogue(3), 'i1', 'block', ['b 1', 'b2'])).toEqual([
			`${indicatorTablePath('i2', 'block', null)}&format=columns`,
			seriesPath('i2', 'block', ['b 1', 'b2']),
			'/api/indicators/i0?level=block&format=columns',
			'/api/indicators/i0/series?level=block&areas=b%201,b2'
		]);
	});

	it('goes round the catalogue from the shown indicator, without it, and stops at the most it fetches ahead', () => {
		const ids = (paths: string[]) => paths.filter((p) => p.endsWith('format=columns')).map((p) => p.split('/')[3].split('?')[0]);
		expect(ids(prefetchPaths(catalogue(5), 'i3', 'g', []))).toEqual(['i4', 'i0', 'i1', 'i2']);
		expect(ids(prefetchPaths(catalogue(20), 'i0', 'g', []))).toEqual(['i1', 'i2', 'i3', 'i4', 'i5', 'i6'].slice(0, PREFETCH_MAX_INDICATORS));
		// A shown indicator missing from the catalogue (retired): from the start.
		expect(ids(prefetchPaths(catalogue(2), 'gone', 'g', []))).toEqual(['i0', 'i1']);
		expect(prefetchPaths([{ id: 'only' }], 'only', 'g', [])).toEqual([]);
	});

	it('is not welcome where the browser asks to save data or the connection is 2G-class', () => {
		expect(prefetchWelcome(undefined)).toBe(true);
		expect(prefetchWelcome({ effectiveType: '4g' })).toBe(true);
		expect(prefetchWelcome({ effectiveType: '3g' })).toBe(true);
		expect(prefetchWelcome({ saveData: true, effectiveType: '4g' })).toBe(false);
		expect(prefetchWelcome({ effectiveType: '2g' })).toBe(false);
		expect(prefetchWelcome({ effectiveType: 'slow-2g' })).toBe(false);
	});

	it('gets the paths one after another, past a failed one, until stopped', async () => {
		const got: string[] = [];
		let release: () => void = () => {};
		const get = (path: string) => {
			got.push(path);
			if (path === 'b') return Promise.reject(new Error('503'));
			if (path === 'c') return new Promise<never>((_, reject) => (release = () => reject(new Error('stopped'))));
			return Promise.resolve({} as never);
		};
		const stop = prefetchWhenIdle(get, ['a', 'b', 'c', 'd']);
		await expect.poll(() => got).toEqual(['a', 'b', 'c']);
		stop();
		release();
		await new Promise((r) => setTimeout(r, 200));
		expect(got).toEqual(['a', 'b', 'c']);
	});
});
