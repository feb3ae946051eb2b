// Area of a polygon inside a convex polygon (Sutherland–Hodgman, in a local metric plane): exact
// for any subject polygon as long as the clip polygon is convex, and far cheaper than a general
// polygon intersection. Rings and Voronoi cells are convex; dissolved rings are not.
import type { Position } from 'geojson';
import type { Area } from './catchments';
import { localPlane, planarRingArea, type XY } from './plane';

/** Area of `subject ∩ convex` as a share (0–1) of the subject's area. */
export function convexShare(subject: Area, convex: Position[]): number {
	const plane = localPlane(convex[0][0], convex[0][1]);
	let clip = convex.map((p) => plane.toXY(p));
	if (samePoint(clip[0], clip[clip.length - 1])) clip = clip.slice(0, -1);
	if (planarRingArea(clip) < 0) clip.reverse();
	const polygons = subject.type === 'Polygon' ? [subject.coordinates] : subject.coordinates;
	let inside = 0;
	let total = 0;
	for (const rings of polygons) {
		rings.forEach((ring, i) => {
			const xy = ring.map((p) => plane.toXY(p));
			const sign = i === 0 ? 1 : -1;
			total += sign * Math.abs(planarRingArea(xy));
			inside += sign * Math.abs(planarRingArea(clipRing(xy, clip)));
		});
	}
	return total > 0 ? Math.min(1, Math.max(0, inside / total)) : 0;
}

function clipRing(ring: XY[], clip: XY[]): XY[] {
	let out = ring;
	for (let i = 0; i < clip.length && out.length; i++) {
		const a = clip[i];
		const b = clip[(i + 1) % clip.length];
		const input = out;
		out = [];
		const side = (p: XY) => (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
		for (let k = 0; k < input.length; k++) {
			const p = input[k];
			const q = input[(k + 1) % input.length];
			const sp = side(p);
			const sq = side(q);
			if (sp >= 0) out.push(p);
			if (sp >= 0 !== sq >= 0) {
				const t = sp / (sp - sq);
				out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
			}
		}
	}
	return out;
}

const samePoint = (a: XY, b: XY) => a[0] === b[0] && a[1] === b[1];
