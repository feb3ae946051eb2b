// The distribution of a large level as a histogram: round bins (d3's ticks and bin, see histogram.ts)
// split at the map's class breaks, so no bin straddles two classes and each bar takes its class's colour.
import { classOf } from './classify';
import { bin, ticks, type Bin } from './histogram';

export interface ClassedBin extends Bin {
	/** The map class of every value in the bin. */
	classIndex: number;
}

/**
 * About `target` bins over the values and the breaks (the outer breaks widen the domain so the
 * classes' ends are on the axis). Values outside stay out of no bin: the domain holds them all.
 */
export function classedBins(values: readonly number[], breaks: readonly number[], target = 30): ClassedBin[] {
	const finite = values.filter(Number.isFinite);
	if (!finite.length) return [];
	let lo = Math.min(...breaks);
	let hi = Math.max(...breaks);
	for (const v of finite) {
		if (v < lo) lo = v;
		if (v > hi) hi = v;
	}
	if (lo === hi) return [{ x0: lo, x1: hi, length: finite.length, classIndex: 0 }];
	const thresholds = [...new Set([...ticks(lo, hi, target), ...breaks.slice(1, -1)])].sort((a, b) => a - b);
	return bin(finite, [lo, hi], thresholds).map((b) => ({ ...b, classIndex: classOf(b.x0, [...breaks]) }));
}
