import { readFileSync } from 'node:fs';
import { csvRecords } from './csvTable';
import { describe, expect, it } from 'vitest';
import { DatasetMeta, IndicatorMeta, IndicatorValue } from './contracts';
import {
	BEISPIEL_DATASET_ID,
	BEISPIEL_INDICATORS,
	BEISPIEL_PRIORS_FILE,
	BEISPIEL_SEED,
	BEISPIEL_YEARS,
	beispieldatenMeta,
	beispielModel,
	generateBeispieldaten,
	parsePopulationSeries,
	parseStadtteilPopulations,
	type BeispielRow
} from './beispieldaten';
import { calibrationOf } from './profile';

const read = (file: string) => readFileSync(new URL(`../../../geodata/${file}`, import.meta.url), 'utf8');
const stadtteileCsv = read('stadtteile.csv');
const stadtteile = parseStadtteilPopulations(stadtteileCsv);
const series = parsePopulationSeries(read('einwohner_zeitreihe.csv'));
// Polygon levels only, as the generator reads them (a census grid level is not in the population series).
const levels = (JSON.parse(read('stadt.json')) as { levels: { id: string; grid?: unknown }[] }).levels.filter((l) => !l.grid).map((l) => l.id);
const model = beispielModel(JSON.parse(read(BEISPIEL_PRIORS_FILE)), { group: levels[1], city: levels[levels.length - 1] });
const rows = generateBeispieldaten(stadtteile, series, BEISPIEL_SEED, model);

const catalogueRaw = JSON.parse(read('indikatoren.json')) as Record<string, unknown>[];
const catalogue = IndicatorMeta.array().parse(catalogueRaw);

const pick = (indicator: string, area: string, year: number) => {
	const row = rows.find((r) => r.indicator === indicator && r.area === area && r.year === year);
	if (!row) throw new Error(`no row ${indicator} ${area} ${year}`);
	return row;
};
const cityRate = (indicator: string, year: number) => {
	const of = rows.filter((r) => r.indicator === indicator && r.year === year);
	return (100 * of.reduce((a, r) => a + r.numerator, 0)) / of.reduce((a, r) => a + r.denominator, 0);
};
const pearson = (x: number[], y: number[]) => {
	const mx = x.reduce((a, b) => a + b) / x.length;
	const my = y.reduce((a, b) => a + b) / y.length;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	x.forEach((xi, i) => {
		sxy += (xi - mx) * (y[i] - my);
		sxx += (xi - mx) ** 2;
		syy += (y[i] - my) ** 2;
	});
	return sxy / Math.sqrt(sxx * syy);
};
const areaIds = csvRecords(stadtteileCsv).records.map((r) => r.stadtteil_id!);

describe('generateBeispieldaten', () => {
	it('is deterministic for a seed and differs for another seed', () => {
		expect(generateBeispieldaten(stadtteile, series, BEISPIEL_SEED, model)).toEqual(rows);
		expect(generateBeispieldaten(stadtteile, series, BEISPIEL_SEED + 1, model)).not.toEqual(rows);
	});

	it('has one row per Stadtteil, indicator and year: 31 × 8 × 5, sorted by indicator, area, year', () => {
		expect(areaIds).toHaveLength(31);
		expect(rows).toHaveLength(31 * 8 * 5);
		const keys = rows.map((r) => `${r.indicator}|${r.area}|${r.year}`);
		expect(new Set(keys).size).toBe(rows.length);
		expect(new Set(rows.map((r) => r.area))).toEqual(new Set(areaIds));
		expect(new Set(rows.map((r) => r.indicator))).toEqual(new Set(BEISPIEL_INDICATORS));
		expect(new Set(rows.map((r) => r.year))).toEqual(new Set([2019, 2020, 2021, 2022, 2023]));
		const sortKey = (r: BeispielRow) => [r.indicator, r.area, r.year];
		for (let i = 1; i < rows.length; i++) {
			const [a, b] = [sortKey(rows[i - 1]), sortKey(rows[i])];
			const order = a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2];
			expect(order, `${keys[i - 1]} before ${keys[i]}`).toBe(true);
		}
	});

	it('gives value = numerator / denominator × 100 rounded half up to 1 decimal, from integer counts', () => {
		for (const r of rows) {
			expect(Number.isInteger(r.numerator) && Number.isInteger(r.denominator)).toBe(true);
			expect(r.numerator).toBeGreaterThanOrEqual(0);
			expect(r.numerator).toBeLessThanOrEqual(r.denominator);
			const tenths = Math.round(r.value * 10);
			expect(Math.abs(r.value * 10 - tenths)).toBeLessThan(1e-9);
			// (tenths - ½)/1000 ≤ numerator/denominator < (tenths + ½)/1000, in exact integer arithmetic.
			expect((2 * tenths - 1) * r.denominator <= 2000 * r.numerator).toBe(true);
			expect(2000 * r.numerator < (2 * tenths + 1) * r.denominator).toBe(true);
		}
	});

	it('nests the sub-populations of each Stadtteil and year', () => {
		for (const area of areaIds)
			for (const year of BEISPIEL_YEARS) {
				const u18 = pick('anteil-unter-18', area, year);
				const residents = u18.denominator;
				const over64 = pick('anteil-65-plus', area, year).numerator;
				const sgb2 = pick('sgb2-quote', area, year);
				const children = pick('kinderarmut', area, year);
				expect(pick('anteil-65-plus', area, year).denominator).toBe(residents);
				expect(pick('anteil-ohne-deutsche-sta', area, year).denominator).toBe(residents);
				expect(children.denominator).toBeGreaterThan(0);
				expect(children.denominator).toBeLessThan(u18.numerator);
				expect(u18.numerator).toBeLessThan(residents);
				expect(sgb2.denominator).toBe(residents - over64);
				expect(children.numerator).toBeLessThanOrEqual(sgb2.numerator);
				expect(pick('arbeitslosenquote', area, year).denominator).toBeLessThanOrEqual(residents - children.denominator - over64);
				expect(pick('alleinerziehende', area, year).denominator).toBeLessThanOrEqual(u18.numerator);
			}
	});

	it('keeps the real resident figure in each Stadtteil’s reference year', () => {
		for (const r of csvRecords(stadtteileCsv).records) {
			const year = Number(r.einwohner_stand!.slice(0, 4));
			expect(pick('anteil-unter-18', r.stadtteil_id!, year).denominator, r.stadtteil_id).toBe(Number(r.einwohner));
		}
	});

	it('moves residents along the Ortschaft trend, or the city trend where the Ortschaft has no series', () => {
		// Lebenstedt (Nord): 45945 in 2023; Ortschaft Nord 48090 (2020) and 48829 (2023).
		expect(pick('anteil-unter-18', 'lebenstedt', 2020).denominator).toBe(Math.round((45945 * 48090) / 48829)); // 45250
		// Gebhardshagen (West, no Ortschaft rows): 6902 in 2023; city 103866 (2020) and 105039 (2023).
		expect(pick('anteil-unter-18', 'gebhardshagen', 2020).denominator).toBe(Math.round((6902 * 103866) / 105039)); // 6825
	});

	it('hits the real 2020 city share without German citizenship (20.01 %) within 0.3 points', () => {
		expect(Math.abs(cityRate('anteil-ohne-deutsche-sta', 2020) - 20.0)).toBeLessThanOrEqual(0.3);
	});

	it('keeps every value inside its catalogue range, and the SGB-II-Quote plausible everywhere', () => {
		for (const r of rows) {
			const [lo, hi] = catalogue.find((c) => c.id === r.indicator)!.range;
			expect(r.value, `${r.indicator} ${r.area} ${r.year}`).toBeGreaterThanOrEqual(lo);
			expect(r.value, `${r.indicator} ${r.area} ${r.year}`).toBeLessThanOrEqual(hi);
			if (r.indicator === 'sgb2-quote') {
				expect(r.value).toBeGreaterThanOrEqual(2);
				expect(r.value).toBeLessThanOrEqual(35);
			}
		}
	});

	it('puts the urban large-estate Stadtteile above the villages', () => {
		const villages = rows.filter(
			(r) =>
				r.indicator === 'sgb2-quote' &&
				r.year === 2023 &&
				!['lebenstedt', 'salzgitter-bad', 'thiede', 'gebhardshagen', 'hallendorf', 'lichtenberg'].includes(r.area)
		);
		const maxVillage = Math.max(...villages.map((r) => r.value));
		expect(pick('sgb2-quote', 'lebenstedt', 2023).value).toBeGreaterThan(maxVillage);
		expect(pick('sgb2-quote', 'salzgitter-bad', 2023).value).toBeGreaterThan(maxVillage);
	});

	it('correlates SGB-II-Quote and child poverty across Stadtteile in 2023 (r > 0.7)', () => {
		const sgb2 = areaIds.map((a) => pick('sgb2-quote', a, 2023).value);
		const children = areaIds.map((a) => pick('kinderarmut', a, 2023).value);
		expect(pearson(sgb2, children)).toBeGreaterThan(0.7);
	});

	it('changes smoothly: large Stadtteile move at most 2.5 points a year more than the city', () => {
		const large = areaIds.filter((a) => pick('anteil-unter-18', a, 2023).denominator >= 2000);
		for (const indicator of BEISPIEL_INDICATORS)
			for (const area of large)
				for (const year of BEISPIEL_YEARS.slice(1)) {
					const own = pick(indicator, area, year).value - pick(indicator, area, year - 1).value;
					const city = cityRate(indicator, year) - cityRate(indicator, year - 1);
					expect(Math.abs(own - city), `${indicator} ${area} ${year}`).toBeLessThanOrEqual(2.5);
				}
	});

	it('gives rows that the IndicatorValue contract accepts', () => {
		for (const r of rows) IndicatorValue.parse({ ...r, stand: `${r.year}-12-31`, origin: 'source' });
	});
});

describe('catalogue and sidecar', () => {
	it('has a Beispieldaten entry in geodata/indikatoren.json for each generated indicator', () => {
		for (const id of BEISPIEL_INDICATORS) {
			const raw = catalogueRaw.find((c) => c.id === id);
			expect(raw, id).toBeDefined();
			expect(raw).not.toHaveProperty('years');
			const entry = IndicatorMeta.parse(raw);
			expect(entry.beispieldaten).toBe(true);
			expect(entry.datasets).toEqual([BEISPIEL_DATASET_ID]);
			expect(entry.aggregation).toEqual({ method: 'rate', scale: 100 });
			expect(entry.unit).toEqual({ de: '%', en: '%' });
			expect(entry.decimals).toBe(1);
			expect(entry.licence).toBe('CC0 1.0 (synthetic)');
			expect(entry.description.de).toContain('Beispieldaten');
			expect(entry.description.en).toContain('Beispieldaten');
		}
	});

	it("takes the area priors from the data folder's model file, and refuses one without them", () => {
		const changed = beispielModel({ ...JSON.parse(read(BEISPIEL_PRIORS_FILE)), deprivationPrior: {} }, model.levels);
		expect(generateBeispieldaten(stadtteile, series, BEISPIEL_SEED, changed)).not.toEqual(rows);
		expect(() => beispielModel({ villagePrior: -0.6 }, model.levels)).toThrow();
	});

	it('describes the data as synthetic, naming script and seed, in a valid DatasetMeta sidecar', () => {
		const meta = DatasetMeta.parse(
			beispieldatenMeta(
				calibrationOf((file) => readFileSync(`geodata/${file}`, 'utf8')),
				BEISPIEL_SEED,
				model
			)
		);
		expect(meta.id).toBe(BEISPIEL_DATASET_ID);
		expect(meta.beispieldaten).toBe(true);
		expect(meta.licence).toBe('CC0 1.0 (synthetic)');
		for (const text of [meta.description.de, meta.description.en]) {
			expect(text).toContain('scripts/generate-beispieldaten.ts');
			expect(text).toContain(String(BEISPIEL_SEED));
		}
		expect(meta.description.de).toMatch(/KEINE Zahlen der Stadt/);
		expect(meta.description.en).toMatch(/NOT figures of the city/);
		expect(DatasetMeta.parse(JSON.parse(read('beispieldaten/sozialindikatoren.csv.meta.json')))).toEqual(meta);
	});

	it('matches the committed CSV (run the generator after changing the model)', () => {
		const text = read('beispieldaten/sozialindikatoren.csv');
		expect(text.split('\n')[0]).toBe('area_id,indicator,year,value,numerator,denominator');
		expect(text).not.toContain('\r');
		const committed = csvRecords(text).records.map((r) => ({
			area: r.area_id,
			indicator: r.indicator,
			year: Number(r.year),
			value: Number(r.value),
			numerator: Number(r.numerator),
			denominator: Number(r.denominator)
		}));
		expect(committed).toEqual(rows);
	});
});
