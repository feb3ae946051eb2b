// Generates the Beispieldaten of the facility register (see src/lib/facilities/beispieldaten.ts):
//   npx tsx scripts/generate-einrichtungen.ts [--check]
// Reads geodata/, builds the Stadtteile and Kontore with the pipeline, and writes
// geodata/einrichtungen.geojson with its sidecar; deterministic (seed FACILITY_SEED). With --check
// it writes nothing and fails where the shipped files differ from what it would write.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatasetMeta, sidecarOf, sidecarText } from '../src/lib/data/contracts.ts';
import { buildDerived } from '../src/lib/data/pipeline.ts';
import { finestLevel } from '../src/lib/data/derived.ts';
import { parseCsv, KoordinateRow } from '../src/lib/data/sources.ts';
import { FACILITY_FILES } from '../src/lib/facilities/contracts.ts';
import { calibrationOf } from '../src/lib/data/profile.ts';
import { facilitiesMeta, FACILITY_SEED, generateFacilities } from '../src/lib/facilities/beispieldaten.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const geodata = join(root, 'geodata');
const names = readdirSync(geodata, { recursive: true, withFileTypes: true })
	.filter((e) => e.isFile() && /\.(csv|json|geojson)$/.test(e.name))
	.map((e) => relative(geodata, join(e.parentPath, e.name)).split('\\').join('/'))
	.filter((f) => f !== FACILITY_FILES.facilities && f !== sidecarOf(FACILITY_FILES.facilities));
const files = new Map(names.map((f) => [f, readFileSync(join(geodata, f), 'utf8')]));
const derived = buildDerived(files);

const centres = parseCsv(files.get('stadtteile_koordinaten.csv')!, 'stadtteile_koordinaten.csv', KoordinateRow);
if (!centres.ok) throw new Error('stadtteile_koordinaten.csv does not parse');
const population = (id: string) =>
	derived.values.filter((v) => v.indicator === 'einwohner' && v.area === id && v.value !== null).sort((a, b) => b.year - a.year)[0]?.value ?? 0;
const stadtteile = derived.areas[finestLevel(derived)].features.map((f) => {
	const c = centres.rows.find((r) => r.stadtteil_id === f.properties.id)!;
	return {
		id: f.properties.id,
		name: f.properties.name,
		population: population(f.properties.id),
		centre: [c.lon, c.lat] as [number, number],
		geometry: f.geometry
	};
});
const kontore = derived.kontore.features.map((k) => ({
	id: k.properties.id,
	area: k.properties.area,
	position: k.geometry.coordinates as [number, number]
}));

const facilities = generateFacilities(stadtteile, derived.facilityTypes, kontore, FACILITY_SEED);
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
					calibrationOf((file) => readFileSync(join(geodata, file), 'utf8'))
				)
			)
		)
	]
]);
if (process.argv.includes('--check')) {
	const stale = [...written].filter(([file, text]) => readFileSync(join(geodata, file), 'utf8') !== text).map(([file]) => file);
	if (stale.length) {
		console.error(`not reproduced by the generator: ${stale.map((f) => `geodata/${f}`).join(', ')} (run npx tsx scripts/generate-einrichtungen.ts)`);
		process.exit(1);
	}
	console.log(`geodata/${FACILITY_FILES.facilities} and its sidecar are what the generator writes`);
	process.exit(0);
}
for (const [file, text] of written) writeFileSync(join(geodata, file), text);

const perType = new Map<string, number>();
for (const f of facilities) for (const t of f.props.types) perType.set(t, (perType.get(t) ?? 0) + 1);
console.log(`${facilities.length} facilities written to geodata/${FACILITY_FILES.facilities} (seed ${FACILITY_SEED})`);
for (const [t, n] of perType) console.log(`  ${t.padEnd(24)} ${n}`);
