// Pearson's correlation coefficient of two indicators over the areas that have both values,
// with n, so a chart can say how many pairs the r rests on. Written out rather than
// simple-statistics' sampleCorrelation, for a measured reason: the bundler puts the
// simple-statistics modules the pages use into one shared chunk that /embed loads too, and
// sampleCorrelation (with sampleCovariance and sampleVariance) made it 0.2 KB gzip larger,
// past the embed's budget (npm run bench:size: its own JS ≤ 60 KB gzip, 59.8 KB before).

export interface Correlation {
	/** null when fewer than 3 pairs or one variable does not vary. */
	r: number | null;
	/** Number of complete pairs. */
	n: number;
}

export function pearson(xs: (number | null)[], ys: (number | null)[]): Correlation {
	if (xs.length !== ys.length) throw new Error('pearson: xs and ys must have the same length');
	const pairs: [number, number][] = [];
	for (let i = 0; i < xs.length; i++) {
		const x = xs[i];
		const y = ys[i];
		if (x !== null && y !== null && Number.isFinite(x) && Number.isFinite(y)) pairs.push([x, y]);
	}
	const n = pairs.length;
	if (n < 3) return { r: null, n };
	// Equal values do not vary, although their float mean may differ from them by 1e-17.
	const constant = (k: 0 | 1) => pairs.every((p) => p[k] === pairs[0][k]);
	if (constant(0) || constant(1)) return { r: null, n };
	const mx = pairs.reduce((s, p) => s + p[0], 0) / n;
	const my = pairs.reduce((s, p) => s + p[1], 0) / n;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (const [x, y] of pairs) {
		sxy += (x - mx) * (y - my);
		sxx += (x - mx) ** 2;
		syy += (y - my) ** 2;
	}
	// Clamp rounding noise so |r| never exceeds 1.
	return { r: Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))), n };
}
