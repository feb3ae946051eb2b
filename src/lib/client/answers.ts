// API answers the atlas asked for before, kept in the browser as parsed objects: a change of the view
// (a classification, an indicator) refetches and re-parses only what it changed, and what it did not
// change comes back as the very same object, so the page's derived values and map sources keep theirs.
import type { JsonGet } from './atlasView';

/** A kept answer is trusted this long, as the API's own `max-age` says (server/http.ts); then all are asked again. */
export const ANSWERS_MAX_AGE_MS = 300_000;
/** Paths kept at most (the least recently used goes first): every level's areas, a few views' tables and series. */
export const ANSWERS_MAX_ENTRIES = 64;

interface Generation {
	since: number;
	answers: Map<string, Promise<unknown>>;
}

/**
 * One memo per page (the module lives as long as the page): its answers, started at `since`.
 * Only the browser may use it; on the server one request's objects must never reach another's.
 */
let generation: Generation | null = null;

/**
 * A getter of JSON answers that hands out a path's kept answer while it is younger than the API's
 * `max-age`. A path fetched anew asks the server to revalidate (`cache: 'no-cache'`, a 304 when its
 * ETag still matches): an import that made a new version since the page was loaded shows up at
 * once, not only when the browser's HTTP cache lets go of the old answer. A failed request is not kept.
 */
export function keptAnswers(fetch: typeof globalThis.fetch, now: () => number = Date.now): JsonGet {
	return <T>(path: string): Promise<T> => {
		const t = now();
		if (!generation || t - generation.since > ANSWERS_MAX_AGE_MS) generation = { since: t, answers: new Map() };
		const { answers } = generation;
		const kept = answers.get(path);
		if (kept) {
			// Most recently used last: Map keeps insertion order.
			answers.delete(path);
			answers.set(path, kept);
			return kept as Promise<T>;
		}
		const answer = fetch(path, { cache: 'no-cache' }).then((res) => {
			if (!res.ok) throw new Error(`${path}: ${res.status}`);
			return res.json() as Promise<T>;
		});
		answers.set(path, answer);
		answer.catch(() => {
			if (answers.get(path) === answer) answers.delete(path);
		});
		if (answers.size > ANSWERS_MAX_ENTRIES) answers.delete(answers.keys().next().value!);
		return answer;
	};
}
