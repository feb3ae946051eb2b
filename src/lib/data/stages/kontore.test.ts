import { describe, expect, it } from 'vitest';
import type { KontorRow, StadtteilRow } from '../sources';
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
		...more
	}) as KontorRow;
const refs = {
	stadtteilByName: new Map([
		['Lebenstedt', { stadtteil_id: 'lebenstedt', stadtteil: 'Lebenstedt' } as StadtteilRow],
		['Thiede', { stadtteil_id: 'thiede', stadtteil: 'Thiede' } as StadtteilRow]
	]),
	seedById: new Map([
		['lebenstedt', { lon: 10.32417, lat: 52.16111 }],
		['thiede', { lon: 10.48389, lat: 52.18722 }]
	])
};
const kontakt = { contact: { phone: null, email: null, url: null }, tasks: [] } as unknown as Parameters<typeof placeKontore>[0]['kontakt'];

describe('placeKontore', () => {
	it('spreads Kontore that share a centre on a 600 m circle, clockwise from north', () => {
		const rows = ['a', 'b', 'c', 'd'].map((id) => kontor(id, 'Lebenstedt'));
		const points = placeKontore({ kontore: rows, kontakt }, refs).map((f) => f.geometry.coordinates);
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
			{ kontore: [kontor('t', 'Thiede'), kontor('x', 'Lebenstedt', { lat: 52.15, lon: 10.33, address: 'Marktplatz 1' })], kontakt },
			refs
		);
		expect(alone.geometry.coordinates).toEqual([10.48389, 52.18722]);
		expect(alone.properties.placement).toBe('Mittelpunkt des Stadtteils Thiede laut Wikipedia (ungefähre Lage)');
		expect(exact.geometry.coordinates).toEqual([10.33, 52.15]);
		expect(exact.properties).toMatchObject({ stadtteil: 'lebenstedt', locationPrecision: 'address', placement: 'Adresse Marktplatz 1', note: null });
	});
});
