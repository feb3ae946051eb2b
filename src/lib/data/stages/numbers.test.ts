import { describe, expect, it } from 'vitest';
import { median, round, slug } from './numbers';

describe('pipeline numbers and names', () => {
	it('rounds half away from zero for positives at the given decimals', () => {
		expect(round(0.1234, 2)).toBe(0.12);
		expect(round(2.5, 0)).toBe(3);
		expect(round(1.0005, 3)).toBe(1.001);
	});

	it('takes the middle value, or the mean of the two middle ones, rounded to 3 decimals', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 2, 3])).toBe(2.5);
		expect(median([0.1, 0.2])).toBe(0.15);
		expect(median([])).toBe(0);
	});

	it('makes ASCII slugs of German names', () => {
		expect(slug('Süd')).toBe('sued');
		expect(slug('Groß Mahner')).toBe('gross-mahner');
		expect(slug(' Landkreis Wolfenbüttel ')).toBe('landkreis-wolfenbuettel');
	});
});
