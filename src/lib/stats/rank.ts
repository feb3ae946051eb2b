// Ranks and deviations of area values against a reference (the city value).

/**
 * Competition ranking ("1224"): rank 1 is the highest value; equal values share the best rank
 * and the next rank skips accordingly, as statistical offices publish rankings.
 * Null values get no rank.
 */
export function rankDescending(values: (number | null)[]): (number | null)[] {
	const sorted = values.filter((v): v is number => v !== null).sort((a, b) => b - a);
	return values.map((v) => (v === null ? null : sorted.indexOf(v) + 1));
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
