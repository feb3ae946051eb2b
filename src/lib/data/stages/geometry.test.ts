import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Gebiete, StadtteilRow } from '../sources';
import { buildCells, contextFeatures, countVertices, officialCells, stadtteilAreas, unionAreas } from './geometry';

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
const row = (id: string, km2: number | null) => ({ stadtteil_id: id, stadtteil: id.toUpperCase(), ortschaft: 'Eins', flaeche_km2: km2 }) as StadtteilRow;
const gebiete: Gebiete = { stadt: { id: 'stadt', name: 'Stadt', ags: '0', flaecheKm2: 1.6, flaecheYear: 2023 }, ortschaften: [{ id: 'o1', name: 'Eins' }] };
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
				gebiete,
				stadtteile: [row('a', 0.76), row('b', 0.76)],
				outline: fc([feature(rect(10, 52, 10.02, 52.01), { name: 'Stadt' })]),
				context: fc([feature(rect(10.02, 52, 10.03, 52.01), { name: 'Landkreis Nachbar' })]),
				grenzen: fc([feature(west, { id: 'a' }), feature(east, { id: 'b' })])
			},
			{ seedById: new Map() }
		);
		expect(cells.quality).toBe('official');
		expect(cells.fit.iterations).toBe(0);
		expect(cells.tiling.gapKm2).toBeCloseTo(0, 6);
		expect(cells.tiling.sumKm2).toBeCloseTo(2 * SQUARE_KM2, 3);
		expect(cells.simplified.tiling.features.map((f) => f.properties.id)).toEqual(['a', 'b']);
		expect(cells.simplified.surroundings.features[0].properties).toEqual({ id: 'kreis-landkreis-nachbar', name: 'Landkreis Nachbar', kind: 'nachbarkreis' });
	});
});

describe('stadtteilAreas, unionAreas and contextFeatures', () => {
	const cellFeature = (geometry: Polygon, id: string, areaKm2: number) =>
		({ type: 'Feature', geometry, properties: { id, areaKm2, targetKm2: areaKm2, areaErrorPct: 0.5, seedMoved: null, siteOffsetM: 0 } }) as const;
	const simplified = {
		tiling: { type: 'FeatureCollection' as const, features: [cellFeature(west, 'a', 0.808), cellFeature(east, 'b', 0.8)] },
		surroundings: { type: 'FeatureCollection' as const, features: [] }
	};
	const refs = {
		stadtteilById: new Map([row('a', 0.8), row('b', null)].map((r) => [r.stadtteil_id, r])),
		ortschaftByName: new Map([['Eins', { id: 'o1', name: 'Eins' }]])
	};

	it('gives each Stadtteil its parent, its error against the official area and a note where that is unknown', () => {
		const { features, reports } = stadtteilAreas({ simplified, quality: 'approximated' }, refs);
		expect(features[0].properties).toMatchObject({
			id: 'a',
			name: 'A',
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

	it('unites the Stadtteile into Ortschaft and city, summing their areas', () => {
		const { features } = stadtteilAreas({ simplified, quality: 'approximated' }, refs);
		const { ortschaften, stadt } = unionAreas(gebiete, new Map([['o1', ['a', 'b']]]), features, 'approximated', 'VG250');
		expect(ortschaften[0].properties).toMatchObject({ id: 'o1', parent: 'stadt', areaKm2: 1.608, officialAreaKm2: null, areaErrorPct: null });
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

		const context = contextFeatures(simplified.surroundings, stadt, feature(rect(10, 52, 10.02, 52.01), { name: 'Stadt Salzgitter' }) as Feature<Polygon>);
		expect(context).toEqual([
			{ type: 'Feature', id: 'stadtgrenze', geometry: stadt.geometry, properties: { id: 'stadtgrenze', name: 'Stadt Salzgitter', kind: 'stadtgrenze' } }
		]);
	});
});
