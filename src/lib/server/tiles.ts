// Vector tiles of a level's areas (issue #21): a geojson-vt index per data version, audience and
// level, built on the first request for it, and each tile encoded once (vt-pbf) and compressed once.
// Large levels are drawn from these tiles, coloured by the values endpoint (levelValues.ts).
import { brotliCompressSync, gzipSync } from 'node:zlib';
import GeoJSONVT from 'geojson-vt';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { LRUCache } from 'lru-cache';
import { fromGeojsonVt } from 'vt-pbf';
import { brotliAsync, brotliOptions, gzipAsync } from './compress';
import { API_HEADERS, ProblemError } from './http';
import { matches, negotiateEncoding } from './negotiation';
import type { Store } from './store';
import { postgisTile } from './db/postgisServed';

/** Deepest zoom the server cuts; MapLibre draws deeper zooms from these tiles (overzoom). */
export const TILE_MAX_ZOOM = 14;
export const MVT_TYPE = 'application/vnd.mapbox-vector-tile';
/** Tiles change only with the data; like the API, clients revalidate cheaply by ETag. */
const TILE_CACHE_CONTROL = 'public, max-age=300, must-revalidate';

type AreaGeometry = Polygon | MultiPolygon;

/**
 * The features of a level as the tiles carry them: geometry and a numeric id, the area's index in
 * the level (MapLibre's feature-state needs a number), in the order the values endpoint lists the
 * areas' ids and values (levelValues.ts): the map reads an area's id, name and value from there.
 * No properties: with the ids and names of its 4,425 cells the 100 m grid's zoom-8 tile was
 * 422 KB (60 KB br), without them it is 95 KB (25 KB br), and vt-pbf writes no tag tables.
 */
export function tileFeatures(store: Store, level: string): FeatureCollection<AreaGeometry, Record<string, never>> {
	return {
		type: 'FeatureCollection',
		features: store.areasByLevel[level].map((f, i): Feature<AreaGeometry, Record<string, never>> => ({
			type: 'Feature',
			id: i,
			geometry: f.geometry,
			properties: {}
		}))
	};
}

const indexes = new WeakMap<Store, Map<string, GeoJSONVT>>();

/**
 * geojson-vt's simplification tolerance, in tile units of its 4096 (MapLibre draws a vector tile
 * 512 px wide, so 8 units are one pixel): outlines stay within a pixel of their place at the tile's
 * zoom, the deepest zoom keeps every vertex. geojson-vt's default of 3 (0.4 px) made the six zoom-8
 * tiles of VG250's first view 194 KB br; at 8 they are 122 KB.
 */
export const TILE_TOLERANCE = 8;
/**
 * A grid's cells are squares, four corners with nothing to take away. The shipped city's view at
 * zoom 10 draws zoom 9's tiles, where a 100 m cell is 0.7 px wide: a pixel's tolerance flattened
 * every cell and the grid vanished from the map. geojson-vt's default keeps them.
 */
export const GRID_TILE_TOLERANCE = 3;

/** A level's simplification tolerance in tile units, for geojson-vt and ST_AsMVT alike. */
export const tileTolerance = (store: Store, level: string) => (store.levelInfos.some((l) => l.id === level && l.grid) ? GRID_TILE_TOLERANCE : TILE_TOLERANCE);

/**
 * The tile index of a level in this view of the data (null for a level the view has no areas of:
 * unknown, or internal and withheld). Stores are made once per version and audience (store.ts,
 * visibility.ts), so keying by the store keys by both; an old version's indexes go with it.
 */
export function tileIndex(store: Store, level: string): GeoJSONVT | null {
	if (!store.areasByLevel[level]?.length) return null;
	let byLevel = indexes.get(store);
	if (!byLevel) indexes.set(store, (byLevel = new Map()));
	let index = byLevel.get(level);
	if (!index) {
		// indexMaxZoom 7: the whole city at one or two tiles per zoom is cut ahead, deeper tiles on demand (and kept).
		index = new GeoJSONVT(tileFeatures(store, level), {
			maxZoom: TILE_MAX_ZOOM,
			indexMaxZoom: 7,
			indexMaxPoints: 10_000,
			tolerance: tileTolerance(store, level),
			buffer: 64
		});
		byLevel.set(level, index);
	}
	return index;
}

interface EncodedTile {
	identity: Buffer;
	gzip?: Buffer;
	br?: Buffer;
}

/** Encoded tiles, with their compressed forms, across levels and versions; bounded in bytes. */
const tileBodies = new LRUCache<string, EncodedTile>({
	max: 20_000,
	maxSize: 64 * 1024 * 1024,
	sizeCalculation: (t) => t.identity.length + (t.gzip?.length ?? 0) + (t.br?.length ?? 0) || 1
});

/**
 * Brotli's quality for a tile of `bytes`: 6 for the usual tile, 4 for the few large ones, on the
 * request that cuts them. Germany's 11,299 municipalities at zoom 5 make a tile of 484 KB: quality 6
 * compresses it in 100 ms to 263 KB, quality 4 in 15 ms to 286 KB (9 % more); below 64 KB both take
 * a millisecond or two.
 */
export const tileBrotliQuality = (bytes: number) => (bytes > 64 * 1024 ? 4 : 6);

/**
 * Tiles up to this size are compressed in the request's own turn, in a few milliseconds (quality 4
 * above 64 KB): handed to libuv's thread pool, the answer came back 10–30 ms later on a two-core
 * server (measured on the 100 m grid's tiles). Larger ones, a large level's lowest zooms, go to the
 * pool, so the event loop stays free for other requests meanwhile.
 */
const COMPRESS_IN_TURN_MAX = 256 * 1024;

function compress(bytes: Buffer, encoding: 'br' | 'gzip'): Buffer | Promise<Buffer> {
	const inTurn = bytes.length <= COMPRESS_IN_TURN_MAX;
	if (encoding === 'gzip') return inTurn ? gzipSync(bytes, { level: 6 }) : gzipAsync(bytes, { level: 6 });
	const options = brotliOptions(bytes.length, tileBrotliQuality(bytes.length));
	return inTurn ? brotliCompressSync(bytes, options) : brotliAsync(bytes, options);
}

/** Whole numbers in range, written without sign or leading zeros: anything else names no tile. */
function tileCoordinates(z: string, x: string, y: string): { z: number; x: number; y: number } | null {
	if (![z, x, y].every((s) => /^(0|[1-9]\d{0,6})$/.test(s))) return null;
	const [zn, xn, yn] = [Number(z), Number(x), Number(y)];
	if (zn > TILE_MAX_ZOOM || xn >= 2 ** zn || yn >= 2 ** zn) return null;
	return { z: zn, x: xn, y: yn };
}

function cutInMemory(store: Store, level: string, at: { z: number; x: number; y: number }): Uint8Array {
	const cut = tileIndex(store, level)!.getTile(at.z, at.x, at.y);
	if (!cut || cut.features.length === 0) return new Uint8Array(0);
	return fromGeojsonVt({ [level]: cut } as unknown as Parameters<typeof fromGeojsonVt>[0], { version: 2 });
}

/** The ETag of every tile of a level in one view of one data version: known before any tile is cut. */
export const tileEtag = (store: Store, level: string) => `"t${store.version}-${store.audience}-${level}"`;

/**
 * The answer to /tiles/{level}/{z}/{x}/{y}.mvt: the tile (vt-pbf, layer named by the level id),
 * compressed as the request accepts; 304 for a current ETag, 204 for a tile without areas, and a
 * problem (404) for an unknown or withheld level or a tile outside the pyramid.
 */
export async function tileResponse(request: Request, store: Store, level: string, z: string, x: string, y: string): Promise<Response> {
	if (!store.areasByLevel[level]?.length) {
		throw new ProblemError(404, { title: 'problem.level', detail: 'problem.level.detail', params: { level: level.slice(0, 60) }, parameter: 'level' });
	}
	const at = tileCoordinates(z, x, y);
	if (!at) throw new ProblemError(404, { title: 'tiles.outside', detail: 'tiles.outside.detail', params: { z, x, y, max: TILE_MAX_ZOOM } });
	const etag = tileEtag(store, level);
	const encoding = negotiateEncoding(request.headers.get('accept-encoding'));
	const taggedEtag = encoding === 'identity' ? etag : `${etag.slice(0, -1)}-${encoding}"`;
	const headers: Record<string, string> = { etag: taggedEtag, 'cache-control': TILE_CACHE_CONTROL, ...API_HEADERS };
	if (matches(request.headers.get('if-none-match'), taggedEtag)) return new Response(null, { status: 304, headers });

	const key = `${store.version}/${store.audience}/${level}/${at.z}/${at.x}/${at.y}`;
	let tile = tileBodies.get(key);
	if (!tile) {
		// With PostgreSQL as the store ST_AsMVT cuts it (same layer, ids and properties), else geojson-vt in memory.
		// The deepest zoom keeps every vertex, as geojson-vt does at its maxZoom.
		const tolerance = at.z >= TILE_MAX_ZOOM ? 0 : tileTolerance(store, level);
		const bytes = (await postgisTile(store, level, at.z, at.x, at.y, tolerance)) ?? cutInMemory(store, level, at);
		if (!bytes.length) return new Response(null, { status: 204, headers });
		tile = { identity: Buffer.from(bytes) };
	}
	let body = tile.identity;
	if (encoding !== 'identity') body = tile[encoding] ??= await compress(tile.identity, encoding);
	// Stored after compressing, so the byte limit counts the encoding too.
	tileBodies.set(key, tile);
	headers['content-type'] = MVT_TYPE;
	if (encoding !== 'identity') headers['content-encoding'] = encoding;
	headers['content-length'] = String(body.length);
	return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}
