import { describe, expect, it } from 'vitest';
import { validateGeometry } from './validate';
import { problemReason } from '$lib/data/problems';

const where = { file: 'test.geojson', feature: 'x' };
const square = () => [
	[0, 0],
	[1, 0],
	[1, 1],
	[0, 1],
	[0, 0]
];
const check = (geometry: unknown) => validateGeometry(geometry, where);

describe('validateGeometry', () => {
	it('accepts a counter-clockwise square, a Point and a MultiPolygon with a clockwise hole', () => {
		expect(check({ type: 'Polygon', coordinates: [square()] })).toEqual([]);
		expect(check({ type: 'Point', coordinates: [10.3, 52.1] })).toEqual([]);
		const hole = [
			[0.2, 0.2],
			[0.2, 0.8],
			[0.8, 0.8],
			[0.8, 0.2],
			[0.2, 0.2]
		];
		expect(check({ type: 'MultiPolygon', coordinates: [[square(), hole]] })).toEqual([]);
	});

	it('reports an open ring with both ends', () => {
		const [p] = check({
			type: 'Polygon',
			coordinates: [
				square()
					.slice(0, 4)
					.concat([[0, 0.5]])
			]
		});
		expect(p).toMatchObject({ file: 'test.geojson', feature: 'x', field: 'geometry.coordinates[0]' });
		expect(problemReason(p, 'en')).toBe('ring 0 is not closed: first [0, 0] ≠ last [0, 0.5]');
	});

	it('reports a clockwise exterior and a counter-clockwise hole, naming the ring', () => {
		const [p] = check({ type: 'Polygon', coordinates: [square().reverse()] });
		expect(p.field).toBe('geometry.coordinates[0]');
		expect(problemReason(p, 'en')).toContain('ring 0 (exterior) is clockwise');
		const ccwHole = [
			[0.2, 0.2],
			[0.8, 0.2],
			[0.8, 0.8],
			[0.2, 0.8],
			[0.2, 0.2]
		];
		const [q] = check({ type: 'MultiPolygon', coordinates: [[square(), ccwHole]] });
		expect(q.field).toBe('geometry.coordinates[0][1]');
		expect(problemReason(q, 'en')).toContain('ring 1 (hole) is counter-clockwise');
	});

	it('reports a bow-tie at its crossing point', () => {
		// The diagonals of [0,0]-[1,1] and [1,0]-[0,1] cross at [0.5, 0.5].
		const bowTie = [
			[0, 0],
			[1, 1],
			[1, 0],
			[0, 1],
			[0, 0]
		];
		const problems = check({ type: 'Polygon', coordinates: [bowTie] });
		const kink = problems.find((p) => problemReason(p, 'en').includes('intersects itself'))!;
		expect(kink.field).toBe('geometry.coordinates');
		expect(problemReason(kink, 'en')).toContain('polygon intersects itself at [0.5, 0.5]');
	});

	it('reports a longitude of 200 at its position', () => {
		const ring = square();
		ring[1] = [200, 0];
		const [p] = check({ type: 'Polygon', coordinates: [ring] });
		expect(p.field).toBe('geometry.coordinates[0][1]');
		expect(problemReason(p, 'en')).toBe('longitude 200 is outside [-180, 180]');
	});

	it('reports a ring with too few positions', () => {
		const [p] = check({
			type: 'Polygon',
			coordinates: [
				[
					[0, 0],
					[1, 0],
					[0, 0]
				]
			]
		});
		expect(p.field).toBe('geometry.coordinates[0]');
		expect(problemReason(p, 'en')).toBe('ring 0 has 3 positions; a linear ring needs at least 4');
	});

	it('refuses a LineString', () => {
		const [p] = check({
			type: 'LineString',
			coordinates: [
				[0, 0],
				[1, 1]
			]
		});
		expect(p.field).toBe('geometry.type');
		expect(problemReason(p, 'en')).toContain('geometry type "LineString" is not allowed here');
	});

	it('refuses a MultiPolygon without polygons', () => {
		const problems = check({ type: 'MultiPolygon', coordinates: [] });
		expect(problems).toHaveLength(1);
		expect(problems[0].field).toBe('geometry.coordinates');
		expect(problemReason(problems[0], 'de')).toContain('ein MultiPolygon braucht mindestens ein Polygon');
	});

	it('reports NaN as not a finite number', () => {
		const ring = square();
		ring[2] = [NaN, 1];
		const [p] = check({ type: 'Polygon', coordinates: [ring] });
		expect(p.field).toBe('geometry.coordinates[0][2]');
		expect(problemReason(p, 'en')).toBe('position [NaN, 1] has a coordinate that is not a finite number');
	});

	it('reports repeated consecutive positions with their indices', () => {
		const ring = square();
		ring.splice(2, 0, [1, 0]);
		const [p] = check({ type: 'Polygon', coordinates: [ring] });
		expect(problemReason(p, 'en')).toBe('ring 0 repeats position [1, 0] at indices 1 and 2');
	});
});
