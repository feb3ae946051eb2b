// The shipped Beispieldaten register (geodata/einrichtungen.geojson, from the generator) against its
// own plan: counts per type, labels, capacities, network partners, and the apportionment rule.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DatasetMeta } from '$lib/data/contracts';
import { apportion, FACILITY_SEED, PLAN } from './beispieldaten';
import { FacilitySourceProps } from './contracts';

const fc = JSON.parse(readFileSync('geodata/einrichtungen.geojson', 'utf8')) as { features: { properties: unknown; geometry: { coordinates: number[] } }[] };
const facilities = fc.features.map((f) => FacilitySourceProps.parse(f.properties));
const kontore = readFileSync('geodata/kontore.csv', 'utf8')
	.trim()
	.split('\n')
	.slice(1)
	.map((l) => l.split(',')[0]);

describe('apportion', () => {
	it('gives each area its whole share and the remainders to the largest fractions (by hand)', () => {
		// 10 × 0.5 = 5, 10 × 0.3 = 3, 10 × 0.2 = 2: exact.
		expect(apportion(10, [50, 30, 20])).toEqual([5, 3, 2]);
		// 4 × (0.45, 0.35, 0.2) = 1.8, 1.4, 0.8 → floors 1, 1, 0; remainders .8, .4, .8 → the first and the third.
		expect(apportion(4, [45, 35, 20])).toEqual([2, 1, 1]);
	});
});

describe('the shipped Beispieldaten facilities', () => {
	it('follow the plan: counts per type, every one flagged and named as Beispiel', () => {
		for (const [type, plan] of Object.entries(PLAN)) expect(facilities.filter((f) => f.types.includes(type)).length, type).toBe(plan.count);
		expect(facilities.length).toBe(Object.values(PLAN).reduce((n, p) => n + p.count, 0));
		expect(facilities.every((f) => f.beispieldaten && f.name.endsWith('(Beispiel)') && f.address === null && f.locationPrecision === 'area')).toBe(true);
		expect(new Set(facilities.map((f) => f.id)).size).toBe(facilities.length);
	});

	it('have capacities within their type’s bounds, and only where the type has them', () => {
		for (const f of facilities) {
			const c = PLAN[f.types[0]].capacity;
			if (!c) expect(f.capacity, f.id).toBeNull();
			else expect(f.capacity! >= c.min && f.capacity! <= c.max && f.capacity! % c.step === 0, f.id).toBe(true);
		}
		const kitaPlaces = facilities.filter((f) => f.types.includes('kita')).reduce((n, f) => n + f.capacity!, 0);
		// About 5,100 places for a city of 105,000 (the sidecar's rationale).
		expect(kitaPlaces).toBeGreaterThan(4500);
		expect(kitaPlaces).toBeLessThan(5800);
	});

	it('give every Kontor at least three network partners of its own', () => {
		for (const k of kontore) expect(facilities.filter((f) => f.partnerOf.includes(k)).length, k).toBeGreaterThanOrEqual(3);
	});

	it('carry a sidecar that says Beispieldaten, the seed and the rationale', () => {
		const meta = DatasetMeta.parse(JSON.parse(readFileSync('geodata/einrichtungen.geojson.meta.json', 'utf8')));
		expect(meta.beispieldaten).toBe(true);
		expect(meta.title.de).toMatch(/Beispieldaten/);
		expect(meta.description.de).toContain(String(FACILITY_SEED));
		expect(meta.caveats.join(' ')).toMatch(/Kita 68/);
	});
});
