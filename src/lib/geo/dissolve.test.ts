import type { MultiPolygon, Polygon, Position } from 'geojson';
import { feature, featureCollection } from '@turf/helpers';
import { union } from '@turf/union';
import { describe, expect, it } from 'vitest';
import { borderOf, exactUnionInput } from './dissolve';
import { seededRandom as random } from '../../../tests/fixtures/random';

const rect = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
	type: 'Polygon',
	coordinates: [
		[
			[x0, y0],
			[x1, y0],
			[x1, y1],
			[x0, y1],
			[x0, y0]
		]
	]
});
const unionOf = (shapes: (Polygon | MultiPolygon)[]) => union(featureCollection(shapes.map((g) => feature(g))))?.geometry;

/**
 * Cells of a lattice over 10°E 52°N, a random share of them left out (holes, islands, pinches where
 * two cells meet at a corner only); some cells split into two halves, some pairs of cells joined into
 * one wide cell (T-junctions with the cells beside it).
 */
function cells(rnd: () => number, n: number): Polygon[] {
	const step = 0.001;
	const at = (i: number, j: number): Position => [10 + i * step, 52 + j * step];
	const out: Polygon[] = [];
	for (let j = 0; j < n; j++)
		for (let i = 0; i < n; i++) {
			if (rnd() < 0.3) continue;
			const [p, q] = [at(i, j), at(i + 1, j + 1)];
			const r = rnd();
			if (r < 0.15 && i + 1 < n) {
				out.push(rect(p[0], p[1], at(i + 2, j + 1)[0], q[1]));
				i++;
			} else if (r < 0.3) {
				const mid = at(i + 0.5, j)[0];
				out.push(rect(p[0], p[1], mid, q[1]), rect(mid, p[1], q[0], q[1]));
			} else out.push(rect(p[0], p[1], q[0], q[1]));
		}
	return out;
}

describe('borderOf', () => {
	it('leaves only the outer border of two squares side by side, counter-clockwise', () => {
		expect(borderOf([rect(0, 0, 1, 1), rect(1, 0, 2, 1)])).toEqual({
			type: 'MultiPolygon',
			coordinates: [
				[
					[
						[0, 0],
						[1, 0],
						[2, 0],
						[2, 1],
						[1, 1],
						[0, 1],
						[0, 0]
					]
				]
			]
		});
	});

	it('keeps a hole as the hole of the ring around it', () => {
		const ring = [rect(0, 0, 3, 1), rect(0, 2, 3, 3), rect(0, 1, 1, 2), rect(2, 1, 3, 2)];
		const border = borderOf(ring)!;
		expect(border.coordinates).toHaveLength(1);
		expect(border.coordinates[0]).toHaveLength(2);
	});

	it('gives the exact union the same result as the cells themselves (random lattices with holes, pinches and T-junctions)', () => {
		const rnd = random(3);
		for (let c = 0; c < 12; c++) {
			const shapes = cells(rnd, 4 + Math.floor(rnd() * 4));
			if (shapes.length < 2) continue;
			expect(borderOf(shapes), `case ${c}`).not.toBeNull();
			expect(unionOf(exactUnionInput(shapes)), `case ${c}`).toEqual(unionOf(shapes));
		}
	}, 30_000);
});
