// Vector tiles and the compact values on the shipped data (derived/ from `npm run data`): decoded with
// MapLibre's own reader, ids in level order, ETag and 304, 204 and 404, and a withheld level.
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { indexStore, readDerivedDir } from './store';
import { ProblemError } from './http';
import { tileBrotliQuality, tileResponse, TILE_MAX_ZOOM } from './tiles';
import { levelValues } from './tilesValues';
import { publicStore } from './visibility';

const base = readDerivedDir('derived');
const store = indexStore(base, 5, 3);
const level = store.finest;
const areas = store.areasByLevel[level];

/** The tile holding a point at zoom z (Web Mercator). */
function tileAt(z: number, [lon, lat]: [number, number]): [number, number] {
	const n = 2 ** z;
	const phi = (lat * Math.PI) / 180;
	return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * n)];
}
const get = (path: [number, number, number], headers: Record<string, string> = {}, s = store, l = level) =>
	tileResponse(new Request('http://x/tiles', { headers }), s, l, ...(path.map(String) as [string, string, string]));
const decode = async (res: Response) => new VectorTile(new PbfReader(new Uint8Array(await res.arrayBuffer())));

describe('vector tiles of a level', () => {
	const first = areas[0].properties;
	const [x, y] = tileAt(12, first.labelPoint);

	it('carry the level as a layer whose features are numbered by their index in the level, without properties', async () => {
		const res = await get([12, x, y]);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
		expect(res.headers.get('cache-control')).toMatch(/max-age/);
		const layer = (await decode(res)).layers[level];
		expect(layer.length).toBeGreaterThan(0);
		for (let i = 0; i < layer.length; i++) {
			const f = layer.feature(i);
			expect(Number.isInteger(f.id) && f.id! >= 0 && f.id! < areas.length).toBe(true);
			expect(f.properties).toEqual({});
		}
		// The number is the area's index: the tile under an area's label point holds its number.
		for (const i of [0, 1, Math.floor(areas.length / 2), areas.length - 1]) {
			const [tx, ty] = tileAt(12, areas[i].properties.labelPoint);
			const at = (await decode(await get([12, tx, ty]))).layers[level];
			expect(Array.from({ length: at.length }, (_, k) => at.feature(k).id)).toContain(i);
		}
	});

	it('have one ETag per data version and audience, answer a current one with 304, and compress as asked', async () => {
		const res = await get([12, x, y], { 'accept-encoding': 'br' });
		expect(res.headers.get('content-encoding')).toBe('br');
		const body = brotliDecompressSync(Buffer.from(await res.arrayBuffer()));
		expect(new VectorTile(new PbfReader(new Uint8Array(body))).layers[level].length).toBeGreaterThan(0);
		const etag = res.headers.get('etag')!;
		expect((await get([12, x, y], { 'accept-encoding': 'br', 'if-none-match': etag })).status).toBe(304);
		// Another version of the data, another tag.
		const next = await get([12, x, y], { 'accept-encoding': 'br', 'if-none-match': etag }, indexStore(base, 5, 4));
		expect(next.status).toBe(200);
		expect(next.headers.get('etag')).not.toBe(etag);
	});

	it('compress large tiles faster (quality 4) and the usual ones at quality 6, to the same tile', async () => {
		expect(tileBrotliQuality(20_000)).toBe(6);
		expect(tileBrotliQuality(64 * 1024 + 1)).toBe(4);
		// The whole level in one tile: the same bytes whichever quality compressed them.
		const [x0, y0] = tileAt(8, first.labelPoint);
		const identity = Buffer.from(await (await get([8, x0, y0], { 'accept-encoding': 'identity' })).arrayBuffer());
		const br = await get([8, x0, y0], { 'accept-encoding': 'br' });
		expect(br.headers.get('content-encoding')).toBe('br');
		expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).equals(identity)).toBe(true);
	});

	it("draw every cell of the census grid with an area in the tiles of the city's view (zoom 10 draws zoom 9's 512 px tiles: a cell is 0.7 px)", async () => {
		const grid = store.levelInfos.find((l) => l.grid)!;
		const cells = store.areasByLevel[grid.id];
		let checked = 0;
		for (const i of [0, Math.floor(cells.length / 2), cells.length - 1]) {
			const at = tileAt(9, cells[i].properties.labelPoint);
			const tile = (await decode(await get([9, ...at], {}, store, grid.id))).layers[grid.id];
			const drawn = new Map(Array.from({ length: tile.length }, (_, k) => [tile.feature(k).id, tile.feature(k).loadGeometry()]));
			// Every cell whose centre lies in the tile is in it, with an area (a pixel's tolerance dropped or flattened them).
			cells.forEach((cell, id) => {
				const [x, y] = tileAt(9, cell.properties.labelPoint);
				if (x !== at[0] || y !== at[1]) return;
				const ring = drawn.get(id)?.[0] ?? [];
				// Twice the ring's area (shoelace), in tile units.
				const area2 = ring.reduce((sum, p, j) => sum + p.x * ring[(j + 1) % ring.length].y - ring[(j + 1) % ring.length].x * p.y, 0);
				expect(Math.abs(area2), `cell ${id}`).toBeGreaterThan(0);
				checked++;
			});
		}
		expect(checked).toBeGreaterThan(100);
	});

	it('answer 204 for a tile without areas, and 404 outside the tile scheme or for an unknown level', async () => {
		expect((await get([12, 0, 0])).status).toBe(204);
		for (const path of [
			[TILE_MAX_ZOOM + 1, 0, 0],
			[3, 8, 0],
			[3, 0, 8]
		] as [number, number, number][]) {
			await expect(get(path)).rejects.toMatchObject({ status: 404 });
		}
		await expect(tileResponse(new Request('http://x/'), store, level, '03', '0', '0')).rejects.toBeInstanceOf(ProblemError);
		await expect(tileResponse(new Request('http://x/'), store, level, '-1', '0', '0')).rejects.toMatchObject({ status: 404 });
		await expect(get([12, x, y], {}, store, 'keine-ebene')).rejects.toMatchObject({ status: 404 });
	});

	it('withhold an internal level from the public view (404, as for a level that does not exist)', async () => {
		const profile = {
			...base.profile!,
			levels: base.profile!.levels.map((l) => ({ ...l, visibility: l.id === level ? ('internal' as const) : ('public' as const) }))
		};
		const full = indexStore({ ...base, profile }, 5, 5);
		expect((await get([12, x, y], {}, full)).status).toBe(200);
		await expect(get([12, x, y], {}, publicStore(full))).rejects.toMatchObject({ status: 404 });
		expect(() => levelValues(publicStore(full), level, 'einwohner', null)).toThrow(ProblemError);
	});
});

describe('the compact values of a level', () => {
	it('lists every area in tile order with its value, and the year of each latest value', () => {
		const v = levelValues(store, level, 'einwohner', null);
		expect(v.ids).toEqual(areas.map((f) => f.properties.id));
		expect(v.values).toHaveLength(areas.length);
		const series = store.series.get('einwohner')!.get(v.ids[5])!;
		expect(v.values[5]).toBe(series.at(-1)!.value);
		expect(v.years![5]).toBe(series.at(-1)!.year);
	});

	it('gives one year when asked, marks suppressed values apart from missing ones, and refuses bad parameters', () => {
		// A disclosure threshold above every base: each rate with a base is withheld.
		const strict = indexStore(base, 1e9, 3);
		const [indicator] = [...strict.series].find(([, byArea]) => areas.some((f) => byArea.get(f.properties.id)?.some((x) => x.suppressed)))!;
		const year = strict.indicatorById.get(indicator)!.years.at(-1)!;
		const v = levelValues(strict, level, indicator, String(year));
		expect(v.year).toBe(year);
		expect(v.years).toBeUndefined();
		expect(v.suppressed.length).toBeGreaterThan(0);
		for (const i of v.suppressed) expect(v.values[i]).toBeNull();
		expect(levelValues(store, level, indicator, String(year)).values[v.suppressed[0]]).not.toBeNull();
		expect(() => levelValues(store, level, null, null)).toThrow(expect.objectContaining({ status: 400 }));
		expect(() => levelValues(store, level, 'nichts', null)).toThrow(expect.objectContaining({ status: 400 }));
		expect(() => levelValues(store, level, 'einwohner', '1800')).toThrow(expect.objectContaining({ status: 400 }));
		expect(() => levelValues(store, 'keine-ebene', 'einwohner', null)).toThrow(expect.objectContaining({ status: 404 }));
	});
});
