import { describe, expect, it } from 'vitest';
import { roundGeometry } from './round';

describe('roundGeometry', () => {
	it('rounds every coordinate of polygons and multipolygons to 6 decimals', () => {
		expect(
			roundGeometry({
				type: 'Polygon',
				coordinates: [
					[
						[10.1234564, 52.1],
						[10.2, 52.12345678],
						[10.3, 52.3],
						[10.1234564, 52.1]
					]
				]
			})
		).toEqual({
			type: 'Polygon',
			coordinates: [
				[
					[10.123456, 52.1],
					[10.2, 52.123457],
					[10.3, 52.3],
					[10.123456, 52.1]
				]
			]
		});
		expect(
			roundGeometry({
				type: 'MultiPolygon',
				coordinates: [
					[
						[
							[1.0000004, 2],
							[3, 4],
							[5, 6.9999996],
							[1.0000004, 2]
						]
					]
				]
			}).coordinates
		).toEqual([
			[
				[
					[1, 2],
					[3, 4],
					[5, 7],
					[1, 2]
				]
			]
		]);
	});
});
