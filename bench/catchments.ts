// npm run bench:catchments — residents per Kontor and ring on 1,000,000 population points:
// the flatbush-indexed count against the naive Turf booleanPointInPolygon over every point and
// every ring, in the same run, with a check that both give the same counts. A benchmark, not a test.
// With --json the last line is the figure as table rows (bench/lib.ts BenchRow) for `npm run bench`.
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { DEFAULT_DISTANCES, kontorRings, type Area, type KontorSite } from '../src/lib/geo/catchments';
import { countRingsNaive, PopulationIndex, type RingCounts } from '../src/lib/geo/coverage';
import { populationSurface, type PopulationArea } from '../src/lib/geo/population';
import type { BenchRow } from './lib';

const read = <T>(name: string): T => JSON.parse(readFileSync(`derived/${name}`, 'utf8'));
const stadtteile = read<FeatureCollection<Area, { id: string }>>('areas-stadtteil.geojson');
const stadt = read<FeatureCollection<Area>>('areas-stadt.geojson');
const kontore = read<FeatureCollection<Point, { id: string; name: string }>>('kontore.geojson');
const values = read<{ area: string; indicator: string; year: number; value: number | null }[]>('values.json');

const latest = new Map<string, { year: number; value: number }>();
for (const v of values) {
	if (v.indicator !== 'einwohner' || v.value === null) continue;
	if ((latest.get(v.area)?.year ?? -1) < v.year) latest.set(v.area, { year: v.year, value: v.value });
}
const areas: PopulationArea[] = stadtteile.features.map((f) => ({
	id: f.properties.id,
	population: latest.get(f.properties.id)?.value ?? 0,
	geometry: f.geometry
}));
const sites: KontorSite[] = kontore.features.map((k) => ({ id: k.properties.id, name: k.properties.name, lonLat: k.geometry.coordinates as [number, number] }));
const distances = DEFAULT_DISTANCES;

const TARGET_POINTS = 1_000_000;
const cityM2 = (stadt.features[0] as Feature<Area, { areaKm2: number }>).properties.areaKm2 * 1e6;
const spacing = Math.sqrt(cityM2 / TARGET_POINTS);

const time = <T>(fn: () => T): [T, number] => {
	const t = performance.now();
	const out = fn();
	return [out, performance.now() - t];
};

const [surface, tSurface] = time(() => populationSurface(areas, spacing));
const [pop, tIndex] = time(() => new PopulationIndex(surface));
const rings = kontorRings(sites, distances);
pop.countRings(sites, rings, distances); // warm-up (JIT), not timed
const runs = 5;
const fastTimes: number[] = [];
let fast: RingCounts = { byKontor: new Map(), any: [] };
for (let i = 0; i < runs; i++) {
	const [counts, t] = time(() => pop.countRings(sites, rings, distances));
	fast = counts;
	fastTimes.push(t);
}
const tFast = fastTimes.sort((a, b) => a - b)[Math.floor(runs / 2)];
const [naive, tNaive] = time(() => countRingsNaive(surface, sites, rings, distances));

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
const mismatches: string[] = [];
for (const s of sites)
	fast.byKontor
		.get(s.id)!
		.forEach((v, k) => same(v, naive.byKontor.get(s.id)![k]) || mismatches.push(`${s.id} ${distances[k]} m: ${v} vs ${naive.byKontor.get(s.id)![k]}`));
fast.any.forEach((v, k) => same(v, naive.any[k]) || mismatches.push(`any ${distances[k]} m: ${v} vs ${naive.any[k]}`));

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
console.log(
	`catchments bench: ${surface.weight.length.toLocaleString('en')} population points (grid ${spacing.toFixed(1)} m), ${sites.length} Kontore, rings ${distances.join('/')} m`
);
console.log(`  population surface: ${fmt(tSurface)}, flatbush index: ${fmt(tIndex)} (once per data set, not per scenario)`);
console.log(`  indexed count (median of ${runs}): ${fmt(tFast)}`);
console.log(`  naive Turf booleanPointInPolygon: ${fmt(tNaive)}`);
console.log(`  ratio: ${Math.round(tNaive / tFast)}×`);
for (const [k, d] of distances.entries())
	console.log(
		`  within ${d} m of any Kontor: ${Math.round(fast.any[k]).toLocaleString('en')} residents (naive ${Math.round(naive.any[k]).toLocaleString('en')})`
	);
console.log(`  same counts: ${mismatches.length === 0 ? 'yes' : 'NO'}`);
console.log(`  targets: indexed < 250 ms ${tFast < 250 ? 'met' : 'MISSED'}; ratio ≥ 50× ${tNaive / tFast >= 50 ? 'met' : 'MISSED'}`);
if (mismatches.length) {
	console.log(mismatches.slice(0, 10).join('\n'));
	process.exitCode = 1;
}
if (process.argv.includes('--json')) {
	const speedUp = tNaive / tFast;
	const row: BenchRow = {
		figure: 'catchments: residents in rings, 1 M points',
		value: fmt(tFast),
		baseline: fmt(tNaive),
		ratio: `${Math.round(speedUp)}× faster`,
		target: '< 250 ms, ≥ 50× faster',
		pass: tFast < 250 && speedUp >= 50 && mismatches.length === 0,
		note: `flatbush-indexed count (median of ${runs}) vs naive Turf booleanPointInPolygon over every point and ring, ${sites.length} Kontore × ${distances.length} rings; same counts: ${mismatches.length === 0 ? 'yes' : 'NO'}`
	};
	console.log(
		JSON.stringify({
			rows: [row],
			points: surface.weight.length,
			surfaceMs: tSurface,
			indexMs: tIndex,
			indexedMs: fastTimes,
			naiveMs: tNaive,
			sameCounts: mismatches.length === 0
		})
	);
}
