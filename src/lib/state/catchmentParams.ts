// Validation of catchment parameters, shared by the API (400 problem+json naming the parameter)
// and the page (a clear message; the previous state stays). Pure: no HTTP, no DOM.
import { DEFAULT_DISTANCES } from '$lib/geo/catchmentDefaults';

export const MAX_DISTANCE_M = 20_000;
export const MAX_RINGS = 10;
export const MAX_ADDED = 10;
export const CATCHMENT_MODES = ['rings', 'nearest'] as const;
export type CatchmentMode = (typeof CATCHMENT_MODES)[number];

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const fail = (error: string): Checked<never> => ({ ok: false, error });

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

/** A single distance, e.g. for the best next location. */
export function checkDistance(raw: string | null, fallback: number): Checked<number> {
	if (raw === null || raw.trim() === '') return { ok: true, value: fallback };
	const checked = checkDistances(raw);
	if (!checked.ok) return checked;
	if (checked.value.length !== 1) return fail('exactly one distance in metres');
	return { ok: true, value: checked.value[0] };
}

export function checkMode(raw: string | null): Checked<CatchmentMode> {
	if (raw === null || raw === '') return { ok: true, value: 'rings' };
	return (CATCHMENT_MODES as readonly string[]).includes(raw)
		? { ok: true, value: raw as CatchmentMode }
		: fail(`mode must be ${CATCHMENT_MODES.join(' or ')}`);
}

/** "lon,lat;lon,lat" → points; inside(point) decides whether a point lies in the city. */
export function checkPoints(raw: string | null, inside: (p: [number, number]) => boolean): Checked<[number, number][]> {
	if (raw === null || raw.trim() === '') return { ok: true, value: [] };
	const items = raw.split(';');
	if (items.length > MAX_ADDED) return fail(`at most ${MAX_ADDED} points`);
	const out: [number, number][] = [];
	for (const item of items) {
		const checked = checkPoint(item, inside);
		if (!checked.ok) return checked;
		out.push(checked.value);
	}
	return { ok: true, value: out };
}

export function checkPoint(raw: string, inside: (p: [number, number]) => boolean): Checked<[number, number]> {
	const parts = raw.split(',').map((s) => s.trim());
	const nums = parts.map((s) => (s === '' ? NaN : Number(s)));
	if (parts.length !== 2 || nums.some((x) => !Number.isFinite(x))) return fail(`"${clip(raw)}" is not a point "lon,lat" of two numbers`);
	const p: [number, number] = [round6(nums[0]), round6(nums[1])];
	if (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) return fail(`${p.join(',')} is not a longitude,latitude pair`);
	if (!inside(p)) return fail(`${p.join(',')} lies outside the city`);
	return { ok: true, value: p };
}

/** A comma-separated list of known Kontor ids. */
export function checkKontorIds(raw: string | null, known: string[]): Checked<string[] | null> {
	if (raw === null || raw.trim() === '') return { ok: true, value: null };
	const ids = raw.split(',').map((s) => s.trim());
	const unknown = ids.filter((id) => !known.includes(id));
	if (unknown.length) return fail(`unknown Kontor id(s): ${unknown.map(clip).join(', ')}`);
	return { ok: true, value: [...new Set(ids)] };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const clip = (s: string) => (s.length > 40 ? s.slice(0, 40) + '…' : s);
