// Whether two polygons provably share no area, without an exact overlay: neighbours in a tiling meet
// along common borders, and testing each such pair with turf's intersect took most of a large
// level's tiling check (VG250: thousands of vertices per municipality, every pair of neighbours).
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';

type XY = number[];
/** A polygon's edges, each directed with the polygon's interior on its left, and an index over them. */
interface Edges {
	from: XY[];
	to: XY[];
	index: Flatbush;
}

const edgesOf = new WeakMap<Polygon | MultiPolygon, Edges>();

function edges(g: Polygon | MultiPolygon): Edges {
	let e = edgesOf.get(g);
	if (e) return e;
	const from: XY[] = [];
	const to: XY[] = [];
	for (const rings of g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
		rings.forEach((ring, r) => {
			// Exteriors counter-clockwise and holes clockwise have the interior on the left; others are turned round.
			const ccw = signedArea(ring) > 0;
			const keep = r === 0 ? ccw : !ccw;
			for (let k = 0; k + 1 < ring.length; k++) {
				const [p, q] = [ring[k], ring[k + 1]];
				if (p[0] === q[0] && p[1] === q[1]) continue;
				from.push(keep ? p : q);
				to.push(keep ? q : p);
			}
		});
	const index = new Flatbush(Math.max(1, from.length));
	from.forEach((p, k) => index.add(Math.min(p[0], to[k][0]), Math.min(p[1], to[k][1]), Math.max(p[0], to[k][0]), Math.max(p[1], to[k][1])));
	if (from.length === 0) index.add(0, 0, 0, 0);
	index.finish();
	e = { from, to, index };
	edgesOf.set(g, e);
	return e;
}

function signedArea(ring: XY[]): number {
	let s = 0;
	for (let k = 0; k + 1 < ring.length; k++) s += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
	return s;
}

const orient = (a: XY, b: XY, c: XY) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
/** Where c lies along a→b (0 at a, 1 at b), for a point on the line through them. */
const along = (a: XY, b: XY, c: XY) => {
	const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
	return ((c[0] - a[0]) * dx + (c[1] - a[1]) * dy) / (dx * dx + dy * dy);
};

/**
 * True only where the interiors of a and b provably do not meet (their common area is zero): they may
 * touch or share borders. False means "not proven": the caller measures the overlap exactly.
 * Every edge of each is cut where the other's vertices lie on it; with no proper crossing, each
 * piece lies wholly inside the other, outside it, or on its border. The interiors meet exactly where
 * a piece lies inside the other, or a shared piece has both interiors on the same side.
 */
export function interiorsDisjoint(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon, box: [number, number, number, number]): boolean {
	const [ea, eb] = [edges(a), edges(b)];
	return sideClear(ea, eb, box) && sideClear(eb, ea, box);
}

/** Whether no piece of a's edges within the box lies inside b or on b's border with b's interior on the same side. */
function sideClear(a: Edges, b: Edges, [x0, y0, x1, y1]: [number, number, number, number]): boolean {
	// Edges of a outside the common box lie outside b's bounding box, so outside b.
	for (const k of a.index.search(x0, y0, x1, y1)) {
		const [p, q] = [a.from[k], a.to[k]];
		const cuts = [0, 1];
		const near = b.index.search(Math.min(p[0], q[0]), Math.min(p[1], q[1]), Math.max(p[0], q[0]), Math.max(p[1], q[1]));
		for (const j of near) {
			const [c, d] = [b.from[j], b.to[j]];
			const [oc, od] = [orient(p, q, c), orient(p, q, d)];
			const [op, oq] = [orient(c, d, p), orient(c, d, q)];
			// A proper crossing: not provable here.
			if (((oc > 0 && od < 0) || (oc < 0 && od > 0)) && ((op > 0 && oq < 0) || (op < 0 && oq > 0))) return false;
			for (const [v, o] of [
				[c, oc],
				[d, od]
			] as const) {
				if (o !== 0) continue;
				const t = along(p, q, v);
				if (t > 0 && t < 1) cuts.push(t);
			}
		}
		cuts.sort((s, t) => s - t);
		for (let i = 0; i + 1 < cuts.length; i++) {
			if (cuts[i + 1] === cuts[i]) continue;
			const [s, t] = [cuts[i], cuts[i + 1]];
			const u = [p[0] + s * (q[0] - p[0]), p[1] + s * (q[1] - p[1])];
			const v = [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
			const side = sharedSide(b, near, p, q, s, t);
			if (side === 'same') return false;
			if (side === 'opposite') continue;
			if (inside(b, [(u[0] + v[0]) / 2, (u[1] + v[1]) / 2])) return false;
		}
	}
	return true;
}

/**
 * Whether the piece [s, t] of p→q lies on one of b's edges (collinear, within it): 'same' where that
 * edge runs the same way (both interiors on the left), 'opposite' where it runs against it; else null.
 */
function sharedSide(b: Edges, near: number[], p: XY, q: XY, s: number, t: number): 'same' | 'opposite' | null {
	for (const j of near) {
		const [c, d] = [b.from[j], b.to[j]];
		if (orient(p, q, c) !== 0 || orient(p, q, d) !== 0) continue;
		const [tc, td] = [along(p, q, c), along(p, q, d)];
		if (Math.min(tc, td) <= s && Math.max(tc, td) >= t) return td > tc ? 'same' : 'opposite';
	}
	return null;
}

/** Even-odd point in polygon over b's edges, by a ray towards +x. */
function inside(b: Edges, m: XY): boolean {
	let crossings = 0;
	for (const j of b.index.search(m[0], m[1], Infinity, m[1])) {
		const [c, d] = [b.from[j], b.to[j]];
		if (c[1] > m[1] !== d[1] > m[1] && m[0] < ((d[0] - c[0]) * (m[1] - c[1])) / (d[1] - c[1]) + c[0]) crossings++;
	}
	return crossings % 2 === 1;
}
