import { bin as d3Bin, ticks as d3Ticks } from 'd3-array';
import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { bin, ticks } from './histogram';

describe('ticks', () => {
	it('gives d3.ticks for ascending domains of many magnitudes', () => {
		const random = randomLcg(7);
		for (let n = 0; n < 2000; n++) {
			const scale = 10 ** Math.floor(random() * 12 - 6);
			const a = (random() - 0.3) * scale;
			const b = a + random() * scale * (random() < 0.1 ? 0.001 : 1);
			for (const count of [0, 1, 4, 16]) expect(ticks(a, b, count), `${a} ${b} ${count}`).toEqual(d3Ticks(a, b, count));
		}
	});

	it('rounds decimals exactly and keeps a one-point domain', () => {
		expect(ticks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
		expect(ticks(0.1, 0.3, 2)).toEqual([0.1, 0.2, 0.3]);
		expect(ticks(3, 3, 4)).toEqual([3]);
		expect(ticks(0, 10, 0)).toEqual([]);
	});
});

describe('bin', () => {
	const asD3 = (values: number[], domain: [number, number], thresholds: number[]) =>
		d3Bin()
			.domain(domain)
			.thresholds(thresholds)(values)
			.map((b) => ({ x0: b.x0, x1: b.x1, length: b.length }));

	it('counts like d3.bin with the domain and ticks as thresholds', () => {
		const random = randomLcg(11);
		for (let n = 0; n < 500; n++) {
			const values = Array.from({ length: Math.floor(random() * 40) }, () => Math.round(random() * 1000) / 10 - 20);
			const lo = Math.min(...values, random() * 10);
			const hi = Math.max(...values, lo + random() * 50);
			const domain: [number, number] = lo === hi ? [lo - 1, hi + 1] : [lo, hi];
			const thresholds = random() < 0.8 ? ticks(domain[0], domain[1], 16) : [domain[0] - 5, domain[0], (domain[0] + domain[1]) / 2, domain[1], domain[1] + 5];
			expect(bin(values, domain, thresholds)).toEqual(asD3(values, domain, thresholds));
		}
	});

	it('puts values at a threshold in the bin above it and the maximum in the last bin', () => {
		expect(bin([0, 5, 10, 10, Number.NaN, 11], [0, 10], [5, 10])).toEqual([
			{ x0: 0, x1: 5, length: 1 },
			{ x0: 5, x1: 10, length: 1 },
			{ x0: 10, x1: 10, length: 2 }
		]);
	});
});
