import { area } from '@turf/area';
import { describe, expect, it } from 'vitest';
import { catchmentFixture } from '../../../tests/fixtures/catchments/load';
import { ANY_KONTOR, dissolvedRings, kontorRings, uncoveredArea } from './catchments';
import { countRingsNaive } from './coverage';
import { nearestKontorAreas } from './nearest';
import { catchmentModel, computeScenario } from './scenario';
import { walkingMinutes } from './walking';

const fx = catchmentFixture('square-two-kontore');
const { expected } = fx;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const km2 = (f: Parameters<typeof area>[0]) => area(f) / 1e6;

describe('catchment geometry on a square city with two Kontore', () => {
	const rings = kontorRings(fx.sites, expected.distances);
	const dissolved = dissolvedRings(rings, expected.distances);

	it('the city is the square it claims to be', () => {
		expect(rel(km2(fx.outline), expected.cityAreaKm2)).toBeLessThan(0.001);
	});

	it('rings have the area of their circle within 0.5 %', () => {
		for (const e of expected.ringAreaKm2) {
			const ring = rings.find((r) => r.properties.kontor === e.kontor && r.properties.distance === e.distance)!;
			expect(rel(km2(ring), e.areaKm2)).toBeLessThan(0.005);
		}
	});

	it('the uncovered rest of the city has the hand-computed area within 0.5 %', () => {
		for (const e of expected.uncoveredAreaKm2) {
			const rest = uncoveredArea(
				fx.outline,
				dissolved.find((r) => r.properties.distance === e.distance),
				e.distance
			)!;
			expect(rel(km2(rest), e.areaKm2), `uncovered at ${e.distance} m`).toBeLessThan(0.005);
		}
	});

	it('the nearest-Kontor areas split the square into its halves and sum to the city', () => {
		const cells = nearestKontorAreas(fx.sites, fx.outline);
		expect(cells.map((c) => c.properties.kontor)).toEqual(['a', 'b']);
		for (const [i, e] of expected.nearest.entries()) expect(rel(km2(cells[i]), e.areaKm2)).toBeLessThan(0.005);
		expect(
			rel(
				cells.reduce((s, c) => s + km2(c), 0),
				km2(fx.outline)
			)
		).toBeLessThan(0.001);
	});

	it('labels walking time as distance x 1.3 at 4.8 km/h by default', () => {
		for (const e of expected.walkingMinutes) expect(walkingMinutes(e.distance)).toBeCloseTo(e.minutes, 6);
		expect(walkingMinutes(1000, { detour: 1, speedKmh: 6 })).toBeCloseTo(10, 6);
	});
});

describe('residents reached on the square city', () => {
	const model = catchmentModel(fx.areas, fx.outline, fx.profileInput, 25);
	const { figures } = computeScenario(model, fx.sites, expected.distances);
	const row = (kontor: string, distance: number) => figures.reached.find((r) => r.kontor === kontor && r.distance === distance)!;

	it('areal weighting gives the hand-computed residents within 0.5 %', () => {
		for (const e of expected.reached) expect(rel(row(e.kontor, e.distance).areal, e.residents), `${e.kontor} ${e.distance}`).toBeLessThan(0.005);
	});

	it('the point surface (25 m grid) agrees with the exact figures within 1 %', () => {
		expect(model.pop.surface.total).toBe(expected.cityPopulation);
		for (const e of expected.reached) expect(rel(row(e.kontor, e.distance).points, e.residents), `${e.kontor} ${e.distance}`).toBeLessThan(0.01);
	});

	it('uncovered residents are the city minus those any Kontor reaches', () => {
		for (const u of figures.uncovered) {
			expect(u.areal + row(ANY_KONTOR, u.distance).areal).toBeCloseTo(expected.cityPopulation, 6);
			expect(u.points + row(ANY_KONTOR, u.distance).points).toBeCloseTo(expected.cityPopulation, 6);
		}
	});

	it('reached residents grow with distance and never exceed the city', () => {
		for (const kontor of ['a', 'b', ANY_KONTOR]) {
			const series = expected.distances.map((d: number) => row(kontor, d));
			for (let i = 1; i < series.length; i++) {
				expect(series[i].areal).toBeGreaterThanOrEqual(series[i - 1].areal);
				expect(series[i].points).toBeGreaterThanOrEqual(series[i - 1].points);
			}
			for (const r of series) expect(Math.max(r.areal, r.points)).toBeLessThanOrEqual(expected.cityPopulation + 1e-6);
		}
	});

	it('the spatial index counts exactly what a point-in-polygon test of every point counts', () => {
		const rings = kontorRings(fx.sites, expected.distances);
		const naive = countRingsNaive(model.pop.surface, fx.sites, rings, expected.distances);
		const fast = model.pop.countRings(fx.sites, rings, expected.distances);
		for (const id of ['a', 'b']) fast.byKontor.get(id)!.forEach((v, k) => expect(v).toBeCloseTo(naive.byKontor.get(id)![k], 6));
		fast.any.forEach((v, k) => expect(v).toBeCloseTo(naive.any[k], 6));
	});

	it('nearest areas hold their half of the residents and profiles re-aggregate rates from counts', () => {
		for (const e of expected.nearest) {
			const n = figures.nearest.find((r) => r.kontor === e.kontor)!;
			expect(rel(n.areal, e.residents)).toBeLessThan(0.005);
			expect(rel(n.points, e.residents)).toBeLessThan(0.01);
			expect(figures.profiles[e.kontor].quote.value).toBeCloseTo(e.quote, 1);
			expect(rel(figures.profiles[e.kontor].einwohner.value, e.residents)).toBeLessThan(0.005);
		}
		expect(figures.profiles[ANY_KONTOR].quote.value).toBe(expected.cityQuote);
		expect(figures.profiles[ANY_KONTOR].quote.numerator).toBe(700);
	});
});
