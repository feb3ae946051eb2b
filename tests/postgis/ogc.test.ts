// The built server with PostgreSQL/PostGIS as its store (DATABASE_URL, a cluster of its own): OGC
// items with bbox and paging answer what the SQLite server answers, byte for byte; GDAL reads a layer
// through a bbox; vector tiles come from ST_AsMVT with the geojson-vt tiles' features; and the
// matching really runs in PostGIS. Skipped with a hint where PostgreSQL or GDAL is missing.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer } from '../global-setup';
import { hasPostgres, pgRequired, PG_INSTALL, startCluster, type PgCluster } from '../postgres';

const sqliteBase = inject('baseUrl');
const hasGdal = spawnSync('ogrinfo', ['--version'], { encoding: 'utf8' }).status === 0;
const gdalRequired = process.env.KONTORATLAS_REQUIRE_GDAL === '1';
// The servers are local; a proxy configured for the machine must not be asked for them.
const env = { ...process.env, no_proxy: '127.0.0.1,localhost', NO_PROXY: '127.0.0.1,localhost' };

describe('PostgreSQL is available where it must be', () => {
	it.runIf(pgRequired)('PostgreSQL with PostGIS is installed (CI)', () => {
		expect(hasPostgres, PG_INSTALL).toBe(true);
	});
});

describe.skipIf(!hasPostgres)('OGC API and tiles with PostgreSQL as the store', () => {
	let cluster: PgCluster;
	let server: { url: string; child: ChildProcess; output: () => string };
	let sql: postgres.Sql;

	beforeAll(async () => {
		cluster = await startCluster();
		server = await startServer({ DATABASE_URL: cluster.url });
		sql = postgres(cluster.url, { max: 2, onnotice: () => {} });
	}, 120_000);
	afterAll(async () => {
		await sql?.end();
		if (server) {
			const exited = new Promise((r) => server.child.once('exit', r));
			// SIGTERM would wait for the store's idle connections to time out (a minute); this test checks no shutdown.
			server.child.kill('SIGKILL');
			await exited;
		}
		cluster?.remove();
	}, 60_000);

	/** The answer's text with the server's own origin taken out (links are absolute). */
	const text = async (base: string, path: string) => {
		const res = await fetch(base + path);
		expect(res.status, base + path).toBe(200);
		return (await res.text()).replaceAll(base, 'ORIGIN');
	};

	// Around Salzgitter-Lebenstedt, the whole city, its south, an empty box, and pages beyond the end.
	const queries = [
		'/ogc/collections/stadtteile/items',
		'/ogc/collections/stadtteile/items?bbox=10.30,52.14,10.40,52.20&limit=5',
		'/ogc/collections/stadtteile/items?bbox=10.30,52.14,10.40,52.20&limit=5&offset=5',
		'/ogc/collections/stadtteile/items?bbox=10.2,51.9,10.6,52.3&limit=1000',
		'/ogc/collections/ortschaften/items?bbox=10.2,51.9,10.6,52.05&f=html',
		'/ogc/collections/einrichtungen/items?bbox=10.30,52.14,10.40,52.20&limit=20&offset=20',
		'/ogc/collections/kontore/items?bbox=0,0,1,1',
		'/ogc/collections/stadtteile/items?limit=3&offset=500'
	];

	it('items with bbox and paging are the SQLite server’s, byte for byte', async () => {
		for (const q of queries) expect(await text(server.url, q), q).toBe(await text(sqliteBase, q));
	});

	it('a vector tile comes from ST_AsMVT with the features geojson-vt cuts', async () => {
		const ids = async (base: string) => {
			const res = await fetch(`${base}/tiles/stadtteil/12/2165/1350.mvt`);
			expect(res.status).toBe(200);
			const layer = new VectorTile(new PbfReader(new Uint8Array(await res.arrayBuffer()))).layers.stadtteil;
			return Array.from({ length: layer.length }, (_, i) => `${layer.feature(i).id} ${JSON.stringify(layer.feature(i).properties)}`).sort();
		};
		const ours = await ids(server.url);
		expect(ours.length).toBeGreaterThan(1);
		expect(ours).toEqual(await ids(sqliteBase));
	});

	it.skipIf(!hasGdal && !gdalRequired)('GDAL reads a layer through a bbox', async () => {
		const r = spawnSync('ogrinfo', ['-ro', '-al', '-q', '-spat', '10.30', '52.14', '10.40', '52.20', `OAPIF:${server.url}/ogc`, 'stadtteile'], {
			encoding: 'utf8',
			env,
			timeout: 60_000
		});
		expect(r.status, r.stderr).toBe(0);
		const names = [...r.stdout.matchAll(/^\s+name \(String\) = (.+)$/gm)].map((m) => m[1]).sort();
		const expected = await (await fetch(`${sqliteBase}/ogc/collections/stadtteile/items?bbox=10.30,52.14,10.40,52.20&limit=1000`)).json();
		expect(names).toEqual(expected.features.map((f: { properties: { name: string } }) => f.properties.name).sort());
		expect(names.length).toBeGreaterThan(3);
		expect(names.length).toBeLessThan(31);
	});

	it('the matching runs in PostGIS: geometry moved in the database moves the answer', async () => {
		const box = '/ogc/collections/stadtteile/items?bbox=10.2,51.9,10.6,52.3&limit=1000';
		const before = JSON.parse(await text(server.url, box));
		expect(before.numberMatched).toBe(31);
		const [{ id }] = await sql`SELECT id FROM area_geometry WHERE level = 'stadtteil' ORDER BY ord LIMIT 1`;
		// Ten degrees east, out of the box: only the database knows.
		await sql`UPDATE geo_areas SET geom = ST_Translate(geom, 10, 0) WHERE id = ${id}`;
		const after = JSON.parse(await text(server.url, box));
		expect(after.numberMatched).toBe(30);
		expect(after.features.map((f: { id: string }) => f.id)).not.toContain(id);
		expect(server.output()).not.toContain('answered from memory');
	});
});
