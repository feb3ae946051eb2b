// The facility list and layer helpers on a hand-made register: filtering by type, icons, the
// Stadtteil by point in polygon, sorting in German order, counts per type.
import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { countByType, facilityRows, filterFacilities, iconOf, layerData, sortRows, type Facility, type FacilityType } from './model';

const types: FacilityType[] = [
	{ id: 'kita', label: 'Kita', icon: 'kita', count: 2 },
	{ id: 'familienzentrum', label: 'Familienzentrum', icon: 'familienzentrum', count: 1 },
	{ id: 'apotheke', label: 'Apotheke', icon: 'apotheke', count: 1 }
];
const facility = (id: string, name: string, ts: string[], lonLat: [number, number], stadtteil?: string): Facility => ({
	type: 'Feature',
	geometry: { type: 'Point', coordinates: lonLat },
	properties: {
		id,
		name,
		types: ts,
		typeLabels: ts.map((t) => types.find((x) => x.id === t)!.label),
		address: null,
		locationPrecision: 'address',
		source: 'Beispieldaten',
		asOf: '2026-01-01',
		beispieldaten: true,
		...(stadtteil ? { area: stadtteil } : {})
	}
});
const square = (id: string, name: string, x0: number): Feature<Polygon, { id: string; name: string }> => ({
	type: 'Feature',
	geometry: {
		type: 'Polygon',
		coordinates: [
			[
				[x0, 0],
				[x0 + 1, 0],
				[x0 + 1, 1],
				[x0, 1],
				[x0, 0]
			]
		]
	},
	properties: { id, name }
});
const stadtteile = [square('west', 'Westviertel', 0), square('ost', 'Östliches Viertel', 1)];
const register = [
	facility('a', 'Zwergenhaus', ['kita'], [0.5, 0.5]),
	facility('b', 'Familienzentrum Am Ufer', ['familienzentrum', 'kita'], [1.5, 0.5]),
	facility('c', 'Apotheke Ärztehaus', ['apotheke'], [1.2, 0.2], 'west')
];

describe('facility helpers', () => {
	it('shows the facilities of at least one ticked type', () => {
		expect(filterFacilities(register, 'alle').map((f) => f.properties.id)).toEqual(['a', 'b', 'c']);
		expect(filterFacilities(register, ['kita']).map((f) => f.properties.id)).toEqual(['a', 'b']);
		expect(filterFacilities(register, [])).toEqual([]);
	});

	it('draws a facility with the icon of its first shown type', () => {
		expect(iconOf(register[1].properties, 'alle', types)).toBe('familienzentrum');
		expect(iconOf(register[1].properties, ['kita'], types)).toBe('kita');
		expect(layerData(register, ['apotheke'], types).features).toEqual([
			{ type: 'Feature', geometry: { type: 'Point', coordinates: [1.2, 0.2] }, properties: { id: 'c', icon: 'apotheke' } }
		]);
	});

	it('finds the Stadtteil by its polygon unless the API names it', () => {
		const rows = facilityRows(register, 'alle', types, stadtteile);
		expect(rows.map((r) => [r.id, r.area])).toEqual([
			['a', 'Westviertel'],
			['b', 'Östliches Viertel'],
			// The API's Stadtteil wins over the geometry.
			['c', 'Westviertel']
		]);
		expect(rows[1].type).toBe('Familienzentrum, Kita');
	});

	it('sorts by name, type or Stadtteil in German order (Ä with A, Ö with O), ties by name', () => {
		const rows = facilityRows(register, 'alle', types, stadtteile);
		expect(sortRows(rows, 'name').map((r) => r.id)).toEqual(['c', 'b', 'a']);
		expect(sortRows(rows, 'name', true).map((r) => r.id)).toEqual(['a', 'b', 'c']);
		expect(sortRows(rows, 'type').map((r) => r.id)).toEqual(['c', 'b', 'a']);
		expect(sortRows(rows, 'area').map((r) => r.id)).toEqual(['b', 'c', 'a']);
	});

	it('counts facilities per type, a facility once for each of its types', () => {
		expect(
			countByType(
				register.map((f) => f.properties),
				types
			).map((c) => [c.type.id, c.count])
		).toEqual([
			['kita', 2],
			['familienzentrum', 1],
			['apotheke', 1]
		]);
	});
});
