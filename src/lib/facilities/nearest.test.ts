import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { NearestIndex, nearestNaive } from './nearest';

const random = (n: number, seed: number, w: number, h: number) => {
	const r = randomLcg(seed);
	const x = new Float64Array(n);
	const y = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		x[i] = r() * w;
		y[i] = r() * h;
	}
	return { x, y };
};

describe('NearestIndex', () => {
	it('finds, by hand, the nearest of three facilities and its distance', () => {
		const f = { x: [0, 100, 0], y: [0, 0, 300] };
		const { index, distance } = new NearestIndex(f.x, f.y).nearest([10, 90, 3, 60], [0, 40, 200, 0]);
		expect([...index]).toEqual([0, 1, 2, 1]);
		expect(distance[0]).toBe(10);
		expect(distance[1]).toBeCloseTo(Math.hypot(10, 40), 12);
		expect(distance[2]).toBeCloseTo(Math.hypot(3, 100), 12);
		expect(distance[3]).toBe(40);
	});

	it('gives exactly the naive loop’s indices and distances, also for points far outside the facilities', () => {
		const facilities = random(300, 1, 8000, 5000);
		const points = random(20000, 2, 8000, 5000);
		// Far outside: the outermost cells of the grid hold these.
		points.x[0] = -50000;
		points.y[1] = 90000;
		const fast = new NearestIndex(facilities.x, facilities.y).nearest(points.x, points.y);
		const naive = nearestNaive(points.x, points.y, facilities.x, facilities.y);
		expect(fast.index).toEqual(naive.index);
		expect(fast.distance).toEqual(naive.distance);
	});

	it('breaks ties like the naive loop: the lower facility index wins', () => {
		// Facilities on a 100 m lattice, listed in reverse, points on the midpoints between them.
		const fx: number[] = [];
		const fy: number[] = [];
		for (let i = 9; i >= 0; i--)
			for (let j = 9; j >= 0; j--) {
				fx.push(i * 100);
				fy.push(j * 100);
			}
		const px: number[] = [];
		const py: number[] = [];
		for (let i = 0; i < 9; i++)
			for (let j = 0; j < 9; j++) {
				px.push(i * 100 + 50);
				py.push(j * 100 + 50);
			}
		const fast = new NearestIndex(fx, fy).nearest(px, py);
		const naive = nearestNaive(px, py, fx, fy);
		expect(fast.index).toEqual(naive.index);
		expect(fast.distance).toEqual(naive.distance);
	});

	it('clustered facilities and a single facility agree with the naive loop too', () => {
		const cluster = random(200, 5, 300, 300);
		const points = random(5000, 6, 10000, 10000);
		for (const f of [cluster, { x: new Float64Array([4000]), y: new Float64Array([4000]) }]) {
			const fast = new NearestIndex(f.x, f.y).nearest(points.x, points.y);
			const naive = nearestNaive(points.x, points.y, f.x, f.y);
			expect(fast.index).toEqual(naive.index);
			expect(fast.distance).toEqual(naive.distance);
		}
	});

	it('agrees with the naive loop on a dense raster, where most cells answer all their points at once', () => {
		// 40,000 points on a 25 m raster, 60 facilities: cells hold about 8 points, most lie inside one facility's Voronoi cell.
		const px: number[] = [];
		const py: number[] = [];
		for (let i = 0; i < 200; i++)
			for (let j = 0; j < 200; j++) {
				px.push(i * 25);
				py.push(j * 25);
			}
		const facilities = random(60, 7, 5000, 5000);
		// Two facilities on raster points and one pair mirrored about a raster line: exact ties and zero distances.
		facilities.x[0] = 1000;
		facilities.y[0] = 1000;
		facilities.x[1] = 2000;
		facilities.y[1] = 3000;
		facilities.x[2] = 2000;
		facilities.y[2] = 3050;
		const fast = new NearestIndex(facilities.x, facilities.y).nearest(px, py);
		const naive = nearestNaive(px, py, facilities.x, facilities.y);
		expect(fast.index).toEqual(naive.index);
		expect(fast.distance).toEqual(naive.distance);
	});

	it('stays exact in projected coordinates (UTM-sized numbers, where rounding is coarser)', () => {
		const facilities = random(40, 8, 3000, 3000);
		const points = random(30000, 9, 3000, 3000);
		for (const a of [facilities.x, points.x]) for (let i = 0; i < a.length; i++) a[i] += 604_321.123;
		for (const a of [facilities.y, points.y]) for (let i = 0; i < a.length; i++) a[i] += 5_781_234.567;
		const fast = new NearestIndex(facilities.x, facilities.y).nearest(points.x, points.y);
		const naive = nearestNaive(points.x, points.y, facilities.x, facilities.y);
		expect(fast.index).toEqual(naive.index);
		expect(fast.distance).toEqual(naive.distance);
	});

	it('answers -1 and Infinity without facilities', () => {
		const { index, distance } = new NearestIndex([], []).nearest([1, 2], [3, 4]);
		expect([...index]).toEqual([-1, -1]);
		expect([...distance]).toEqual([Infinity, Infinity]);
	});

	it('writes into arrays it is given, the same answer as fresh ones, and refuses arrays of another length', () => {
		const facilities = random(50, 7, 3000, 3000);
		const points = random(5000, 8, 3000, 3000);
		const into = { index: new Int32Array(5000).fill(99), distance: new Float64Array(5000).fill(-1) };
		const out = new NearestIndex(facilities.x, facilities.y).nearest(points.x, points.y, into);
		expect(out).toBe(into);
		const naive = nearestNaive(points.x, points.y, facilities.x, facilities.y);
		expect(into.index).toEqual(naive.index);
		expect(into.distance).toEqual(naive.distance);
		new NearestIndex([], []).nearest(points.x, points.y, into);
		expect(into.index.every((i) => i === -1)).toBe(true);
		expect(into.distance.every((d) => d === Infinity)).toBe(true);
		expect(() => new NearestIndex(facilities.x, facilities.y).nearest([1], [2], into)).toThrow(RangeError);
	});
});
