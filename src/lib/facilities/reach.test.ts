import { describe, expect, it } from 'vitest';
import { populationSurface } from '$lib/geo/population';
import { reachRows, reachSums, walkingReachM } from './reach';

// Two 1 km × 1 km squares side by side near Salzgitter, 1,000 and 3,000 residents.
const lon0 = 10.3;
const lat0 = 52.15;
const dLon = 1000 / (111_195 * Math.cos((lat0 * Math.PI) / 180));
const dLat = 1000 / 111_195;
const square = (x: number) => ({
	type: 'Polygon' as const,
	coordinates: [
		[
			[lon0 + x * dLon, lat0],
			[lon0 + (x + 1) * dLon, lat0],
			[lon0 + (x + 1) * dLon, lat0 + dLat],
			[lon0 + x * dLon, lat0 + dLat],
			[lon0 + x * dLon, lat0]
		]
	]
});
const surface = populationSurface(
	[
		{ id: 'west', population: 1000, geometry: square(0) },
		{ id: 'ost', population: 3000, geometry: square(1) }
	],
	20
);

describe('reachSums and reachRows', () => {
	it('counts residents within a straight-line distance of the nearest facility, by area', () => {
		// One facility in the middle of the western square: a 300 m circle covers π·0.3² ≈ 0.283 of it.
		const sums = reachSums(surface, [[lon0 + 0.5 * dLon, lat0 + 0.5 * dLat]], 300, 100);
		const [west, ost, city] = reachRows(
			sums,
			surface.areaIds,
			[
				{ id: 'west', name: 'West', stadtteile: ['west'] },
				{ id: 'ost', name: 'Ost', stadtteile: ['ost'] },
				{ id: 'stadt', name: 'Stadt', stadtteile: ['west', 'ost'] }
			],
			true
		);
		expect(west.population).toBe(1000);
		expect(west.shareDistance!).toBeGreaterThan(27);
		expect(west.shareDistance!).toBeLessThan(29.5);
		// 100 m: π·0.1² ≈ 3.1 %.
		expect(west.shareWalking!).toBeGreaterThan(2.5);
		expect(west.shareWalking!).toBeLessThan(3.7);
		expect(ost.withinDistance).toBe(0);
		expect(city.population).toBe(4000);
		expect(city.withinDistance).toBe(west.withinDistance);
		// Mean distance in the eastern square: its centre is 1 km away; the mean over the square is a little more.
		expect(ost.meanDistanceM!).toBeGreaterThan(1000);
		expect(ost.meanDistanceM!).toBeLessThan(1100);
	});

	it('without facilities nobody is within reach and there is no mean distance', () => {
		const [row] = reachRows(reachSums(surface, [], 500, 500), surface.areaIds, [{ id: 'west', name: 'West', stadtteile: ['west'] }], false);
		expect(row).toMatchObject({ population: 1000, withinDistance: 0, shareDistance: 0, meanDistanceM: null });
	});

	it('turns walking minutes into the straight-line distance of the catchments’ model', () => {
		// 10 min at 4.8 km/h = 800 m walked, / 1.3 detour ≈ 615 m straight line.
		expect(walkingReachM(10)).toBeCloseTo(800 / 1.3, 9);
	});
});
