// Ranks and deviations of area values against a reference (the city value).
import { descending, rank } from 'd3-array';

/**
 * Competition ranking ("1224"): rank 1 is the highest value; equal values share the best rank
 * and the next rank skips accordingly, as statistical offices publish rankings. That is d3.rank's
 * tie rule (ties get the rank of their first position); it counts from 0 and ranks missing values
 * NaN, so this adds 1 and gives them null: no rank.
 */
export function rankDescending(values: (number | null)[]): (number | null)[] {
	return Array.from(
		rank(values, (a: number | null, b: number | null) => descending(a ?? undefined, b ?? undefined)),
		(r) => (Number.isNaN(r) ? null : r + 1)
	);
}

export interface Deviation {
	/** value − reference, in the indicator's unit. */
	absolute: number;
	/** (value − reference) / reference × 100; null when the reference is 0. */
	relativePct: number | null;
}

export function deviation(value: number | null, reference: number | null): Deviation | null {
	if (value === null || reference === null) return null;
	return { absolute: value - reference, relativePct: reference === 0 ? null : ((value - reference) / reference) * 100 };
}
