// An indicator table in columns (issue #21), `/api/indicators/{id}?format=columns`: a large level's
// 11,299 rows repeat every key and carry rank and deviation, which follow from the values and the
// reference. Columns without those are a fifth of the brotli bytes; the page turns them back into
// the same rows with the server's own functions. The areas come in the level's order, the position
// being the tile feature's id: the map's values are read from the same answer (levelValuesOf).
import type { IndicatorRow, IndicatorTable, LevelValues } from './responses';
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

/**
 * The rows again, in the columns' (the level's) order, rank and deviation from the values and the
 * reference as the server computes them (indicatorTable, which lists them by name). What sorts
 * them by name ($lib/i18n/nameOrder) keeps the level's name order from one indicator to the next.
 */
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

/** The map's values of the level (what /api/werte answers for the same indicator and year), from the columns. */
export function levelValuesOf({ level, indicator, year, columns: c }: ColumnTable): LevelValues {
	const withheld = new Set(c.suppressed);
	return {
		level,
		indicator: indicator.id,
		year,
		ids: c.area,
		values: c.value.map((v, i) => (withheld.has(i) ? null : v)),
		suppressed: c.suppressed,
		...(year === null ? { years: c.year } : {})
	};
}
