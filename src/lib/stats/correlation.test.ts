import { describe, expect, it } from 'vitest';
import { pearson } from './correlation';

describe('pearson', () => {
	it('matches the hand computation', () => {
		// dx = [-2,-1,0,1,2], dy = [-2,0,1,0,1]: Σdxdy = 6, Σdx² = 10, Σdy² = 6 → r = 6 / √60
		const { r, n } = pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
		expect(n).toBe(5);
		expect(r).toBeCloseTo(6 / Math.sqrt(60), 12);
		expect(r).toBeCloseTo(0.774597, 6);
	});
	it('uses complete pairs only and reports their number', () => {
		const { r, n } = pearson([1, 2, null, 3, 4, 5, 7], [2, 4, 9, 5, 4, 5, null]);
		expect(n).toBe(5);
		expect(r).toBeCloseTo(6 / Math.sqrt(60), 12);
	});
	it('is exactly ±1 on a line', () => {
		expect(pearson([1, 2, 3], [3, 2, 1]).r).toBe(-1);
		expect(pearson([1, 2, 3, 4], [10, 20, 30, 40]).r).toBeCloseTo(1, 15);
	});
	it('gives no r below three pairs or without variation', () => {
		expect(pearson([1, 2], [2, 1])).toEqual({ r: null, n: 2 });
		expect(pearson([1, 2, 3], [5, 5, 5])).toEqual({ r: null, n: 3 });
		expect(pearson([0.1, 0.1, 0.1], [1, 2, 3])).toEqual({ r: null, n: 3 });
		expect(() => pearson([1], [1, 2])).toThrow();
	});
});
