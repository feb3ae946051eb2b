// A large level's other indicators, asked for while the atlas page is idle (issue #21). An indicator
// change on VG250's 11,299 Gemeinden waited 40-60 ms for its table alone (reading 130 KB of brotli
// and parsing 640 KB of JSON) before the map could be coloured; one already kept (answers.ts) is
// drawn in about half the time. Once the map has drawn, the tables and series the indicator select
// would ask for are fetched one at a time, each in an idle moment, at low priority, into the same
// kept answers: a change then finds its answers there, or the request already under way. Not on
// a connection that asks to save data or is 2G-class, and no more than PREFETCH_MAX_INDICATORS.
import type { IndicatorMeta } from '$lib/data/contracts';
import { indicatorTablePath, seriesPath } from '$lib/data/apiPaths';
import type { JsonGet } from './atlasView';

/** Indicators fetched ahead at most: VG250's five all, a catalogue of forty not wholesale (some 130 KB each there). */
export const PREFETCH_MAX_INDICATORS = 6;

/**
 * The paths an indicator change on this large level asks for (built as the load builds them,
 * apiPaths.ts): the next indicators in the catalogue's order after the shown one, wrapping round,
 * each its latest table in columns and its series of the selection.
 */
export function prefetchPaths(indicators: Pick<IndicatorMeta, 'id'>[], shown: string, level: string, selection: string[]): string[] {
	const at = indicators.findIndex((i) => i.id === shown);
	const next = [...indicators.slice(at + 1), ...indicators.slice(0, Math.max(at, 0))].filter((i) => i.id !== shown);
	return next
		.slice(0, PREFETCH_MAX_INDICATORS)
		.flatMap(({ id }) => [`${indicatorTablePath(id, level, null)}&format=columns`, seriesPath(id, level, selection)]);
}

/** What the browser says about its connection (the Network Information API, where there is one). */
interface Connection {
	saveData?: boolean;
	effectiveType?: string;
}

/** Whether fetching ahead is welcome: not where the user asked to save data, nor on a 2G-class connection. */
export function prefetchWelcome(connection: Connection | undefined): boolean {
	return !connection?.saveData && !['slow-2g', '2g'].includes(connection?.effectiveType ?? '');
}

/**
 * Gets the paths through `get` one after another, each in an idle moment (requestIdleCallback,
 * else a timeout), until all are there or the returned function is called.
 */
export function prefetchWhenIdle(get: JsonGet, paths: string[]): () => void {
	let stopped = false;
	let pending: number | null = null;
	const idle = (fn: () => void) =>
		typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 2000 }) : (setTimeout(fn, 50) as unknown as number);
	const next = (i: number) => {
		pending = null;
		if (stopped || i >= paths.length) return;
		// A failed answer is not kept (answers.ts): the change asks again.
		get(paths[i])
			.catch(() => {})
			.then(() => {
				if (!stopped) pending = idle(() => next(i + 1));
			});
	};
	pending = idle(() => next(0));
	return () => {
		stopped = true;
		if (pending === null) return;
		if (typeof cancelIdleCallback === 'function') cancelIdleCallback(pending);
		else clearTimeout(pending);
	};
}
