// The compact values of a level (issue #21): what /api/werte/{level} answers (src/lib/server/tilesValues.ts),
// its path, and in the browser the one answer shared by the atlas's load, the map started before
// hydration and the layer component, so that a view's values are asked for once, or not at all
// where the atlas's load has them from its table (offerLevelValues).
import { browser } from '$app/environment';
import type { LevelValues } from '$lib/data/responses';

export type { LevelValues };

export const valuesPath = (level: string, indicator: string, year: number | null) =>
	`/api/werte/${encodeURIComponent(level)}?indikator=${encodeURIComponent(indicator)}${year === null ? '' : `&jahr=${year}`}`;

let last: { path: string; values: Promise<LevelValues> } | null = null;

/**
 * The values at `path`, fetched with `fetcher` unless the browser already asked for the same path
 * last (the server keeps nothing: its requests are of different viewers and versions). A failed
 * request is asked again by the next caller.
 */
export function levelValues(path: string, fetcher: typeof fetch = fetch): Promise<LevelValues> {
	if (browser && last?.path === path) return last.values;
	const values = fetcher(path).then((r) => (r.ok ? (r.json() as Promise<LevelValues>) : Promise.reject(new Error(`${path}: ${r.status}`))));
	if (!browser) return values;
	values.catch(() => {
		if (last?.values === values) last = null;
	});
	last = { path, values };
	return values;
}

/** Values the browser already has (the atlas's table in columns holds them): the next levelValues(path) takes them without a request. */
export function offerLevelValues(path: string, values: LevelValues): void {
	if (browser) last = { path, values: Promise.resolve(values) };
}
