// A large level's answers made before anyone asks (issue #21). An indicator change on a large
// level asks for its table in columns and its series; the first request for each made the server
// compute and compress it while the atlas waited (on VG250's 11,299 Gemeinden about 30 ms for the
// table and 10 ms for the series, of a change that should draw within 100 ms). As the server starts
// and after every data change, it asks itself for these answers, one after another, as an
// anonymous browser would, and the response cache (responseCache.ts) keeps them: the first user's
// change is answered from memory like every later one. Only the public catalogue is warmed (the
// cache keeps nothing else), and only the latest year, which an indicator change shows.
import { indicatorTablePath, seriesPath } from '$lib/data/apiPaths';
import { healthState } from './health';
import { responseCache } from './responseCache';
import { getStore, type Store } from './store';
import { publicStore } from './visibility';

const WARM_UP_KEY = Symbol.for('kontoratlas.warmUp');

/** Asks this server for a path as an anonymous browser accepting brotli; resolves with the status once the answer is read. */
type LocalGet = (path: string) => Promise<number>;

/** Paths warmed at most per data version (a city with many indicators on several large levels). */
const MAX_WARM_PATHS = 200;
/** After a data change, the wait before warming: imports that change several things are warmed for once. */
const WARM_DELAY_MS = 1000;

/**
 * What the atlas asks for when the indicator changes on a large level without a selection (the
 * same paths, apiPaths.ts): each indicator's table in columns, then its series.
 */
function warmUpPaths(store: Pick<Store, 'levelInfos' | 'derived'>): string[] {
	const paths: string[] = [];
	for (const level of store.levelInfos.filter((l) => l.large))
		for (const { id } of store.derived.indicators) paths.push(`${indicatorTablePath(id, level.id, null)}&format=columns`, seriesPath(id, level.id, []));
	return paths.slice(0, MAX_WARM_PATHS);
}

/** Requests the paths one after another until `stale()`. A failed request is logged and skipped. */
async function warmUp(get: LocalGet, paths: string[], stale: () => boolean): Promise<void> {
	for (const path of paths) {
		if (stale()) return;
		try {
			await get(path);
		} catch (e) {
			console.error(`warm-up: ${path} could not be requested:`, e instanceof Error ? e.message : e);
		}
	}
}

/**
 * For server.js: warms the large levels' answers now, and again WARM_DELAY_MS after each data
 * change (the response cache is emptied then). Runs one warm-up at a time; a change during one
 * stops it and starts the next.
 */
function startWarmUp(get: LocalGet): void {
	const cache = responseCache();
	let running: Promise<unknown> = Promise.resolve();
	let timer: ReturnType<typeof setTimeout> | null = null;
	const run = () => {
		timer = null;
		const generation = cache.generation;
		running = running.then(async () => {
			if (generation !== cache.generation) return;
			let paths: string[];
			try {
				paths = warmUpPaths(publicStore(getStore()));
			} catch (e) {
				// A store not loaded yet (a database still starting): its first request loads it, unwarmed.
				console.error('warm-up: the store could not be read:', e instanceof Error ? e.message : e);
				return;
			}
			// Stopped by a data change (its answers would not be kept) or by the server shutting down.
			await warmUp(get, paths, () => generation !== cache.generation || healthState().draining);
		});
	};
	cache.onInvalidate(() => {
		if (timer) clearTimeout(timer);
		timer = setTimeout(run, WARM_DELAY_MS);
		timer.unref();
	});
	run();
}

/** Makes startWarmUp reachable for server.js, which imports the app but none of its modules. */
export function registerWarmUp(): void {
	(globalThis as typeof globalThis & { [WARM_UP_KEY]?: typeof startWarmUp })[WARM_UP_KEY] = startWarmUp;
}
