import { describe, expect, it } from 'vitest';
import { compareNames } from './index';
import { byNameOf, nameOrder } from './nameOrder';

const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe('nameOrder', () => {
	it('gives the German name order of rows in any order, and of rows already in it', () => {
		const rows = ['Ölsburg', 'Zellerfeld', 'Aachen', 'Oberg', 'ärzteviertel', 'Aue'].map((name) => ({ name }));
		const sorted = [...rows].sort(byNameOf(rows));
		expect(names(sorted)).toEqual([...names(rows)].sort(compareNames));
		// Umlauts sort with their base letter, not after z.
		expect(names(sorted)).toEqual(['Aachen', 'ärzteviertel', 'Aue', 'Oberg', 'Ölsburg', 'Zellerfeld']);
		expect([...nameOrder(sorted).values()]).toEqual([0, 1, 2, 3, 4, 5]);
	});

	it('breaks ties of another key by name', () => {
		const rows = [
			{ name: 'Bad', value: 2 },
			{ name: 'Alt', value: 1 },
			{ name: 'Ahl', value: 2 }
		];
		const byName = byNameOf(rows);
		expect(names([...rows].sort((a, b) => b.value - a.value || byName(a, b)))).toEqual(['Ahl', 'Bad', 'Alt']);
	});

	it("gives new rows with the same names (another indicator's) the same order, equal names in their own order", () => {
		const first = ['Zell', 'Aach', 'Mitte', 'Aach'].map((name, i) => ({ name, i }));
		const again = first.map((r) => ({ ...r }));
		expect([...again].sort(byNameOf(again)).map((r) => r.i)).toEqual([1, 3, 2, 0]);
		expect([...first].sort(byNameOf(first)).map((r) => r.i)).toEqual([1, 3, 2, 0]);
		// Other names are sorted anew.
		const other = ['b', 'a'].map((name, i) => ({ name, i }));
		expect([...other].sort(byNameOf(other)).map((r) => r.i)).toEqual([1, 0]);
	});
});
