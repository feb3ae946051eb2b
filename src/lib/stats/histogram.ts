// The legend's histogram: d3-array's ticks and bin, written out for a measured reason. d3-array
// is one file, so the client bundles the union of what any page takes from it (rank, InternMap
// and range for d3-scale, …) into one shared chunk of 1.8 KB gzip that /embed loaded for ticks,
// bin and max alone; that chunk was most of what put /embed past its 60 KB budget
// (npm run bench:size). Same results as d3-array 3 (histogram.test.ts compares them).

const e10 = Math.sqrt(50);
const e5 = Math.sqrt(10);
const e2 = Math.sqrt(2);

/** d3's tickSpec: integer tick indices and the increment (negative: its inverse, for exact decimals). */
function tickSpec(start: number, stop: number, count: number): [number, number, number] {
	const step = (stop - start) / Math.max(0, count);
	const power = Math.floor(Math.log10(step));
	const error = step / Math.pow(10, power);
	const factor = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1;
	let i1: number, i2: number, inc: number;
	if (power < 0) {
		inc = Math.pow(10, -power) / factor;
		i1 = Math.round(start * inc);
		i2 = Math.round(stop * inc);
		if (i1 / inc < start) ++i1;
		if (i2 / inc > stop) --i2;
		inc = -inc;
	} else {
		inc = Math.pow(10, power) * factor;
		i1 = Math.round(start / inc);
		i2 = Math.round(stop / inc);
		if (i1 * inc < start) ++i1;
		if (i2 * inc > stop) --i2;
	}
	if (i2 < i1 && 0.5 <= count && count < 2) return tickSpec(start, stop, count * 2);
	return [i1, i2, inc];
}

/** About `count` round values in [start, stop], ascending, as d3.ticks for start ≤ stop. */
export function ticks(start: number, stop: number, count: number): number[] {
	if (!(count > 0)) return [];
	if (start === stop) return [start];
	const [i1, i2, inc] = tickSpec(start, stop, count);
	if (!(i2 >= i1)) return [];
	return Array.from({ length: i2 - i1 + 1 }, (_, i) => (inc < 0 ? (i1 + i) / -inc : (i1 + i) * inc));
}

export interface Bin {
	x0: number;
	x1: number;
	/** How many values fall in [x0, x1); the last bin also holds values equal to its x1. */
	length: number;
}

/**
 * d3.bin().domain([lo, hi]).thresholds(thresholds)(values), counted: thresholds outside (lo, hi]
 * are dropped, a value goes to the bin after the last threshold ≤ it, values outside the domain
 * (and NaN) to none.
 */
export function bin(values: number[], [lo, hi]: [number, number], thresholds: number[]): Bin[] {
	const t = thresholds.filter((x) => x > lo && x <= hi);
	const bins = Array.from({ length: t.length + 1 }, (_, i) => ({ x0: i > 0 ? t[i - 1] : lo, x1: i < t.length ? t[i] : hi, length: 0 }));
	for (const v of values) {
		if (!(lo <= v && v <= hi)) continue;
		let i = 0;
		while (i < t.length && t[i] <= v) i++;
		bins[i].length++;
	}
	return bins;
}
