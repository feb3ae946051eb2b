// Geometry of every stored version in PostGIS (EPSG:4326 to serve, EPSG:25832 for areas and distances),
// with spatial indexes: the OGC API's bbox and paging as queries, and ST_AsMVT vector tiles.
import { createHash } from 'node:crypto';
import type { Sql, TransactionSql } from 'postgres';
import type { Derived } from '$lib/data/derived';
import type { Feature, Geometry } from 'geojson';

/**
 * The schema, run once by the PostgreSQL store's migrations. A version's layer (one level's areas,
 * the Kontore, the facilities) points at a geometry set named by the hash of its features: an import
 * of indicator values keeps every geometry of the version before, so it adds four small rows, not a
 * copy of ten thousand grid cells. The views give the flat per-version tables for SQL users and QGIS.
 */
export const POSTGIS_MIGRATION = `
	CREATE EXTENSION IF NOT EXISTS postgis;
	CREATE TABLE geo_sets (
		id text PRIMARY KEY,
		kind text NOT NULL CHECK (kind IN ('area', 'point')),
		count integer NOT NULL
	);
	CREATE TABLE geo_version_layers (
		version integer NOT NULL,
		kind text NOT NULL CHECK (kind IN ('area', 'point')),
		layer text NOT NULL,
		set_id text NOT NULL REFERENCES geo_sets(id),
		PRIMARY KEY (version, kind, layer)
	);
	CREATE TABLE geo_areas (
		set_id text NOT NULL REFERENCES geo_sets(id),
		ord integer NOT NULL,
		id text NOT NULL,
		props jsonb NOT NULL,
		geom geometry(MultiPolygon, 4326) NOT NULL,
		geom_utm geometry(MultiPolygon, 25832) NOT NULL,
		PRIMARY KEY (set_id, ord)
	);
	CREATE INDEX geo_areas_geom ON geo_areas USING gist (geom);
	CREATE INDEX geo_areas_geom_utm ON geo_areas USING gist (geom_utm);
	CREATE TABLE geo_points (
		set_id text NOT NULL REFERENCES geo_sets(id),
		ord integer NOT NULL,
		id text NOT NULL,
		props jsonb NOT NULL,
		geom geometry(Point, 4326) NOT NULL,
		geom_utm geometry(Point, 25832) NOT NULL,
		PRIMARY KEY (set_id, ord)
	);
	CREATE INDEX geo_points_geom ON geo_points USING gist (geom);
	CREATE INDEX geo_points_geom_utm ON geo_points USING gist (geom_utm);
	CREATE VIEW area_geometry AS
		SELECT l.version, l.layer AS level, a.ord, a.id, a.props, a.geom, a.geom_utm
		FROM geo_version_layers l JOIN geo_areas a ON a.set_id = l.set_id WHERE l.kind = 'area';
	CREATE VIEW point_geometry AS
		SELECT l.version, l.layer, p.ord, p.id, p.props, p.geom, p.geom_utm
		FROM geo_version_layers l JOIN geo_points p ON p.set_id = l.set_id WHERE l.kind = 'point';
`;

export type LayerKind = 'area' | 'point';

/** A layer of a version: a level's areas (`layer` is the level id), or the Kontore or the facilities as points. */
export interface LayerRef {
	kind: LayerKind;
	layer: string;
}

/** The point layers, named as their OGC collections. */
export const POINT_LAYERS = { kontore: 'kontore', facilities: 'einrichtungen' } as const;

type AnyFeature = Feature<Geometry, { id: string }>;

/**
 * The layers of a version, each with its features in the order the served data has them. The store
 * keeps whatever derived JSON it is given (it validates on serving): parts that are missing have no
 * layer, and a version without any answers from memory.
 */
function layersOf(derived: Partial<Derived>): (LayerRef & { features: AnyFeature[] })[] {
	const levels = derived.profile?.levels ?? [];
	const points = (layer: string, c: { features: unknown[] } | undefined) =>
		c ? [{ kind: 'point' as const, layer, features: c.features as AnyFeature[] }] : [];
	return [
		...levels.flatMap((l) => (derived.areas?.[l.id] ? [{ kind: 'area' as const, layer: l.id, features: derived.areas[l.id].features as AnyFeature[] }] : [])),
		...points(POINT_LAYERS.kontore, derived.kontore),
		...points(POINT_LAYERS.facilities, derived.facilities)
	];
}

/** Rows per INSERT: one JSON parameter each, so a 10,000-cell level takes a few statements. */
const CHUNK = 2000;

async function writeSet(tx: TransactionSql, kind: LayerKind, layer: string, features: AnyFeature[]): Promise<string> {
	const id = createHash('sha256')
		.update(JSON.stringify([kind, layer, features]))
		.digest('hex')
		.slice(0, 32);
	// Another transaction writing the same set makes this one wait for it: its rows count once it commits.
	const made = await tx`INSERT INTO geo_sets (id, kind, count) VALUES (${id}, ${kind}, ${features.length}) ON CONFLICT (id) DO NOTHING RETURNING id`;
	if (!made.length) return id;
	for (let from = 0; from < features.length; from += CHUNK) {
		const rows = JSON.stringify(features.slice(from, from + CHUNK).map((f) => ({ id: f.properties.id, props: f.properties, geometry: f.geometry })));
		if (kind === 'area')
			await tx`
				INSERT INTO geo_areas (set_id, ord, id, props, geom, geom_utm)
				SELECT ${id}, ${from} + r.n::integer - 1, r.v->>'id', r.v->'props', g.geom, ST_Transform(g.geom, 25832)
				FROM jsonb_array_elements(${rows}::text::jsonb) WITH ORDINALITY AS r(v, n),
				LATERAL (SELECT ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(r.v->'geometry'), 4326)) AS geom) g`;
		else
			await tx`
				INSERT INTO geo_points (set_id, ord, id, props, geom, geom_utm)
				SELECT ${id}, ${from} + r.n::integer - 1, r.v->>'id', r.v->'props', g.geom, ST_Transform(g.geom, 25832)
				FROM jsonb_array_elements(${rows}::text::jsonb) WITH ORDINALITY AS r(v, n),
				LATERAL (SELECT ST_SetSRID(ST_GeomFromGeoJSON(r.v->'geometry'), 4326) AS geom) g`;
	}
	return id;
}

/**
 * Writes the geometry of a version being inserted, inside the insert's transaction, so a version
 * never exists without its geometry. Writing a version twice is a no-op.
 */
export async function writeVersionGeometry(tx: TransactionSql, version: number, derived: Derived): Promise<void> {
	for (const { kind, layer, features } of layersOf(derived)) {
		const set = await writeSet(tx, kind, layer, features);
		await tx`INSERT INTO geo_version_layers (version, kind, layer, set_id) VALUES (${version}, ${kind}, ${layer}, ${set}) ON CONFLICT DO NOTHING`;
	}
}

/** Versions among `versions` that have no geometry yet (stored before this schema): the backfill's work list. */
export async function versionsWithoutGeometry(sql: Sql, versions: number[]): Promise<number[]> {
	if (!versions.length) return [];
	const have = await sql<{ version: number }[]>`SELECT DISTINCT version FROM geo_version_layers WHERE version = ANY(${versions}::integer[])`;
	const set = new Set(have.map((r) => r.version));
	return versions.filter((v) => !set.has(v));
}

/**
 * Writes the geometry of each listed version that has none, one transaction per version; `derivedOf`
 * answers null for a version it cannot read (that one is skipped: it cannot be served either).
 * Returns how many it wrote.
 */
export async function backfillGeometry(sql: Sql, versions: number[], derivedOf: (version: number) => Promise<Derived | null>): Promise<number> {
	let wrote = 0;
	for (const v of await versionsWithoutGeometry(sql, versions)) {
		const derived = await derivedOf(v);
		if (!derived) continue;
		await sql.begin((tx) => writeVersionGeometry(tx, v, derived));
		wrote++;
	}
	return wrote;
}

async function setOf(sql: Sql, version: number, ref: LayerRef): Promise<string | null> {
	const rows = await sql<
		{ set_id: string }[]
	>`SELECT set_id FROM geo_version_layers WHERE version = ${version} AND kind = ${ref.kind} AND layer = ${ref.layer}`;
	return rows[0]?.set_id ?? null;
}

/** The ids of a version's layer in served order, or null where the version has no geometry stored. */
export async function layerIds(sql: Sql, version: number, ref: LayerRef): Promise<string[] | null> {
	const set = await setOf(sql, version, ref);
	if (set === null) return null;
	const table = sql(ref.kind === 'area' ? 'geo_areas' : 'geo_points');
	const rows = await sql<{ id: string }[]>`SELECT id FROM ${table} WHERE set_id = ${set} ORDER BY ord`;
	return rows.map((r) => r.id);
}

/** [minLon, minLat, maxLon, maxLat] in CRS84; minLon > maxLon crosses the antimeridian. */
export type Bbox = [number, number, number, number];

export interface LayerPage {
	/** Positions of the page's features in the layer (the served order), ascending. */
	ords: number[];
	numberMatched: number;
}

/**
 * One page of a layer's features that intersect `bbox` (all without one), in served order: the
 * matching and counting run in PostGIS on the GiST index; the caller maps positions to its features.
 * Returns null where the version has no geometry stored.
 */
export async function layerPage(sql: Sql, version: number, ref: LayerRef, bbox: Bbox | null, limit: number, offset: number): Promise<LayerPage | null> {
	const set = await setOf(sql, version, ref);
	if (set === null) return null;
	const table = sql(ref.kind === 'area' ? 'geo_areas' : 'geo_points');
	// A box across the antimeridian is matched as its two halves, as the in-memory path does.
	const halves: Bbox[] = !bbox
		? []
		: bbox[0] <= bbox[2]
			? [bbox]
			: [
					[bbox[0], bbox[1], 180, bbox[3]],
					[-180, bbox[1], bbox[2], bbox[3]]
				];
	const within = halves.length
		? halves
				.map(
					(h) =>
						sql`(geom && ST_MakeEnvelope(${h[0]}, ${h[1]}, ${h[2]}, ${h[3]}, 4326) AND ST_Intersects(geom, ST_MakeEnvelope(${h[0]}, ${h[1]}, ${h[2]}, ${h[3]}, 4326)))`
				)
				.reduce((a, b) => sql`${a} OR ${b}`)
		: sql`true`;
	const [row] = await sql<{ matched: string; page: number[] }[]>`
		WITH m AS (SELECT ord FROM ${table} WHERE set_id = ${set} AND (${within}))
		SELECT (SELECT count(*) FROM m) AS matched,
			ARRAY(SELECT ord FROM m ORDER BY ord LIMIT ${limit} OFFSET ${offset}) AS page`;
	return { ords: row.page, numberMatched: Number(row.matched) };
}

/** The vector tile's grid: MapLibre's default extent, and geojson-vt's default buffer in the same units. */
export const TILE_EXTENT = 4096;
export const TILE_BUFFER = 64;

/** The width of the Web Mercator world in its metres (EPSG:3857). */
const WORLD_METRES = 2 * 20037508.342789244;

/** A tolerance in tile units (of TILE_EXTENT) at zoom `z`, in Web Mercator metres. */
export const tileUnitsInMetres = (units: number, z: number) => (units * WORLD_METRES) / (2 ** z * TILE_EXTENT);

/**
 * One Mapbox Vector Tile of a level's areas, built by ST_AsMVT: the layer is named by the level id,
 * each feature's id is its position in the level, without properties: the tiles the embedded store
 * cuts with geojson-vt (tiles.ts), so the map and the values request (in the same order) work with
 * either. Outlines are simplified within `tolerance` tile units at this zoom (ST_Simplify, which
 * keeps an area collapsed below it as a point's worth of outline rather than dropping it), as
 * geojson-vt does (tileTolerance in tiles.ts); a tolerance of 0 keeps every vertex (the deepest
 * zoom). Null where the version has no geometry stored; an empty tile is zero bytes.
 */
export async function tile(sql: Sql, version: number, level: string, z: number, x: number, y: number, tolerance = 0): Promise<Uint8Array | null> {
	const set = await setOf(sql, version, { kind: 'area', layer: level });
	if (set === null) return null;
	const metres = tolerance > 0 ? tileUnitsInMetres(tolerance, z) : 0;
	const [row] = await sql<{ mvt: Uint8Array }[]>`
		WITH b AS (SELECT ST_TileEnvelope(${z}, ${x}, ${y}) AS env, ST_Transform(ST_TileEnvelope(${z}, ${x}, ${y}, margin => ${TILE_BUFFER / TILE_EXTENT}), 4326) AS env4326),
		f AS (
			SELECT a.ord AS fid, ST_AsMVTGeom(ST_Simplify(ST_Transform(a.geom, 3857), ${metres}::float8, true), b.env, ${TILE_EXTENT}, ${TILE_BUFFER}, true) AS geom
			FROM geo_areas a, b
			WHERE a.set_id = ${set} AND a.geom && b.env4326
		)
		SELECT ST_AsMVT(f.*, ${level}, ${TILE_EXTENT}, 'geom', 'fid') AS mvt FROM f WHERE f.geom IS NOT NULL`;
	return row.mvt;
}

/** The queries above on one connection pool: what the OGC items path and the tiles use when PostgreSQL is the store. */
export interface SpatialIndex {
	layerIds(version: number, ref: LayerRef): Promise<string[] | null>;
	layerPage(version: number, ref: LayerRef, bbox: Bbox | null, limit: number, offset: number): Promise<LayerPage | null>;
	tile(version: number, level: string, z: number, x: number, y: number, tolerance: number): Promise<Uint8Array | null>;
}

export const spatialIndex = (sql: Sql): SpatialIndex => ({
	layerIds: (version, ref) => layerIds(sql, version, ref),
	layerPage: (version, ref, bbox, limit, offset) => layerPage(sql, version, ref, bbox, limit, offset),
	tile: (version, level, z, x, y, tolerance) => tile(sql, version, level, z, x, y, tolerance)
});

let served: SpatialIndex | null = null;

/** The PostgreSQL store names its pool here when it opens (and null when it closes); the embedded store never does. */
export function serveSpatialIndex(sql: Sql | null): void {
	served = sql ? spatialIndex(sql) : null;
}

/** The index of the store being served, or null where the store is SQLite (the OGC items and tiles then work in memory). */
export const servedSpatialIndex = (): SpatialIndex | null => served;
