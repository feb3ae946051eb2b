// Standardisation of area values: z-scores with the population standard deviation (σ of the
// areas themselves, not an estimate for a larger population), centred on their mean or on a
// reference such as the city value. Missing values stay missing. Mean and σ are
// simple-statistics'; this module adds the missing values. The z itself is written out: its
// zScore would join the simple-statistics chunk that /embed loads (see correlation.ts).
import { mean, standardDeviation } from 'simple-statistics';

export interface Standardisation {
	centre: number;
	/** Population standard deviation of the present values; 0 when they are all equal. */
	sd: number;
	/** Number of present values. */
	n: number;
}

export function standardisation(values: (number | null)[], centre?: number | null): Standardisation | null {
	const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
	const n = present.length;
	if (n === 0) return null;
	// Equal values are exactly 0 apart: their float mean may not be, which would give a σ of 1e-17.
	const sd = present.every((v) => v === present[0]) ? 0 : standardDeviation(present);
	return { centre: centre ?? mean(present), sd, n };
}

/**
 * z = (x − centre) / σ. With a reference centre (the city value), z reads "σ above the city",
 * the same scale the stddev classification uses. All z are null when σ is 0 (nothing to tell apart).
 */
export function zScores(values: (number | null)[], centre?: number | null): (number | null)[] {
	const s = standardisation(values, centre);
	if (!s || s.sd === 0) return values.map(() => null);
	return values.map((v) => (v === null || !Number.isFinite(v) ? null : (v - s.centre) / s.sd));
}
