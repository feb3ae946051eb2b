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
});
