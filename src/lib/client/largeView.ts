// What the atlas's load asks for on a large level's view (issue #21), in a module of its own that
// only such a view loads (the embed's JS is budgeted): the table in columns, a fifth of the bytes
// ($lib/data/tableColumns), and the level's values for the map, which the server then inlines into
// the page, so the map started before hydration colours the level without a request.
import type { IndicatorTable } from '$lib/data/responses';
import { fromColumns, type ColumnTable } from '$lib/data/tableColumns';
import { levelValues, valuesPath } from '$lib/map/values';
import type { ViewState } from '$lib/state/view';
import type { JsonGet } from './atlasView';

/** The rows of each columns answer, made once: a kept answer (the atlas page's `get`) gives back the very same table. */
const tables = new WeakMap<ColumnTable, IndicatorTable>();

/**
 * The table through `get`, which on the atlas page keeps its answers (answers.ts): a change of the
 * classification then neither builds a response of the half-megabyte answer again nor parses it
 * (about 60 ms a change on the 100 m grid).
 */
export async function largeTable(get: JsonGet, fetch: typeof globalThis.fetch, tablePath: string, view: ViewState): Promise<IndicatorTable> {
	// The values are asked for here only to be inlined: an indicator without values on the level (a
	// 404) is the map's to report (LargeLevelLayers' status line), not a reason to fail the page.
	const values = levelValues(valuesPath(view.level, view.indicator, view.year), fetch).catch(() => null);
	const [columns] = await Promise.all([get<ColumnTable>(`${tablePath}&format=columns`), values]);
	return keptTable(columns);
}

/** The rows of a columns answer, the same object for the same (kept) answer. */
export function keptTable(columns: ColumnTable): IndicatorTable {
	let table = tables.get(columns);
	if (!table) tables.set(columns, (table = fromColumns(columns)));
	return table;
}
