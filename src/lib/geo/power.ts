// Power-diagram cells in the local plane, and the measures of a cell inside a (non-convex)
// outline that the weight fit needs: its area and the length of each border inside the outline.
// Rings here are open (no repeated closing vertex) arrays of plane coordinates.
import type { LocalPlane, XY } from './plane';

/** Convex polygon, counter-clockwise; edge k runs pts[k] → pts[k+1] and borders cell labels[k] (−1: the box). */
export interface PowerCell {
	pts: XY[];
	labels: number[];
}

/**
 * Cell i of the power diagram of sites with weights, cut to a convex box:
 * { x : |x−p_i|² − w_i ≤ |x−p_j|² − w_j ∀ j }, one half-plane 2x·(p_j−p_i) ≤ |p_j|²−|p_i|²+w_i−w_j per j.
 */
export function powerCell(i: number, sites: readonly XY[], weights: readonly number[], box: readonly XY[]): PowerCell {
	let pts: XY[] = box.map((p) => [p[0], p[1]]);
	let labels: number[] = box.map(() => -1);
	const [xi, yi] = sites[i];
	for (let j = 0; j < sites.length && pts.length > 0; j++) {
		if (j === i) continue;
		const [xj, yj] = sites[j];
		const ax = 2 * (xj - xi);
		const ay = 2 * (yj - yi);
		const c = xj * xj + yj * yj - xi * xi - yi * yi + weights[i] - weights[j];
		const f = pts.map((p) => ax * p[0] + ay * p[1] - c);
		if (f.every((v) => v <= 0)) continue;
		const nextPts: XY[] = [];
		const nextLabels: number[] = [];
		for (let k = 0, n = pts.length; k < n; k++) {
			const k1 = (k + 1) % n;
			const inK = f[k] <= 0;
			const inK1 = f[k1] <= 0;
			if (inK) {
				nextPts.push(pts[k]);
				nextLabels.push(labels[k]);
			}
			if (inK !== inK1) {
				const t = f[k] / (f[k] - f[k1]);
				const a = pts[k];
				const b = pts[k1];
				nextPts.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
				// Leaving the half-plane, the new edge runs along the border with j.
				nextLabels.push(inK ? j : labels[k]);
			}
		}
		pts = nextPts;
		labels = nextLabels;
	}
	return { pts, labels };
}

/**
 * Sutherland–Hodgman clip of every ring by a convex polygon. For a non-convex subject the result
 * may contain zero-width bridges along the clip edges; they are walked once each way, so the
 * signed area of the result is still exactly the area of the intersection — all the fit needs.
 */
export function clipRingsToConvex(rings: readonly (readonly XY[])[], convex: readonly XY[]): XY[][] {
	const out: XY[][] = [];
	for (const ring of rings) {
		let poly: XY[] = ring.slice() as XY[];
		for (let e = 0, m = convex.length; e < m && poly.length > 0; e++) {
			const a = convex[e];
			const b = convex[(e + 1) % m];
			const ex = b[0] - a[0];
			const ey = b[1] - a[1];
			const side = poly.map((p) => ex * (p[1] - a[1]) - ey * (p[0] - a[0]));
			const next: XY[] = [];
			for (let k = 0, n = poly.length; k < n; k++) {
				const k1 = (k + 1) % n;
				const inK = side[k] >= 0;
				const inK1 = side[k1] >= 0;
				if (inK) next.push(poly[k]);
				if (inK !== inK1) {
					const t = side[k] / (side[k] - side[k1]);
					const p = poly[k];
					const q = poly[k1];
					next.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
				}
			}
			poly = next;
		}
		if (poly.length >= 3) out.push(poly);
	}
	return out;
}

/** Even-odd point-in-polygon over all rings (exterior and holes). */
export function insideRings(p: readonly number[], rings: readonly (readonly XY[])[]): boolean {
	let inside = false;
	for (const ring of rings) {
		for (let k = 0, n = ring.length, l = n - 1; k < n; l = k++) {
			const a = ring[k];
			const b = ring[l];
			if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) {
				inside = !inside;
			}
		}
	}
	return inside;
}

/**
 * The part of the segment a→b that lies inside the rings: its length, and the centre of mass of
 * that part (a weighted mean of the midpoints of its pieces; a when nothing lies inside).
 */
export function segmentInside(a: XY, b: XY, rings: readonly (readonly XY[])[]): { length: number; centre: XY } {
	const dx = b[0] - a[0];
	const dy = b[1] - a[1];
	const ts = [0, 1];
	for (const ring of rings) {
		for (let k = 0, n = ring.length; k < n; k++) {
			const p = ring[k];
			const q = ring[(k + 1) % n];
			const ex = q[0] - p[0];
			const ey = q[1] - p[1];
			const den = dx * ey - dy * ex;
			if (den === 0) continue;
			const t = ((p[0] - a[0]) * ey - (p[1] - a[1]) * ex) / den;
			const u = ((p[0] - a[0]) * dy - (p[1] - a[1]) * dx) / den;
			if (t > 0 && t < 1 && u >= 0 && u <= 1) ts.push(t);
		}
	}
	ts.sort((s, t) => s - t);
	let len = 0;
	let moment = 0;
	for (let k = 0; k + 1 < ts.length; k++) {
		const tm = (ts[k] + ts[k + 1]) / 2;
		if (insideRings([a[0] + tm * dx, a[1] + tm * dy], rings)) {
			len += ts[k + 1] - ts[k];
			moment += (ts[k + 1] - ts[k]) * tm;
		}
	}
	const tc = len > 0 ? moment / len : 0;
	return { length: len * Math.hypot(dx, dy), centre: [a[0] + tc * dx, a[1] + tc * dy] };
}

/** Length of the segment a→b that lies inside the rings. */
export function lengthInside(a: XY, b: XY, rings: readonly (readonly XY[])[]): number {
	return segmentInside(a, b, rings).length;
}

/** Spherical area (m²) of a power cell inside the outline rings. */
export function cellAreaInside(cell: PowerCell, rings: readonly (readonly XY[])[], plane: LocalPlane): number {
	let area = 0;
	for (const r of clipRingsToConvex(rings, cell.pts)) area += plane.ringAreaM2(r);
	return area;
}
