// Self-intersections of a polygon's rings as @turf/kinks finds them (the same points, in the same order,
// as often), but testing only segment pairs whose boxes meet (flatbush) instead of every pair:
// a municipality of VG250 has thousands of vertices, and the pairwise scan took most of a large import.
import Flatbush from 'flatbush';

/**
 * Margin (degrees) around each segment's box: a pair a rounding error could make meet is still tested.
 * Far below any real distance between vertices (1e-9° is about 0.1 mm).
 */
const MARGIN = 1e-9;

/** The first self-intersection turf's kinks reports and how many it reports; null where there is none. */
export function firstKink(rings: number[][][]): { at: [number, number]; n: number } | null {
	const starts: number[] = [];
	let total = 0;
	for (const ring of rings) {
		starts.push(total);
		total += Math.max(0, ring.length - 1);
	}
	if (total === 0) return null;
	const index = new Flatbush(total);
	for (const ring of rings)
		for (let i = 0; i + 1 < ring.length; i++) {
			const [a, b] = [ring[i], ring[i + 1]];
			index.add(Math.min(a[0], b[0]) - MARGIN, Math.min(a[1], b[1]) - MARGIN, Math.max(a[0], b[0]) + MARGIN, Math.max(a[1], b[1]) + MARGIN);
		}
	index.finish();
	// The ring of segment s: the last ring starting at or before it (rings without segments share a start).
	const ringOf = (s: number) => {
		let [lo, hi] = [0, starts.length - 1];
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (starts[mid] <= s) lo = mid;
			else hi = mid - 1;
		}
		return lo;
	};

	let first: [number, number] | null = null;
	let n = 0;
	// turf's order: each ring against each ring (itself too, both ways round), its segments i, then the other's k ≥ i.
	rings.forEach((line1) => {
		// The candidate pairs (i, k) with each other ring, in the order of i, then k.
		const pairs = new Map<number, number[]>();
		for (let i = 0; i + 1 < line1.length; i++) {
			const [a, b] = [line1[i], line1[i + 1]];
			const found = index.search(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])).sort((x, y) => x - y);
			for (const s of found) {
				const r2 = ringOf(s);
				const k = s - starts[r2];
				if (k < i) continue;
				const list = pairs.get(r2) ?? [];
				if (list.length === 0) pairs.set(r2, list);
				list.push(i, k);
			}
		}
		rings.forEach((line2, r2) => {
			const list = pairs.get(r2);
			if (!list) return;
			for (let p = 0; p < list.length; p += 2) {
				const [i, k] = [list[p], list[p + 1]];
				if (line1 === line2) {
					if (Math.abs(i - k) === 1) continue;
					// The first and the last segment of a closed ring meet at its start.
					if (i === 0 && k === line1.length - 2 && line1[i][0] === line1[line1.length - 1][0] && line1[i][1] === line1[line1.length - 1][1]) continue;
				}
				const hit = lineIntersects(line1[i], line1[i + 1], line2[k], line2[k + 1]);
				if (!hit) continue;
				n++;
				first ??= hit;
			}
		});
	});
	return first ? { at: first, n } : null;
}

/** The crossing of two segments, computed exactly as @turf/kinks does (the same float operations). */
function lineIntersects(s1: number[], e1: number[], s2: number[], e2: number[]): [number, number] | null {
	const denominator = (e2[1] - s2[1]) * (e1[0] - s1[0]) - (e2[0] - s2[0]) * (e1[1] - s1[1]);
	if (denominator === 0) return null;
	const dy = s1[1] - s2[1];
	const dx = s1[0] - s2[0];
	const a = ((e2[0] - s2[0]) * dy - (e2[1] - s2[1]) * dx) / denominator;
	const b = ((e1[0] - s1[0]) * dy - (e1[1] - s1[1]) * dx) / denominator;
	if (!(a >= 0 && a <= 1 && b >= 0 && b <= 1)) return null;
	return [s1[0] + a * (e1[0] - s1[0]), s1[1] + a * (e1[1] - s1[1])];
}
