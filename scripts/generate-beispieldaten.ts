// Generates the Beispieldaten: synthetic, clearly labelled example Sozialraumanalyse indicators per
// Stadtteil, because the city's real figures per Stadtteil are not public. Run:
//   npx tsx scripts/generate-beispieldaten.ts
// Writes geodata/beispieldaten/sozialindikatoren.csv and its sidecar sozialindikatoren.csv.meta.json;
// the core (src/lib/data/beispieldaten.ts) is pure, this file only reads, checks and writes.
//
// Model (also in the sidecar's caveats):
// - Deterministic: d3 randomLcg streams (one per purpose) seeded from BEISPIEL_SEED (20261125) feed
//   randomNormal.source(...); the same seed gives byte-identical files.
// - Residents per Stadtteil and year: the real figure of geodata/stadtteile.csv in its own reference
//   year, moved along its Ortschaft's trend interpolated from geodata/einwohner_zeitreihe.csv
//   (Ortschaft points from 2010 on); outside their span, or with fewer than two points, the city
//   trend (gebiet_typ=stadt) is chained on.
// - A latent deprivation factor per Stadtteil: prior mean high for the urban large-estate Stadtteile,
//   low for the villages (geodata/beispieldaten/modell.json, with its sidecar), plus noise. Each rate is
//   logistic(intercept + loading × deprivation + own level + own slope × (year - 2021) + AR(1) noise);
//   child poverty and unemployment are coupled to the SGB-II term, so they correlate with it.
// - Per indicator and year the intercept is calibrated so that summed numerators / summed denominators
//   over the 31 Stadtteile hit a city target. Only the 2020 foreign share (20.01 %, 20,785 persons,
//   Landesamt für Statistik Niedersachsen via nl.wikipedia.org/wiki/Salzgitter) is real; the other
//   targets are assumptions for an industrial city in Lower Saxony (the model's cityTargets).
// - Denominators are nested integer sub-populations: under-15s < under-18s < residents; under-65s =
//   residents - 65+; labour force = (residents - under-15s - 65+) × participation; households with
//   minors = under-18s / minors per household; dwellings = households / (1 - vacancy), vacant =
//   dwellings - households. value = round(numerator / denominator × 100, 1).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatasetMeta, IndicatorMeta, IndicatorValue, sidecarOf, sidecarText } from '../src/lib/data/contracts.ts';
import { csvText } from '../src/lib/data/csvTable.ts';
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
	parseStadtteilPopulations
} from '../src/lib/data/beispieldaten.ts';
import { calibrationOf } from '../src/lib/data/profile.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const geodata = (file: string) => join(root, 'geodata', file);
const read = (file: string) => readFileSync(geodata(file), 'utf8');

// The population series names areas by the profile's level ids: the finest polygon level's parent
// (a census grid level is finer still, but the series knows no cells), and the city.
const levels = (JSON.parse(read('stadt.json')) as { levels: { id: string; grid?: unknown }[] }).levels.filter((l) => !l.grid);
const model = beispielModel(JSON.parse(read(BEISPIEL_PRIORS_FILE)), { group: levels[1].id, city: levels[levels.length - 1].id });
const rows = generateBeispieldaten(
	parseStadtteilPopulations(read('stadtteile.csv')),
	parsePopulationSeries(read('einwohner_zeitreihe.csv')),
	BEISPIEL_SEED,
	model
);
const meta = DatasetMeta.parse(beispieldatenMeta(calibrationOf(read), BEISPIEL_SEED, model));

// Refuse to write what the pipeline would reject: catalogue entries and their plausible ranges.
const catalogue = IndicatorMeta.array().parse(JSON.parse(read('indikatoren.json')));
const problems: string[] = [];
for (const id of BEISPIEL_INDICATORS) {
	const entry = catalogue.find((c) => c.id === id);
	if (!entry) problems.push(`${id}: no entry in geodata/indikatoren.json`);
	else if (!entry.beispieldaten || !entry.datasets.includes(BEISPIEL_DATASET_ID))
		problems.push(`${id}: catalogue entry must be beispieldaten with dataset ${BEISPIEL_DATASET_ID}`);
}
for (const r of rows) {
	IndicatorValue.parse({ ...r, stand: `${r.year}-12-31`, origin: 'source' });
	const range = catalogue.find((c) => c.id === r.indicator)?.range;
	if (range && (r.value < range[0] || r.value > range[1])) problems.push(`${r.indicator} ${r.area} ${r.year}: ${r.value} outside [${range.join(', ')}]`);
}
if (problems.length) {
	console.error(problems.join('\n'));
	process.exit(1);
}

const csv = csvText([
	['area_id', 'indicator', 'year', 'value', 'numerator', 'denominator'],
	...rows.map((r) => [r.area, r.indicator, String(r.year), r.value.toFixed(1), String(r.numerator), String(r.denominator)])
]);
mkdirSync(geodata('beispieldaten'), { recursive: true });
writeFileSync(geodata('beispieldaten/sozialindikatoren.csv'), csv + '\n');
writeFileSync(geodata(sidecarOf('beispieldaten/sozialindikatoren.csv')), sidecarText(meta));

// City level as the pipeline aggregates rates: summed numerators over summed denominators.
console.log(`${rows.length} rows written to geodata/beispieldaten/sozialindikatoren.csv (seed ${BEISPIEL_SEED})`);
console.log(['indicator'.padEnd(26), ...BEISPIEL_YEARS].join(' '));
for (const id of BEISPIEL_INDICATORS) {
	const cells = BEISPIEL_YEARS.map((y) => {
		const of = rows.filter((r) => r.indicator === id && r.year === y);
		const sum = (f: (r: (typeof rows)[number]) => number) => of.reduce((a, r) => a + f(r), 0);
		return ((100 * sum((r) => r.numerator)) / sum((r) => r.denominator)).toFixed(2).padStart(5);
	});
	console.log([id.padEnd(26), ...cells].join(' '));
}
