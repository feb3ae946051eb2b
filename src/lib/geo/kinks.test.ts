import { kinks } from '@turf/kinks';
import { polygon } from '@turf/helpers';
import { describe, expect, it } from 'vitest';
import { firstKink } from './kinks';
import { seededRandom as random } from '../../../tests/fixtures/random';

/** What turf's kinks says of the rings, in firstKink's terms. */
function turfKink(rings: number[][][]) {
	const found = kinks(polygon(rings)).features;
	return found.length ? { at: found[0].geometry.coordinates, n: found.length } : null;
}

/** A closed ring of n random vertices around (x, y); on a coarse lattice where `snap`, so vertices repeat and segments touch and overlap. */
function ring(rnd: () => number, n: number, x: number, y: number, size: number, snap: boolean): number[][] {
	const pts: number[][] = [];
	for (let k = 0; k < n; k++) {
		const p = [x + (rnd() - 0.5) * size, y + (rnd() - 0.5) * size];
		pts.push(snap ? p.map((v) => Math.round(v * 400) / 400) : p);
	}
	return [...pts, pts[0]];
}

describe('firstKink', () => {
	it('finds the crossing of a bow tie, and nothing in a square', () => {
		const bowTie = [
			[
				[0, 0],
				[1, 1],
				[1, 0],
				[0, 1],
				[0, 0]
			]
		];
		expect(firstKink(bowTie)).toEqual({ at: [0.5, 0.5], n: 1 });
		expect(
			firstKink([
				[
					[0, 0],
					[1, 0],
					[1, 1],
					[0, 1],
					[0, 0]
				]
			])
		).toBeNull();
	});

	it('counts a crossing of two rings twice where both are segment 1 of their ring, as turf does', () => {
		// The exterior's segment 1 (x = 4) crosses the hole's segment 1 at (4, 2) and its segment 3 at (4, 1).
		const rings = [
			[
				[0, 0],
				[4, 0],
				[4, 4],
				[0, 4],
				[0, 0]
			],
			[
				[3, 1],
				[3, 2],
				[5, 2],
				[5, 1],
				[3, 1]
			]
		];
		expect(firstKink(rings)).toEqual({ at: [4, 2], n: 3 });
		expect(firstKink(rings)).toEqual(turfKink(rings));
	});

	it('reports the same first point and count as turf for random rings (crossing, touching, overlapping)', () => {
		const rnd = random(7);
		let withKinks = 0;
		for (let c = 0; c < 400; c++) {
			const snap = c % 2 === 0;
			const rings = [ring(rnd, 4 + Math.floor(rnd() * 12), 10, 52, 0.02, snap)];
			for (let h = Math.floor(rnd() * 3); h > 0; h--) rings.push(ring(rnd, 3 + Math.floor(rnd() * 5), 10, 52, 0.01, snap));
			const expected = turfKink(rings);
			if (expected) withKinks++;
			expect(firstKink(rings), JSON.stringify(rings)).toEqual(expected);
		}
		// The cases are not all trivial.
		expect(withKinks).toBeGreaterThan(200);
	});
});
