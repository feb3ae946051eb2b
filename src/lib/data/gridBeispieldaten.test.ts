import { describe, expect, it } from 'vitest';
import { largestRemainder } from './gridBeispieldaten';

describe('largest remainder', () => {
	it('gives integers in proportion that sum exactly to the total', () => {
		expect(largestRemainder([1, 1, 1], 10)).toEqual([4, 3, 3]);
		expect(largestRemainder([0.5, 0.25, 0.25], 7)).toEqual([3, 2, 2]);
		const counts = largestRemainder([3.2, 0.01, 7.7, 1.1], 45945);
		expect(counts.reduce((s, c) => s + c, 0)).toBe(45945);
		expect(counts.every((c) => Number.isInteger(c) && c >= 0)).toBe(true);
	});
});
