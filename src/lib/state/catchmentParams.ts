// Validation of catchment parameters, shared by the API (400 problem+json naming the parameter)
// and the page (a clear message; the previous state stays). Pure: no HTTP, no DOM.
import { CATCHMENT_MODES, MAX_DISTANCE_M, MAX_RINGS, isCatchmentMode, readDistances, type CatchmentMode } from './viewCatchment';

export { CATCHMENT_MODES, MAX_DISTANCE_M, MAX_RINGS, type CatchmentMode } from './viewCatchment';

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

export const fail = (error: string): Checked<never> => ({ ok: false, error });

export const clip = (s: string) => (s.length > 40 ? s.slice(0, 40) + '…' : s);

/** The distances of a list, or why not (in English, for the API's problems and the forms). */
export function checkDistances(raw: string | null): Checked<number[]> {
	const read = readDistances(raw);
	if (read.ok) return read;
	const [kind, value] = read.problem;
	return fail(
		kind === 'count'
			? `at most ${MAX_RINGS} distances, not ${value}`
			: kind === 'number'
				? `"${clip(String(value))}" is not a number of metres`
				: kind === 'low'
					? `distance ${value} m must be greater than 0`
					: `distance ${value} m is over the limit of ${MAX_DISTANCE_M} m`
	);
}

export function checkMode(raw: string | null): Checked<CatchmentMode> {
	if (raw === null || raw === '') return { ok: true, value: 'rings' };
	return isCatchmentMode(raw) ? { ok: true, value: raw } : fail(`mode must be ${CATCHMENT_MODES.join(' or ')}`);
}

export const MAX_ADDED = 10;

/** A single distance, e.g. for the best next location. */
export function checkDistance(raw: string | null, fallback: number): Checked<number> {
	if (raw === null || raw.trim() === '') return { ok: true, value: fallback };
	const checked = checkDistances(raw);
	if (!checked.ok) return checked;
	if (checked.value.length !== 1) return fail('exactly one distance in metres');
	return { ok: true, value: checked.value[0] };
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
