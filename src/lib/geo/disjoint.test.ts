import type { MultiPolygon, Polygon } from 'geojson';
import { bbox } from '@turf/bbox';
import { featureCollection, feature } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { area } from '@turf/area';
import { describe, expect, it } from 'vitest';
import { interiorsDisjoint } from './disjoint';
import { seededRandom as random } from '../../../tests/fixtures/random';

const poly = (...rings: number[][][]): Polygon => ({ type: 'Polygon', coordinates: rings.map((r) => [...r, r[0]]) });
const rect = (x0: number, y0: number, x1: number, y1: number) => [
	[x0, y0],
	[x1, y0],
	[x1, y1],
	[x0, y1]
];
/** The common box of two shapes' bounding boxes, as the tiling check passes it. */
function disjoint(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): boolean {
	const [p, q] = [bbox(a), bbox(b)];
	return interiorsDisjoint(a, b, [Math.max(p[0], q[0]), Math.max(p[1], q[1]), Math.min(p[2], q[2]), Math.min(p[3], q[3])]);
}
const overlapM2 = (a: Polygon | MultiPolygon, b: Polygon | MultiPolygon) => {
	const shared = intersect(featureCollection([feature(a), feature(b)]));
	return shared ? area(shared) : 0;
};

describe('interiorsDisjoint', () => {
	it('proves neighbours that share a border, meet at a corner or have a T-junction disjoint', () => {
		const big = poly(rect(10, 52, 10.02, 52.02));
		expect(disjoint(big, poly(rect(10.02, 52, 10.04, 52.02)))).toBe(true);
		expect(disjoint(big, poly(rect(10.02, 52.02, 10.03, 52.03)))).toBe(true);
		// Two small squares along the big one's east side: their shared corner lies on its edge.
		expect(disjoint(big, poly(rect(10.02, 52, 10.03, 52.01)))).toBe(true);
		expect(disjoint(big, poly(rect(10.02, 52.01, 10.03, 52.02)))).toBe(true);
		// Clockwise rings too.
		expect(disjoint(big, poly(rect(10.02, 52, 10.03, 52.01).reverse()))).toBe(true);
		// An island in a hole.
		expect(disjoint(poly(rect(10, 52, 10.1, 52.1), rect(10.04, 52.04, 10.06, 52.06).reverse()), poly(rect(10.045, 52.045, 10.055, 52.055)))).toBe(true);
		expect(disjoint(poly(rect(10, 52, 10.1, 52.1), rect(10.04, 52.04, 10.06, 52.06).reverse()), poly(rect(10.04, 52.04, 10.06, 52.06)))).toBe(true);
	});

	it('does not prove shapes that share area disjoint: the same, one in the other, crossing, overlapping along a border', () => {
		const a = poly(rect(10, 52, 10.02, 52.02));
		expect(disjoint(a, poly(rect(10, 52, 10.02, 52.02)))).toBe(false);
		expect(disjoint(a, poly(rect(10.005, 52.005, 10.01, 52.01)))).toBe(false);
		expect(disjoint(a, poly(rect(10.01, 51.99, 10.015, 52.03)))).toBe(false);
		expect(disjoint(a, poly(rect(10.01, 52, 10.03, 52.02)))).toBe(false);
		// A triangle whose corners lie on the square's border.
		expect(
			disjoint(
				a,
				poly([
					[10.01, 52],
					[10.02, 52.01],
					[10, 52.02]
				])
			)
		).toBe(false);
		// A hole smaller than the island in it.
		expect(disjoint(poly(rect(10, 52, 10.1, 52.1), rect(10.045, 52.045, 10.055, 52.055).reverse()), poly(rect(10.04, 52.04, 10.06, 52.06)))).toBe(false);
	});

	it('never calls shapes with a common area disjoint (random rings on a lattice: shared borders, touching, crossing)', () => {
		const rnd = random(21);
		const ring = (n: number) => {
			const cx = 10 + Math.floor(rnd() * 4) / 100;
			const cy = 52 + Math.floor(rnd() * 4) / 100;
			// A star-shaped ring around a lattice point: simple, its vertices on the lattice.
			const angles = Array.from({ length: n }, () => rnd() * 2 * Math.PI).sort((x, y) => x - y);
			const pts = angles.map((t) => [cx + Math.round(Math.cos(t) * (1 + rnd() * 3)) / 100, cy + Math.round(Math.sin(t) * (1 + rnd() * 3)) / 100]);
			return pts.filter((p, i) => i === 0 || p[0] !== pts[i - 1][0] || p[1] !== pts[i - 1][1]);
		};
		let proven = 0;
		let overlapping = 0;
		for (let c = 0; c < 200; c++) {
			const [ra, rb] = [ring(3 + Math.floor(rnd() * 6)), ring(3 + Math.floor(rnd() * 6))];
			if (ra.length < 3 || rb.length < 3) continue;
			const [a, b] = [poly(ra), poly(rb)];
			let shared: number;
			try {
				shared = overlapM2(a, b);
			} catch {
				continue;
			}
			if (shared > 1e-6) overlapping++;
			if (disjoint(a, b)) {
				proven++;
				expect(shared, JSON.stringify([ra, rb])).toBeLessThan(1e-6);
			}
		}
		expect(proven).toBeGreaterThan(15);
		expect(overlapping).toBeGreaterThan(15);
	}, 30_000);
});
