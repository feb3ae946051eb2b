// Beispieldaten: seeded generator of synthetic Sozialraumanalyse indicators per Stadtteil.
// Pure: takes the real population inputs, a seed and the model, returns rows; no I/O. The model is
// described in scripts/generate-beispieldaten.ts and in the caveats of `beispieldatenMeta`.
import { DataError } from './problems';
import { parseCsv, StadtteilRow, ZeitreiheRow, type Parsed } from './sources';
import { randomLcg, randomNormal } from 'd3-random';
import { z } from 'zod';
import type { Calibration } from './profile';
import type { DatasetMeta } from './contracts';

export const BEISPIEL_SEED = 20261125;
export const BEISPIEL_DATASET_ID = 'sozialindikatoren-beispiel';
export const BEISPIEL_SCRIPT = 'scripts/generate-beispieldaten.ts';
/** Fixed, so the sidecar is byte-identical on every run: the day the model was written. */
export const BEISPIEL_MODEL_DATE = '2026-11-25';
export const BEISPIEL_YEARS = [2019, 2020, 2021, 2022, 2023] as const;
export const BEISPIEL_INDICATORS = [
	'sgb2-quote',
	'arbeitslosenquote',
	'kinderarmut',
	'anteil-unter-18',
	'anteil-65-plus',
	'anteil-ohne-deutsche-sta',
	'alleinerziehende',
	'wohnungsleerstand'
] as const;
export type BeispielIndicator = (typeof BEISPIEL_INDICATORS)[number];

export interface StadtteilPopulation {
	id: string;
	ortschaft: string;
	einwohner: number;
	/** Year of the 31 Dec reference date of `einwohner`. */
	refYear: number;
}

export interface PopulationPoint {
	/** A level id of the profile (einwohner_zeitreihe.csv's gebiet_typ). */
	typ: string;
	gebiet: string;
	year: number;
	einwohner: number;
}

export interface BeispielRow {
	area: string;
	indicator: BeispielIndicator;
	year: number;
	value: number;
	numerator: number;
	denominator: number;
}

/** How one indicator's rate depends on the latent factors (on the logit scale). */
interface RateSpec {
	/** Loading on the Stadtteil's deprivation factor. */
	deprivation: number;
	/** Loading on the SGB-II latent term of the same Stadtteil and year (child poverty, unemployment). */
	sgb2: number;
	/** Sd of the Stadtteil's own level, independent of deprivation. */
	levelSd: number;
}

export interface BeispielModel {
	/** Assumed city-level rate in % per indicator and year: summed numerators / summed denominators. */
	cityTargets: Record<BeispielIndicator, Record<number, number>>;
	/** Prior mean of the deprivation factor; Stadtteile not listed are villages with `villagePrior`. */
	deprivationPrior: Record<string, number>;
	villagePrior: number;
	/** Why the listed areas have their priors, for the sidecar's caveat. */
	priorNote: string;
	/** The level ids the population series' `gebiet_typ` names: the finest level's parent, and the city. */
	levels: { group: string; city: string };
	rates: Record<BeispielIndicator, RateSpec>;
	/** Ortschaft population points from this year on describe the current trend. */
	trendFrom: number;
}

/**
 * The part of the model tied to the city's areas, kept in its data folder (beispieldaten/modell.json,
 * with a sidecar): the deprivation priors by area id and why they are what they are.
 */
export const BeispielPriors = z.object({
	deprivationPrior: z.record(z.string(), z.number()),
	villagePrior: z.number(),
	priorNote: z.string().min(1)
});
export type BeispielPriors = z.infer<typeof BeispielPriors>;

/** Where the priors are, in the data folder. */
export const BEISPIEL_PRIORS_FILE = 'beispieldaten/modell.json';

/** The model of a data folder: its priors (beispieldaten/modell.json) and the levels its population series names, on the assumptions below. */
export function beispielModel(priors: unknown, levels: BeispielModel['levels']): BeispielModel {
	return { ...ASSUMPTIONS, ...BeispielPriors.parse(priors), levels };
}

/** Assumptions except `anteil-ohne-deutsche-sta` 2020 (20.01 %, Landesamt für Statistik Niedersachsen via nl.wikipedia). */
const ASSUMPTIONS: Omit<BeispielModel, keyof BeispielPriors | 'levels'> = {
	cityTargets: {
		'sgb2-quote': { 2019: 16.2, 2020: 16.6, 2021: 16.1, 2022: 16.5, 2023: 16.9 },
		arbeitslosenquote: { 2019: 8.7, 2020: 9.8, 2021: 9.5, 2022: 9.2, 2023: 9.6 },
		kinderarmut: { 2019: 27.0, 2020: 27.8, 2021: 27.3, 2022: 28.2, 2023: 28.8 },
		'anteil-unter-18': { 2019: 17.6, 2020: 17.8, 2021: 17.9, 2022: 18.3, 2023: 18.4 },
		'anteil-65-plus': { 2019: 22.3, 2020: 22.4, 2021: 22.5, 2022: 22.4, 2023: 22.5 },
		'anteil-ohne-deutsche-sta': { 2019: 19.3, 2020: 20.01, 2021: 20.5, 2022: 22.0, 2023: 22.7 },
		alleinerziehende: { 2019: 22.4, 2020: 22.7, 2021: 23.0, 2022: 23.2, 2023: 23.4 },
		wohnungsleerstand: { 2019: 5.6, 2020: 5.4, 2021: 5.2, 2022: 4.7, 2023: 4.5 }
	},
	rates: {
		'sgb2-quote': { deprivation: 0.75, sgb2: 0, levelSd: 0.15 },
		kinderarmut: { deprivation: 0, sgb2: 1, levelSd: 0.08 },
		arbeitslosenquote: { deprivation: 0.1, sgb2: 0.7, levelSd: 0.1 },
		'anteil-unter-18': { deprivation: 0.1, sgb2: 0, levelSd: 0.08 },
		'anteil-65-plus': { deprivation: -0.12, sgb2: 0, levelSd: 0.1 },
		'anteil-ohne-deutsche-sta': { deprivation: 0.8, sgb2: 0, levelSd: 0.2 },
		alleinerziehende: { deprivation: 0.3, sgb2: 0, levelSd: 0.12 },
		wohnungsleerstand: { deprivation: 0.3, sgb2: 0, levelSd: 0.25 }
	},
	trendFrom: 2010
};

// Year-to-year variation on the logit scale: a per-Stadtteil slope plus AR(1) noise, so series are smooth.
const SLOPE_SD = 0.02;
const NOISE_SD = 0.025;
const NOISE_RHO = 0.7;
const DEPRIVATION_SD = 0.25;

interface StructureParam {
	mean: number;
	sd: number;
	min: number;
	max: number;
}
/** Assumed structure of the sub-populations; `householdSize.mean` is for villages. */
const STRUCTURE = {
	under15Share: { mean: 0.83, sd: 0.01, min: 0.8, max: 0.86 },
	participation: { mean: 0.77, sd: 0.01, min: 0.68, max: 0.82 },
	/** Negative: lower participation where deprivation is higher. */
	participationPerDeprivation: -0.02,
	minorsPerHousehold: { mean: 1.7, sd: 0.05, min: 1.5, max: 1.9 },
	householdSize: { mean: 2.3, sd: 0.05, min: 1.8, max: 2.5 },
	householdSizeUrban: 2.0
};

/** The populations the model starts from, read and validated by the pipeline's own row schema. */
export function parseStadtteilPopulations(csv: string): StadtteilPopulation[] {
	return rowsOf(parseCsv(csv, 'stadtteile.csv', StadtteilRow)).map((r, i) => {
		if (r.einwohner === null || r.einwohner_stand === null) {
			throw new DataError([{ file: 'stadtteile.csv', row: i + 1, field: 'einwohner', key: 'data.exampleNeedsPopulation' }]);
		}
		return { id: r.stadtteil_id, ortschaft: r.ortschaft, einwohner: r.einwohner, refYear: Number(r.einwohner_stand.slice(0, 4)) };
	});
}

export function parsePopulationSeries(csv: string): PopulationPoint[] {
	return rowsOf(parseCsv(csv, 'einwohner_zeitreihe.csv', ZeitreiheRow)).map((r) => ({
		typ: r.gebiet_typ,
		gebiet: r.gebiet,
		year: r.jahr,
		einwohner: r.einwohner
	}));
}

function rowsOf<T>(parsed: Parsed<T>): T[] {
	if (!parsed.ok) throw new DataError(parsed.problems);
	return parsed.rows;
}

/** Linear interpolation inside the points' span; null outside it. Points sorted by year. */
function interpolate(points: PopulationPoint[], year: number): number | null {
	for (let i = 0; i < points.length; i++) {
		const p = points[i];
		if (p.year === year) return p.einwohner;
		const q = points[i + 1];
		if (q && p.year < year && year < q.year) return p.einwohner + ((q.einwohner - p.einwohner) * (year - p.year)) / (q.year - p.year);
	}
	return null;
}

/**
 * Population level of an Ortschaft by year (any scale; only ratios are used): its own points from
 * `trendFrom` on, interpolated; outside their span, or with fewer than two points, the city trend
 * chained on at the nearest point.
 */
export function ortschaftTrend(series: PopulationPoint[], ortschaft: string, trendFrom: number, levels: BeispielModel['levels']): (year: number) => number {
	const byYear = (a: PopulationPoint, b: PopulationPoint) => a.year - b.year;
	const city = series.filter((p) => p.typ === levels.city).sort(byYear);
	if (city.length < 2) throw new Error('the population series needs at least two city rows');
	const cityAt = (y: number) => interpolate(city, y) ?? (y < city[0].year ? city[0].einwohner : city[city.length - 1].einwohner);
	const own = series.filter((p) => p.typ === levels.group && p.gebiet === ortschaft && p.year >= trendFrom).sort(byYear);
	if (own.length < 2) return cityAt;
	const first = own[0];
	const last = own[own.length - 1];
	return (y) => interpolate(own, y) ?? (y < first.year ? (first.einwohner * cityAt(y)) / cityAt(first.year) : (last.einwohner * cityAt(y)) / cityAt(last.year));
}

/** Residents per year: the real figure in the reference year, moved along the Ortschaft's trend. */
export function stadtteilResidents(st: StadtteilPopulation, trend: (year: number) => number, year: number): number {
	return year === st.refYear ? st.einwohner : Math.round((st.einwohner * trend(year)) / trend(st.refYear));
}

/** Value in % with one decimal, rounded half up, from the integer counts (one division, no drift). */
export const ratePct = (numerator: number, denominator: number) => Math.round((numerator * 1000) / denominator) / 10;

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** Independent normal stream per purpose, so adding a draw in one place does not shift another. */
function normalStream(seed: number, purpose: string): (mu: number, sd: number) => number {
	let h = 0x811c9dc5;
	for (const ch of purpose) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
	const lcg = randomLcg(((h ^ seed) >>> 0) + 1);
	const normal = randomNormal.source(lcg);
	return (mu, sd) => normal(mu, sd)();
}

/** Intercept that makes the summed rate hit `target` (fraction); `aggregate` is increasing in it. */
function calibrate(target: number, aggregate: (alpha: number) => number): number {
	let lo = -12;
	let hi = 12;
	for (let i = 0; i < 80; i++) {
		const mid = (lo + hi) / 2;
		if (aggregate(mid) < target) lo = mid;
		else hi = mid;
	}
	return (lo + hi) / 2;
}

const YEAR_CENTRE = 2021;

export function generateBeispieldaten(stadtteile: StadtteilPopulation[], series: PopulationPoint[], seed: number, model: BeispielModel): BeispielRow[] {
	const areas = [...stadtteile].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const years = [...BEISPIEL_YEARS];

	const draw = normalStream(seed, 'deprivation');
	const deprivation = areas.map((a) => draw(model.deprivationPrior[a.id] ?? model.villagePrior, DEPRIVATION_SD));
	const urban = areas.map((a) => a.id in model.deprivationPrior);

	// Structural parameters per Stadtteil: share of under-15s among under-18s, labour-force
	// participation of 15-64-year-olds, minors per household with minors, persons per household.
	const s = normalStream(seed, 'structure');
	const param = (p: StructureParam, mean: number) => Math.min(p.max, Math.max(p.min, s(mean, p.sd)));
	const structure = areas.map((_, i) => ({
		under15Share: param(STRUCTURE.under15Share, STRUCTURE.under15Share.mean),
		participation: param(STRUCTURE.participation, STRUCTURE.participation.mean + STRUCTURE.participationPerDeprivation * deprivation[i]),
		minorsPerHousehold: param(STRUCTURE.minorsPerHousehold, STRUCTURE.minorsPerHousehold.mean),
		householdSize: param(STRUCTURE.householdSize, urban[i] ? STRUCTURE.householdSizeUrban : STRUCTURE.householdSize.mean)
	}));

	// Latent logit term per indicator, Stadtteil and year (without the calibrated intercept).
	// 'sgb2-quote' comes first in BEISPIEL_INDICATORS, so its term exists when the coupled ones need it.
	const latent = {} as Record<BeispielIndicator, number[][]>;
	for (const k of BEISPIEL_INDICATORS) {
		const spec = model.rates[k];
		const r = normalStream(seed, `indicator:${k}`);
		latent[k] = areas.map((_, i) => {
			const level = spec.deprivation * deprivation[i] + r(0, spec.levelSd);
			const slope = r(0, SLOPE_SD);
			let noise = 0;
			return years.map((y, t) => {
				noise = (t === 0 ? 0 : NOISE_RHO * noise) + r(0, NOISE_SD);
				const coupled = spec.sgb2 === 0 ? 0 : spec.sgb2 * latent['sgb2-quote'][i][t];
				return level + slope * (y - YEAR_CENTRE) + noise + coupled;
			});
		});
	}

	const rows: BeispielRow[] = [];
	const push = (k: BeispielIndicator, i: number, year: number, numerator: number, denominator: number) =>
		rows.push({ area: areas[i].id, indicator: k, year, value: ratePct(numerator, denominator), numerator, denominator });

	/** Calibrated rates of indicator k in year index t, for the given denominators. */
	const rates = (k: BeispielIndicator, t: number, denominators: number[]) => {
		const target = model.cityTargets[k][years[t]] / 100;
		const total = denominators.reduce((a, b) => a + b, 0);
		const eta = latent[k].map((row) => row[t]);
		const alpha = calibrate(target, (a) => denominators.reduce((sum, d, i) => sum + d * logistic(a + eta[i]), 0) / total);
		return eta.map((e) => logistic(alpha + e));
	};
	const counts = (r: number[], denominators: number[]) => denominators.map((d, i) => Math.round(d * r[i]));

	const trends = new Map<string, (year: number) => number>();
	for (const a of areas) if (!trends.has(a.ortschaft)) trends.set(a.ortschaft, ortschaftTrend(series, a.ortschaft, model.trendFrom, model.levels));

	years.forEach((year, t) => {
		const residents = areas.map((a) => stadtteilResidents(a, trends.get(a.ortschaft)!, year));
		const under18 = counts(rates('anteil-unter-18', t, residents), residents).map((c, i) => Math.min(residents[i] - 1, Math.max(2, c)));
		const over64 = counts(rates('anteil-65-plus', t, residents), residents);
		const under15 = under18.map((c, i) => Math.min(c - 1, Math.round(c * structure[i].under15Share)));
		const under65 = residents.map((r, i) => r - over64[i]);
		const labourForce = residents.map((r, i) => Math.round((r - under15[i] - over64[i]) * structure[i].participation));
		const familyHouseholds = under18.map((c, i) => Math.max(1, Math.round(c / structure[i].minorsPerHousehold)));
		const households = residents.map((r, i) => Math.round(r / structure[i].householdSize));

		const foreign = counts(rates('anteil-ohne-deutsche-sta', t, residents), residents);
		const sgb2 = counts(rates('sgb2-quote', t, under65), under65);
		// Children in SGB-II households are among the persons in SGB-II households.
		const poorChildren = counts(rates('kinderarmut', t, under15), under15).map((c, i) => Math.min(c, sgb2[i]));
		const unemployed = counts(rates('arbeitslosenquote', t, labourForce), labourForce);
		const singleParents = counts(rates('alleinerziehende', t, familyHouseholds), familyHouseholds);

		// Occupied dwellings = households; the stock is households / (1 - vacancy rate).
		const eta = latent.wohnungsleerstand.map((row) => row[t]);
		const stock = (a: number) => households.map((h, i) => h / (1 - logistic(a + eta[i])));
		const totalHouseholds = households.reduce((x, y) => x + y, 0);
		const alpha = calibrate(model.cityTargets.wohnungsleerstand[year] / 100, (a) => {
			const total = stock(a).reduce((x, y) => x + y, 0);
			return (total - totalHouseholds) / total;
		});
		const dwellings = stock(alpha).map(Math.round);

		areas.forEach((_, i) => {
			push('anteil-unter-18', i, year, under18[i], residents[i]);
			push('anteil-65-plus', i, year, over64[i], residents[i]);
			push('anteil-ohne-deutsche-sta', i, year, foreign[i], residents[i]);
			push('sgb2-quote', i, year, sgb2[i], under65[i]);
			push('kinderarmut', i, year, poorChildren[i], under15[i]);
			push('arbeitslosenquote', i, year, unemployed[i], labourForce[i]);
			push('alleinerziehende', i, year, singleParents[i], familyHouseholds[i]);
			push('wohnungsleerstand', i, year, dwellings[i] - households[i], dwellings[i]);
		});
	});

	const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
	return rows.sort((a, b) => cmp(a.indicator, b.indicator) || cmp(a.area, b.area) || a.year - b.year);
}

const targetList = (model: BeispielModel) => BEISPIEL_INDICATORS.map((k) => `${k} ${BEISPIEL_YEARS.map((y) => model.cityTargets[k][y]).join('/')}`).join('; ');

/** Provenance sidecar of the generated file; validate with `DatasetMeta.parse` before writing. */
export function beispieldatenMeta(calibration: Calibration, seed: number, model: BeispielModel): DatasetMeta {
	const { city, populationUrl, trendUrl } = calibration;
	const priors = Object.entries(model.deprivationPrior)
		.map(([id, prior]) => `${id} ${prior}`)
		.join(', ');
	const loadings = BEISPIEL_INDICATORS.map((k) => `${k} ${model.rates[k].deprivation}`).join(', ');
	const u15 = STRUCTURE.under15Share;
	return {
		id: BEISPIEL_DATASET_ID,
		title: {
			de: 'Sozialindikatoren je Stadtteil 2019–2023 – Beispieldaten (synthetisch, keine Zahlen der Stadt)',
			en: 'Social indicators per Stadtteil 2019–2023 – example data (synthetic, not figures of the city)'
		},
		description: {
			de: `Synthetische Beispieldaten, erzeugt vom Generator ${BEISPIEL_SCRIPT} mit dem festen Startwert (Seed) ${seed}. Es sind KEINE Zahlen der Stadt ${city} und keine amtliche Statistik: Die echten Sozialindikatoren je Stadtteil sind nicht öffentlich. Die Daten sind plausibel und in sich stimmig (Zähler und Nenner, Teilbevölkerungen), an den echten Einwohnerzahlen und am Ausländeranteil der Stadt 2020 ausgerichtet und dienen nur zur Vorführung der Anwendung.`,
			en: `Synthetic example data produced by the generator ${BEISPIEL_SCRIPT} with the fixed seed ${seed}. These are NOT figures of the city of ${city} and not official statistics: the real social indicators per Stadtteil are not public. The data are plausible and internally consistent (numerators and denominators, sub-populations), calibrated to the real resident counts and the city's 2020 share of foreign residents, and serve only to demonstrate the application.`
		},
		source: [
			{ name: `Kontoratlas generator ${BEISPIEL_SCRIPT}, seed ${seed} (synthetic values)` },
			{
				name: `Residents per Stadtteil and reference year: geodata/stadtteile.csv (Wikipedia contributors; Stadt ${city} statistics)`,
				url: populationUrl
			},
			{
				name: `Population trends per Ortschaft and city: geodata/einwohner_zeitreihe.csv (Wikipedia contributors; Stadt ${city} statistics)`,
				url: trendUrl
			},
			{
				name: 'Residents without German citizenship 2020-12-31: 20,785 = 20.01 % (Landesamt für Statistik Niedersachsen, as cited on nl.wikipedia)',
				url: populationUrl
			}
		],
		licence: 'CC0 1.0 (synthetic)',
		attribution: `Synthetic example data generated by Kontoratlas (${BEISPIEL_SCRIPT}, seed ${seed}); calibrated to population figures from Wikipedia contributors (CC BY-SA 4.0)`,
		date: '31 Dec 2019 to 31 Dec 2023 (synthetic)',
		collected: BEISPIEL_MODEL_DATE,
		beispieldaten: true,
		caveats: [
			`Beispieldaten: synthetic values, never figures of the city of ${city}; do not cite or use them for decisions.`,
			`Deterministic: d3 randomLcg streams seeded from ${seed}; the same seed gives byte-identical output.`,
			'Residents per Stadtteil equal the real figure in its own reference year (geodata/stadtteile.csv) and are moved to the other years along the Ortschaft trend interpolated from geodata/einwohner_zeitreihe.csv (points from ' +
				`${model.trendFrom} on); outside the span of those points, or where an Ortschaft has fewer than two such points, the city trend is chained on. Older per-Stadtteil figures mentioned in the notes are not used.`,
			`Each rate is logistic(intercept + loading × deprivation + Stadtteil level + Stadtteil slope × (year − 2021) + AR(1) noise); the latent deprivation factor has a prior mean of ${priors} (${model.priorNote}) and ${model.villagePrior} for the villages, plus normal noise (sd ${DEPRIVATION_SD}).`,
			`Child poverty and unemployment are coupled to the SGB-II term of the same Stadtteil and year (loadings ${model.rates.kinderarmut.sgb2} and ${model.rates.arbeitslosenquote.sgb2}), so they correlate strongly with the SGB-II-Quote. Loadings on deprivation: ${loadings}.`,
			"Per year, the intercept is calibrated so that summed numerators over summed denominators of the 31 Stadtteile hit the city target. Only the 2020 foreign share (20.01 %) is a real city figure; all other targets are assumptions plausible for an industrial city in Lower Saxony, not the city's figures: " +
				targetList(model) +
				' (% for 2019/2020/2021/2022/2023).',
			`Sub-populations are drawn from assumed structures: under-15s = ${u15.mean} ± ${u15.sd} of under-18s; labour force = residents 15–64 × participation (${STRUCTURE.participation.mean} − ${-STRUCTURE.participationPerDeprivation} × deprivation ± ${STRUCTURE.participation.sd}); households with minors = under-18s / ${STRUCTURE.minorsPerHousehold.mean} ± ${STRUCTURE.minorsPerHousehold.sd}; households = residents / ${STRUCTURE.householdSizeUrban.toFixed(1)} (urban) or ${STRUCTURE.householdSize.mean} (villages) ± ${STRUCTURE.householdSize.sd}; dwellings = households / (1 − vacancy rate), vacant = dwellings − households.`,
			'Children under 15 in SGB-II households are capped at the persons under 65 in SGB-II households. Small villages have small counts, so their rates jump by whole persons from year to year.'
		]
	};
}
