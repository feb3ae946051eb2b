// The catchment parameters a map view carries (ring distances, mode), validated; in a module of
// their own so the view parser, which /embed's budgeted JS includes, does not pull the point and
// Kontor checks of the analysis pages (catchmentParams.ts, which re-exports these). Pure.
import { DEFAULT_DISTANCES } from '$lib/geo/catchmentDefaults';

export const MAX_DISTANCE_M = 20_000;
export const MAX_RINGS = 10;
export const CATCHMENT_MODES = ['rings', 'nearest'] as const;
export type CatchmentMode = (typeof CATCHMENT_MODES)[number];

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

export const fail = (error: string): Checked<never> => ({ ok: false, error });

/**
 * The one parser of distance lists, for the URL, the forms and the API: "500,1000,1500", "500; 1000"
 * or "500 1000" → [500, 1000, 1500]. Commas, semicolons (German spreadsheets) and spaces separate;
 * each distance > 0 and ≤ 20 km, at most 10, sorted, duplicates dropped. An empty item ("500,,1000")
 * is an error, not skipped, so a typo never silently changes the list.
 */
export function checkDistances(raw: string | null): Checked<number[]> {
	if (raw === null || raw.trim() === '') return { ok: true, value: [...DEFAULT_DISTANCES] };
	const items = raw.trim().split(/\s*[,;]\s*|\s+/);
	if (items.length > MAX_RINGS) return fail(`at most ${MAX_RINGS} distances, not ${items.length}`);
	const values: number[] = [];
	for (const item of items) {
		const d = item === '' ? NaN : Number(item);
		if (!Number.isFinite(d)) return fail(`"${clip(item)}" is not a number of metres`);
		if (d <= 0) return fail(`distance ${d} m must be greater than 0`);
		if (d > MAX_DISTANCE_M) return fail(`distance ${d} m is over the limit of ${MAX_DISTANCE_M} m`);
		values.push(Math.round(d));
	}
	return { ok: true, value: [...new Set(values)].sort((a, b) => a - b) };
}

export function checkMode(raw: string | null): Checked<CatchmentMode> {
	if (raw === null || raw === '') return { ok: true, value: 'rings' };
	return (CATCHMENT_MODES as readonly string[]).includes(raw)
		? { ok: true, value: raw as CatchmentMode }
		: fail(`mode must be ${CATCHMENT_MODES.join(' or ')}`);
}

export const clip = (s: string) => (s.length > 40 ? s.slice(0, 40) + '…' : s);
