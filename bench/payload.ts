// Payload: the compressed bytes the geometry adds to what the atlas's default view (/) transfers,
// against the raw source GeoJSON of the same geometry compressed the same way; and whether the
// geometry as the client decodes it still tiles (shared borders, no gaps or overlaps).
//
// "The bytes the geometry adds" are marginal bytes: compressed(page) − compressed(the same page
// with every geometry taken out, all properties kept). The page is the HTML of / as served for
// Accept-Encoding "br, gzip" (SvelteKit inlines the load's responses, geometry included), plus
// any area-geometry request the page makes after load in Chromium (counted, expected none). The
// baseline is the same page with the geometry responses replaced by GeoJSON with the raw geometry
// (Stadtteil cells before simplification, recomputed from geodata/ as the pipeline does;
// Ortschaften as their unions; the neighbouring districts and the city outline as read), minus the
// same with the geometry taken out.
// Both are compressed by the server's own page compression (src/lib/server/compress.ts), so
// names, ids and figures count on neither side.
// `npx tsx bench/payload.ts [--json]`
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { featureCollection } from '@turf/helpers';
import { rewind } from '@turf/rewind';
import { union } from '@turf/union';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { loadAtlasView } from '../src/lib/client/atlasView';
import { CONTEXT_TOLERANCE_M, SIMPLIFY_TOLERANCE_M } from '../src/lib/data/pipeline';
import { Gebiete, KoordinateRow, parseCsv, parseJson, StadtteilRow, type Parsed } from '../src/lib/data/sources';
import { stadtteilCells } from '../src/lib/geo/cells';
import { simplifyWithSurroundings } from '../src/lib/geo/simplify';
import { tilingReport, type TilingReport } from '../src/lib/geo/tiling';
import { compressResponse } from '../src/lib/server/compress';
import { launchChromium } from '../tests/chromium';
import { startServer } from '../tests/global-setup';
import { carriesAreaGeometry, inlinedFetches, withBodies, withoutGeometry, withScripts } from './inlined';
import { getRaw, type RawAnswer } from './http';
import { kb, percent, type BenchRow } from './lib';

type Areas = FeatureCollection<Polygon | MultiPolygon, { id: string; parent: string | null; kind?: string }>;

const ACCEPT = 'br, gzip';
/** The public GeoJSON of the geometry the atlas shows: the baseline's form, and the properties. */
const GEOJSON = ['/api/areas?level=stadtteil', '/api/areas?level=ortschaft', '/api/context'] as const;
const CATCHMENTS = '/api/catchments?mode=rings&distances=500,1000,1500';
/** Requests for area geometry the page might make after load. */
const GEOMETRY_REQUEST = /^\/api\/(areas|context|atlas)\b/;
/** Gaps and overlaps below this are float round-off (the city has ~224 km²), not a broken border. */
const TILING_TOLERANCE_KM2 = 0.001;

export interface PayloadResult {
	rows: BenchRow[];
	encoding: string;
	/** The page as sent, and its compressed marginal geometry bytes; the same for the baseline page. */
	page: { identity: number; sent: number; gzip: number; geometry: number; withoutGeometry: number; inlined: string[] };
	baseline: { page: number; geometry: number; withoutGeometry: number };
	/** Area-geometry requests Chromium made after loading /, with their compressed bytes. */
	afterLoad: { url: string; bytes: number }[];
	/** simplifyTiling(raw cells) gives exactly the served Stadtteil geometry: raw is what the pipeline had. */
	rawReproducesServed: boolean;
	tiling: { stadtteile: TilingReport; ortschaften: TilingReport; rawStadtteile: TilingReport; againstSource: TilingReport };
	vertices: { raw: number; served: number; outline: number; contextRaw: number; contextServed: number };
	catchments: { served: number; rounded6: number };
}

/** The bytes as sent (fetch would decode them), with their content-encoding. */
async function getSent(url: string, acceptEncoding = ACCEPT): Promise<RawAnswer> {
	const answer = await getRaw(url, { acceptEncoding });
	if (answer.status !== 200) throw new Error(`${url}: ${answer.status}`);
	return answer;
}

const decodeText = (r: { body: Buffer; encoding: string }) =>
	(r.encoding === 'br' ? brotliDecompressSync(r.body) : r.encoding === 'gzip' ? gunzipSync(r.body) : r.body).toString('utf8');
const decode = (r: { body: Buffer; encoding: string }) => JSON.parse(decodeText(r));

/** A page compressed exactly as the server compresses pages (the same function), for the same Accept-Encoding. */
async function compressPage(html: string, acceptEncoding = ACCEPT): Promise<{ bytes: number; encoding: string }> {
	const page = new Response(html, { headers: { 'content-type': 'text/html', etag: '"bench"', 'x-sveltekit-page': 'true' } });
	const res = await compressResponse(new Request('http://bench/', { headers: { 'accept-encoding': acceptEncoding } }), page);
	return { bytes: (await res.arrayBuffer()).byteLength, encoding: res.headers.get('content-encoding') ?? 'identity' };
}

/** JSON compressed as respond() does it, for the catchment row. */
async function compressJson(body: unknown): Promise<number> {
	const { respond } = await import('../src/lib/server/http');
	return (await respond(new Request('http://bench/', { headers: { 'accept-encoding': ACCEPT } }), JSON.stringify(body), 'application/geo+json').arrayBuffer())
		.byteLength;
}

/** Loads / in Chromium until the map is idle and returns the area-geometry requests it made. */
async function geometryRequestsAfterLoad(base: string): Promise<string[]> {
	const browser = await launchChromium();
	try {
		const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
		const urls: string[] = [];
		page.on('request', (r) => {
			const u = new URL(r.url());
			if (GEOMETRY_REQUEST.test(u.pathname)) urls.push(u.pathname + u.search);
		});
		await page.goto(base + '/');
		await page.waitForSelector('[data-map-idle]', { timeout: 30_000 });
		return urls;
	} finally {
		await browser.close();
	}
}

/** A fetch answering from the page's inlined responses, as SvelteKit's client does on hydration; anything else goes to the server. */
function inlinedFetch(html: string, base: string): typeof fetch {
	const byUrl = new Map(inlinedFetches(html).map((s) => [s.url, s.payload]));
	return (async (input: RequestInfo | URL) => {
		const url = String(input);
		const p = byUrl.get(url);
		return p ? new Response(p.body, { status: p.status, statusText: p.statusText, headers: p.headers }) : fetch(base + url);
	}) as typeof fetch;
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
	const seeds = new Map(
		rows(parseCsv(text('stadtteile_koordinaten.csv'), 'stadtteile_koordinaten.csv', KoordinateRow), 'stadtteile_koordinaten.csv').map((r) => [
			r.stadtteil_id,
			r
		])
	);
	const outline = rewind((JSON.parse(text('salzgitter_outline.geojson')) as FeatureCollection).features[0] as Feature<Polygon | MultiPolygon>) as Feature<
		Polygon | MultiPolygon
	>;
	const known = stadtteile.filter((s) => s.flaeche_km2 !== null);
	const restShare = (stadt.flaecheKm2 - known.reduce((s, x) => s + x.flaeche_km2!, 0)) / Math.max(1, stadtteile.length - known.length);
	const fit = stadtteilCells(
		outline,
		stadtteile.map((s) => ({
			id: s.stadtteil_id,
			lon: seeds.get(s.stadtteil_id)!.lon,
			lat: seeds.get(s.stadtteil_id)!.lat,
			targetKm2: s.flaeche_km2 ?? Math.max(restShare, 0.1)
		}))
	);
	const context = JSON.parse(text('context_kreise.geojson')) as FeatureCollection<Polygon | MultiPolygon>;
	return { cells: fit.cells, outline, context };
}

/** A (multi)polygon without its holes. */
function exteriors(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
	return g.type === 'Polygon' ? { type: 'Polygon', coordinates: [g.coordinates[0]] } : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => [p[0]]) };
}

function countVertices(fc: FeatureCollection<Polygon | MultiPolygon>): number {
	return fc.features.reduce(
		(n, f) => n + (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat().reduce((m, ring) => m + ring.length - 1, 0),
		0
	);
}

const round6 = (v: unknown): unknown => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : Array.isArray(v) ? v.map(round6) : v);

export async function benchPayload(): Promise<PayloadResult> {
	const server = await startServer();
	try {
		const sent = await getSent(server.url + '/');
		const encoding = sent.encoding;
		const html = decodeText(sent);
		const identity = (await getSent(server.url + '/', 'identity')).body.length;
		const gzip = (await getSent(server.url + '/', 'gzip')).body.length;
		// The model of the wire must be the wire (up to the per-request nonce).
		const page = await compressPage(html);
		if (page.encoding !== encoding || Math.abs(page.bytes - sent.body.length) > 64)
			throw new Error(`the page went out as ${sent.body.length} bytes ${encoding}, compressPage gives ${page.bytes} ${page.encoding}`);

		const geometryScripts = inlinedFetches(html).filter(
			(s) => !s.url.startsWith('/api/catchments') && s.payload.status === 200 && carriesAreaGeometry(JSON.parse(s.payload.body))
		);
		if (geometryScripts.length === 0) throw new Error('no geometry inlined in the HTML of /');
		const stripped = (body: string) => JSON.stringify(withoutGeometry(JSON.parse(body)));
		const pageWithout = await compressPage(withBodies(html, new Map(geometryScripts.map((s) => [s, stripped(s.payload.body)]))));
		const afterLoad: PayloadResult['afterLoad'] = [];
		for (const url of await geometryRequestsAfterLoad(server.url)) afterLoad.push({ url, bytes: (await getSent(server.url + url)).body.length });
		const geometryBytes = page.bytes - pageWithout.bytes + afterLoad.reduce((s, r) => s + r.bytes, 0);

		const [stadtteile, ortschaften, context] = (await Promise.all(GEOJSON.map(async (path) => decode(await getSent(server.url + path))))) as Areas[];
		const { cells, outline, context: rawNeighbours } = rawCells();
		const cellById = new Map(cells.features.map((c) => [c.properties.id, c]));
		const simplified = simplifyWithSurroundings(cells, rawNeighbours, { toleranceM: SIMPLIFY_TOLERANCE_M, surroundingsToleranceM: CONTEXT_TOLERANCE_M }).tiling;
		const rawReproducesServed = stadtteile.features.every((f) => {
			const k = cells.features.findIndex((c) => c.properties.id === f.properties.id);
			return k >= 0 && JSON.stringify(simplified.features[k].geometry) === JSON.stringify(f.geometry);
		});

		// The same collections, properties and all, with the raw geometry: only the geometry differs.
		const rawStadtteile: Areas = { ...stadtteile, features: stadtteile.features.map((f) => ({ ...f, geometry: cellById.get(f.properties.id)!.geometry })) };
		const rawOrtschaften: Areas = {
			...ortschaften,
			features: ortschaften.features.map((o) => {
				const parts = rawStadtteile.features.filter((f) => f.properties.parent === o.properties.id);
				const merged = union(featureCollection(parts.map((p) => ({ type: 'Feature' as const, properties: {}, geometry: p.geometry }))));
				return { ...o, geometry: merged!.geometry };
			})
		};
		// The context as read: the neighbouring districts in source order, then the city outline.
		const neighbours = context.features.filter((f) => f.properties.kind === 'nachbarkreis');
		if (neighbours.length !== rawNeighbours.features.length)
			throw new Error(`the context serves ${neighbours.length} neighbouring districts, the source has ${rawNeighbours.features.length}`);
		const rawContext: Areas = {
			...context,
			features: context.features.map((f) => ({
				...f,
				geometry: f.properties.kind === 'nachbarkreis' ? rawNeighbours.features[neighbours.indexOf(f)].geometry : outline.geometry
			}))
		};
		const raws = [rawStadtteile, rawOrtschaften, rawContext];
		const baselinePage = await compressPage(
			withScripts(
				html,
				geometryScripts,
				raws.map((fc, k) => ({ url: GEOJSON[k], body: JSON.stringify(fc) }))
			)
		);
		const baselineWithout = await compressPage(
			withScripts(
				html,
				geometryScripts,
				raws.map((fc, k) => ({ url: GEOJSON[k], body: JSON.stringify(withoutGeometry(fc)) }))
			)
		);
		const baselineBytes = baselinePage.bytes - baselineWithout.bytes;
		const share = geometryBytes / baselineBytes;

		// The geometry as the client has it: the atlas's own load, reading the inlined responses.
		const client = await loadAtlasView(inlinedFetch(html, server.url), new URL(server.url + '/'));
		const vertices = {
			raw: countVertices(cells),
			served: countVertices(stadtteile),
			outline: countVertices(featureCollection([outline])),
			contextRaw: countVertices(rawContext),
			contextServed: countVertices(context)
		};
		// The cells tile the city as served: the served boundary's exteriors, so a hole between
		// cells counts as a gap. Against the VG250 line the simplification itself moves the edge.
		const served = client.context.features.find((f) => f.properties.kind === 'stadtgrenze');
		if (!served) throw new Error('the page carries no city boundary (context feature of kind stadtgrenze)');
		const frame: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties: {}, geometry: exteriors(served.geometry) };
		const tiling = {
			stadtteile: tilingReport(client.areasByLevel.stadtteil, frame),
			ortschaften: tilingReport(client.areasByLevel.ortschaft, frame),
			rawStadtteile: tilingReport(cells, outline),
			againstSource: tilingReport(client.areasByLevel.stadtteil, outline)
		};
		const m2 = (km2: number) => `${Math.round(km2 * 1e6)} m²`;
		const tiles = (t: TilingReport) => t.gapKm2 <= TILING_TOLERANCE_KM2 && t.overlapKm2 <= TILING_TOLERANCE_KM2;

		const catchmentsSent = await getSent(server.url + CATCHMENTS);
		const catchments = decode(catchmentsSent);
		const catchmentsRounded = await compressJson({
			...catchments,
			features: catchments.features.map((f: Feature) => ({ ...f, geometry: { ...f.geometry, coordinates: round6((f.geometry as Polygon).coordinates) } }))
		});
		const inlined = geometryScripts.map((s) => s.url);

		return {
			rows: [
				{
					figure: 'payload: geometry of the default view',
					value: kb(geometryBytes),
					baseline: kb(baselineBytes),
					ratio: percent(share),
					target: '≤ 25 %',
					pass: share <= 0.25 && rawReproducesServed,
					note: `marginal ${encoding} bytes the geometry adds to / as sent for Accept-Encoding "${ACCEPT}": the page (geometry inlined by SvelteKit from ${inlined.join(', ')}) minus the same page with every geometry taken out (geometry null; ids and properties kept), plus area-geometry requests after load in Chromium (${afterLoad.length ? afterLoad.map((r) => `${r.url} ${kb(r.bytes)}`).join(', ') : 'none'}); baseline: the same page with the geometry as GeoJSON (${GEOJSON.join(', ')}) carrying the raw geometry, minus the same without geometry: the cells before simplification (recomputed from geodata/ as the pipeline does; simplifying them reproduces the served cells: ${rawReproducesServed ? 'yes' : 'NO'}), Ortschaften as their unions, neighbouring districts and city outline as read; both compressed by the server's own page compression; the simplification at ${SIMPLIFY_TOLERANCE_M} m keeps ${vertices.served} of ${vertices.raw} cell vertices (the cells come from the ${vertices.outline}-vertex VG250 boundary and straight power-diagram borders), and of the context (neighbouring districts at ${CONTEXT_TOLERANCE_M} m, their borders with the city with the cells) ${vertices.contextServed} of ${vertices.contextRaw}`
				},
				{
					figure: 'page HTML of the default view',
					value: `${kb(sent.body.length)} ${encoding}`,
					baseline: `${kb(identity)} identity`,
					ratio: percent(sent.body.length / identity),
					target: '—',
					pass: null,
					note: `GET / as sent for Accept-Encoding "${ACCEPT}" (gzip only: ${kb(gzip)}); the HTML carries every response the load fetched`
				},
				{
					figure: 'shared borders of the geometry the client decodes',
					value: `gap ${m2(tiling.stadtteile.gapKm2)}, overlap ${m2(tiling.stadtteile.overlapKm2)}`,
					baseline: `gap ${m2(tiling.rawStadtteile.gapKm2)}, overlap ${m2(tiling.rawStadtteile.overlapKm2)}`,
					ratio: '—',
					target: `no gap or overlap (≤ ${m2(TILING_TOLERANCE_KM2)})`,
					pass: tiles(tiling.stadtteile) && tiles(tiling.ortschaften),
					note: `Stadtteile as loadAtlasView returns them from the page's inlined responses, against the served city boundary without holes (tilingReport, geodesic; outside it: ${m2(tiling.stadtteile.outsideKm2)}; against the VG250 line the simplified edge leaves ${m2(tiling.againstSource.gapKm2)} uncovered and ${m2(tiling.againstSource.outsideKm2)} outside); baseline: the raw cells against the VG250 line; Ortschaften: gap ${m2(tiling.ortschaften.gapKm2)}, overlap ${m2(tiling.ortschaften.overlapKm2)}`
				},
				{
					figure: 'payload: catchment rings of the default view',
					value: kb(catchmentsSent.body.length),
					baseline: '—',
					ratio: '—',
					target: '—',
					pass: null,
					note: `${encoding}, ${CATCHMENTS}; not in the geometry figure: rings are buffers computed per request, not simplified cells; ${catchmentsRounded < catchmentsSent.body.length ? `their coordinates are sent unrounded, rounded to 6 decimals (≈ 0.1 m) they would be ${kb(catchmentsRounded)}` : 'their coordinates are already sent rounded to 6 decimals (≈ 0.1 m)'}`
				}
			],
			encoding,
			page: { identity, sent: sent.body.length, gzip, geometry: geometryBytes, withoutGeometry: pageWithout.bytes, inlined },
			baseline: { page: baselinePage.bytes, geometry: baselineBytes, withoutGeometry: baselineWithout.bytes },
			afterLoad,
			rawReproducesServed,
			tiling,
			vertices,
			catchments: { served: catchmentsSent.body.length, rounded6: catchmentsRounded }
		};
	} finally {
		server.child.kill();
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const result = await benchPayload();
	console.log(
		process.argv.includes('--json')
			? JSON.stringify(result)
			: result.rows.map((r) => `${r.figure}: ${r.value} vs ${r.baseline} = ${r.ratio} (target ${r.target}); ${r.note}`).join('\n')
	);
}
