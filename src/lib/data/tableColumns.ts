// An indicator table in columns (issue #21), `/api/indicators/{id}?format=columns`: a large level's
// 11,299 rows repeat every key and carry rank and deviation, which follow from the values and the
// reference. Columns without those are a fifth of the brotli bytes; the page turns them back into
// the same rows with the server's own functions. The areas come in the level's order, the position
// being the tile feature's id: the map's values are read from the same answer (levelValuesOf).
import { compareNames } from '$lib/i18n';
import { markNameOrdered } from '$lib/i18n/nameOrder';
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
 * The rows again, in name order as the API lists a table (indicatorTable), rank and deviation from
 * the values and the reference as the server computes them.
 */
export function fromColumns({ columns: c, ...table }: ColumnTable): IndicatorTable {
	const ranks = rankDescending(c.value);
	const withheld = new Set(c.suppressed);
	const rows = Array.from(namePermutation(c.name), (i) => ({
		area: c.area[i],
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
	}));
	return { ...table, rows: markNameOrdered(rows) as IndicatorRow[] };
}

/** The last names put in order, and their order: every indicator of a level lists the same names. */
let lastOrder: { names: readonly string[]; order: number[] } | null = null;

/**
 * The positions of `names` in German name order (a stable sort, as the server's). Sorting VG250's
 * 11,299 names takes about 25 ms; the next indicator's names, the same, are only compared.
 */
function namePermutation(names: readonly string[]): number[] {
	const known = lastOrder;
	if (known && known.names.length === names.length && known.names.every((n, i) => n === names[i])) return known.order;
	const order = names.map((_, i) => i).sort((a, b) => compareNames(names[a], names[b]));
	lastOrder = { names, order };
	return order;
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
