import { describe, expect, it } from 'vitest';
import type { AreaFeature } from '../derived';
import type { CityProfile } from '../profile';
import type { KontorRow } from '../sources';
import type { AreaRef } from './references';
import { placeKontore } from './kontore';

const kontor = (id: string, stadtteil: string, more: Partial<KontorRow> = {}) =>
	({
		kontor_id: id,
		name: `Kontor ${id}`,
		stadtteil,
		stadtteil_verified: true,
		location_precision: 'street',
		known_location: '',
		source: 'brochure',
		note: '',
		address: null,
		lat: null,
		lon: null,
		opened: null,
		closed: null,
		opening_hours: null,
		phone: null,
		email: null,
		offers: [],
		...more
	}) as KontorRow;
const area = (id: string, name: string) => ({ row: { id, name }, parent: null }) as AreaRef;
const areas = [area('lebenstedt', 'Lebenstedt'), area('thiede', 'Thiede'), area('ringelheim', 'Ringelheim')];
const refs = {
	finestByName: new Map(areas.map((a) => [a.row.name, a])),
	finestById: new Map(areas.map((a) => [a.row.id, a])),
	seedById: new Map([
		['lebenstedt', { lon: 10.32417, lat: 52.16111 }],
		['thiede', { lon: 10.48389, lat: 52.18722 }]
	])
};
// Ringelheim has no seed (official boundaries without centres): its Kontor goes to the area's label point.
const finest = [{ properties: { id: 'ringelheim', labelPoint: [10.3, 52.05] } } as AreaFeature];
const profile = { office: { de: { singular: 'Kontor', plural: 'Kontore' } } } as CityProfile;
const kontakt = { contact: { phone: null, email: null, url: null }, tasks: [] } as unknown as Parameters<typeof placeKontore>[0]['kontakt'];

describe('placeKontore', () => {
	it('spreads Kontore that share a centre on a 600 m circle, clockwise from north', () => {
		const rows = ['a', 'b', 'c', 'd'].map((id) => kontor(id, 'Lebenstedt'));
		const points = placeKontore({ kontore: rows, kontakt, profile }, refs, finest).map((f) => f.geometry.coordinates);
		// 600 m is 600 / 110540 = 0.005428° of latitude, and 600 / (111320 · cos 52.16111°) = 0.008786° of longitude.
		expect(points).toEqual([
			[10.32417, 52.166538],
			[10.332956, 52.16111],
			[10.32417, 52.155682],
			[10.315384, 52.16111]
		]);
	});

	it('puts a Kontor alone in its Stadtteil on the centre, one with coordinates on them', () => {
		const [alone, exact] = placeKontore(
			{
				kontore: [kontor('t', 'Thiede'), kontor('x', 'Lebenstedt', { lat: 52.15, lon: 10.33, address: 'Marktplatz 1', location_precision: 'address' })],
				kontakt,
				profile
			},
			refs,
			finest
		);
		expect(alone.geometry.coordinates).toEqual([10.48389, 52.18722]);
		expect(alone.properties.placement).toBe('Mittelpunkt von Thiede laut Quelle (ungefähre Lage)');
		expect(exact.geometry.coordinates).toEqual([10.33, 52.15]);
		expect(exact.properties).toMatchObject({ area: 'lebenstedt', locationPrecision: 'address', placement: 'Adresse Marktplatz 1', note: null });
	});

	it('spreads only the Kontore without coordinates, and leaves closed ones out', () => {
		const rows = [
			kontor('a', 'Lebenstedt'),
			kontor('b', 'Lebenstedt', { lat: 52.15, lon: 10.33, location_precision: 'street' }),
			kontor('c', 'Lebenstedt', { closed: '2024-06-30' }),
			kontor('d', 'Lebenstedt', { offers: ['Beratung', 'Sprachcafé'], opened: '2019-09' })
		];
		const placed = placeKontore({ kontore: rows, kontakt, profile }, refs, finest);
		expect(placed.map((f) => f.id)).toEqual(['a', 'b', 'd']);
		// Two share the centre: north and south of it (600 m = 0.005428° of latitude), the one with coordinates stays put.
		expect(placed.map((f) => f.geometry.coordinates)).toEqual([
			[10.32417, 52.166538],
			[10.33, 52.15],
			[10.32417, 52.155682]
		]);
		expect(placed[1].properties).toMatchObject({ locationPrecision: 'street', placement: 'Koordinaten laut Quelle, genau auf die Straße (ungefähre Lage)' });
		expect(placed[2].properties).toMatchObject({ offers: ['Beratung', 'Sprachcafé'], opened: '2019-09', openingHours: null });
		expect(placed[0].properties.placement).toBe(
			'Mittelpunkt von Lebenstedt laut Quelle, für die Darstellung 600 m versetzt, da 2 Kontore dort liegen (ungefähre Lage)'
		);
	});

	it('finds the area by id as well as by name, and without a seed uses its label point', () => {
		const [k] = placeKontore({ kontore: [kontor('r', 'ringelheim')], kontakt, profile }, refs, finest);
		expect(k.geometry.coordinates).toEqual([10.3, 52.05]);
		expect(k.properties).toMatchObject({ area: 'ringelheim', placement: 'Innenpunkt von Ringelheim (ungefähre Lage)' });
	});
});
