// Payload: the compressed bytes of geometry the atlas's default view transfers (Stadtteile,
// Ortschaften, context) against the same responses carrying the raw geometry, i.e. the cells as
// the pipeline computed them before simplification, compressed the same way; and whether the
// served (simplified) tiling still has shared borders.
// `npx tsx bench/payload.ts [--json]`
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { pathToFileURL } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { featureCollection, rewind, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { SIMPLIFY_TOLERANCE_M } from '../src/lib/data/pipeline';
import { Gebiete, KoordinateRow, parseCsv, parseJson, StadtteilRow, type Parsed } from '../src/lib/data/sources';
import { stadtteilCells } from '../src/lib/geo/cells';
import { simplifyTiling } from '../src/lib/geo/simplify';
import { tilingReport, type TilingReport } from '../src/lib/geo/tiling';
import { respond } from '../src/lib/server/http';
import { startServer } from '../tests/global-setup';
import { kb, percent, type BenchRow } from './lib';

type Areas = FeatureCollection<Polygon | MultiPolygon, { id: string; parent: string | null; kind?: string }>;

const ACCEPT = 'br, gzip';
const GEOMETRY = ['/api/areas?level=stadtteil', '/api/areas?level=ortschaft', '/api/context'] as const;
const CATCHMENTS = '/api/catchments?mode=rings&distances=500,1000,1500';
/** Gaps and overlaps below this are float round-off (the city has ~224 km²), not a broken border. */
const TILING_TOLERANCE_KM2 = 0.001;

export interface PayloadResult {
	rows: BenchRow[];
	encoding: string;
	served: Record<string, number>;
	raw: Record<string, number>;
	/** simplifyTiling(raw cells) gives exactly the served Stadtteil geometry: raw is what the pipeline had. */
	rawReproducesServed: boolean;
	tiling: { stadtteile: TilingReport; ortschaften: TilingReport; rawStadtteile: TilingReport };
	vertices: { raw: number; served: number; outline: number };
	catchments: { served: number; rounded6: number };
}

/** The bytes as sent (fetch would decode them), with their content-encoding. */
function getRaw(url: string): Promise<{ body: Buffer; encoding: string }> {
	return new Promise((ok, fail) => {
		request(url, { headers: { 'accept-encoding': ACCEPT } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => (res.statusCode === 200 ? ok({ body: Buffer.concat(chunks), encoding: String(res.headers['content-encoding'] ?? 'identity') }) : fail(new Error(`${url}: ${res.statusCode}`))));
			res.on('error', fail);
		})
			.on('error', fail)
			.end();
	});
}

const decode = (r: { body: Buffer; encoding: string }) =>
	JSON.parse((r.encoding === 'br' ? brotliDecompressSync(r.body) : r.encoding === 'gzip' ? gunzipSync(r.body) : r.body).toString('utf8'));

/** Compressed exactly as the server does it (the same function), for the same Accept-Encoding. */
async function compressLikeServer(body: unknown): Promise<{ bytes: number; encoding: string }> {
	const res = respond(new Request('http://bench/', { headers: { 'accept-encoding': ACCEPT } }), JSON.stringify(body), 'application/geo+json; charset=utf-8');
	return { bytes: (await res.arrayBuffer()).byteLength, encoding: res.headers.get('content-encoding') ?? 'identity' };
}

function rows<T>(parsed: Parsed<T>, file: string): T[] {
	if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.problems)}`);
	return parsed.rows;
}

/**
 * The Stadtteil cells as step 5 of the pipeline (src/lib/data/pipeline.ts) computes them from
 * geodata/, before simplification; the caller checks that simplifying them gives the served cells.
 */
function rawCells() {
	const text = (f: string) => readFileSync(`geodata/${f}`, 'utf8');
	const stadt = rows(parseJson(text('gebiete.json'), 'gebiete.json', Gebiete), 'gebiete.json')[0].stadt;
	const stadtteile = rows(parseCsv(text('stadtteile.csv'), 'stadtteile.csv', StadtteilRow), 'stadtteile.csv');
	const seeds = new Map(rows(parseCsv(text('stadtteile_koordinaten.csv'), 'stadtteile_koordinaten.csv', KoordinateRow), 'stadtteile_koordinaten.csv').map((r) => [r.stadtteil_id, r]));
	const outline = rewind((JSON.parse(text('salzgitter_outline.geojson')) as FeatureCollection).features[0] as Feature<Polygon | MultiPolygon>) as Feature<Polygon | MultiPolygon>;
	const known = stadtteile.filter((s) => s.flaeche_km2 !== null);
	const restShare = (stadt.flaecheKm2 - known.reduce((s, x) => s + x.flaeche_km2!, 0)) / Math.max(1, stadtteile.length - known.length);
	const fit = stadtteilCells(
		outline,
		stadtteile.map((s) => ({ id: s.stadtteil_id, lon: seeds.get(s.stadtteil_id)!.lon, lat: seeds.get(s.stadtteil_id)!.lat, targetKm2: s.flaeche_km2 ?? Math.max(restShare, 0.1) }))
	);
	return { cells: fit.cells, outline };
}

function countVertices(fc: FeatureCollection<Polygon | MultiPolygon>): number {
	return fc.features.reduce((n, f) => n + (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat().reduce((m, ring) => m + ring.length - 1, 0), 0);
}

const round6 = (v: unknown): unknown => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : Array.isArray(v) ? v.map(round6) : v);

export async function benchPayload(): Promise<PayloadResult> {
	const server = await startServer();
	try {
		const served = new Map<string, { body: Buffer; encoding: string }>();
		for (const path of [...GEOMETRY, CATCHMENTS]) served.set(path, await getRaw(server.url + path));
		const encodings = new Set([...served.values()].map((r) => r.encoding));
		if (encodings.size !== 1) throw new Error(`mixed encodings: ${[...encodings].join(', ')}`);
		const encoding = [...encodings][0];

		const stadtteile = decode(served.get(GEOMETRY[0])!) as Areas;
		const ortschaften = decode(served.get(GEOMETRY[1])!) as Areas;
		const context = decode(served.get(GEOMETRY[2])!) as Areas;
		const { cells, outline } = rawCells();
		const cellById = new Map(cells.features.map((c) => [c.properties.id, c]));
		const simplified = simplifyTiling(cells, { toleranceM: SIMPLIFY_TOLERANCE_M });
		const rawReproducesServed = stadtteile.features.every((f) => {
			const k = cells.features.findIndex((c) => c.properties.id === f.properties.id);
			return k >= 0 && JSON.stringify(simplified.features[k].geometry) === JSON.stringify(f.geometry);
		});

		// The same responses, properties and all, with the raw geometry: only the geometry differs.
		const rawStadtteile: Areas = { ...stadtteile, features: stadtteile.features.map((f) => ({ ...f, geometry: cellById.get(f.properties.id)!.geometry })) };
		const rawOrtschaften: Areas = {
			...ortschaften,
			features: ortschaften.features.map((o) => {
				const parts = rawStadtteile.features.filter((f) => f.properties.parent === o.properties.id);
				const merged = union(featureCollection(parts.map((p) => ({ type: 'Feature' as const, properties: {}, geometry: p.geometry }))));
				return { ...o, geometry: merged!.geometry };
			})
		};
		// The pipeline passes the context (neighbouring districts, source outline) through as read.
		const rawContext = context;

		const servedBytes: Record<string, number> = {};
		const rawBytes: Record<string, number> = {};
		const raws = [rawStadtteile, rawOrtschaften, rawContext];
		for (const [k, path] of GEOMETRY.entries()) {
			servedBytes[path] = served.get(path)!.body.length;
			const c = await compressLikeServer(raws[k]);
			if (c.encoding !== encoding) throw new Error(`raw compressed as ${c.encoding}, served as ${encoding}`);
			rawBytes[path] = c.bytes;
		}
		const vertices = { raw: countVertices(cells), served: countVertices(stadtteile), outline: countVertices(featureCollection([outline])) };
		const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
		const share = sum(servedBytes) / sum(rawBytes);

		const cityOutline = (context.features.find((f) => f.properties.kind === 'stadtgrenze') ?? outline) as Feature<Polygon | MultiPolygon>;
		const tiling = {
			stadtteile: tilingReport(stadtteile, cityOutline),
			ortschaften: tilingReport(ortschaften, cityOutline),
			rawStadtteile: tilingReport(cells, outline)
		};
		const m2 = (km2: number) => `${Math.round(km2 * 1e6)} m²`;
		const tiles = (t: TilingReport) => t.gapKm2 <= TILING_TOLERANCE_KM2 && t.overlapKm2 <= TILING_TOLERANCE_KM2;

		const catchments = decode(served.get(CATCHMENTS)!);
		const catchmentsRounded = await compressLikeServer({ ...catchments, features: catchments.features.map((f: Feature) => ({ ...f, geometry: { ...f.geometry, coordinates: round6((f.geometry as Polygon).coordinates) } })) });

		const result: PayloadResult = {
			rows: [
				{
					figure: 'payload: geometry of the default view',
					value: kb(sum(servedBytes)),
					baseline: kb(sum(rawBytes)),
					ratio: percent(share),
					target: '≤ 25 %',
					pass: share <= 0.25 && rawReproducesServed,
					note: `${encoding}, as sent for Accept-Encoding "${ACCEPT}": Stadtteile ${kb(servedBytes[GEOMETRY[0]])}, Ortschaften ${kb(servedBytes[GEOMETRY[1]])}, context ${kb(servedBytes[GEOMETRY[2]])}; baseline: the same responses with the cells before simplification (recomputed from geodata/ as the pipeline does; simplifying them reproduces the served cells: ${rawReproducesServed ? 'yes' : 'NO'}), Ortschaften as their unions, context as read (the pipeline does not simplify it), compressed by the server's own function; the simplification at ${SIMPLIFY_TOLERANCE_M} m keeps ${vertices.served} of ${vertices.raw} cell vertices: the cells come from a ${vertices.outline}-vertex generalised outline and straight power-diagram borders, so there is next to nothing to remove`
				},
				{
					figure: 'shared borders after simplification',
					value: `gap ${m2(tiling.stadtteile.gapKm2)}, overlap ${m2(tiling.stadtteile.overlapKm2)}`,
					baseline: `gap ${m2(tiling.rawStadtteile.gapKm2)}, overlap ${m2(tiling.rawStadtteile.overlapKm2)}`,
					ratio: '—',
					target: `no gap or overlap (≤ ${m2(TILING_TOLERANCE_KM2)})`,
					pass: tiles(tiling.stadtteile) && tiles(tiling.ortschaften),
					note: `served Stadtteile against the city outline (tilingReport, geodesic); baseline: the raw cells; Ortschaften: gap ${m2(tiling.ortschaften.gapKm2)}, overlap ${m2(tiling.ortschaften.overlapKm2)}`
				},
				{
					figure: 'payload: catchment rings of the default view',
					value: kb(served.get(CATCHMENTS)!.body.length),
					baseline: '—',
					ratio: '—',
					target: '—',
					pass: null,
					note: `${encoding}; not in the geometry figure: rings are buffers computed per request, not simplified cells; ${catchmentsRounded.bytes < served.get(CATCHMENTS)!.body.length ? `their coordinates are sent unrounded, rounded to 6 decimals (≈ 0.1 m) they would be ${kb(catchmentsRounded.bytes)}` : 'their coordinates are already sent rounded to 6 decimals (≈ 0.1 m)'}`
				}
			],
			encoding,
			served: servedBytes,
			raw: rawBytes,
			rawReproducesServed,
			tiling,
			vertices,
			catchments: { served: served.get(CATCHMENTS)!.body.length, rounded6: catchmentsRounded.bytes }
		};
		return result;
	} finally {
		server.child.kill();
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const result = await benchPayload();
	console.log(process.argv.includes('--json') ? JSON.stringify(result) : result.rows.map((r) => `${r.figure}: ${r.value} vs ${r.baseline} = ${r.ratio} (target ${r.target}); ${r.note}`).join('\n'));
}
