// The supply table: rows in the answer's order with the reach share joined by area, and in a
// scenario exactly the changed cells carrying their value before it.
import { describe, expect, it } from 'vitest';
import { supplyTable, type ReachAnswer, type SupplyAnswer, type SupplyFigures } from './supply';

const row = (area: string, count: number, capacity: number | null, target: number | null): SupplyFigures => ({
	area,
	name: area.toUpperCase(),
	count,
	capacity,
	target,
	capacityPer100: capacity !== null && target ? Math.round((capacity / target) * 1000) / 10 : null
});
const supply = (rows: SupplyFigures[]): SupplyAnswer => ({
	type: { id: 'kita', label: 'Kita' },
	beispieldaten: true,
	rows,
	city: row(
		'stadt',
		rows.reduce((s, r) => s + r.count, 0),
		rows.reduce((s, r) => s + (r.capacity ?? 0), 0),
		rows.reduce((s, r) => s + (r.target ?? 0), 0)
	)
});
const reach = (shares: Record<string, number | null>, city: number): ReachAnswer => ({
	rows: Object.entries(shares).map(([area, shareDistance]) => ({ area, shareDistance })),
	city: { area: 'stadt', shareDistance: city }
});

describe('supplyTable', () => {
	const before = { supply: supply([row('a', 2, 100, 400), row('b', 1, 50, 200)]), reach: reach({ b: 40, a: 75 }, 63.3) };

	it('joins the reach share by area, keeps the supply order, and the city row', () => {
		const { rows, city } = supplyTable(before);
		expect(rows.map((r) => [r.area, r.cells.count.value, r.cells.capacityPer100.value, r.cells.shareDistance.value])).toEqual([
			['a', 2, 25, 75],
			['b', 1, 25, 40]
		]);
		expect(city.cells.count.value).toBe(3);
		// 150 places for 600 children: 25 per 100.
		expect(city.cells.capacityPer100.value).toBe(25);
		expect(rows[0].cells.count.before).toBeUndefined();
	});

	it('marks exactly the cells a scenario changed, with their old value', () => {
		// One Kita with 50 places added in b: b has 2 facilities, 100 places, 50 per 100.
		const after = { supply: supply([row('a', 2, 100, 400), row('b', 2, 100, 200)]), reach: reach({ a: 75, b: 90 }, 80) };
		const { rows, city } = supplyTable(after, before);
		expect(rows[0].cells).toEqual({
			count: { value: 2 },
			capacity: { value: 100 },
			target: { value: 400 },
			capacityPer100: { value: 25 },
			shareDistance: { value: 75 }
		});
		expect(rows[1].cells.count).toEqual({ value: 2, before: 1 });
		expect(rows[1].cells.capacityPer100).toEqual({ value: 50, before: 25 });
		expect(rows[1].cells.shareDistance).toEqual({ value: 90, before: 40 });
		expect(rows[1].cells.target).toEqual({ value: 200 });
		expect(city.cells.capacity).toEqual({ value: 200, before: 150 });
	});

	it('shows no share without a reach answer', () => {
		expect(supplyTable({ supply: before.supply, reach: null }).rows[0].cells.shareDistance).toEqual({ value: null });
	});
});
