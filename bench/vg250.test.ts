// bench/vg250.ts's repair of VG250's pinched rings: the pipeline's validator accepts the result and the area stays.
import { area } from '@turf/area';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { validateGeometry } from '../src/lib/geo/validate';
import { unpinch } from './vg250';

const where = { file: 'grenzen.geojson', feature: 0 };
const km2 = (g: Polygon | import('geojson').MultiPolygon) => area(g) / 1e6;

describe('unpinch', () => {
	it('leaves a simple polygon as it is', () => {
		const square: Polygon = {
			type: 'Polygon',
			coordinates: [
				[
					[10, 50],
					[10.01, 50],
					[10.01, 50.01],
					[10, 50.01],
					[10, 50]
				]
			]
		};
		expect(unpinch(square)).toBe(square);
	});

	it('turns a ring that folds in on itself at a vertex into an outer ring with a hole', () => {
		// The outer ring runs to (10.005, 50) and around a hole-like loop that touches it there.
		const pinched: Polygon = {
			type: 'Polygon',
			coordinates: [
				[
					[10, 50],
					[10.005, 50],
					[10.003, 50.004],
					[10.007, 50.004],
					[10.005, 50],
					[10.01, 50],
					[10.01, 50.01],
					[10, 50.01],
					[10, 50]
				]
			]
		};
		expect(validateGeometry(pinched, where).map((p) => p.key)).toContain('data.selfIntersection');
		const fixed = unpinch(pinched);
		expect(validateGeometry(fixed, where)).toEqual([]);
		expect(fixed.type).toBe('MultiPolygon');
		expect(fixed.coordinates).toHaveLength(1);
		expect((fixed.coordinates as number[][][][])[0]).toHaveLength(2);
		// The square less the triangle, less the loop's cut corner (a triangle of a quarter of the loop's area).
		const loop = 0.5 * 0.004 * 0.004;
		expect(
			km2(fixed) /
				km2({
					type: 'Polygon',
					coordinates: [
						[
							[10, 50],
							[10.01, 50],
							[10.01, 50.01],
							[10, 50.01],
							[10, 50]
						]
					]
				})
		).toBeCloseTo(1 - (loop * 0.75) / 0.0001, 2);
	});

	it('splits a figure eight into two parts', () => {
		const eight: Polygon = {
			type: 'Polygon',
			coordinates: [
				[
					[10, 50],
					[10.01, 50],
					[10.01, 50.01],
					[10.02, 50.01],
					[10.02, 50.02],
					[10.01, 50.02],
					[10.01, 50.01],
					[10, 50.01],
					[10, 50]
				]
			]
		};
		expect(validateGeometry(eight, where).map((p) => p.key)).toContain('data.selfIntersection');
		const fixed = unpinch(eight);
		expect(validateGeometry(fixed, where)).toEqual([]);
		expect(fixed.coordinates).toHaveLength(2);
	});
});
