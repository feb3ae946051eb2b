// Catchments on the real Salzgitter data (derived/ from `npm run data`): the partition tiles the
// city, the two population methods agree, reached residents behave.
import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { ANY_KONTOR } from '$lib/geo/catchments';
import { catchmentModel, computeScenario } from '$lib/geo/scenario';
import { valueFor } from './api';
import { catchmentsFor } from './catchments';
import { loadStore } from './store';

const store = loadStore('derived');
const { inputs } = catchmentsFor(store);
const model = catchmentModel(inputs.areas, inputs.outline, inputs.profileInput);
const distances = [500, 1000, 1500, 3000];
const { figures } = computeScenario(model, inputs.kontore, distances);

/** Stated tolerance between areal weighting and the 50 m point surface, per figure. */
const METHOD_TOLERANCE = 0.005;

describe('catchments of the six Kontore on the real data', () => {
	it('the nearest-Kontor areas sum to the city area within 0.1 %', () => {
		const sum = figures.nearest.reduce((s, r) => s + r.areaKm2, 0);
		expect(Math.abs(sum - area(inputs.outline) / 1e6) / (area(inputs.outline) / 1e6)).toBeLessThan(0.001);
		expect(figures.nearest).toHaveLength(6);
	});

	it('areal weighting and points agree within 0.5 % of the city population for every Kontor and ring', () => {
		for (const r of [...figures.reached, ...figures.nearest]) {
			expect(Math.abs(r.areal - r.points) / figures.cityPopulation, `${r.kontor}`).toBeLessThan(METHOD_TOLERANCE);
		}
		// The nearest areas hold every resident once.
		expect(figures.nearest.reduce((s, r) => s + r.points, 0)).toBeCloseTo(figures.cityPopulation, 3);
	});

	it('reached residents grow with distance and never exceed the city', () => {
		for (const kontor of [...inputs.kontore.map((k) => k.id), ANY_KONTOR]) {
			const series = distances.map((d) => figures.reached.find((r) => r.kontor === kontor && r.distance === d)!);
			for (let i = 1; i < series.length; i++) expect(series[i].points).toBeGreaterThanOrEqual(series[i - 1].points);
			for (const r of series) expect(r.areal).toBeLessThanOrEqual(figures.cityPopulation);
		}
	});

	it("the city profile equals the pipeline's city aggregate of the same year", () => {
		// City residents: the sum of each Stadtteil's latest figure (their reference dates differ).
		expect(figures.profiles[ANY_KONTOR].einwohner.value).toBe(figures.cityPopulation);
		const year = inputs.profileYears['sgb2-quote']!;
		const city = valueFor(store, 'sgb2-quote', store.cityId, year)!;
		expect(figures.profiles[ANY_KONTOR]['sgb2-quote'].numerator).toBe(city.numerator);
		expect(figures.profiles[ANY_KONTOR]['sgb2-quote'].value).toBeCloseTo(city.value!, 2);
	});
});
