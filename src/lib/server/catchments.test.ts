// Catchments on the real Salzgitter data (derived/ from `npm run data`): the partition tiles the
// city, the two population methods agree where residents are spread evenly, reached residents
// behave, and the points method counts the census grid's residents where the grid has them.
import { area } from '@turf/area';
import { distance } from '@turf/distance';
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
// The same areas without the grid: residents spread evenly over each Stadtteil.
const even = computeScenario(
	catchmentModel(
		inputs.areas.map(({ cells: _, ...a }) => a),
		inputs.outline,
		inputs.profileInput
	),
	inputs.kontore,
	distances
).figures;

/** Stated tolerance between areal weighting and the 50 m point surface, per figure. */
const METHOD_TOLERANCE = 0.005;

describe('catchments of the six Kontore on the real data', () => {
	it('the nearest-Kontor areas sum to the city area within 0.1 %', () => {
		const sum = figures.nearest.reduce((s, r) => s + r.areaKm2, 0);
		expect(Math.abs(sum - area(inputs.outline) / 1e6) / (area(inputs.outline) / 1e6)).toBeLessThan(0.001);
		expect(figures.nearest).toHaveLength(6);
	});

	it('areal weighting and evenly spread points agree within 0.5 % of the city population for every Kontor and ring', () => {
		for (const r of [...even.reached, ...even.nearest]) {
			expect(Math.abs(r.areal - r.points) / figures.cityPopulation, `${r.kontor}`).toBeLessThan(METHOD_TOLERANCE);
		}
		// The nearest areas hold every resident once.
		expect(figures.nearest.reduce((s, r) => s + r.points, 0)).toBeCloseTo(figures.cityPopulation, 3);
	});

	it('counts residents from the 100 m grid: each cell where the grid puts them, every resident once', () => {
		const source = inputs.populationSource;
		expect(source).toMatchObject({ kind: 'grid', cell: '100m', indicator: 'einwohner-gitter', beispieldaten: true });
		const cells = store.areasByLevel[source.kind === 'grid' ? source.level : ''];
		const residents = (id: string) => valueFor(store, 'einwohner-gitter', id, null)!.value!;
		for (const a of inputs.areas)
			expect(
				a.cells!.reduce((sum, c) => sum + c[2], 0),
				a.id
			).toBe(a.population);
		expect(figures.nearest.reduce((s, r) => s + r.points, 0)).toBeCloseTo(figures.cityPopulation, 3);
		// Reached within 1 km of each Kontor: the residents of the cells whose centre lies within it.
		for (const k of inputs.kontore) {
			const reached = figures.reached.find((r) => r.kontor === k.id && r.distance === 1000)!.points;
			const counted = cells
				.filter((c) => distance(k.lonLat, c.properties.labelPoint, { units: 'meters' }) <= 1000)
				.reduce((s, c) => s + residents(c.properties.id), 0);
			expect(Math.abs(reached - counted) / Math.max(counted, 1), k.id).toBeLessThan(0.02);
		}
		// Concentrated around the Stadtteil centres, the grid's figures are not the even spread's.
		const any = (f: typeof figures, d: number) => f.reached.find((r) => r.kontor === ANY_KONTOR && r.distance === d)!.points;
		expect(Math.abs(any(figures, 500) - any(even, 500))).toBeGreaterThan(100);
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
