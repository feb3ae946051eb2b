// Counts as words up to twelve, digits above and for anything that is not a whole positive count.
import { describe, expect, it } from 'vitest';
import { countWord } from './words';

describe('countWord', () => {
	it('writes 1 to 12 as words in both languages', () => {
		expect([1, 2, 6, 12].map((n) => countWord('de', n))).toEqual(['ein', 'zwei', 'sechs', 'zwölf']);
		expect([1, 2, 6, 12].map((n) => countWord('en', n))).toEqual(['one', 'two', 'six', 'twelve']);
	});

	it('writes other counts as digits in the locale’s format', () => {
		expect(countWord('de', 13)).toBe('13');
		expect(countWord('de', 1500)).toBe('1.500');
		expect(countWord('en', 1500)).toBe('1,500');
		expect(countWord('en', 0)).toBe('0');
	});
});
