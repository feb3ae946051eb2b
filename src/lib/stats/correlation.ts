// Pearson's correlation coefficient of two indicators over the areas that have both values,
// with n, so a chart can say how many pairs the r rests on. The coefficient is
// simple-statistics' sampleCorrelation; this module picks the complete pairs and the cases without r.
import { sampleCorrelation } from 'simple-statistics';

export interface Correlation {
	/** null when fewer than 3 pairs or one variable does not vary. */
	r: number | null;
	/** Number of complete pairs. */
	n: number;
}

export function pearson(xs: (number | null)[], ys: (number | null)[]): Correlation {
	if (xs.length !== ys.length) throw new Error('pearson: xs and ys must have the same length');
	const x: number[] = [];
	const y: number[] = [];
	for (let i = 0; i < xs.length; i++) {
		const a = xs[i];
		const b = ys[i];
		if (a !== null && b !== null && Number.isFinite(a) && Number.isFinite(b)) {
			x.push(a);
			y.push(b);
		}
	}
	const n = x.length;
	if (n < 3) return { r: null, n };
	const constant = (v: number[]) => v.every((e) => e === v[0]);
	if (constant(x) || constant(y)) return { r: null, n };
	// Clamp rounding noise so |r| never exceeds 1.
	return { r: Math.max(-1, Math.min(1, sampleCorrelation(x, y))), n };
}
