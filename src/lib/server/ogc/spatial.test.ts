// The OGC items answer with PostGIS matching and paging equals the in-memory answer, to the byte,
// for every collection and a set of bbox/limit/offset queries, in the full and in the public view
// (a withheld level stays empty). A real cluster; skipped with a hint where PostgreSQL is missing.
import { bbox as turfBbox } from '@turf/bbox';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ogcTexts } from '$lib/i18n/ogc';
import { hasPostgres, pgRequired, PG_INSTALL, startCluster, type PgCluster } from '../../../../tests/postgres';
import { POSTGIS_MIGRATION, spatialIndex, writeVersionGeometry, type SpatialIndex } from '../db/postgis';
import { indexStore, readDerivedDir, type Store } from '../store';
import { publicStore } from '../visibility';
import { collectionsOf } from './collections';
import { itemsDocument, itemsPage } from './documents';
import { parseItemsQuery } from './items';
import { spatialItemsPage } from './spatial';

describe('PostgreSQL is available where it must be', () => {
	it.runIf(pgRequired)('PostgreSQL with PostGIS is installed (CI)', () => {
		expect(hasPostgres, PG_INSTALL).toBe(true);
	});
});

describe.skipIf(!hasPostgres)('OGC items from PostGIS', { timeout: 60_000 }, () => {
	let cluster: PgCluster;
	let sql: postgres.Sql;
	let index: SpatialIndex;
	const derived = readDerivedDir('derived');
	// The same data with its middle level internal: the public view withholds its areas.
	const internal = structuredClone(derived);
	internal.profile.levels[1] = { ...internal.profile.levels[1], visibility: 'internal' };
	const full = indexStore(derived, 5, 1);
	const withheld = publicStore(indexStore(internal, 5, 2));

	beforeAll(async () => {
		cluster = await startCluster();
		sql = postgres(cluster.url, { max: 4, onnotice: () => {} });
		await sql.unsafe(POSTGIS_MIGRATION);
		await sql.begin((tx) => writeVersionGeometry(tx, 1, derived));
		await sql.begin((tx) => writeVersionGeometry(tx, 2, internal));
		index = spatialIndex(sql);
	}, 120_000);
	afterAll(async () => {
		await sql?.end();
		cluster?.remove();
	}, 60_000);

	const [w, s, e, n] = turfBbox(derived.areas[derived.profile.levels.at(-1)!.id]);
	const queries = [
		'',
		'limit=5&offset=5',
		`bbox=${w},${s},${(w + e) / 2},${(s + n) / 2}`,
		`bbox=${(w + e) / 2},${(s + n) / 2},${e},${n}&limit=3&offset=2`,
		`bbox=${(w + e) / 2 - 0.01},${(s + n) / 2 - 0.01},${(w + e) / 2 + 0.01},${(s + n) / 2 + 0.01}&limit=1000`,
		`bbox=${w},${s},${e},${n}&limit=7&offset=1000`,
		'bbox=0,0,1,1'
	];
	const t = ogcTexts('de');
	const root = 'http://127.0.0.1/ogc';

	/** Compares every collection and query; answers how many pages PostGIS gave and how many features they held. */
	async function same(store: Store) {
		let pages = 0;
		let features = 0;
		const counting: SpatialIndex = {
			...index,
			layerPage: async (...args) => {
				const page = await index.layerPage(...args);
				if (page) pages++;
				return page;
			}
		};
		for (const c of collectionsOf(store))
			for (const raw of queries) {
				const params = new URLSearchParams(raw);
				const q = parseItemsQuery(params);
				const memory = JSON.stringify(itemsDocument(root, c, itemsPage(store, c, q), q, params, t));
				const database = JSON.stringify(itemsDocument(root, c, await spatialItemsPage(counting, store, c, q), q, params, t));
				expect(database, `${c.id}?${raw}`).toBe(memory);
				features += JSON.parse(database).numberReturned;
			}
		return { pages, features };
	}

	it('every collection and query: the same document, byte for byte, every page from PostGIS', async () => {
		const { pages, features } = await same(full);
		expect(pages).toBe(collectionsOf(full).length * queries.length);
		expect(features).toBeGreaterThan(50);
	});

	it('the public view of a version with an internal level: the same document, the level empty', async () => {
		// Every collection but the withheld level's comes from PostGIS.
		expect((await same(withheld)).pages).toBe((collectionsOf(withheld).length - 1) * queries.length);
		const level = collectionsOf(withheld).find((c) => c.layer.layer === internal.profile.levels[1].id)!;
		const page = await spatialItemsPage(index, withheld, level, parseItemsQuery(new URLSearchParams()));
		expect(page.numberMatched).toBe(0);
	});

	it('the matching runs in PostGIS: a page the database gives is the page served', async () => {
		const c = collectionsOf(full)[0];
		const q = parseItemsQuery(new URLSearchParams('limit=2&offset=1'));
		// A stand-in index that answers other positions shows which path answered.
		const fake: SpatialIndex = { ...index, layerPage: async () => ({ ords: [5, 3], numberMatched: 12 }) };
		const page = await spatialItemsPage(fake, full, c, q);
		const served = itemsPage(full, c, parseItemsQuery(new URLSearchParams('limit=1000'))).features;
		expect(page.features.map((f) => f.id)).toEqual([served[5].id, served[3].id]);
		expect(page).toMatchObject({ numberMatched: 12, numberReturned: 2, next: 3, prev: 0 });
	});

	it('a database that does not answer leaves the answer to memory', async () => {
		const broken: SpatialIndex = {
			...index,
			layerPage: async () => {
				throw new Error('connection refused');
			}
		};
		const c = collectionsOf(full)[1];
		const q = parseItemsQuery(new URLSearchParams('limit=3'));
		expect(await spatialItemsPage(broken, full, c, q)).toEqual(itemsPage(full, c, q));
	});
});
