import { describe, expect, it } from 'vitest';
import type { IndicatorMeta } from './contracts';
import type { IndicatorTable } from './responses';
import { fromColumns, toColumns } from './tableColumns';

const table: IndicatorTable = {
	indicator: { id: 'quote' } as IndicatorMeta,
	level: 'block',
	year: 2024,
	beispieldaten: true,
	reference: { area: 'stadt', name: 'Stadt', year: 2024, value: 20 },
	rows: [
		// Ranks by hand: 30 first, the two 10s share rank 2, no rank without a value; deviations from 20.
		{
			area: 'a',
			name: 'Am Anger',
			year: 2024,
			stand: '2024-12-31',
			value: 10,
			numerator: 1,
			denominator: 10,
			origin: 'source',
			suppressed: false,
			rank: 2,
			deviation: { absolute: -10, relativePct: -50 }
		},
		{
			area: 'b',
			name: 'Bahnhof',
			year: 2024,
			stand: '2024-12-31',
			value: null,
			numerator: null,
			denominator: 3,
			origin: 'source',
			suppressed: true,
			rank: null,
			deviation: null
		},
		{
			area: 'c',
			name: 'Chausseestraße',
			year: 2023,
			stand: '2023-12-31',
			value: 30,
			numerator: 3,
			denominator: 10,
			origin: 'derived',
			suppressed: false,
			rank: 1,
			deviation: { absolute: 10, relativePct: 50 }
		},
		{
			area: 'd',
			name: 'Dorfmitte',
			year: 2024,
			stand: null,
			value: 10,
			numerator: null,
			denominator: null,
			origin: null,
			suppressed: false,
			rank: 2,
			deviation: { absolute: -10, relativePct: -50 }
		}
	]
};

describe('an indicator table in columns', () => {
	it('carries each field once per row, withheld rows by position, and neither rank nor deviation', () => {
		const c = toColumns(table);
		expect(c.columns.value).toEqual([10, null, 30, 10]);
		expect(c.columns.suppressed).toEqual([1]);
		expect(c).not.toHaveProperty('rows');
		expect(Object.keys(c.columns)).not.toContain('rank');
		expect(c.reference).toEqual(table.reference);
	});

	it('gives the same rows back, rank and deviation recomputed', () => {
		expect(fromColumns(toColumns(table))).toEqual(table);
	});

	it('has no relative deviation against a reference of 0', () => {
		const zero = fromColumns(toColumns({ ...table, reference: { ...table.reference, value: 0 } }));
		expect(zero.rows[0].deviation).toEqual({ absolute: 10, relativePct: null });
	});
});
