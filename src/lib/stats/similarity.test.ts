import { describe, expect, it } from 'vitest';
import { nearestNeighbours, type AreaVector } from './similarity';

// x = [0, 2, 0, 2]: mean 1, σ 1 → z = [-1, 1, -1, 1]
// y = [0, 0, 4, 4]: mean 2, σ 2 → z = [-1, -1, 1, 1]
const areas: AreaVector[] = [
	{ id: 'a', name: 'Anna', values: { x: 0, y: 0 } },
	{ id: 'b', name: 'Berta', values: { x: 2, y: 0 } },
	{ id: 'c', name: 'Cäsar', values: { x: 0, y: 4 } },
	{ id: 'd', name: 'Dora', values: { x: 2, y: 4 } },
	{ id: 'e', name: 'Emil', values: { x: null, y: null } }
];

describe('nearestNeighbours', () => {
	it('ranks by Euclidean distance of the z-vectors, ties by name', () => {
		const n = nearestNeighbours(areas, 'a', ['x', 'y']);
		expect(n.map((x) => x.id)).toEqual(['b', 'c', 'd']);
		expect(n.map((x) => x.distance)).toEqual([2, 2, Math.sqrt(8)]);
		expect(n[0].differences).toEqual({ x: 2, y: 0 });
	});
	it('uses only the chosen indicators: on y alone, Berta is identical to Anna', () => {
		const n = nearestNeighbours(areas, 'a', ['y'], 2);
		expect(n).toEqual([
			{ id: 'b', name: 'Berta', distance: 0, differences: { y: 0 } },
			{ id: 'c', name: 'Cäsar', distance: 2, differences: { y: 2 } }
		]);
	});
	it('standardises, so a unit change does not change the answer', () => {
		const scaled = areas.map((a) => ({ ...a, values: { x: a.values.x === null ? null : a.values.x * 1000, y: a.values.y } }));
		expect(nearestNeighbours(scaled, 'd', ['x', 'y']).map((x) => [x.id, x.distance])).toEqual([
			['b', 2],
			['c', 2],
			['a', Math.sqrt(8)]
		]);
	});
	it('gives nothing for a target without values or an unknown target', () => {
		expect(nearestNeighbours(areas, 'e', ['x', 'y'])).toEqual([]);
		expect(nearestNeighbours(areas, 'zzz', ['x'])).toEqual([]);
	});
});
