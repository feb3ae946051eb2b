import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IndicatorMeta } from '$lib/data/contracts';
import type { LevelInfo } from '$lib/data/levels';
import type { ColumnTable } from '$lib/data/tableColumns';
import { loadAtlasView, OUTLINES_INLINED_MAX_AREAS } from './atlasView';

const meta = (JSON.parse(readFileSync('derived/indicators.json', 'utf8')) as IndicatorMeta[])[0];
const name = { de: { singular: 'Gebiet', plural: 'Gebiete' }, en: { singular: 'area', plural: 'areas' } };
const square = (id: string, [w, s]: [number, number]) => ({
	type: 'Feature',
	properties: { id, name: id, level: 'bezirk' },
	geometry: {
		type: 'Polygon',
		coordinates: [
			[
				[w, s],
				[w + 0.01, s],
				[w + 0.01, s + 0.01],
				[w, s]
			]
		]
	}
});

/**
 * A city of 1,200 blocks in `districts` Bezirke, as the API answers for it: what the load asked for,
 * and what it made of the answers.
 */
async function load(districts: number, query: string) {
	const levels: LevelInfo[] = [
		{ id: 'block', name, parent: 'bezirk', whole: false, count: 1200, large: true, bounds: [10, 52, 10.5, 52.3] },
		{ id: 'bezirk', name, parent: 'stadt', whole: false, count: districts, large: false, bounds: [9.99, 51.99, 10.51, 52.31] },
		{ id: 'stadt', name, parent: null, whole: true, count: 1, large: false, bounds: [9.99, 51.99, 10.51, 52.31] }
	];
	const columns: ColumnTable = {
		indicator: meta,
		level: 'block',
		year: null,
		beispieldaten: false,
		reference: { area: 'stadt', name: 'Stadt', year: 2024, value: 1 },
		columns: {
			area: ['b1'],
			name: ['Block 1'],
			year: [2024],
			stand: [null],
			value: [1],
			numerator: [null],
			denominator: [null],
			origin: [null],
			suppressed: []
		}
	};
	const answers: [RegExp, unknown][] = [
		[/^\/api\/indicators$/, { indicators: [meta], datasets: [], levels }],
		[/^\/api\/kontore$/, { type: 'FeatureCollection', features: [] }],
		[/^\/api\/context/, { type: 'FeatureCollection', features: [] }],
		[/^\/api\/areas\?level=bezirk/, { type: 'FeatureCollection', features: [square('d1', [10.2, 52.1])] }],
		[/^\/api\/indicators\/[^/?]+\?level=block.*format=columns/, columns],
		[/^\/api\/indicators\/[^/?]+\?level=bezirk/, { ...columns, columns: undefined, level: 'bezirk', rows: [] }],
		[/^\/api\/catchments/, { type: 'FeatureCollection', features: [] }],
		[/^\/api\/coverage/, { distances: [] }]
	];
	const asked: string[] = [];
	const fetcher = (async (input: string) => {
		asked.push(input);
		const answer = answers.find(([path]) => path.test(input));
		return answer ? new Response(JSON.stringify(answer[1])) : new Response('{}', { status: 404 });
	}) as typeof fetch;
	const data = await loadAtlasView(fetcher, new URL(`http://127.0.0.1/?${query}`));
	return { asked, data };
}

describe("a large level's view", () => {
	it(`loads the level around it as GeoJSON for its outlines and extent while it has up to ${OUTLINES_INLINED_MAX_AREAS} areas`, async () => {
		const { asked, data } = await load(OUTLINES_INLINED_MAX_AREAS, 'level=block');
		expect(asked).toContain('/api/areas?level=bezirk&detail=overview');
		expect(data.outlineTiles).toBeNull();
		expect(data.areasByLevel.bezirk.features).toHaveLength(1);
		expect(data.bounds).toEqual([9.99, 51.99, 10.51, 52.31]);
	});

	it('outlines a level around it of more areas from its tiles: no GeoJSON of it, the extent from the catalogue', async () => {
		const { asked, data } = await load(OUTLINES_INLINED_MAX_AREAS + 1, 'level=block');
		expect(asked.filter((p) => p.startsWith('/api/areas'))).toEqual([]);
		expect(data.outlineTiles).toBe('bezirk');
		expect(data.areasByLevel.bezirk.features).toEqual([]);
		expect(data.bounds).toEqual([9.99, 51.99, 10.51, 52.31]);
	});

	it("draws a smaller level's view as before, whatever the size of the levels: its areas as GeoJSON", async () => {
		const { asked, data } = await load(OUTLINES_INLINED_MAX_AREAS + 1, 'level=bezirk');
		expect(asked).toContain('/api/areas?level=bezirk');
		expect(data.outlineTiles).toBeNull();
	});
});
