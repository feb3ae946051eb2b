// What the atlas's load asks for on a large level's view (issue #21), in a module of its own that
// only such a view loads (the embed's JS is budgeted): the table in columns, a fifth of the bytes
// ($lib/data/tableColumns), and the level's values for the map, which the server then inlines into
// the page, so the map started before hydration colours the level without a request.
import type { IndicatorTable } from '$lib/data/responses';
import { fromColumns, type ColumnTable } from '$lib/data/tableColumns';
import { levelValues, valuesPath } from '$lib/map/values';
import type { ViewState } from '$lib/state/view';

export async function largeTable(fetch: typeof globalThis.fetch, tablePath: string, view: ViewState): Promise<IndicatorTable> {
	// The values are asked for here only to be inlined: an indicator without values on the level (a
	// 404) is the map's to report (LargeLevelLayers' status line), not a reason to fail the page.
	const values = levelValues(valuesPath(view.level, view.indicator, view.year), fetch).catch(() => null);
	const [res] = await Promise.all([fetch(`${tablePath}&format=columns`), values]);
	if (!res.ok) throw new Error(`${tablePath}: ${res.status}`);
	return fromColumns((await res.json()) as ColumnTable);
}
