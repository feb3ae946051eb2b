// Pearson's correlation coefficient of two indicators over the areas that have both values,
// with n, so a chart can say how many pairs the r rests on.

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
	if (sxx === 0 || syy === 0) return { r: null, n };
	// Clamp rounding noise so |r| never exceeds 1.
	return { r: Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))), n };
}
