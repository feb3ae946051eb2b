import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { overviewGeometry, overviewTolerance } from './overview';

describe('overviewTolerance', () => {
	it('spreads the diagonal of the extent over the pixels', () => {
		// One degree of latitude on the sphere of radius 6,371,008.8 m is 111,194.93 m.
		expect(overviewTolerance([10, 0, 10, 1])).toBeCloseTo(111_194.93 / 1500, 1);
		// At 60° a degree of longitude is half as long: 1° × 1° there is √(0.5² + 1²) degrees of latitude.
		expect(overviewTolerance([10, 59.5, 11, 60.5], 1000)).toBeCloseTo((111_194.93 * Math.sqrt(1.25)) / 1000, -1);
	});
});

describe('overviewGeometry', () => {
	const square: FeatureCollection<Polygon, { id: string }> = {
		type: 'FeatureCollection',
		features: [
			{
				type: 'Feature',
				id: 'a',
				properties: { id: 'a' },
				geometry: {
					type: 'Polygon',
					// A 0.1° square whose bottom edge has a notch 0.0001° (about 11 m) deep halfway.
					coordinates: [
						[
							[10, 50],
							[10.05, 50.0001],
							[10.1, 50],
							[10.1, 50.1],
							[10, 50.1],
							[10, 50]
						]
					]
				}
			}
		]
	};

	it('drops detail below the tolerance and keeps what is above it, properties and ids', () => {
		const coarse = overviewGeometry(square, 100).features[0];
		expect(coarse.id).toBe('a');
		expect(coarse.properties).toEqual({ id: 'a' });
		expect(coarse.geometry.coordinates[0]).toHaveLength(5);
		const fine = overviewGeometry(square, 5).features[0];
		expect(fine.geometry.coordinates[0]).toHaveLength(6);
	});

	it('rounds coordinates to the decimal grid below a tenth of the tolerance', () => {
		const shifted = structuredClone(square);
		shifted.features[0].geometry.coordinates[0] = shifted.features[0].geometry.coordinates[0].map(([x, y]) => [x + 0.0000123456, y + 0.0000654321]);
		// 100 m is 0.000899° of latitude; a tenth of it, 0.0000899°, is below 0.0001 and above 0.00001: 5 decimals.
		const [first] = overviewGeometry(shifted, 100).features[0].geometry.coordinates[0];
		expect(first).toEqual([10.00001, 50.00007]);
		// 1,000 m: a tenth is 0.000899°, 4 decimals.
		expect(overviewGeometry(shifted, 1000).features[0].geometry.coordinates[0][0]).toEqual([10, 50.0001]);
	});
});
