import { describe, expect, it } from 'vitest';
import { classBreaks, classCounts, classOf, loadMethod } from './classify';

const values = [1, 2, 4, 5, 7, 9, 10, 20];

describe('classBreaks', () => {
	it('equal intervals split the range evenly', () => {
		// (20 - 1) / 4 = 4.75
		expect(classBreaks(values, { method: 'equal', classes: 4 })).toEqual([1, 5.75, 10.5, 15.25, 20]);
	});

	it('quantiles put (about) the same number of values in each class', () => {
		const data = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
		const breaks = classBreaks(data, { method: 'quantile', classes: 4 });
		expect(classCounts(data, breaks)).toEqual([3, 3, 3, 3]);
		expect(breaks[0]).toBe(1);
		expect(breaks[4]).toBe(12);
	});

	it('natural breaks ask for their code to be loaded first, and then follow ckmeans (simple-statistics documented example)', async () => {
		expect(() => classBreaks([1, 2, 3, 4], { method: 'jenks', classes: 3 })).toThrow(/loadMethod/);
		await loadMethod('jenks');
		// ckmeans([-1, 2, -1, 2, 4, 5, 6, -1, 2, -1], 3) → [[-1,-1,-1,-1], [2,2,2], [4,5,6]]
		const data = [-1, 2, -1, 2, 4, 5, 6, -1, 2, -1];
		const breaks = classBreaks(data, { method: 'jenks', classes: 3 });
		expect(breaks).toEqual([-1, 2, 4, 6]);
		expect(classCounts(data, breaks)).toEqual([4, 3, 3]);
	});

	it('gives fewer classes where the data cannot fill them', async () => {
		await loadMethod('jenks');
		// three distinct values, five classes asked: three classes, the last one of the maximum alone
		const breaks = classBreaks([1, 1, 2, 2, 3], { method: 'jenks', classes: 5 });
		expect(breaks).toEqual([1, 2, 3, 3]);
		expect(classCounts([1, 1, 2, 2, 3], breaks)).toEqual([2, 2, 1]);
		expect(classBreaks([5, 5, 5], { method: 'quantile', classes: 4 })).toEqual([5, 5]);
		expect(classBreaks([], { method: 'equal', classes: 4 })).toEqual([]);
	});

	it('standard deviations are centred on the reference value (the city)', async () => {
		await loadMethod('stddev');
		// mean 5, population σ of [2, 4, 4, 4, 5, 5, 7, 9] = 2
		const data = [2, 4, 4, 4, 5, 5, 7, 9];
		expect(classBreaks(data, { method: 'stddev', classes: 4, reference: 5 })).toEqual([2, 3, 5, 7, 9]);
		// odd k: ±0.5 σ around the reference 6 → 5, 7; outer breaks are the extremes
		expect(classBreaks(data, { method: 'stddev', classes: 3, reference: 6 })).toEqual([2, 5, 7, 9]);
		// empty outer classes are kept so the diverging scheme stays centred
		expect(classBreaks(data, { method: 'stddev', classes: 6, reference: 5 })).toEqual([1, 1, 3, 5, 7, 9, 9]);
	});

	it('manual breaks are used as typed, within the data range', () => {
		expect(classBreaks(values, { method: 'manual', classes: 3, manual: [5, 10] })).toEqual([1, 5, 10, 20]);
		expect(classBreaks(values, { method: 'manual', classes: 3, manual: [10, 5, 30, -4, 5] })).toEqual([1, 5, 10, 20]);
	});

	it('keeps the class count between 3 and 9', () => {
		expect(classBreaks(values, { method: 'equal', classes: 2 })).toHaveLength(4);
		expect(
			classBreaks(
				Array.from({ length: 50 }, (_, i) => i),
				{ method: 'equal', classes: 12 }
			)
		).toHaveLength(10);
	});
});

describe('classOf', () => {
	const breaks = [0, 10, 20, 30];
	it('puts a value equal to an inner break into the class above', () => {
		expect(classOf(10, breaks)).toBe(1);
		expect(classOf(20, breaks)).toBe(2);
		expect(classOf(9.999, breaks)).toBe(0);
	});
	it('closes the last class and clamps values outside the breaks', () => {
		expect(classOf(30, breaks)).toBe(2);
		expect(classOf(0, breaks)).toBe(0);
		expect(classOf(-5, breaks)).toBe(0);
		expect(classOf(99, breaks)).toBe(2);
	});
});
