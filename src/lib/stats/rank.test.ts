import { describe, expect, it } from 'vitest';
import { deviation, rankDescending } from './rank';

describe('rankDescending', () => {
	it('ranks the highest value first and shares ranks on ties (1224)', () => {
		expect(rankDescending([5, 9, 7, 9, 1])).toEqual([4, 1, 3, 1, 5]);
	});
	it('gives missing values no rank and does not count them', () => {
		expect(rankDescending([null, 3, 10, null])).toEqual([null, 2, 1, null]);
	});
	it('ranks as d3.rank did, on many values with ties, negatives and a NaN', async () => {
		const { descending, rank } = await import('d3-array');
		const values = Array.from({ length: 2000 }, (_, i) => (i % 97 === 0 ? null : i % 89 === 0 ? NaN : Math.round(Math.sin(i) * 50) / 2));
		const d3 = Array.from(
			rank(values, (a: number | null, b: number | null) => descending(a ?? undefined, b ?? undefined)),
			(r) => (Number.isNaN(r) ? null : r + 1)
		);
		expect(rankDescending(values)).toEqual(d3);
	});
	it('skips as many ranks as values share one (11144)', () => {
		expect(rankDescending([2, 2, 2, 1, 1])).toEqual([1, 1, 1, 4, 4]);
		expect(rankDescending([])).toEqual([]);
	});
});

describe('deviation', () => {
	it('is absolute and relative to the reference', () => {
		expect(deviation(12, 10)).toEqual({ absolute: 2, relativePct: 20 });
		expect(deviation(5, 10)).toEqual({ absolute: -5, relativePct: -50 });
	});
	it('has no relative deviation from a zero reference, and none at all without a value', () => {
		expect(deviation(3, 0)).toEqual({ absolute: 3, relativePct: null });
		expect(deviation(null, 10)).toBeNull();
		expect(deviation(1, null)).toBeNull();
	});
});
