import { existsSync, readFileSync } from 'node:fs';
import type { Position } from 'geojson';
import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { distance } from '@turf/distance';
import { lineString } from '@turf/helpers';
import { pointToLineDistance } from '@turf/point-to-line-distance';
import { describe, expect, it } from 'vitest';
import { cellsFixtures, cellsOutPath, cellsOutput, salzgitter } from '../../../tests/fixtures/geo/load';
import { sharedBorderProblems } from '../../../tests/fixtures/geo/invariants';
import { stadtteilCells, type CellsResult } from './cells';
import { EARTH_RADIUS_M } from './plane';
import { tilingReport } from './tiling';
import { validateGeometry } from './validate';

const fixtures = cellsFixtures();
const byName = (name: string) => {
	const f = fixtures.find((x) => x.name === name)!;
	return { ...f, result: stadtteilCells(f.outline, f.seeds, f.outline.properties.options) };
};
const ringOf = (r: CellsResult, id: string) => r.cells.features.find((f) => f.properties.id === id)!.geometry.coordinates[0];

describe('stadtteilCells on fixtures (tests/fixtures/geo/in → out)', () => {
	for (const fx of fixtures) {
		it(`${fx.name}: exact tiling, valid RFC 7946 polygons, output as stored`, () => {
			const result = stadtteilCells(fx.outline, fx.seeds, fx.outline.properties.options);
			const { cells } = result;
			expect(cells.features.map((f) => f.properties.id)).toEqual(fx.seeds.map((s) => s.id));
			for (const [k, f] of cells.features.entries()) {
				expect(validateGeometry(f.geometry, { file: fx.name, feature: k })).toEqual([]);
				expect(f.geometry.type).toBe('Polygon');
				const seed = fx.seeds[k];
				const at = f.properties.seedMoved?.to ?? [seed.lon, seed.lat];
				expect(booleanPointInPolygon(at, f)).toBe(true);
			}
			expect(sharedBorderProblems(cells)).toEqual([]);
			const report = tilingReport(cells, fx.outline);
			expect(report.overlapKm2).toBeLessThan(1e-9);
			expect(report.gapKm2 / report.outlineKm2).toBeLessThan(1e-5);
			expect(report.outsideKm2 / report.outlineKm2).toBeLessThan(1e-5);
			expect(result.maxAbsErrorPct).toBeLessThanOrEqual(fx.outline.properties.options.tolerancePct ?? 1);

			// The expected output is committed; a missing one fails. It is rewritten only on purpose,
			// by `npx tsx tests/fixtures/geo/regenerate.ts`, and its diff reviewed.
			const out = cellsOutPath(fx.name);
			expect(existsSync(out), `${out} is missing: write it with "npx tsx tests/fixtures/geo/regenerate.ts" and review it`).toBe(true);
			expect(cellsOutput(result)).toEqual(JSON.parse(readFileSync(out, 'utf8')));
		});
	}

	it('rectangle-two: a 3:1 split of a lon/lat rectangle puts the border at 3/4 of its width', () => {
		// On the sphere a lon/lat rectangle's area grows linearly with longitude, so the border
		// between targets 1.5 and 0.5 km² lies at lon 10 + 0.75 · 0.029 = 10.02175.
		const { result } = byName('rectangle-two');
		const border = [
			[10.02175, 52],
			[10.02175, 52.009]
		];
		for (const id of ['a', 'b']) for (const p of border) expect(ringOf(result, id)).toContainEqual(p);
		const [a, b] = result.cells.features.map((f) => area(f));
		expect(a / b).toBeCloseTo(3, 3);
	});

	it('square-four: four equal quarters meet in one vertex on the north-south middle line', () => {
		const { result } = byName('square-four');
		const rings = ['sw', 'se', 'nw', 'ne'].map((id) => ringOf(result, id));
		const common = rings[0].filter((p) => rings.every((r) => r.some((q) => q[0] === p[0] && q[1] === p[1])));
		expect(common).toHaveLength(1);
		// East-west symmetry puts the meeting point on lon 10.015; the north half of a lon/lat square
		// is smaller on the sphere, so the east-west border sits a little south of lat 52.009.
		expect(common[0][0]).toBe(10.015);
		expect(common[0][1]).toBeLessThan(52.009);
		const areas = result.cells.features.map((f) => area(f));
		for (const a of areas) expect(a / areas[0]).toBeCloseTo(1, 3);
	});

	it('seed-outside: the seed 0.005° east of the outline is put 150 m inside, due west', () => {
		const { result } = byName('seed-outside');
		const moved = result.cells.features.find((f) => f.properties.id === 'outside')!.properties.seedMoved!;
		expect(moved.from).toEqual([10.025, 52.006]);
		// Nearest boundary point is [10.02, 52.006]; 150 m further west at lat0 = 52.006 (the
		// outline's middle latitude, where the plane is true to scale).
		const mPerDegLon = ((EARTH_RADIUS_M * Math.PI) / 180) * Math.cos((52.006 * Math.PI) / 180);
		expect(moved.to[1]).toBe(52.006);
		expect(moved.to[0]).toBeCloseTo(10.02 - 150 / mPerDegLon, 6);
		expect(moved.distanceM).toBeCloseTo(distance([10.025, 52.006], [10.02, 52.006]) * 1000 + 150, 0);
		expect(result.cells.features.find((f) => f.properties.id === 'inside')!.properties.seedMoved).toBeNull();
	});

	it('u-fragment: the piece of a that lies across the notch goes to d, its longest-border neighbour', () => {
		// a sits at the top of the left arm; the top-left corner of the right arm is nearer to a
		// than to any other seed, so a's power cell reaches across the notch there.
		const { result } = byName('u-fragment');
		const d = result.cells.features.find((f) => f.properties.id === 'd')!;
		expect(booleanPointInPolygon([10.0205, 52.0179], d)).toBe(true);
	});
});

describe('stadtteilCells on Salzgitter', () => {
	const { outline, seeds } = salzgitter();
	const result = stadtteilCells(outline, seeds);
	const { cells } = result;

	it('gives 31 single polygons, each holding its seed at least 100 m inside', () => {
		expect(cells.features).toHaveLength(31);
		for (const [k, f] of cells.features.entries()) {
			expect(f.geometry.type).toBe('Polygon');
			expect(validateGeometry(f.geometry, { file: 'cells', feature: f.properties.id })).toEqual([]);
			const at = f.properties.seedMoved?.to ?? [seeds[k].lon, seeds[k].lat];
			expect(booleanPointInPolygon(at, f)).toBe(true);
			// SEED_MARGIN_M keeps 100 m from the borders with other cells (rounding to 6 decimals
			// moves them < 0.1 m); the outline may be nearer (Hohenrode lies 63 m inside it).
			const toBorder = distanceToRing(at, f.geometry.coordinates[0]);
			const toOutline = distanceToRing(at, outline.geometry.coordinates[0]);
			expect(toBorder).toBeGreaterThan(Math.min(99.9, toOutline - 0.5));
		}
		expect(result.minSeedMarginM).toBeGreaterThanOrEqual(100);
	});

	it('tiles the outline: no overlap, no gap, areas add up', () => {
		const report = tilingReport(cells, outline);
		expect(Math.abs(report.sumKm2 - report.outlineKm2) / report.outlineKm2).toBeLessThan(0.001);
		expect(report.overlapKm2).toBeLessThan(0.001);
		expect(report.gapKm2).toBeLessThan(0.001);
		expect(report.outsideKm2).toBeLessThan(0.001);
		expect(report.overlaps).toEqual([]);
		expect(sharedBorderProblems(cells)).toEqual([]);
	});

	it('scales the official areas to the outline', () => {
		const official = seeds.reduce((s, c) => s + c.targetKm2, 0);
		expect(result.scale).toBeCloseTo(area(outline) / 1e6 / official, 12);
	});

	it('moves no seed: every centre lies inside the VG250 boundary', () => {
		// Immendorf (470 m) and Drütte (304 m) lay outside the generalised outline used before VG250;
		// moving a seed is covered by the seed-outside fixture.
		expect(cells.features.filter((f) => f.properties.seedMoved).map((f) => f.properties.id)).toEqual([]);
		for (const s of seeds) expect(booleanPointInPolygon([s.lon, s.lat], outline), s.id).toBe(true);
	});

	it('fits every area to its scaled target within 0.2 %', () => {
		// Sites move off the seeds where needed, so the exact-area weights exist and Newton
		// reaches 0.001 %. Where the boundary's bends cut a detached sliver off a power cell, the
		// sliver goes to the neighbour it shares the longest border with (Hohenrode +0.14 %, a
		// 2 ha sliver); the refit stops within the 1 % tolerance.
		const errors = cells.features.map((f) => Math.abs(f.properties.areaErrorPct));
		expect(Math.max(...errors)).toBeLessThanOrEqual(0.2);
		expect(result.maxAbsErrorPct).toBe(Math.max(...errors));
		expect(result.rounds).toBeLessThan(200);
	});

	it('keeps Engerode (0.95 km², 538 m from Calbecht, 3.21 km²) at its area around its own centre', () => {
		// With the sites on the seeds, the exact-area border between the two ran beyond Engerode's
		// centre (Engerode came out at +168 %); Calbecht's site has to give way.
		const engerode = cells.features.find((f) => f.properties.id === 'engerode')!;
		const calbecht = cells.features.find((f) => f.properties.id === 'calbecht')!;
		expect(distance([10.37278, 52.08889], [10.37889, 52.09194]) * 1000).toBeCloseTo(538, -1);
		expect(booleanPointInPolygon([10.37278, 52.08889], engerode)).toBe(true);
		expect(booleanPointInPolygon([10.37278, 52.08889], calbecht)).toBe(false);
		expect(Math.abs(engerode.properties.areaErrorPct)).toBeLessThanOrEqual(0.05);
		expect(engerode.properties.areaKm2 / calbecht.properties.areaKm2).toBeCloseTo(0.95 / 3.21, 3);
		const offsets = [engerode, calbecht].map((f) => f.properties.siteOffsetM);
		expect(Math.max(...offsets)).toBeGreaterThan(0);
	});

	it('is deterministic', () => {
		expect(stadtteilCells(outline, seeds)).toEqual(result);
	});
});

function distanceToRing(p: Position, ring: Position[]): number {
	return pointToLineDistance(p, lineString(ring), { units: 'meters' });
}
