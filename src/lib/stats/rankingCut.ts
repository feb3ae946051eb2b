// The ranking of a large level, cut: the top and bottom N and the selected areas in their places,
// with a gap where areas are left out saying how many. A 10,000-bar ranking shows nothing a reader
// can take in; the ends and the areas one asked about are what a ranking is read for.

export type CutItem<R> = { kind: 'row'; row: R; position: number } | { kind: 'gap'; count: number; after: number };

/**
 * `sorted`: the ranked rows, best first. Keeps positions [0, n) and [len − n, len) and those of the
 * selected ids; each run of left-out positions becomes one gap. `n` ≥ len / 2 keeps every row.
 */
export function rankingCut<R extends { area: string }>(sorted: readonly R[], selection: readonly string[], n: number): CutItem<R>[] {
	const len = sorted.length;
	const wanted = new Set(selection);
	const kept: number[] = [];
	for (let i = 0; i < len; i++) if (i < n || i >= len - n || wanted.has(sorted[i].area)) kept.push(i);
	const items: CutItem<R>[] = [];
	let previous = -1;
	for (const i of kept) {
		if (i > previous + 1) items.push({ kind: 'gap', count: i - previous - 1, after: previous });
		items.push({ kind: 'row', row: sorted[i], position: i });
		previous = i;
	}
	return items;
}
