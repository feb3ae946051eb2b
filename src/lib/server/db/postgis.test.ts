// Geometry in a real PostGIS cluster: what a version writes (both reference systems, indexes, areas
// in m²), sharing of unchanged geometry between versions, the bbox pages against the in-memory OGC
// path, and ST_AsMVT tiles against geojson-vt's. Skipped with a hint where PostgreSQL is missing.
import { VectorTile } from '@mapbox/vector-tile';
import { bbox as turfBbox } from '@turf/bbox';
import GeoJSONVT from 'geojson-vt';
import { PbfReader } from 'pbf';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Derived } from '$lib/data/derived';
import { hasPostgres, PG_INSTALL, pgRequired, startCluster, type PgCluster } from '../../../../tests/postgres';
import { filterByBbox, paginate, type ItemsQuery } from '../ogc/items';
import type { FlatFeature } from '../ogc/properties';
import { indexStore, readDerivedDir, type Store } from '../store';
import { TILE_TOLERANCE, tileResponse, tileTolerance } from '../tiles';
import { publicStore } from '../visibility';
import {
	backfillGeometry,
	layerIds,
	layerPage,
	POINT_LAYERS,
	POSTGIS_MIGRATION,
	serveSpatialIndex,
	tile,
	writeVersionGeometry,
	type LayerRef
} from './postgis';
import { PostgresBackend } from './postgres';

describe('PostgreSQL is available where it must be', () => {
	it.runIf(pgRequired)('PostgreSQL with PostGIS is installed (CI)', () => {
		expect(hasPostgres, PG_INSTALL).toBe(true);
	});
});

// A cluster shared by the file; queries on a loaded two-core machine get a minute, not the unit default of 5 s.
describe.skipIf(!hasPostgres)('PostGIS geometry of the versions', { timeout: 60_000 }, () => {
	let cluster: PgCluster;
	let sql: postgres.Sql;
	const derived: Derived = readDerivedDir('derived');
	const finest = derived.profile.levels[0].id;

	beforeAll(async () => {
		cluster = await startCluster();
		sql = postgres(cluster.url, { max: 4, onnotice: () => {} });
		await sql.unsafe(POSTGIS_MIGRATION);
		await sql.begin((tx) => writeVersionGeometry(tx, 1, derived));
	}, 120_000);
	afterAll(async () => {
		await sql?.end();
		cluster?.remove();
	}, 60_000);

	it('stores every level, the Kontore and the facilities in EPSG:4326 and 25832, in served order', async () => {
		for (const level of derived.profile.levels) {
			const ids = await layerIds(sql, 1, { kind: 'area', layer: level.id });
			expect(ids).toEqual(derived.areas[level.id].features.map((f) => f.properties.id));
		}
		expect(await layerIds(sql, 1, { kind: 'point', layer: POINT_LAYERS.kontore })).toEqual(derived.kontore.features.map((f) => f.properties.id));
		expect(await layerIds(sql, 1, { kind: 'point', layer: POINT_LAYERS.facilities })).toHaveLength(derived.facilities.features.length);
		const srids = await sql`SELECT DISTINCT ST_SRID(geom) AS a, ST_SRID(geom_utm) AS b, GeometryType(geom) AS t FROM area_geometry WHERE version = 1`;
		expect(srids).toEqual([{ a: 4326, b: 25832, t: 'MULTIPOLYGON' }]);
		const [kontor] = await sql`SELECT ST_X(geom_utm) AS e, ST_Y(geom_utm) AS n FROM point_geometry WHERE version = 1 AND layer = 'kontore' LIMIT 1`;
		// Salzgitter lies around E 600 km, N 5780 km in UTM zone 32.
		expect(kontor.e).toBeGreaterThan(590_000);
		expect(kontor.e).toBeLessThan(620_000);
		expect(kontor.n).toBeGreaterThan(5_760_000);
		expect(kontor.n).toBeLessThan(5_800_000);
	});

	it('indexes both geometries of areas and points with GiST', async () => {
		const rows = await sql`SELECT tablename, indexdef FROM pg_indexes WHERE indexdef LIKE '%USING gist%' ORDER BY indexname`;
		const defs = rows.map((r) => `${r.tablename}: ${(r.indexdef as string).replace(/.*USING gist /, '')}`);
		expect(defs).toEqual(['geo_areas: (geom)', 'geo_areas: (geom_utm)', 'geo_points: (geom)', 'geo_points: (geom_utm)']);
	});

	it('ST_Area in EPSG:25832 gives each area the size the pipeline measured (within the projection’s 0.5 %)', async () => {
		const rows = await sql<{ id: string; m2: number }[]>`SELECT id, ST_Area(geom_utm) AS m2 FROM area_geometry WHERE version = 1`;
		const byId = new Map(rows.map((r) => [r.id, r.m2]));
		const all = derived.profile.levels.flatMap((l) => derived.areas[l.id].features);
		expect(byId.size).toBe(all.length);
		for (const f of all) {
			const km2 = byId.get(f.properties.id)! / 1e6;
			// The pipeline measures on a sphere (turf); ETRS89 / UTM 32 on the ellipsoid, with a scale of 0.9997 near 10.3° E: about 0.3 % apart.
			expect(Math.abs(km2 - f.properties.areaKm2) / f.properties.areaKm2, f.properties.id).toBeLessThan(0.005);
		}
	});

	it('a version with the same geometry shares it; a changed level gets its own set, the others stay shared', async () => {
		const count = async () => Number((await sql`SELECT count(*) AS n FROM geo_areas`)[0].n);
		const before = await count();
		await sql.begin((tx) => writeVersionGeometry(tx, 2, derived));
		expect(await count()).toBe(before);
		const moved = structuredClone(derived);
		const first = moved.areas[finest].features[0];
		first.properties = { ...first.properties, name: `${first.properties.name} (neu)` };
		await sql.begin((tx) => writeVersionGeometry(tx, 3, moved));
		expect(await count()).toBe(before + derived.areas[finest].features.length);
		const sets = await sql`SELECT version, layer, set_id FROM geo_version_layers WHERE kind = 'area' ORDER BY layer, version`;
		const setOf = (v: number, l: string) => sets.find((r) => r.version === v && r.layer === l)!.set_id;
		expect(setOf(3, finest)).not.toBe(setOf(1, finest));
		for (const l of derived.profile.levels.slice(1)) expect(setOf(3, l.id)).toBe(setOf(1, l.id));
		const [row] = await sql`SELECT props->>'name' AS name FROM area_geometry WHERE version = 3 AND id = ${first.properties.id} AND level = ${finest}`;
		expect(row.name).toBe(first.properties.name);
	});

	it('a failed insert leaves no geometry behind', async () => {
		await expect(
			sql.begin(async (tx) => {
				await writeVersionGeometry(tx, 9, derived);
				throw new Error('the version insert failed');
			})
		).rejects.toThrow('the version insert failed');
		expect(await layerIds(sql, 9, { kind: 'area', layer: finest })).toBeNull();
	});

	it('the backfill writes the versions without geometry, and only those', async () => {
		const loaded: number[] = [];
		const wrote = await backfillGeometry(sql, [1, 2, 4, 5], async (v) => (loaded.push(v), derived));
		expect(wrote).toBe(2);
		expect(loaded).toEqual([4, 5]);
		expect(await layerIds(sql, 5, { kind: 'area', layer: finest })).toHaveLength(derived.areas[finest].features.length);
		expect(await backfillGeometry(sql, [1, 4, 5], async () => derived)).toBe(0);
	});

	describe('the PostgreSQL store writes the geometry with each version', () => {
		const files = new Map([['profil.json', '{}']]);
		const newVersion = (summary: string) => ({ createdBy: 'test', kind: 'seed' as const, summary, basedOn: null, files, derived });

		it('in the commit’s transaction, in migrations for versions stored before, and when a dump is loaded', async () => {
			const store = new PostgresBackend(cluster.database('store'));
			const copy = new PostgresBackend(cluster.database('copy'));
			try {
				await store.migrate();
				const id = (await store.commitVersion(newVersion('eins')))!;
				expect(await layerIds(store.sql, id, { kind: 'area', layer: finest })).toHaveLength(derived.areas[finest].features.length);
				// A commit that fails writes no geometry either.
				await expect(
					store.commitVersion(newVersion('zwei'), {
						beforeCommit: () => {
							throw new Error('killed');
						}
					})
				).rejects.toThrow('killed');
				expect(await store.sql`SELECT DISTINCT version FROM geo_version_layers`).toEqual([{ version: id }]);
				// A version stored before the geometry schema: its rows are gone, the next start writes them.
				await store.sql`DELETE FROM geo_version_layers WHERE version = ${id}`;
				await store.migrate();
				expect(await layerIds(store.sql, id, { kind: 'point', layer: POINT_LAYERS.kontore })).toHaveLength(derived.kontore.features.length);
				await copy.migrate();
				await copy.load(await store.dump());
				expect(await layerIds(copy.sql, id, { kind: 'area', layer: finest })).toEqual(derived.areas[finest].features.map((f) => f.properties.id));
			} finally {
				await store.close();
				await copy.close();
			}
		});
	});

	describe('bbox and paging as queries give the in-memory answer', () => {
		// The in-memory filter reads only geometry, so the derived features stand in for the OGC ones.
		const flat = (features: { properties: { id: string } }[]) => features as unknown as FlatFeature[];
		const layers: [string, LayerRef, FlatFeature[]][] = [
			...derived.profile.levels.map((l): [string, LayerRef, FlatFeature[]] => [l.id, { kind: 'area', layer: l.id }, flat(derived.areas[l.id].features)]),
			['kontore', { kind: 'point', layer: POINT_LAYERS.kontore }, flat(derived.kontore.features)],
			['facilities', { kind: 'point', layer: POINT_LAYERS.facilities }, flat(derived.facilities.features)]
		];
		const [w, s, e, n] = turfBbox(derived.areas[derived.profile.levels.at(-1)!.id]);
		const mid = [(w + e) / 2, (s + n) / 2];
		const boxes: ItemsQuery['bbox'][] = [
			null,
			[w - 1, s - 1, e + 1, n + 1],
			[w, s, mid[0], mid[1]],
			[mid[0], mid[1], e, n],
			[mid[0] - 0.02, mid[1] - 0.02, mid[0] + 0.02, mid[1] + 0.02],
			[mid[0], s - 1, mid[0] + 1e-6, n + 1],
			[0, 0, 1, 1],
			// Across the antimeridian: from 170° E eastward round to the city's middle.
			[170, s, mid[0], n]
		];
		const pages: [number, number][] = [
			[10, 0],
			[1, 3],
			[7, 7],
			[1000, 0],
			[5, 400]
		];
		it.each(layers)('%s', async (_, ref, features) => {
			const extents = features.map((f) => turfBbox(f) as number[]);
			for (const box of boxes)
				for (const [limit, offset] of pages) {
					const memory = paginate(filterByBbox(features, extents, box), { limit, offset });
					const page = await layerPage(sql, 1, ref, box, limit, offset);
					const label = `bbox ${box} limit ${limit} offset ${offset}`;
					expect(page!.numberMatched, label).toBe(memory.numberMatched);
					expect(
						page!.ords.map((i) => features[i].properties.id),
						label
					).toEqual(memory.features.map((f) => f.properties.id));
				}
		});
		it('a version without stored geometry answers null, so the caller serves from memory', async () => {
			expect(await layerPage(sql, 77, { kind: 'area', layer: finest }, null, 10, 0)).toBeNull();
		});
	});

	describe('ST_AsMVT tiles', () => {
		const level = finest;
		const features = derived.areas[level].features;
		const index = new GeoJSONVT({ type: 'FeatureCollection', features } as never, { maxZoom: 14, extent: 4096, buffer: 64, generateId: true, indexMaxZoom: 5 });
		const tileOf = (lon: number, lat: number, z: number) => {
			const x = Math.floor(((lon + 180) / 360) * 2 ** z);
			const r = (lat * Math.PI) / 180;
			const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
			return [x, y];
		};
		const [w, s, e, n] = turfBbox(derived.areas[derived.profile.levels.at(-1)!.id]);
		const boxes = features.map((f) => turfBbox(f));
		/** A feature's bounding box in the tile's own units (0 to 4096 across the tile, y down). */
		const inTile = (i: number, z: number, x: number, y: number) => {
			const px = (lon: number) => (((lon + 180) / 360) * 2 ** z - x) * 4096;
			const py = (lat: number) => {
				const r = (lat * Math.PI) / 180;
				return (((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z - y) * 4096;
			};
			const [bw, bs, be, bn] = boxes[i];
			return { x0: px(bw), x1: px(be), y0: py(bn), y1: py(bs) };
		};
		/**
		 * The two cutters agree on every feature that reaches into the tile itself; they may differ on
		 * one that only touches its buffer (each has its own rule for a sliver clipped to a line there),
		 * and neither may carry one beyond the buffer.
		 */
		const expectSameFeatures = (ours: number[], theirs: number[], [z, x, y]: [number, number, number], at: string) => {
			const reaches = (i: number, margin: number) => {
				const b = inTile(i, z, x, y);
				return b.x1 > -margin && b.x0 < 4096 + margin && b.y1 > -margin && b.y0 < 4096 + margin;
			};
			const inside = (ids: number[]) => ids.filter((i) => reaches(i, -1)).sort((a, b) => a - b);
			expect(inside(ours), at).toEqual(inside(theirs));
			for (const i of [...ours, ...theirs]) expect(reaches(i, 64 + 1), `${at}: feature ${i} beyond the buffer`).toBe(true);
		};

		it('carry the layer named by the level, numeric ids by position and no properties, as geojson-vt does', async () => {
			let compared = 0;
			for (const z of [9, 11, 12]) {
				const [x0, y0] = tileOf(w, n, z);
				const [x1, y1] = tileOf(e, s, z);
				for (let x = x0; x <= x1; x++)
					for (let y = y0; y <= y1; y++) {
						const bytes = await tile(sql, 1, level, z, x, y);
						const vt = new VectorTile(new PbfReader(bytes!));
						const layer = vt.layers[level];
						const ours = layer ? Array.from({ length: layer.length }, (_, i) => layer.feature(i)) : [];
						const theirs = index.getTile(z, x, y)?.features ?? [];
						const at = `tile ${z}/${x}/${y}`;
						expectSameFeatures(
							ours.map((f) => Number(f.id)),
							theirs.map((f) => Number(f.id)),
							[z, x, y],
							at
						);
						for (const f of ours) {
							expect(f.properties, at).toEqual({});
							expect(features[Number(f.id)], at).toBeDefined();
							expect(f.type, at).toBe(3);
						}
						if (layer) expect(layer.extent).toBe(4096);
						compared += ours.length;
					}
			}
			expect(compared).toBeGreaterThan(features.length);
		});

		it("simplify outlines by geojson-vt's tolerance at the tile's zoom, keeping every area, and keep every vertex at the deepest zoom", async () => {
			const districts = 'stadtteil';
			const vtIndex = new GeoJSONVT({ type: 'FeatureCollection', features: derived.areas[districts].features } as never, {
				maxZoom: 14,
				extent: 4096,
				buffer: 64,
				generateId: true,
				tolerance: TILE_TOLERANCE
			});
			const read = (bytes: Uint8Array) => {
				const layer = new VectorTile(new PbfReader(bytes)).layers[districts];
				const list = layer ? Array.from({ length: layer.length }, (_, i) => layer.feature(i)) : [];
				return { ids: list.map((f) => Number(f.id)).sort((a, b) => a - b), vertices: list.reduce((n, f) => n + f.loadGeometry().flat().length, 0) };
			};
			for (const z of [9, 11]) {
				const [x0, y0] = tileOf(w, n, z);
				const [x1, y1] = tileOf(e, s, z);
				let [full, simple, theirs] = [0, 0, 0];
				for (let x = x0; x <= x1; x++)
					for (let y = y0; y <= y1; y++) {
						const all = read((await tile(sql, 1, districts, z, x, y))!);
						const simplified = read((await tile(sql, 1, districts, z, x, y, TILE_TOLERANCE))!);
						expect(simplified.ids, `tile ${z}/${x}/${y}`).toEqual(all.ids);
						full += all.vertices;
						simple += simplified.vertices;
						theirs += (vtIndex.getTile(z, x, y)?.features ?? []).reduce((k, f) => k + (f.geometry as unknown as number[][][]).flat().length, 0);
					}
				// Fewer vertices than the outlines on the tile's grid, about as many as geojson-vt keeps (at
				// zoom 9: 660 on the grid, 409 simplified, geojson-vt 417; at zoom 11: 737, 642 and 636).
				expect(simple, `zoom ${z}`).toBeLessThan(full * (z === 9 ? 0.7 : 0.95));
				expect(simple, `zoom ${z}`).toBeLessThan(theirs * 1.25);
				expect(simple, `zoom ${z}`).toBeGreaterThan(theirs * 0.8);
			}
			// The deepest zoom: the endpoint asks for no simplification there.
			const [x, y] = tileOf((w + e) / 2, (s + n) / 2, 14);
			serveSpatialIndex(sql);
			try {
				const res = await tileResponse(new Request('http://localhost/'), indexStore(derived, 5, 1), districts, '14', String(x), String(y));
				expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array((await tile(sql, 1, districts, 14, x, y))!));
			} finally {
				serveSpatialIndex(null);
			}
		});

		it('the tiles endpoint serves ST_AsMVT where PostgreSQL is the store, geojson-vt where not, and 404 for a withheld level', async () => {
			const [x, y] = tileOf((w + e) / 2, (s + n) / 2, 12);
			const body = async (store: Store) => {
				const res = await tileResponse(new Request('http://localhost/'), store, level, '12', String(x), String(y));
				expect(res.status).toBe(200);
				return new Uint8Array(await res.arrayBuffer());
			};
			const fromPostgis = new Uint8Array((await tile(sql, 1, level, 12, x, y, tileTolerance(indexStore(derived, 5, 1), level)))!);
			// Each store has its own version id, so the endpoint's cache of encoded tiles holds each one apart.
			serveSpatialIndex(sql);
			try {
				expect(await body(indexStore(derived, 5, 1))).toEqual(fromPostgis);
				// A version the database holds no geometry for is cut in memory.
				const memory = await body(indexStore(derived, 5, 88));
				expect(memory).not.toEqual(fromPostgis);
				const ids = (bytes: Uint8Array) => {
					const layer = new VectorTile(new PbfReader(bytes)).layers[level];
					return Array.from({ length: layer.length }, (_, i) => Number(layer.feature(i).id));
				};
				expectSameFeatures(ids(memory), ids(fromPostgis), [12, x, y], `tile 12/${x}/${y}`);
				const internal = structuredClone(derived);
				internal.profile.levels[0] = { ...internal.profile.levels[0], visibility: 'internal' };
				await expect(
					tileResponse(new Request('http://localhost/'), publicStore(indexStore(internal, 5, 1)), level, '12', String(x), String(y))
				).rejects.toThrow();
			} finally {
				serveSpatialIndex(null);
			}
			expect(await body(indexStore(derived, 5, 2))).not.toEqual(fromPostgis);
		});

		it('an empty tile is empty, a version without geometry null', async () => {
			expect((await tile(sql, 1, level, 12, 0, 0))!.byteLength).toBe(0);
			expect(await tile(sql, 77, level, 12, 0, 0)).toBeNull();
		});
	});
});
