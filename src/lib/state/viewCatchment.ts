// The catchment parameters a map view carries (ring distances, mode), validated; in a module of
// their own so the view parser, which /embed's budgeted JS includes, does not pull the checks and
// messages of the forms, the API and the analysis pages (catchmentParams.ts). Pure.
import { DEFAULT_DISTANCES } from '$lib/geo/catchmentDefaults';

export const MAX_DISTANCE_M = 20_000;
export const MAX_RINGS = 10;
export const CATCHMENT_MODES = ['rings', 'nearest'] as const;
export type CatchmentMode = (typeof CATCHMENT_MODES)[number];

type Read = { ok: true; value: number[] } | { ok: false; problem: readonly [kind: 'count' | 'number' | 'low' | 'high', value: string | number] };

/**
 * The one parser of distance lists, for the URL, the forms and the API: "500,1000,1500", "500; 1000"
 * or "500 1000" → [500, 1000, 1500]. Commas, semicolons (German spreadsheets) and spaces separate;
 * each distance > 0 and ≤ 20 km, at most 10, sorted, duplicates dropped. An empty item ("500,,1000")
 * is an error, not skipped, so a typo never silently changes the list.
 */
export function readDistances(raw: string | null): Read {
	if (raw === null || raw.trim() === '') return { ok: true, value: [...DEFAULT_DISTANCES] };
	const items = raw.trim().split(/\s*[,;]\s*|\s+/);
	if (items.length > MAX_RINGS) return { ok: false, problem: ['count', items.length] };
	const values: number[] = [];
	for (const item of items) {
		const d = item === '' ? NaN : Number(item);
		if (!Number.isFinite(d)) return { ok: false, problem: ['number', item] };
		if (d <= 0) return { ok: false, problem: ['low', d] };
		if (d > MAX_DISTANCE_M) return { ok: false, problem: ['high', d] };
		values.push(Math.round(d));
	}
	return { ok: true, value: [...new Set(values)].sort((a, b) => a - b) };
}

/**
 * The distances of a view's URL, or null: the view parser says only which parameter it dropped,
 * and its bundle (the embed's JS is budgeted) carries none of checkDistances' messages
 * (catchmentParams.ts).
 */
export const viewDistances = (raw: string | null): number[] | null => {
	const read = readDistances(raw);
	return read.ok ? read.value : null;
};

export const isCatchmentMode = (raw: string): raw is CatchmentMode => (CATCHMENT_MODES as readonly string[]).includes(raw);
