// What the area table computes without the DOM: sorting, the search filter, the window of rows a
// virtualised table draws, and where a key moves the focused row. Pure, so it is tested on 12,000 rows.
import type { CoreKey } from '$lib/i18n';
import { byNameOf } from '$lib/i18n/nameOrder';
import { LARGE_LEVEL_MIN_AREAS } from '$lib/data/levels';

export type SortKey = 'name' | 'value' | 'rank' | 'deviation' | 'deviationPct';

/** The table's sortable columns, in order. */
export const TABLE_COLUMNS: { key: SortKey; label: CoreKey; numeric: boolean }[] = [
	{ key: 'name', label: 'table.area', numeric: false },
	{ key: 'value', label: 'table.value', numeric: true },
	{ key: 'rank', label: 'table.rank', numeric: true },
	{ key: 'deviation', label: 'table.deviation', numeric: true },
	{ key: 'deviationPct', label: 'table.deviationPct', numeric: true }
];

/** The fields of an indicator row the table sorts and searches by. */
export interface TableRow {
	area: string;
	name: string;
	value: number | null;
	rank: number | null;
	deviation: { absolute: number; relativePct: number | null } | null;
}

/** A table of this many rows or more is virtualised and searchable; a smaller one draws every row as before. */
export const VIRTUAL_MIN_ROWS = LARGE_LEVEL_MIN_AREAS;
/** Row height of the virtualised table in CSS pixels: fixed, so the window follows from the scroll offset alone. */
export const ROW_HEIGHT = 28;
/** Rows drawn beyond the viewport on either side, so a fast scroll or a key press shows no blank. */
export const OVERSCAN = 8;

const keyOf = (r: TableRow, k: Exclude<SortKey, 'name'>): number | null =>
	k === 'value' ? r.value : k === 'rank' ? r.rank : k === 'deviation' ? (r.deviation?.absolute ?? null) : (r.deviation?.relativePct ?? null);

/** Sorted by one column; missing values always last, whatever the direction; ties by name. */
export function sortRows<R extends TableRow>(rows: readonly R[], key: SortKey, ascending: boolean): R[] {
	const byName = byNameOf(rows);
	return [...rows].sort((a, b) => {
		if (key === 'name') return ascending ? byName(a, b) : byName(b, a);
		const x = keyOf(a, key);
		const y = keyOf(b, key);
		if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
		return (ascending ? x - y : y - x) || byName(a, b);
	});
}

/** Lower case without diacritics, so "sud" finds "Süd" and "STRASSE" finds "Straße". */
export function searchable(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.replace(/ß/g, 'ss')
		.toLocaleLowerCase('de');
}

/** The rows whose name or id contains every word of the query (an empty query keeps all). */
export function searchRows<R extends TableRow>(rows: readonly R[], query: string, index: Map<string, string> = searchIndex(rows)): R[] {
	const words = searchable(query).split(/\s+/).filter(Boolean);
	if (!words.length) return [...rows];
	return rows.filter((r) => {
		const text = index.get(r.area) ?? '';
		return words.every((w) => text.includes(w));
	});
}

/** Searchable texts of names and ids seen before: a new indicator's rows have the same ones. */
const searchableText = new Map<string, string>();

/** Each row's searchable text, built once per set of rows, not per keystroke. */
export function searchIndex(rows: readonly TableRow[]): Map<string, string> {
	// Bounded by what a page shows: a few levels' names and ids.
	if (searchableText.size > 100_000) searchableText.clear();
	const text = (s: string) => {
		let t = searchableText.get(s);
		if (t === undefined) searchableText.set(s, (t = searchable(s)));
		return t;
	};
	return new Map(rows.map((r) => [r.area, `${text(r.name)} ${text(r.area)}`]));
}

/** The rows [start, end) a virtualised table draws for a scroll offset and viewport height. */
export function visibleWindow(scrollTop: number, viewport: number, total: number, rowHeight = ROW_HEIGHT, overscan = OVERSCAN): { start: number; end: number } {
	const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
	const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewport)) / rowHeight);
	return { start: Math.max(0, Math.min(total, first - overscan)), end: Math.min(total, last + overscan) };
}

/**
 * The row index a key moves the focus to (grid navigation as in the WAI-ARIA grid pattern):
 * arrows by one, PageUp/PageDown by a viewport of rows, Home/End (also with Ctrl) to the first
 * and last. null: the key does not navigate.
 */
export function keyTarget(key: string, current: number, total: number, page: number): number | null {
	if (total === 0) return null;
	const step = Math.max(1, page);
	const to =
		key === 'ArrowDown'
			? current + 1
			: key === 'ArrowUp'
				? current - 1
				: key === 'PageDown'
					? current + step
					: key === 'PageUp'
						? current - step
						: key === 'Home'
							? 0
							: key === 'End'
								? total - 1
								: null;
	return to === null ? null : Math.max(0, Math.min(total - 1, to));
}

/** The scroll offset that brings row `index` into a viewport, moving as little as possible (unchanged if it is in view). */
export function scrollToShow(index: number, scrollTop: number, viewport: number, rowHeight = ROW_HEIGHT): number {
	const top = index * rowHeight;
	if (top < scrollTop) return top;
	if (top + rowHeight > scrollTop + viewport) return top + rowHeight - viewport;
	return scrollTop;
}
