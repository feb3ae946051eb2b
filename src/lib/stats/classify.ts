// Classification of indicator values for choropleths: class breaks by method, the class of a
// value, and counts per class. Natural breaks use ckmeans from simple-statistics (Wang & Song's
// optimal 1-D k-means, the well-founded successor of Jenks' natural breaks), loaded on first need
// like the mean and standard deviation of stddev classes. Quantiles are written out (below): a
// library's would put a chunk into /embed's JS budget that the default classification needs.

export const METHODS = ['quantile', 'equal', 'jenks', 'stddev', 'manual'] as const;
export type Method = (typeof METHODS)[number];
export const MIN_CLASSES = 3;
export const MAX_CLASSES = 9;
/** The classification of a map nobody has configured, and of the panels shown without a map. */
export const DEFAULT_CLASSIFICATION = { method: 'quantile', classes: 5 } as const satisfies { method: Method; classes: number };

let lazy: typeof import('./lazyStats') | null = null;

/**
 * Makes a method ready for classBreaks. Natural breaks and stddev classes need simple-statistics, a
 * chunk of its own that /embed's budgeted JS carries only for a map classified that way; whatever
 * may classify by a view's method awaits this first (the atlas views' load, the SVG map).
 */
export async function loadMethod(method: Method): Promise<void> {
	if ((method === 'jenks' || method === 'stddev') && !lazy) lazy = await import('./lazyStats');
}

function loaded(method: Method) {
	if (!lazy) throw new Error(`classBreaks: '${method}' needs \`await loadMethod('${method}')\` first`);
	return lazy;
}

export interface ClassOptions {
	method: Method;
	classes: number;
	/** For stddev: the centre (the city value); the series mean when absent. */
	reference?: number | null;
	/** For manual: the inner breaks the user typed, ascending. */
	manual?: number[];
}

/**
 * Class breaks [b0, b1, …, bk] for k classes: b0 is the minimum, bk the maximum of the values
 * (for stddev the outer breaks are the extremes too). Fewer classes come back where the data
 * cannot fill them (e.g. 3 distinct values and 5 classes), never empty duplicate classes.
 */
export function classBreaks(values: number[], opts: ClassOptions): number[] {
	// The engine's numeric sort of a typed array: a comparator's sort took 4 ms of every change on VG250's 11,299 values.
	const sorted = Array.from(Float64Array.from(values.filter(Number.isFinite)).sort());
	if (sorted.length === 0) return [];
	const min = sorted[0];
	const max = sorted[sorted.length - 1];
	if (min === max) return [min, max];
	const k = Math.max(MIN_CLASSES, Math.min(MAX_CLASSES, Math.round(opts.classes)));
	let inner: number[];
	switch (opts.method) {
		case 'quantile':
			inner = Array.from({ length: k - 1 }, (_, i) => quantileSorted(sorted, (i + 1) / k));
			break;
		case 'equal':
			inner = Array.from({ length: k - 1 }, (_, i) => min + ((max - min) * (i + 1)) / k);
			break;
		case 'jenks': {
			const distinct = new Set(sorted).size;
			inner = loaded('jenks')
				.ckmeans(sorted, Math.min(k, distinct))
				.slice(1)
				.map((cluster) => cluster[0]);
			break;
		}
		case 'stddev': {
			// All k classes stay, empty ones too, so the diverging colours stay centred on the reference.
			const breaks = stddevBreaks(sorted, k, opts.reference ?? null);
			if (breaks.length === 0) return [min, max];
			return [Math.min(min, breaks[0]), ...breaks, Math.max(max, breaks[breaks.length - 1])];
		}
		case 'manual':
			inner = (opts.manual ?? []).filter((b) => Number.isFinite(b));
			break;
	}
	// A break at the maximum is kept: it makes a class of the maximum alone (e.g. a ckmeans cluster).
	const unique = [...new Set(inner.filter((b) => b > min && b <= max))].sort((a, b) => a - b);
	return [min, ...unique, max];
}

/** The p-quantile of ascending values by linear interpolation (R's type 7, as simple-statistics' quantileSorted). */
function quantileSorted(sorted: number[], p: number): number {
	const at = (sorted.length - 1) * p;
	const lower = Math.floor(at);
	return lower === at ? sorted[at] : sorted[lower] + (at - lower) * (sorted[lower + 1] - sorted[lower]);
}

/**
 * Inner breaks at standard deviations around the reference, so classes read as "more than 1 σ
 * below the city", …: at whole σ for an even k, at half σ steps (±0.5 σ, ±1.5 σ, …) for an odd k,
 * whose middle class then straddles the reference.
 */
function stddevBreaks(sorted: number[], k: number, reference: number | null): number[] {
	const { mean, standardDeviation } = loaded('stddev');
	const centre = reference ?? mean(sorted);
	const sd = sorted.length > 1 ? standardDeviation(sorted) : 0;
	if (sd === 0) return [];
	return Array.from({ length: k - 1 }, (_, i) => centre + (i - (k - 2) / 2) * sd);
}

/**
 * The class (0-based) of a value. Classes are half-open [b_i, b_{i+1}), the last one closed
 * [b_{k-1}, b_k]: a value equal to an inner break belongs to the class above it.
 * Values outside the breaks (possible with manual breaks) fall in the first or last class.
 */
export function classOf(value: number, breaks: number[]): number {
	const k = breaks.length - 1;
	if (k <= 0) return 0;
	for (let i = k - 1; i >= 1; i--) if (value >= breaks[i]) return i;
	return 0;
}

export function classCounts(values: number[], breaks: number[]): number[] {
	const counts = new Array(Math.max(breaks.length - 1, 1)).fill(0);
	for (const v of values) if (Number.isFinite(v)) counts[classOf(v, breaks)]++;
	return counts;
}
