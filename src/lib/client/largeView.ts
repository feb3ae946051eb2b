// What the atlas's load asks for on a large level's view (issue #21), in a module of its own that
// only such a view loads (the embed's JS is budgeted): the table in columns, a fifth of the bytes
// ($lib/data/tableColumns). It holds the level's values for the map too, in the tiles' order: the
// map started before hydration and the layer component take them from it, without a request of
// their own, and the page carries them once.
import type { IndicatorTable, LevelValues } from '$lib/data/responses';
import { fromColumns, levelValuesOf, type ColumnTable } from '$lib/data/tableColumns';
import { offerLevelValues, valuesPath } from '$lib/map/values';
import type { ViewState } from '$lib/state/view';
import type { JsonGet } from './atlasView';

/** The rows of each columns answer, made once: a kept answer (the atlas page's `get`) gives back the very same table. */
const tables = new WeakMap<ColumnTable, IndicatorTable>();

/**
 * The table through `get`, which on the atlas page keeps its answers (answers.ts): a change of the
 * classification then neither builds a response of the half-megabyte answer again nor parses it
 * (about 60 ms a change on the 100 m grid). Its values are offered to the map.
 */
export async function largeTable(get: JsonGet, tablePath: string, view: ViewState): Promise<IndicatorTable> {
	const columns = await get<ColumnTable>(`${tablePath}&format=columns`);
	offerLevelValues(valuesPath(view.level, view.indicator, view.year), keptValues(columns));
	return keptTable(columns);
}

const values = new WeakMap<ColumnTable, LevelValues>();
/** The map's values of a columns answer, the same object for the same (kept) answer. */
function keptValues(columns: ColumnTable): LevelValues {
	let kept = values.get(columns);
	if (!kept) values.set(columns, (kept = levelValuesOf(columns)));
	return kept;
}

/** The rows of a columns answer, the same object for the same (kept) answer. */
export function keptTable(columns: ColumnTable): IndicatorTable {
	let table = tables.get(columns);
	if (!table) tables.set(columns, (table = fromColumns(columns)));
	return table;
}
