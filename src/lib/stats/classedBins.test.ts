// Histogram bins split at class breaks: counts and classes worked out by hand.
import { describe, expect, it } from 'vitest';
import { classedBins } from './classedBins';

describe('classedBins', () => {
	it('bins 0..99 in tens and splits the bin holding an inner break', () => {
		const values = Array.from({ length: 100 }, (_, i) => i);
		// Breaks 0 | 25 | 99: ticks of [0, 99] at ~10 are 0, 10, …, 90; 25 splits [20, 30).
		const bins = classedBins(values, [0, 25, 99], 10);
		expect(bins.map((b) => [b.x0, b.x1, b.length, b.classIndex])).toEqual([
			[0, 10, 10, 0],
			[10, 20, 10, 0],
			[20, 25, 5, 0],
			[25, 30, 5, 1],
			[30, 40, 10, 1],
			[40, 50, 10, 1],
			[50, 60, 10, 1],
			[60, 70, 10, 1],
			[70, 80, 10, 1],
			[80, 90, 10, 1],
			[90, 99, 10, 1]
		]);
	});
	it('counts every one of 12,000 values once', () => {
		const values = Array.from({ length: 12_000 }, (_, i) => (i * 7919) % 1000);
		const bins = classedBins(values, [0, 100, 400, 999]);
		expect(bins.reduce((s, b) => s + b.length, 0)).toBe(12_000);
		expect(bins.length).toBeGreaterThan(15);
		expect(bins.length).toBeLessThan(50);
		// No bin straddles a break.
		for (const b of bins) for (const k of [100, 400]) expect(b.x0 < k && k < b.x1).toBe(false);
	});
	it('widens the domain to the outer breaks and handles one value', () => {
		expect(classedBins([5, 5], [5, 5])).toEqual([{ x0: 5, x1: 5, length: 2, classIndex: 0 }]);
		const bins = classedBins([5], [0, 10], 5);
		expect(bins[0].x0).toBe(0);
		expect(bins[bins.length - 1].x1).toBe(10);
		expect(classedBins([], [0, 1])).toEqual([]);
	});
});
