import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { salzgitter } from '../../../tests/fixtures/geo/load';
import { sharedBorderProblems, vertexCount } from '../../../tests/fixtures/geo/invariants';
import { stadtteilCells, type CellProps } from './cells';
import { labelPoint, simplifyTiling, simplifyWithSurroundings } from './simplify';
import { tilingReport } from './tiling';
import { validateGeometry } from './validate';

const { outline, seeds } = salzgitter();
const { cells } = stadtteilCells(outline, seeds);

/** Inserts each edge's midpoint: (a+b)/2 is the same number from either side, so borders stay shared. */
function densify(fc: FeatureCollection<Polygon, CellProps>): FeatureCollection<Polygon, CellProps> {
	const ring = (r: Position[]) => r.flatMap((p, k) => (k + 1 < r.length ? [p, [(p[0] + r[k + 1][0]) / 2, (p[1] + r[k + 1][1]) / 2]] : [p]));
	return {
		...fc,
		features: fc.features.map((f) => ({ ...f, geometry: { type: 'Polygon', coordinates: f.geometry.coordinates.map(ring) } }))
	};
}

function expectTiling(s: FeatureCollection<Polygon | MultiPolygon>, sumBefore: number) {
	const report = tilingReport(s, outline);
	expect(report.overlapKm2 / sumBefore).toBeLessThan(0.001);
	expect(report.gapKm2 / sumBefore).toBeLessThan(0.001);
	expect(Math.abs(report.sumKm2 - sumBefore) / sumBefore).toBeLessThan(0.001);
	expect(sharedBorderProblems(s)).toEqual([]);
	s.features.forEach((f, k) => expect(validateGeometry(f.geometry, { file: 'simplified', feature: k })).toEqual([]));
}

describe('simplifyTiling', () => {
	const sumBefore = tilingReport(cells, outline).sumKm2;

	it('at 50 m keeps the properties, never adds a vertex and still tiles', () => {
		const simplified = simplifyTiling(cells, { toleranceM: 50 });
		expect(vertexCount(simplified)).toBeLessThanOrEqual(vertexCount(cells));
		expect(simplified.features.map((f) => f.properties)).toEqual(cells.features.map((f) => f.properties));
		expectTiling(simplified, sumBefore);
	});

	it('at 50 m removes collinear midpoints again and still tiles', () => {
		const dense = densify(cells);
		expect(vertexCount(dense)).toBe(2 * vertexCount(cells) - cells.features.length);
		const simplified = simplifyTiling(dense, { toleranceM: 50 });
		expect(vertexCount(simplified)).toBeLessThanOrEqual(vertexCount(cells));
		expectTiling(simplified, sumBefore);
	});

	it('at 1 km drops vertices of the outline and still tiles', () => {
		const simplified = simplifyTiling(cells, { toleranceM: 1000 });
		expect(vertexCount(simplified)).toBeLessThan(vertexCount(cells));
		const report = tilingReport(simplified, outline);
		expect(report.overlapKm2 / sumBefore).toBeLessThan(0.001);
		expect(sharedBorderProblems(simplified)).toEqual([]);
	});
});

describe('simplifyWithSurroundings', () => {
	const context = JSON.parse(readFileSync(join(process.cwd(), 'geodata/context_kreise.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
	const sumBefore = tilingReport(cells, outline).sumKm2;

	it('simplifies borders only the surroundings use at their own tolerance, and the cells as before', () => {
		const fine = simplifyWithSurroundings(cells, context, { toleranceM: 25 });
		const coarse = simplifyWithSurroundings(cells, context, { toleranceM: 25, surroundingsToleranceM: 200 });
		expect(vertexCount(coarse.surroundings)).toBeLessThan(0.6 * vertexCount(fine.surroundings));
		expect(coarse.tiling).toEqual(fine.tiling);
		expect(coarse.surroundings.features.map((f) => f.properties)).toEqual(context.features.map((f) => f.properties));
		expectTiling(coarse.tiling, sumBefore);
	});

	it('drops the parts of a neighbour that vanish at its tolerance, holes with their exterior, and never leaves an empty part', () => {
		// A neighbour far off: a 5 km square with a 1 km hole, and an islet of a few metres with a hole of its own.
		const square = (x: number, y: number, d: number, cw = false): Position[] => {
			const r = [
				[x, y],
				[x + d, y],
				[x + d, y + d],
				[x, y + d],
				[x, y]
			];
			return cw ? r.reverse() : r;
		};
		const islet: Position[][] = [square(10.9, 52.3, 0.0002), square(10.90005, 52.30005, 0.00005, true)];
		const neighbour: FeatureCollection<MultiPolygon> = {
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					properties: {},
					geometry: { type: 'MultiPolygon', coordinates: [[square(10.8, 52.2, 0.07), square(10.83, 52.23, 0.01, true)], islet] }
				}
			]
		};
		const { surroundings } = simplifyWithSurroundings(cells, neighbour, { toleranceM: 25, surroundingsToleranceM: 500 });
		const g = surroundings.features[0].geometry as MultiPolygon;
		expect(g.coordinates).toHaveLength(1);
		expect(g.coordinates[0]).toHaveLength(2);
		expect(validateGeometry(g, { file: 'x', feature: 0 })).toEqual([]);
	});
});

describe('labelPoint', () => {
	it('lies inside every Salzgitter cell, rounded to 5 decimals', () => {
		for (const f of cells.features) {
			const p = labelPoint(f.geometry);
			expect(booleanPointInPolygon(p, f)).toBe(true);
			expect(p.map((v) => Math.round(v * 1e5) / 1e5)).toEqual(p);
		}
	});

	it('finds the centre of a square and of the larger part of a MultiPolygon', () => {
		const sq = (x0: number, s: number): Position[][] => [
			[
				[x0, 52],
				[x0 + s, 52],
				[x0 + s, 52 + s],
				[x0, 52 + s],
				[x0, 52]
			]
		];
		const [lon, lat] = labelPoint({ type: 'Polygon', coordinates: sq(10, 0.01) });
		expect(lon).toBeCloseTo(10.005, 4);
		expect(lat).toBeCloseTo(52.005, 4);
		const [mlon] = labelPoint({ type: 'MultiPolygon', coordinates: [sq(10, 0.001), sq(10.1, 0.01)] });
		expect(mlon).toBeCloseTo(10.105, 4);
	});
});
