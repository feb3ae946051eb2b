// Small number and name helpers of the pipeline stages.

export function round(x: number, decimals: number): number {
	const f = 10 ** decimals;
	return Math.round(x * f) / f;
}

/** The median, rounded to 3 decimals; 0 for no values. */
export function median(xs: number[]): number {
	if (!xs.length) return 0;
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return round(s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2, 3);
}

/** Lower-case ASCII slug of a German name: "Süd" → "sued", "Groß Mahner" → "gross-mahner". */
export function slug(name: string): string {
	return name
		.toLowerCase()
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}
