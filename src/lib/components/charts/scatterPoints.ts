// The scatter chart's points and their hover lookup: pairs joined by area id in one pass, drawn at a
// large level as one path, and the point under the pointer found by a Delaunay index instead of
// thousands of per-point listeners (issue #21).
import { Delaunay } from 'd3-delaunay';
import type { PanelRow } from './types';

export interface ScatterPair {
	row: PanelRow;
	y: number | null;
}

/** Each x row with the y value of the same area (null where y has none), in x's order. */
export function scatterPairs(xRows: PanelRow[], yRows: PanelRow[]): ScatterPair[] {
	const ys = new Map(yRows.map((r) => [r.area, r.value]));
	return xRows.map((row) => ({ row, y: ys.get(row.area) ?? null }));
}

export interface PointIndex {
	ids: string[];
	delaunay: Delaunay<number>;
	xs: Float64Array;
	ys: Float64Array;
}

/** An index over points in chart coordinates. */
export function pointIndex(points: { id: string; cx: number; cy: number }[]): PointIndex {
	const xs = Float64Array.from(points, (p) => p.cx);
	const ys = Float64Array.from(points, (p) => p.cy);
	const coords = new Float64Array(points.length * 2);
	for (let i = 0; i < points.length; i++) {
		coords[2 * i] = xs[i];
		coords[2 * i + 1] = ys[i];
	}
	return { ids: points.map((p) => p.id), delaunay: new Delaunay(coords), xs, ys };
}

/**
 * The id of the point nearest (x, y) in chart coordinates, or null when there is none within
 * `radius` (the pointer over empty chart). `start` is the last answer's position, which makes the
 * walk of a moving pointer short.
 */
export function nearestPoint(index: PointIndex, x: number, y: number, radius: number, start = 0): { id: string; i: number } | null {
	if (!index.ids.length) return null;
	const i = index.delaunay.find(x, y, Math.min(start, index.ids.length - 1));
	if (i < 0 || (index.xs[i] - x) ** 2 + (index.ys[i] - y) ** 2 > radius ** 2) return null;
	return { id: index.ids[i], i };
}

/** Many round dots as one path: each a zero-length segment drawn with a round cap of the dot's diameter. */
export function dotsPath(points: { cx: number; cy: number }[]): string {
	let d = '';
	for (const p of points) d += `M${p.cx.toFixed(1)},${p.cy.toFixed(1)}h0`;
	return d;
}
