import { describe, expect, it } from 'vitest';
import type { BuildReport } from '../derived';
import { buildReport } from './report';

const square = {
	type: 'Polygon' as const,
	coordinates: [
		[
			[0, 0],
			[1, 0],
			[1, 1],
			[0, 1],
			[0, 0]
		]
	]
};
const collection = (n: number) => ({
	type: 'FeatureCollection' as const,
	features: Array.from({ length: n }, () => ({ type: 'Feature' as const, properties: {}, geometry: square }))
});
const line = (id: string, errorPct: number | null): BuildReport['cells'][number] => ({
	id,
	name: id,
	areaKm2: 1,
	officialAreaKm2: errorPct === null ? null : 1,
	errorPct,
	fitErrorPct: 0,
	seedMoved: null
});

describe('buildReport', () => {
	it('summarises the cells: largest and median absolute error, fit, tiling and vertices', () => {
		const report = buildReport(
			{
				fit: { maxAbsErrorPct: 0.14444, medianAbsErrorPct: 0.05, iterations: 25, scale: 1.000666, rounds: 1, minSeedMarginM: 100, cells: collection(3) },
				tiling: { sumKm2: 224.12345, outlineKm2: 224.12349, gapKm2: 0.000131, overlapKm2: 0, overlaps: [] },
				simplified: { tiling: collection(2), surroundings: { type: 'FeatureCollection', features: [] } }
			} as unknown as Parameters<typeof buildReport>[0],
			[line('a', -0.3), line('b', 0.1), line('c', null), line('d', 0.2)],
			['w']
		);
		// |errors| 0.3, 0.1, 0.2 (c has no official area): max 0.3, median 0.2.
		expect(report.errorPct).toEqual({ max: 0.3, median: 0.2 });
		expect(report.fitErrorPct).toEqual({ max: 0.144, median: 0.05 });
		expect(report.targetScale).toBe(1.00067);
		expect(report.tiling).toEqual({ sumKm2: 224.1235, outlineKm2: 224.1235, gapKm2: 0.00013, overlapKm2: 0 });
		// A closed square has 4 distinct vertices: 3 cells before, 2 after.
		expect(report.vertices).toEqual({ before: 12, after: 8, toleranceM: 25 });
		expect(report.warnings).toEqual(['w']);
	});
});
