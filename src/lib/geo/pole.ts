// Pole of inaccessibility: the interior point farthest from a polygon's boundary, the best place
// for a label. The grid-refinement algorithm of mapbox/polylabel (Agafonkin 2016), in plane
// coordinates; written here to spare the project a dependency for forty lines.
import type { XY } from './plane';

interface Probe {
	x: number;
	y: number;
	/** Half the probe's side. */
	h: number;
	/** Signed distance of its centre to the boundary (> 0 inside). */
	d: number;
	/** Best distance any point of the probe can reach. */
	max: number;
}

/** rings: exterior first, then holes, open or closed. Stops when no probe can improve by precision. */
export function poleOfInaccessibility(rings: readonly (readonly XY[])[], precision: number): XY {
	const ext = rings[0];
	const xs = ext.map((p) => p[0]);
	const ys = ext.map((p) => p[1]);
	const [minX, minY, maxX, maxY] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
	const size = Math.min(maxX - minX, maxY - minY);
	const probe = (x: number, y: number, h: number): Probe => {
		const d = signedDistance(x, y, rings);
		return { x, y, h, d, max: d + h * Math.SQRT2 };
	};
	let best = probe(...centroid(ext), 0);
	const bboxCentre = probe((minX + maxX) / 2, (minY + maxY) / 2, 0);
	if (bboxCentre.d > best.d) best = bboxCentre;
	if (size === 0) return [best.x, best.y];

	const queue: Probe[] = [];
	const h = size / 2;
	for (let x = minX; x < maxX; x += size) for (let y = minY; y < maxY; y += size) queue.push(probe(x + h, y + h, h));
	while (queue.length > 0) {
		// Most promising probe last; a sorted array is plenty for the few hundred probes we visit.
		queue.sort((a, b) => a.max - b.max || a.x - b.x || a.y - b.y);
		const p = queue.pop()!;
		if (p.d > best.d) best = p;
		if (p.max - best.d <= precision) continue;
		const q = p.h / 2;
		queue.push(probe(p.x - q, p.y - q, q), probe(p.x + q, p.y - q, q), probe(p.x - q, p.y + q, q), probe(p.x + q, p.y + q, q));
	}
	return [best.x, best.y];
}

function signedDistance(x: number, y: number, rings: readonly (readonly XY[])[]): number {
	let inside = false;
	let min = Infinity;
	for (const ring of rings) {
		for (let k = 0, n = ring.length, l = n - 1; k < n; l = k++) {
			const a = ring[k];
			const b = ring[l];
			if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
			min = Math.min(min, segmentDistance(x, y, a, b));
		}
	}
	return (inside ? 1 : -1) * min;
}

function segmentDistance(x: number, y: number, a: XY, b: XY): number {
	const dx = b[0] - a[0];
	const dy = b[1] - a[1];
	const len2 = dx * dx + dy * dy;
	const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / len2));
	return Math.hypot(x - a[0] - t * dx, y - a[1] - t * dy);
}

function centroid(ring: readonly XY[]): XY {
	let area = 0;
	let cx = 0;
	let cy = 0;
	for (let k = 0, n = ring.length, l = n - 1; k < n; l = k++) {
		const a = ring[k];
		const b = ring[l];
		const f = a[0] * b[1] - b[0] * a[1];
		cx += (a[0] + b[0]) * f;
		cy += (a[1] + b[1]) * f;
		area += f * 3;
	}
	return area === 0 ? [ring[0][0], ring[0][1]] : [cx / area, cy / area];
}
