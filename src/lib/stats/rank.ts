// Ranks and deviations of area values against a reference (the city value).

/**
 * Competition ranking ("1224"): rank 1 is the highest value; equal values share the best rank
 * and the next rank skips accordingly, as statistical offices publish rankings. Missing values
 * have no rank (null). A value's rank is one more than the number of values above it, counted in
 * a sorted copy: the engine's numeric sort of a typed array, where d3.rank's comparisons took
 * 10 ms of every indicator change on VG250's 11,299 Gemeinden (this takes about 2 ms).
 */
export function rankDescending(values: readonly (number | null)[]): (number | null)[] {
	const sorted = Float64Array.from(values.filter((v): v is number => v !== null && !Number.isNaN(v))).sort();
	return values.map((v) => {
		if (v === null || Number.isNaN(v)) return null;
		// The first position holding a larger value.
		let lo = 0;
		let hi = sorted.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (sorted[mid] <= v) lo = mid + 1;
			else hi = mid;
		}
		return sorted.length - lo + 1;
	});
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
