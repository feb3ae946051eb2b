import { describe, expect, it } from 'vitest';
import { boundsOf } from './bounds';

describe('boundsOf', () => {
	it('spans points, polygons and multipolygons, skipping null geometries', () => {
		const fc = {
			type: 'FeatureCollection' as const,
			features: [
				{ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: [10.3, 52.1] } },
				{
					type: 'Feature' as const,
					properties: {},
					geometry: {
						type: 'Polygon' as const,
						coordinates: [
							[
								[10, 52],
								[10.5, 52],
								[10.5, 52.3],
								[10, 52]
							]
						]
					}
				},
				{
					type: 'Feature' as const,
					properties: {},
					geometry: {
						type: 'MultiPolygon' as const,
						coordinates: [
							[
								[
									[9.9, 52.05],
									[10, 52.05],
									[10, 52.2],
									[9.9, 52.05]
								]
							]
						]
					}
				},
				{ type: 'Feature' as const, properties: {}, geometry: null }
			]
		};
		expect(boundsOf(fc)).toEqual([9.9, 52, 10.5, 52.3]);
	});
	it('recomputes rather than trusting a bbox member of the collection', () => {
		const fc = {
			type: 'FeatureCollection' as const,
			bbox: [0, 0, 1, 1] as [number, number, number, number],
			features: [{ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: [10.3, 52.1] } }]
		};
		expect(boundsOf(fc)).toEqual([10.3, 52.1, 10.3, 52.1]);
	});
});
