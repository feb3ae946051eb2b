// Shared-vertex bookkeeping for a planar tiling: polygons whose rings are lists of vertex ids, so
// that neighbours use the very same coordinates along a common border. Rings are open (the
// closing vertex is not repeated); exterior rings counter-clockwise, holes clockwise.
import { planarRingArea, type XY } from './plane';

/** A polygon as vertex ids: ring 0 is the exterior, the rest are holes. */
export type IdPolygon = number[][];

/** Vertices clustered on a grid of size eps: points closer than eps get one id (the first seen). */
export class VertexTable {
	readonly pts: XY[] = [];
	private readonly grid = new Map<string, number[]>();
	constructor(readonly eps: number) {}

	id(p: XY): number {
		const gx = Math.floor(p[0] / this.eps);
		const gy = Math.floor(p[1] / this.eps);
		for (let dx = -1; dx <= 1; dx++) {
			for (let dy = -1; dy <= 1; dy++) {
				for (const k of this.grid.get(`${gx + dx},${gy + dy}`) ?? []) {
					const q = this.pts[k];
					if (Math.hypot(q[0] - p[0], q[1] - p[1]) < this.eps) return k;
				}
			}
		}
		const k = this.pts.length;
		this.pts.push([p[0], p[1]]);
		const key = `${gx},${gy}`;
		const cell = this.grid.get(key);
		if (cell) cell.push(k);
		else this.grid.set(key, [k]);
		return k;
	}
}

/** Drops repeated consecutive ids and spikes (a, b, a), which carry no area. */
export function cleanRing(ring: readonly number[]): number[] {
	let r = ring.filter((v, k) => v !== ring[(k + 1) % ring.length]);
	for (let changed = true; changed && r.length >= 3;) {
		changed = false;
		for (let k = 0; k < r.length; k++) {
			const prev = r[(k + r.length - 1) % r.length];
			const next = r[(k + 1) % r.length];
			if (prev === next) {
				// Remove the spike tip and one copy of its base.
				r = r.filter((_, m) => m !== k && m !== (k + 1) % r.length);
				changed = true;
				break;
			}
		}
	}
	return r.length >= 3 ? r : [];
}

/**
 * Inserts every vertex that lies on an edge (within eps, strictly between its ends) into that
 * edge, so that no polygon has a T-junction against a neighbour's vertex.
 */
export function insertTJunctions(polygons: IdPolygon[], pts: readonly XY[], eps: number): IdPolygon[] {
	const used = [...new Set(polygons.flat(2))].sort((a, b) => a - b);
	return polygons.map((poly) =>
		poly.map((ring) => {
			const out: number[] = [];
			for (let k = 0; k < ring.length; k++) {
				const a = ring[k];
				const b = ring[(k + 1) % ring.length];
				out.push(a);
				const [ax, ay] = pts[a];
				const dx = pts[b][0] - ax;
				const dy = pts[b][1] - ay;
				const len2 = dx * dx + dy * dy;
				if (len2 === 0) continue;
				const len = Math.sqrt(len2);
				const onEdge: Array<[number, number]> = [];
				for (const v of used) {
					if (v === a || v === b) continue;
					const [px, py] = pts[v];
					const t = ((px - ax) * dx + (py - ay) * dy) / len2;
					if (t * len <= eps || (1 - t) * len <= eps) continue;
					if (Math.abs((px - ax) * dy - (py - ay) * dx) / len < eps) onEdge.push([t, v]);
				}
				onEdge.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
				for (const [, v] of onEdge) out.push(v);
			}
			return cleanRing(out);
		})
	);
}

const edgeKey = (a: number, b: number) => `${a}>${b}`;

/** Length of the border that two polygons share (edges one walks a→b and the other b→a). */
export function sharedBorderLength(p: IdPolygon, q: IdPolygon, pts: readonly XY[]): number {
	const qEdges = new Set<string>();
	for (const ring of q) ring.forEach((a, k) => qEdges.add(edgeKey(a, ring[(k + 1) % ring.length])));
	let len = 0;
	for (const ring of p) {
		ring.forEach((a, k) => {
			const b = ring[(k + 1) % ring.length];
			if (qEdges.has(edgeKey(b, a))) len += Math.hypot(pts[b][0] - pts[a][0], pts[b][1] - pts[a][1]);
		});
	}
	return len;
}

/**
 * Union of polygons that touch along shared edges: the edges walked both ways cancel, the rest
 * is traced into rings. At a vertex with several ways on, the tracer takes the first one clockwise
 * from where it came, which keeps each traced ring simple. Exterior first, then holes.
 */
export function mergePolygons(polys: readonly IdPolygon[], pts: readonly XY[]): IdPolygon {
	const edges = new Map<string, [number, number]>();
	for (const poly of polys) {
		for (const ring of poly) {
			ring.forEach((a, k) => {
				const b = ring[(k + 1) % ring.length];
				if (edges.has(edgeKey(b, a))) edges.delete(edgeKey(b, a));
				else edges.set(edgeKey(a, b), [a, b]);
			});
		}
	}
	const outgoing = new Map<number, number[]>();
	for (const [a, b] of [...edges.values()].sort((p, q) => p[0] - q[0] || p[1] - q[1])) {
		const list = outgoing.get(a);
		if (list) list.push(b);
		else outgoing.set(a, [b]);
	}
	const angle = (from: number, to: number) => Math.atan2(pts[to][1] - pts[from][1], pts[to][0] - pts[from][0]);
	const rings: number[][] = [];
	for (const start of [...outgoing.keys()].sort((a, b) => a - b)) {
		while ((outgoing.get(start)?.length ?? 0) > 0) {
			const ring = [start];
			let prev = start;
			let cur = outgoing.get(start)!.shift()!;
			while (cur !== start) {
				ring.push(cur);
				const options = outgoing.get(cur) ?? [];
				if (options.length === 0) break;
				const back = angle(cur, prev);
				let pick = 0;
				let bestTurn = Infinity;
				options.forEach((v, k) => {
					// Clockwise angle from the way back to the candidate, in (0, 2π].
					let turn = back - angle(cur, v);
					while (turn <= 0) turn += 2 * Math.PI;
					if (turn < bestTurn) {
						bestTurn = turn;
						pick = k;
					}
				});
				prev = cur;
				cur = options.splice(pick, 1)[0];
			}
			const clean = cleanRing(ring);
			if (clean.length >= 3) rings.push(clean);
		}
	}
	const area = (r: number[]) => planarRingArea(r.map((v) => pts[v]));
	const exteriors = rings.filter((r) => area(r) > 0).sort((p, q) => area(q) - area(p));
	const holes = rings.filter((r) => area(r) < 0);
	return [...exteriors, ...holes];
}
