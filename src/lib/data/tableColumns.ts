// An indicator table in columns (issue #21), `/api/indicators/{id}?format=columns`: a large level's
// 11,299 rows repeat every key and carry rank and deviation, which follow from the values and the
// reference. Columns without those are a fifth of the brotli bytes; the page turns them back into
// the same rows with the server's own functions.
import type { IndicatorRow, IndicatorTable } from './responses';
import { deviation, rankDescending } from '$lib/stats/rank';

type Column<K extends keyof IndicatorRow> = IndicatorRow[K][];

export interface ColumnTable extends Omit<IndicatorTable, 'rows'> {
	columns: {
		area: Column<'area'>;
		name: Column<'name'>;
		year: Column<'year'>;
		stand: Column<'stand'>;
		value: Column<'value'>;
		numerator: Column<'numerator'>;
		denominator: Column<'denominator'>;
		origin: Column<'origin'>;
		/** Positions of the rows withheld by disclosure control. */
		suppressed: number[];
	};
}

export function toColumns({ rows, ...table }: IndicatorTable): ColumnTable {
	const column = <K extends keyof IndicatorRow>(key: K) => rows.map((r) => r[key]);
	return {
		...table,
		columns: {
			area: column('area'),
			name: column('name'),
			year: column('year'),
			stand: column('stand'),
			value: column('value'),
			numerator: column('numerator'),
			denominator: column('denominator'),
			origin: column('origin'),
			suppressed: rows.flatMap((r, i) => (r.suppressed ? [i] : []))
		}
	};
}

/** The rows again, rank and deviation from the values and the reference as the server computes them (indicatorTable). */
export function fromColumns({ columns: c, ...table }: ColumnTable): IndicatorTable {
	const ranks = rankDescending(c.value);
	const withheld = new Set(c.suppressed);
	return {
		...table,
		rows: c.area.map((area, i) => ({
			area,
			name: c.name[i],
			year: c.year[i],
			stand: c.stand[i],
			value: c.value[i],
			numerator: c.numerator[i],
			denominator: c.denominator[i],
			origin: c.origin[i],
			suppressed: withheld.has(i),
			rank: ranks[i],
			deviation: deviation(c.value[i], table.reference.value)
		}))
	};
}
