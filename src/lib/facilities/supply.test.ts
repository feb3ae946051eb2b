import { describe, expect, it } from 'vitest';
import { supplyRows } from './supply';

const facilities = [
	{ types: ['kita'], area: 'a', capacity: 60 },
	{ types: ['kita', 'familienzentrum'], area: 'a', capacity: 40 },
	{ types: ['kita'], area: 'b', capacity: null },
	{ types: ['apotheke'], area: 'b', capacity: null }
];
const areas = [
	{ id: 'a', name: 'A', stadtteile: ['a'] },
	{ id: 'b', name: 'B', stadtteile: ['b'] },
	{ id: 'stadt', name: 'Stadt', stadtteile: ['a', 'b', 'c'] }
];
const target = (values: Record<string, number>) => (area: string) => (area in values ? { value: values[area], year: 2023 } : null);

describe('supplyRows', () => {
	it('counts, sums capacity and relates both to the target group (figures by hand)', () => {
		const [a, b, city] = supplyRows(facilities, 'kita', areas, target({ a: 200, b: 0, stadt: 500 }), true);
		// A: 60 + 40 places for 200 children = 50 per 100; 2 facilities per 200 = 100 per 10,000.
		expect(a).toMatchObject({ count: 2, capacity: 100, capacityUnknown: 0, target: 200, targetYear: 2023, capacityPer100: 50, per10000: 100 });
		// B: one Kita without stated places, and a target group of 0: no ratio rather than infinity.
		expect(b).toMatchObject({ count: 1, capacity: null, capacityUnknown: 1, target: 0, capacityPer100: null, per10000: null });
		// City: 100 known places of 3 Kitas (one unknown) for 500: 20 per 100, a lower bound.
		expect(city).toMatchObject({ count: 3, capacity: 100, capacityUnknown: 1, capacityPer100: 20, per10000: 60 });
	});

	it('has no ratio without a target group, and no capacity for a type without one', () => {
		const [a] = supplyRows(facilities, 'kita', areas, null, true);
		expect(a).toMatchObject({ target: null, capacityPer100: null, per10000: null, capacity: 100 });
		const [, b] = supplyRows(facilities, 'apotheke', areas, target({ b: 4000 }), false);
		expect(b).toMatchObject({ count: 1, capacity: null, capacityUnknown: 0, per10000: 2.5 });
	});
});
