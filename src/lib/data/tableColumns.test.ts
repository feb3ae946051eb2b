import { describe, expect, it } from 'vitest';
import type { IndicatorMeta } from './contracts';
import type { IndicatorTable } from './responses';
import { fromColumns, levelValuesOf, type ColumnTable } from './tableColumns';

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

/** The same table in columns, written out by hand. */
const columns: ColumnTable = {
	indicator: table.indicator,
	level: table.level,
	year: table.year,
	beispieldaten: table.beispieldaten,
	reference: table.reference,
	columns: {
		area: ['a', 'b', 'c', 'd'],
		name: ['Am Anger', 'Bahnhof', 'Chausseestraße', 'Dorfmitte'],
		year: [2024, 2024, 2023, 2024],
		stand: ['2024-12-31', '2024-12-31', '2023-12-31', null],
		value: [10, null, 30, 10],
		numerator: [1, null, 3, null],
		denominator: [10, 3, 10, null],
		origin: ['source', 'source', 'derived', null],
		suppressed: [1]
	}
};

describe('an indicator table in columns', () => {
	it('gives the same rows back, rank and deviation recomputed', () => {
		expect(fromColumns(columns)).toEqual(table);
	});

	it("gives the rows in the columns' order, whatever it is", () => {
		const order = [2, 0, 3, 1];
		const shuffled = Object.fromEntries(
			Object.entries(columns.columns).map(([k, v]) => [k, k === 'suppressed' ? [order.indexOf(1)] : order.map((i) => (v as unknown[])[i])])
		) as ColumnTable['columns'];
		expect(fromColumns({ ...columns, columns: shuffled })).toEqual({ ...table, rows: order.map((i) => table.rows[i]) });
	});

	it('has no relative deviation against a reference of 0', () => {
		const zero = fromColumns({ ...columns, reference: { ...columns.reference, value: 0 } });
		expect(zero.rows[0].deviation).toEqual({ absolute: 10, relativePct: null });
	});

	it("holds the map's values: withheld ones as null and by position, each value's year only for the latest", () => {
		expect(levelValuesOf({ ...columns, columns: { ...columns.columns, value: [10, 99, 30, 10] } })).toEqual({
			level: 'block',
			indicator: 'quote',
			year: 2024,
			ids: ['a', 'b', 'c', 'd'],
			values: [10, null, 30, 10],
			suppressed: [1]
		});
		expect(levelValuesOf({ ...columns, year: null }).years).toEqual([2024, 2024, 2023, 2024]);
	});
});
