// Generates the Beispieldaten of the facility register (see src/lib/facilities/beispieldaten.ts):
//   [KONTORATLAS_GEODATA=<data folder>] npx tsx scripts/generate-einrichtungen.ts [--check]
// Reads the data folder (default geodata/), builds the finest areas and the Kontore with the pipeline,
// and writes einrichtungen.geojson with its sidecar there; deterministic (seed FACILITY_SEED). With
// --check it writes nothing and fails where the folder's files differ from what it would write.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DatasetMeta, sidecarOf, sidecarText } from '../src/lib/data/contracts.ts';
import { buildDerived } from '../src/lib/data/pipeline.ts';
import type { Derived } from '../src/lib/data/derived.ts';
import { DataError, formatProblem } from '../src/lib/data/problems.ts';
import { parseCsv, SeedRow } from '../src/lib/data/sources.ts';
import { FILES } from '../src/lib/data/stages/read.ts';
import { FACILITY_FILES } from '../src/lib/facilities/contracts.ts';
import { levelSource, polygonLevels } from '../src/lib/data/profile.ts';
import { facilitiesMeta, FACILITY_SEED, generateFacilities } from '../src/lib/facilities/beispieldaten.ts';

const geodata = resolve(process.env.KONTORATLAS_GEODATA ?? join(import.meta.dirname, '..', 'geodata'));
const names = readdirSync(geodata, { recursive: true, withFileTypes: true })
	.filter((e) => e.isFile() && /\.(csv|json|geojson)$/.test(e.name))
	.map((e) => relative(geodata, join(e.parentPath, e.name)).split('\\').join('/'))
	.filter((f) => f !== FACILITY_FILES.facilities && f !== sidecarOf(FACILITY_FILES.facilities));
const files = new Map(names.map((f) => [f, readFileSync(join(geodata, f), 'utf8')]));
let derived: Derived;
try {
	derived = buildDerived(files);
} catch (e) {
	if (!(e instanceof DataError)) throw e;
	console.error(`${e.problems.length} problem(s) in ${geodata}, nothing was generated (npm run data names the same):`);
	for (const p of e.problems) console.error(`  - ${formatProblem(p)}`);
	process.exit(1);
}
if (!derived.facilityTypes.length) {
	console.error(
		`${geodata} has no facility types catalogue (${FACILITY_FILES.types}): the generator draws facilities of its types; copy the shipped geodata/${FACILITY_FILES.types} and its sidecar to start from`
	);
	process.exit(1);
}
const { profile } = derived;
const finest = polygonLevels(profile.levels)[0];

// Each area's centre: the seed point the data give (village or quarter centre), else its inner point.
const seeds = profile.geometry.seeds;
const seedRows = files.has(seeds.file) ? parseCsv(files.get(seeds.file)!, seeds.file, SeedRow, { id: seeds.id }) : null;
if (seedRows && !seedRows.ok) throw new Error(`${seeds.file} does not parse`);
const seedById = new Map((seedRows?.rows ?? []).map((r) => [r.id, [r.lon, r.lat] as [number, number]]));
const population = (id: string) =>
	derived.values.filter((v) => v.indicator === 'einwohner' && v.area === id && v.value !== null).sort((a, b) => b.year - a.year)[0]?.value ?? 0;
const stadtteile = derived.areas[finest.id].features.map((f) => ({
	id: f.properties.id,
	name: f.properties.name,
	population: population(f.properties.id),
	centre: seedById.get(f.properties.id) ?? f.properties.labelPoint,
	geometry: f.geometry
}));
const kontore = derived.kontore.features.map((k) => ({
	id: k.properties.id,
	area: k.properties.area,
	position: k.geometry.coordinates as [number, number]
}));

const facilities = generateFacilities(stadtteile, derived.facilityTypes, kontore, FACILITY_SEED);

/** A source file cited with its sidecar's attribution and first link. */
function cite(what: string, file: string): DatasetMeta['source'][number] {
	const meta = DatasetMeta.parse(JSON.parse(files.get(sidecarOf(file))!));
	const url = meta.source.find((s) => s.url)?.url;
	return { name: `${what}: ${file} (${meta.attribution})`, ...(url ? { url } : {}) };
}
const areaName = finest.name.en.singular;
const inputs = [
	cite(`Residents per ${areaName}`, levelSource(finest).file),
	seedRows ? cite(`Centre of each ${areaName}`, seeds.file) : { name: `Centre of each ${areaName}: its inner point in ${profile.geometry.boundaries}` },
	cite(`Offices for the network partners (${profile.office.en.plural})`, FILES.kontore)
];
const collection = {
	type: 'FeatureCollection',
	features: facilities.map((f) => ({ type: 'Feature', id: f.props.id, geometry: { type: 'Point', coordinates: f.position }, properties: f.props }))
};
const written = new Map([
	[FACILITY_FILES.facilities, JSON.stringify(collection, null, '\t') + '\n'],
	[
		sidecarOf(FACILITY_FILES.facilities),
		sidecarText(
			DatasetMeta.parse(
				facilitiesMeta(
					{ count: facilities.length, residents: stadtteile.reduce((n, s) => n + s.population, 0), offices: kontore.length },
					{ name: profile.name, office: profile.office, area: finest.name, inputs }
				)
			)
		)
	]
]);
if (process.argv.includes('--check')) {
	const stale = [...written].filter(([file, text]) => readFileSync(join(geodata, file), 'utf8') !== text).map(([file]) => file);
	if (stale.length) {
		console.error(`not reproduced by the generator: ${stale.map((f) => join(geodata, f)).join(', ')} (run npx tsx scripts/generate-einrichtungen.ts)`);
		process.exit(1);
	}
	console.log(`${join(geodata, FACILITY_FILES.facilities)} and its sidecar are what the generator writes`);
	process.exit(0);
}
for (const [file, text] of written) writeFileSync(join(geodata, file), text);

const perType = new Map<string, number>();
for (const f of facilities) for (const t of f.props.types) perType.set(t, (perType.get(t) ?? 0) + 1);
console.log(`${facilities.length} facilities written to ${join(geodata, FACILITY_FILES.facilities)} (seed ${FACILITY_SEED})`);
for (const [t, n] of perType) console.log(`  ${t.padEnd(24)} ${n}`);
