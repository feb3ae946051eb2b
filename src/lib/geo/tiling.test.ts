import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { area } from '@turf/area';
import { describe, expect, it } from 'vitest';
import { tilingReport } from './tiling';

const box = (id: string, x0: number, y0: number, x1: number, y1: number): Feature<Polygon, { id: string }> => ({
	type: 'Feature',
	properties: { id },
	geometry: {
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
	}
});
const fc = (...features: Array<Feature<Polygon, { id: string }>>): FeatureCollection<Polygon> => ({ type: 'FeatureCollection', features });
const km2 = (f: Feature<Polygon>) => area(f) / 1e6;
const outline = box('outline', 10, 52, 10.02, 52.01);

describe('tilingReport', () => {
	it('finds nothing wrong with two halves of the outline', () => {
		const r = tilingReport(fc(box('w', 10, 52, 10.01, 52.01), box('e', 10.01, 52, 10.02, 52.01)), outline);
		expect(r.sumKm2).toBeCloseTo(km2(outline), 9);
		expect(r.gapKm2).toBeLessThan(1e-9);
		expect(r.overlapKm2).toBeLessThan(1e-9);
		expect(r.outsideKm2).toBeLessThan(1e-9);
		expect(r.overlaps).toEqual([]);
	});

	it('measures the strip two cells both cover, and the strip neither covers', () => {
		// w covers lon 10–10.012, e covers 10.008–10.018: overlap 10.008–10.012, gap 10.018–10.02.
		const r = tilingReport(fc(box('w', 10, 52, 10.012, 52.01), box('e', 10.008, 52, 10.018, 52.01)), outline);
		const overlap = km2(box('', 10.008, 52, 10.012, 52.01));
		expect(r.overlapKm2).toBeCloseTo(overlap, 6);
		expect(r.overlaps).toHaveLength(1);
		expect(r.overlaps[0]).toMatchObject({ a: 'w', b: 'e' });
		expect(r.overlaps[0].km2).toBeCloseTo(overlap, 6);
		expect(r.gapKm2).toBeCloseTo(km2(box('', 10.018, 52, 10.02, 52.01)), 6);
	});

	it('measures cell area outside the outline', () => {
		const r = tilingReport(fc(box('w', 10, 52, 10.01, 52.01), box('e', 10.01, 52, 10.03, 52.01)), outline);
		expect(r.outsideKm2).toBeCloseTo(km2(box('', 10.02, 52, 10.03, 52.01)), 6);
		expect(r.sumKm2 - r.outsideKm2).toBeCloseTo(r.outlineKm2, 6);
	});
});
