import { describe, expect, it } from 'vitest';
import { standardisation, zScores } from './zscore';

// [2, 4, 4, 4, 5, 5, 7, 9]: mean 5, population σ = sqrt(32 / 8) = 2 (the textbook example).
const data = [2, 4, 4, 4, 5, 5, 7, 9];

describe('zScores', () => {
	it('centres on the mean and divides by the population σ', () => {
		expect(zScores(data)).toEqual([-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2]);
		expect(standardisation(data)).toEqual({ centre: 5, sd: 2, n: 8 });
	});
	it('centres on a reference (the city value) but keeps σ of the areas', () => {
		expect(zScores(data, 6)).toEqual([-2, -1, -1, -1, -0.5, -0.5, 0.5, 1.5]);
	});
	it('keeps missing values missing and leaves them out of mean and σ', () => {
		expect(zScores([2, null, 4, 4, 4, 5, 5, 7, 9])).toEqual([-1.5, null, -0.5, -0.5, -0.5, 0, 0, 1, 2]);
	});
	it('gives no z when nothing varies or nothing is there', () => {
		expect(zScores([3, 3, null])).toEqual([null, null, null]);
		// Their float mean is 0.10000000000000002: equal values must still count as not varying.
		expect(zScores([0.1, 0.1, 0.1])).toEqual([null, null, null]);
		expect(zScores([])).toEqual([]);
		expect(standardisation([null])).toBeNull();
	});
});
