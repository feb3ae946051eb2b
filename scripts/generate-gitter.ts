// Generates the Beispieldaten of the census grid level: residents per 100 m cell (synthetic, seeded),
// because the census's grid cannot be fetched here. Run:
//   npx tsx scripts/generate-gitter.ts
// Writes the file the profile's grid level names (geodata/gitter_einwohner_100m.csv, in the census's
// own format) and its sidecar. The model is src/lib/data/gridBeispieldaten.ts (pure): each Stadtteil's
// real resident count spread over its cells around its centre, summing exactly to the count.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import { DatasetMeta, sidecarOf, sidecarText } from '../src/lib/data/contracts.ts';
import { csvRecords } from '../src/lib/data/csvTable.ts';
import { GRID_DATASET_ID, GRID_SEED, RESIDENTS_PER_CELL, generateGridPopulation } from '../src/lib/data/gridBeispieldaten.ts';
import { buildDerived } from '../src/lib/data/pipeline.ts';
import { CENSUS_RESIDENTS, CityProfile, PROFILE_FILE, polygonLevels } from '../src/lib/data/profile.ts';
import { censusText } from '../src/lib/import/census.ts';

const dir = resolve(process.env.KONTORATLAS_GEODATA ?? join(import.meta.dirname, '..', 'geodata'));
const files = new Map(
	readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((e) => e.isFile() && /\.(csv|json|geojson)$/.test(e.name))
		.map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
		.map((f) => [f, readFileSync(join(dir, f), 'utf8')])
);
const profile = CityProfile.parse(JSON.parse(files.get(PROFILE_FILE)!));
const grid = profile.levels.find((l) => l.grid)?.grid;
const target = grid?.files.find((f) => f.columns[CENSUS_RESIDENTS]);
if (!grid || grid.cell !== '100m' || !target) {
	console.error(`${PROFILE_FILE}: no 100 m grid level with a file whose column "${CENSUS_RESIDENTS}" goes to an indicator`);
	process.exit(1);
}
// The polygon levels alone: the grid's own file is what this writes.
const polygonsOnly = new Map(files);
polygonsOnly.set(PROFILE_FILE, JSON.stringify({ ...JSON.parse(files.get(PROFILE_FILE)!), levels: polygonLevels(JSON.parse(files.get(PROFILE_FILE)!).levels) }));
polygonsOnly.set(
	'indikatoren.json',
	JSON.stringify((JSON.parse(files.get('indikatoren.json')!) as { id: string }[]).filter((m) => !Object.values(target.columns).includes(m.id)))
);
polygonsOnly.delete(target.file);
polygonsOnly.delete(sidecarOf(target.file));
const derived = buildDerived(polygonsOnly);
const finest = derived.areas[polygonLevels(profile.levels)[0].id].features;

const seeds = new Map(
	csvRecords(files.get(profile.geometry.seeds.file)!).records.map((r) => [r[profile.geometry.seeds.id], [Number(r.lon), Number(r.lat)] as [number, number]])
);
/** Each area's residents: its latest figure from the source tables. */
const residents = (id: string) =>
	derived.values.filter((v) => v.area === id && v.indicator === 'einwohner' && v.origin === 'source' && v.value !== null).sort((a, b) => b.year - a.year)[0];
const areas = finest.map((f) => ({
	id: f.properties.id,
	residents: residents(f.properties.id)?.value ?? 0,
	stand: residents(f.properties.id)?.stand ?? null,
	centre: seeds.get(f.properties.id) ?? f.properties.labelPoint,
	geometry: f.geometry as Polygon | MultiPolygon
}));
const outline = JSON.parse(files.get(profile.geometry.outline)!).features[0].geometry as Polygon | MultiPolygon;
const cells = generateGridPopulation(outline, areas, '100m', GRID_SEED);

for (const a of areas) {
	const sum = cells.filter((c) => c.area === a.id).reduce((s, c) => s + c.residents, 0);
	if (sum !== a.residents) {
		console.error(`${a.id}: the cells sum to ${sum}, not ${a.residents}`);
		process.exit(1);
	}
}
const stands = [...new Set(areas.map((a) => a.stand))].sort();
const meta = DatasetMeta.parse({
	id: GRID_DATASET_ID,
	title: {
		de: `Einwohner im 100-m-Gitter – Beispieldaten (synthetisch, keine Zensusdaten)`,
		en: `Residents on the 100 m grid – example data (synthetic, not census data)`
	},
	description: {
		de: `Synthetische Beispieldaten im Format der Gitterdaten des Zensus 2022 (INSPIRE-Gitter, EPSG:3035), erzeugt von scripts/generate-gitter.ts mit dem festen Startwert ${GRID_SEED}. Es sind KEINE Zensusdaten: Die Gitterdaten des Zensus lassen sich hier nicht abrufen. Die echte Einwohnerzahl jedes Stadtteils (stadtteile.csv) ist auf die Gitterzellen verteilt, deren Mittelpunkt in ihm liegt, um seinen Mittelpunkt gehäuft und mit leeren Zellen dazwischen; die Zellen jedes Stadtteils ergeben genau seine Einwohnerzahl. Flächennutzungsdaten (Wohnbauflächen) stehen offline nicht zur Verfügung: Wo innerhalb eines Stadtteils Menschen wohnen, ist erfunden.`,
		en: `Synthetic example data in the format of the census 2022 grid data (INSPIRE grid, EPSG:3035), produced by scripts/generate-gitter.ts with the fixed seed ${GRID_SEED}. These are NOT census data: the census grid cannot be fetched here. The real resident count of each Stadtteil (stadtteile.csv) is spread over the grid cells whose centre lies in it, concentrated around its centre with empty cells in between; each Stadtteil's cells sum exactly to its count. No land-use data (residential areas) is available offline: where people live within a Stadtteil is invented.`
	},
	source: [
		{ name: `Kontoratlas generator scripts/generate-gitter.ts, seed ${GRID_SEED} (synthetic distribution)` },
		{
			name: 'Residents per Stadtteil: geodata/stadtteile.csv (Wikipedia contributors; Stadt Salzgitter statistics)',
			url: JSON.parse(files.get(sidecarOf('stadtteile.csv'))!).source.find((s: { url?: string }) => s.url).url
		},
		{
			name: 'Grid definition: INSPIRE statistical grid, EPSG:3035 (as used by the Zensus 2022 grid data, dl-de/by-2-0)',
			url: 'https://www.zensus2022.de/DE/Ergebnisse-des-Zensus/gitterzellen.html'
		}
	],
	licence: 'CC0 1.0 (synthetic)',
	attribution: `Synthetic example data generated by Kontoratlas (scripts/generate-gitter.ts, seed ${GRID_SEED}); totals per Stadtteil from Wikipedia contributors (CC BY-SA 4.0)`,
	date: `${target.stand} (synthetic; the Stadtteil totals refer to ${stands.join(', ')})`,
	collected: '2026-12-05',
	beispieldaten: true,
	caveats: [
		'Beispieldaten: synthetic values, not census figures; do not cite or use them for decisions.',
		'No land-use data is available offline: residents are placed by distance to each Stadtteil centre only, not where housing is.',
		`Per Stadtteil the nearest residents / ${RESIDENTS_PER_CELL} cells (distance jittered) are populated; residents are exp(-distance / mean distance) × log-normal noise, rounded by largest remainder to the exact Stadtteil count. Cells with 0 residents are not listed, as in the census.`,
		`The Stadtteil totals are each Stadtteil's latest figure (${stands.join(', ')}); the file carries one reference date (${target.stand}).`,
		'No value is kept secret ("–"): the census would keep small counts secret in some tables; the importer handles them (tests/fixtures/census).'
	]
});
writeFileSync(
	join(dir, target.file),
	censusText(
		'100m',
		[CENSUS_RESIDENTS],
		cells.map((c) => ({ cell: c.cell, values: { [CENSUS_RESIDENTS]: c.residents } }))
	)
);
writeFileSync(join(dir, sidecarOf(target.file)), sidecarText(meta));
console.log(
	`${cells.length} populated cells written to ${target.file} (seed ${GRID_SEED}), ${areas.length} Stadtteile, ${cells.reduce((s, c) => s + c.residents, 0)} residents`
);
