// The outer border of cells that share exact borders, before the exact union: every edge two cells
// share (once each way) cancels, so the overlay sees only the border of the whole instead of every
// cell's edges (21,576 blocks: 86,000 edges, of which a few thousand are the border).
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * The same area as the union of `shapes`, as polygons (exterior counter-clockwise, holes clockwise)
 * traced along the edges no two shapes share; the result still goes through the exact union, which
 * gives it its final form. Edges are first cut where another shape's vertex lies exactly on them (a
 * T-junction), so borders meet edge for edge. Null where the border does not close into rings that
 * nest (broken input): the caller unions the shapes themselves, as before.
 */
export function borderOf(shapes: (Polygon | MultiPolygon)[]): MultiPolygon | null {
	// Vertices by id (equal coordinates, one id), and directed edges between ids with the shape's interior on their left.
	const ids = new Map<number, Map<number, number>>();
	const xy: Position[] = [];
	const idOf = (p: Position) => {
		let row = ids.get(p[0]);
		if (!row) ids.set(p[0], (row = new Map()));
		let id = row.get(p[1]);
		if (id === undefined) {
			row.set(p[1], (id = xy.length));
			xy.push(p);
		}
		return id;
	};
	const from: number[] = [];
	const to: number[] = [];
	for (const g of shapes)
		for (const rings of g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
			rings.forEach((ring, r) => {
				const ccw = signedArea(ring) > 0;
				const keep = r === 0 ? ccw : !ccw;
				for (let k = 0; k + 1 < ring.length; k++) {
					const [p, q] = [idOf(ring[k]), idOf(ring[k + 1])];
					if (p === q) continue;
					from.push(keep ? p : q);
					to.push(keep ? q : p);
				}
			});
	const [a, b] = splitAtVertices(xy, from, to);

	// Cancel each edge against one running the other way.
	const n = xy.length;
	const count = new Map<number, number>();
	for (let k = 0; k < a.length; k++) {
		const back = b[k] * n + a[k];
		const left = count.get(back) ?? 0;
		if (left > 0) count.set(back, left - 1);
		else count.set(a[k] * n + b[k], (count.get(a[k] * n + b[k]) ?? 0) + 1);
	}
	const out = new Map<number, { to: number; used: boolean }[]>();
	for (const [edge, times] of count) {
		const [f, t] = [Math.floor(edge / n), edge % n];
		const list = out.get(f) ?? [];
		if (list.length === 0 && times > 0) out.set(f, list);
		for (let i = 0; i < times; i++) list.push({ to: t, used: false });
	}

	// Trace each face: from every vertex, the outgoing edge first met turning clockwise from the way back.
	const rings: Position[][] = [];
	for (const [start, list] of out)
		for (const first of list) {
			if (first.used) continue;
			first.used = true;
			const ring = [xy[start]];
			let [prev, cur] = [start, first.to];
			while (cur !== start) {
				ring.push(xy[cur]);
				const next = pick(out.get(cur) ?? [], xy, prev, cur);
				if (!next) return null;
				next.used = true;
				[prev, cur] = [cur, next.to];
			}
			rings.push([...ring, ring[0]]);
		}
	const polygons = assignHoles(rings);
	return polygons && { type: 'MultiPolygon', coordinates: polygons };
}

/** The unused outgoing edge at `at` first met turning clockwise from the direction back to `prev`. */
function pick(list: { to: number; used: boolean }[], xy: Position[], prev: number, at: number) {
	const [p, c] = [xy[prev], xy[at]];
	const back = Math.atan2(p[1] - c[1], p[0] - c[0]);
	let best: (typeof list)[number] | null = null;
	let bestTurn = Infinity;
	for (const e of list) {
		if (e.used) continue;
		if (list.length === 1) return e;
		const q = xy[e.to];
		let turn = back - Math.atan2(q[1] - c[1], q[0] - c[0]);
		while (turn <= 0) turn += 2 * Math.PI;
		if (turn < bestTurn) [best, bestTurn] = [e, turn];
	}
	return best;
}

/** Edges cut where a vertex lies exactly on them, strictly between their ends. */
function splitAtVertices(xy: Position[], from: number[], to: number[]): [number[], number[]] {
	const index = new Flatbush(Math.max(1, xy.length));
	for (const p of xy) index.add(p[0], p[1], p[0], p[1]);
	if (xy.length === 0) index.add(0, 0, 0, 0);
	index.finish();
	const [a, b]: [number[], number[]] = [[], []];
	for (let k = 0; k < from.length; k++) {
		const [p, q] = [xy[from[k]], xy[to[k]]];
		const [dx, dy] = [q[0] - p[0], q[1] - p[1]];
		let on: { v: number; t: number }[] | null = null;
		for (const v of index.search(Math.min(p[0], q[0]), Math.min(p[1], q[1]), Math.max(p[0], q[0]), Math.max(p[1], q[1]))) {
			if (v === from[k] || v === to[k]) continue;
			const w = xy[v];
			if (dx * (w[1] - p[1]) - dy * (w[0] - p[0]) !== 0) continue;
			const t = ((w[0] - p[0]) * dx + (w[1] - p[1]) * dy) / (dx * dx + dy * dy);
			if (t > 0 && t < 1) (on ??= []).push({ v, t });
		}
		let last = from[k];
		if (on)
			for (const { v } of on.sort((x, y) => x.t - y.t)) {
				a.push(last);
				b.push(v);
				last = v;
			}
		a.push(last);
		b.push(to[k]);
	}
	return [a, b];
}

/** Counter-clockwise rings as exteriors, each clockwise ring a hole of the smallest exterior holding it. */
function assignHoles(rings: Position[][]): Position[][][] | null {
	const exteriors = rings.filter((r) => signedArea(r) > 0).map((r) => ({ ring: r, area: signedArea(r), holes: [] as Position[][] }));
	for (const hole of rings.filter((r) => signedArea(r) < 0)) {
		// The middle of an edge: a vertex may be where the hole touches its exterior.
		const m = [(hole[0][0] + hole[1][0]) / 2, (hole[0][1] + hole[1][1]) / 2];
		let owner: (typeof exteriors)[number] | null = null;
		for (const e of exteriors) if (inRing(e.ring, m) && (!owner || e.area < owner.area)) owner = e;
		if (!owner) return null;
		owner.holes.push(hole);
	}
	return exteriors.map((e) => [e.ring, ...e.holes]);
}

function inRing(ring: Position[], m: number[]): boolean {
	let inside = false;
	for (let k = 0; k + 1 < ring.length; k++) {
		const [c, d] = [ring[k], ring[k + 1]];
		if (c[1] > m[1] !== d[1] > m[1] && m[0] < ((d[0] - c[0]) * (m[1] - c[1])) / (d[1] - c[1]) + c[0]) inside = !inside;
	}
	return inside;
}

function signedArea(ring: Position[]): number {
	let s = 0;
	for (let k = 0; k + 1 < ring.length; k++) s += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
	return s;
}

/** What the exact union of the shapes is given: their border where it traces cleanly (with an empty second shape, as the union takes two or more), else the shapes. */
export function exactUnionInput(shapes: (Polygon | MultiPolygon)[]): (Polygon | MultiPolygon)[] {
	const border = shapes.length > 1 ? borderOf(shapes) : null;
	return border ? [border, { type: 'MultiPolygon', coordinates: [] }] : shapes;
}
