import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { LevelDef } from '../profile';
import type { AreaRow } from '../sources';
import { buildCells, cityGeometry, contextFeatures, countVertices, finestAreas, officialCells, unionAreas } from './geometry';
import type { AreaRef, References } from './references';

/** A lon/lat rectangle, counter-clockwise and closed. */
const rect = (w: number, s: number, e: number, n: number): Polygon => ({
	type: 'Polygon',
	coordinates: [
		[
			[w, s],
			[e, s],
			[e, n],
			[w, n],
			[w, s]
		]
	]
});
const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const feature = (geometry: Polygon, properties: Record<string, unknown>): Feature => ({ type: 'Feature', geometry, properties });
// Two Stadtteile side by side, 0.01° each way; a neighbouring district to the east.
const west = rect(10, 52, 10.01, 52.01);
const east = rect(10.01, 52, 10.02, 52.01);
const row = (id: string, km2: number | null) => ({ id, name: id.toUpperCase(), parent: 'o1', flaeche_km2: km2 }) as AreaRow;
const level = (id: string, plural: string) => ({ id, name: { de: { singular: plural, plural } } }) as LevelDef;
const fein = level('fein', 'Feine Gebiete');
const areaRef = (l: LevelDef, r: AreaRow, parent: string | null): AreaRef => ({ level: l, row: r, parent });
/** Two finest areas a and b in o1, in the city (official area 1.6 km²). */
const hierarchy = (a: number | null, b: number | null): References['levels'] => [
	{ level: fein, areas: [areaRef(fein, row('a', a), 'o1'), areaRef(fein, row('b', b), 'o1')] },
	{ level: level('mittel', 'Mittlere'), areas: [areaRef(level('mittel', 'Mittlere'), { id: 'o1', name: 'Eins', flaeche_km2: null } as AreaRow, 'stadt')] },
	{ level: level('grob', 'Grobe'), areas: [areaRef(level('grob', 'Grobe'), { id: 'stadt', name: 'Stadt', flaeche_km2: 1.6 } as AreaRow, null)] }
];
// On the sphere of radius 6371.0088 km: 0.01° of latitude is 1.11195 km, of longitude at 52.005° N 1.11195 · cos 52.005° = 0.68452 km.
const SQUARE_KM2 = 1.11195 * 0.68452;

describe('officialCells', () => {
	it('measures each boundary and its error against the official area', () => {
		const result = officialCells(fc([feature(west, { id: 'a' }), feature(east, { id: 'b' })]), [row('a', 0.8), row('b', null)]);
		const [a, b] = result.cells.features.map((f) => f.properties);
		expect(a.areaKm2).toBeCloseTo(SQUARE_KM2, 3);
		expect(a.areaErrorPct).toBeCloseTo(((SQUARE_KM2 - 0.8) / 0.8) * 100, 1);
		// Without an official area the boundary is its own target.
		expect(b.targetKm2).toBe(b.areaKm2);
		expect(b.areaErrorPct).toBe(0);
		expect(result.maxAbsErrorPct).toBeCloseTo(Math.abs(a.areaErrorPct), 9);
	});
});

describe('buildCells with official boundaries', () => {
	it('uses them as the cells, tiles the outline without gap and simplifies with the neighbours', () => {
		const cells = buildCells(
			{
				outline: fc([feature(rect(10, 52, 10.02, 52.01), { name: 'Stadt' })]),
				context: fc([feature(rect(10.02, 52, 10.03, 52.01), { name: 'Landkreis Nachbar' })]),
				grenzen: fc([feature(west, { id: 'a' }), feature(east, { id: 'b' })])
			},
			{ levels: hierarchy(0.76, 0.76), seedById: new Map() }
		);
		expect(cells.quality).toBe('official');
		expect(cells.fit.iterations).toBe(0);
		expect(cells.tiling.gapKm2).toBeCloseTo(0, 6);
		expect(cells.tiling.sumKm2).toBeCloseTo(2 * SQUARE_KM2, 3);
		expect(cells.simplified.tiling.features.map((f) => f.properties.id)).toEqual(['a', 'b']);
		expect(cells.simplified.surroundings.features[0].properties).toEqual({ id: 'kreis-landkreis-nachbar', name: 'Landkreis Nachbar', kind: 'nachbarkreis' });
	});
});

describe('finestAreas, unionAreas and contextFeatures', () => {
	const cellFeature = (geometry: Polygon, id: string, areaKm2: number) =>
		({ type: 'Feature', geometry, properties: { id, areaKm2, targetKm2: areaKm2, areaErrorPct: 0.5, seedMoved: null, siteOffsetM: 0 } }) as const;
	const simplified = {
		tiling: { type: 'FeatureCollection' as const, features: [cellFeature(west, 'a', 0.808), cellFeature(east, 'b', 0.8)] },
		surroundings: { type: 'FeatureCollection' as const, features: [] }
	};
	const levels = hierarchy(0.8, null);
	const refs = { levels, finestById: new Map(levels[0].areas.map((a) => [a.row.id, a])) };

	it('gives each finest area its level, its parent, its error against the official area and a note where that is unknown', () => {
		const { features, reports } = finestAreas({ simplified, quality: 'approximated' }, refs);
		expect(features[0].properties).toMatchObject({
			id: 'a',
			name: 'A',
			level: 'fein',
			parent: 'o1',
			areaKm2: 0.808,
			officialAreaKm2: 0.8,
			areaErrorPct: 1,
			geometryNote: null
		});
		expect(features[1].properties.geometryNote).toBe('Keine amtliche Fläche bekannt; die Zellgröße ist ein gleicher Anteil der Restfläche.');
		// The label point lies inside its square.
		const [lon, lat] = features[0].properties.labelPoint;
		expect(lon > 10 && lon < 10.01 && lat > 52 && lat < 52.01).toBe(true);
		expect(reports.map((r) => [r.id, r.errorPct, r.fitErrorPct])).toEqual([
			['a', 1, 0.5],
			['b', null, 0.5]
		]);
	});

	it('unites the finest areas into every coarser level, summing their areas', () => {
		const { features } = finestAreas({ simplified, quality: 'approximated' }, refs);
		const leaves = new Map([
			['o1', ['a', 'b']],
			['stadt', ['a', 'b']]
		]);
		const [[o1], [stadt]] = unionAreas(refs, leaves, features, 'approximated', 'VG250');
		expect(o1.properties).toMatchObject({ id: 'o1', level: 'mittel', parent: 'stadt', areaKm2: 1.608, officialAreaKm2: null, areaErrorPct: null });
		// o1 covers the whole city too: its border is the outline's, generalised.
		expect(o1.properties.geometryQuality).toBe('generalised');
		// 1.608 km² against the official 1.6 km²: 0.5 % too large.
		expect(stadt.properties).toMatchObject({
			id: 'stadt',
			areaKm2: 1.608,
			officialAreaKm2: 1.6,
			areaErrorPct: 0.5,
			geometryNote: 'VG250, vereinfacht auf 25 m.'
		});
		// One rectangle: the shared border is gone.
		expect(countVertices(fc([stadt]) as FeatureCollection<Polygon>)).toBe(4);

		expect(cityGeometry([[o1], [stadt]], features)).toEqual(stadt.geometry);
		const context = contextFeatures(
			simplified.surroundings,
			{ geometry: stadt.geometry, name: 'Stadt' },
			feature(rect(10, 52, 10.02, 52.01), { name: 'Stadt Salzgitter' }) as Feature<Polygon>
		);
		expect(context).toEqual([
			{ type: 'Feature', id: 'stadtgrenze', geometry: stadt.geometry, properties: { id: 'stadtgrenze', name: 'Stadt Salzgitter', kind: 'stadtgrenze' } }
		]);
	});

	it('notes the union of parts where an area is not the whole city, and finds the city without a single top area', () => {
		const { features } = finestAreas({ simplified, quality: 'official' }, refs);
		const two: References['levels'] = [
			levels[0],
			{
				level: level('grob', 'Grobe'),
				areas: [
					areaRef(level('grob', 'Grobe'), { id: 'w', name: 'W', flaeche_km2: null } as AreaRow, null),
					areaRef(level('grob', 'Grobe'), { id: 'e', name: 'E', flaeche_km2: null } as AreaRow, null)
				]
			}
		];
		const [[w, e]] = unionAreas(
			{ levels: two },
			new Map([
				['w', ['a']],
				['e', ['b']]
			]),
			features,
			'official',
			'VG250'
		);
		expect(w.properties).toMatchObject({
			level: 'grob',
			parent: null,
			geometryQuality: 'official',
			officialAreaKm2: 0.8,
			geometryNote: 'Vereinigung der amtlichen Grenzen der Ebene „Feine Gebiete“.'
		});
		expect(e.properties.officialAreaKm2).toBeNull();
		expect(countVertices(fc([{ type: 'Feature', properties: {}, geometry: cityGeometry([[w, e]], features) }]) as FeatureCollection<Polygon>)).toBe(4);
	});
});
