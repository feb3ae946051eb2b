// The nearest facility of each population point, in a metric plane (metres), and the naive loop
// it must agree with (tests, bench). A pyramid of grids over the points, each cell halved per level,
// keeps per cell the few facilities that can be nearest anywhere in it (a cell's list is its parent's,
// filtered), so no point queries a tree. On the finest grid a cell whose four corners share one nearest
// facility, by a margin, answers all its points at once; the other points scan their cell's short list.
// Exact: on a tie the lower facility index wins, as in the naive loop.

export interface Nearest {
	/** Index of the nearest facility per point (-1 when there are no facilities). */
	index: Int32Array;
	/** Its straight-line distance in metres (Infinity when there are no facilities). */
	distance: Float64Array;
}

/** Finest cells are sized to hold about this many points: fewer, and building the grid outweighs the scan. */
const POINTS_PER_CELL = 8;
/** At least this many finest cells per facility, so that few points share a long list when facilities outnumber them. */
const CELLS_PER_FACILITY = 4;
const MAX_CELLS = 1 << 18;

export class NearestIndex {
	constructor(
		private readonly fx: ArrayLike<number>,
		private readonly fy: ArrayLike<number>
	) {}

	/** Nearest facility of every point (px, py in the same plane). */
	nearest(px: ArrayLike<number>, py: ArrayLike<number>): Nearest {
		const n = px.length;
		const m = this.fx.length;
		if (m === 0 || n === 0) return { index: new Int32Array(n).fill(-1), distance: new Float64Array(n).fill(Infinity) };
		const fx = Float64Array.from(this.fx);
		const fy = Float64Array.from(this.fy);
		// scan() writes every entry.
		const out: Nearest = { index: new Int32Array(n), distance: new Float64Array(n) };
		const [x0, y0, x1, y1] = bounds(px, py);
		const w = Math.max(x1 - x0, 1e-6);
		const h = Math.max(y1 - y0, 1e-6);
		const cells = Math.max(1, Math.min(MAX_CELLS, Math.max(Math.ceil(n / POINTS_PER_CELL), m * CELLS_PER_FACILITY)));
		const size = Math.sqrt((w * h) / cells);
		const grid = candidateGrid(fx, fy, x0, y0, size, Math.floor(w / size) + 1, Math.floor(h / size) + 1, margin(x0, y0, x1, y1, fx, fy));
		scan(px, py, grid, owners(grid), out.index, out.distance);
		return out;
	}
}

function bounds(px: ArrayLike<number>, py: ArrayLike<number>): [number, number, number, number] {
	let x0 = Infinity;
	let y0 = Infinity;
	let x1 = -Infinity;
	let y1 = -Infinity;
	for (let p = 0, n = px.length; p < n; p++) {
		const x = px[p];
		const y = py[p];
		if (x < x0) x0 = x;
		if (x > x1) x1 = x;
		if (y < y0) y0 = y;
		if (y > y1) y1 = y;
	}
	return [x0, y0, x1, y1];
}

/**
 * A lead in squared metres far above the rounding of dx² + dy² (about 2⁻⁵² · (M·D + D²), M the largest
 * coordinate, D the extent) and of which cell a point falls in, and far below any gap that matters.
 * Lists keep facilities up to this much beyond their bound; owners need this lead (see owners()).
 */
function margin(x0: number, y0: number, x1: number, y1: number, fx: Float64Array, fy: Float64Array): number {
	let lo = Math.min(x0, y0);
	let hi = Math.max(x1, y1);
	for (let f = 0; f < fx.length; f++) {
		lo = Math.min(lo, fx[f], fy[f]);
		hi = Math.max(hi, fx[f], fy[f]);
	}
	const extent = hi - lo;
	return 1e-12 * (Math.max(Math.abs(lo), Math.abs(hi)) * extent + extent * extent);
}

interface CandidateGrid {
	x0: number;
	y0: number;
	size: number;
	cols: number;
	rows: number;
	margin: number;
	/** Cell c's candidates are items[start[c] .. start[c + 1]) in ascending order, their coordinates side by side in cx, cy. */
	start: Int32Array;
	items: Int32Array;
	cx: Float64Array;
	cy: Float64Array;
	/** Every facility left out of cell c's list is further than √cap[c] (+ margin) from each point of the cell. */
	cap: Float64Array;
}

/**
 * From one cell holding every facility, each level halves the cells until the finest grid (cols × rows
 * cells of `size`). A child's bound U is the smallest squared distance from one of its parent's
 * facilities to the child's farthest corner: no point of the child is further than √U from its nearest
 * facility. Its list keeps the parent's facilities no further than √U from the child's nearest point.
 * A facility dropped earlier is further than its ancestor's bound from the ancestor, and bounds only
 * shrink downwards (the child's corners lie in the parent), so it is further than √U from the child too.
 */
function candidateGrid(fx: Float64Array, fy: Float64Array, x0: number, y0: number, size: number, cols: number, rows: number, margin: number): CandidateGrid {
	let levels = 0;
	while (Math.max(cols, rows) > 1 << levels) levels++;
	let pcols = 1;
	let start = Int32Array.of(0, fx.length);
	let items = Int32Array.from(fx, (_, f) => f);
	let cap = Float64Array.of(Infinity);
	for (let level = levels - 1; level >= 0; level--) {
		const s = size * 2 ** level;
		const ccols = Math.ceil(cols / 2 ** level);
		const crows = Math.ceil(rows / 2 ** level);
		const next = new Int32Array(ccols * crows + 1);
		let out = new Int32Array(Math.max(16, items.length * 2));
		const nextCap = new Float64Array(ccols * crows);
		let k = 0;
		for (let j = 0; j < crows; j++) {
			const ya = y0 + j * s;
			const yb = ya + s;
			for (let i = 0; i < ccols; i++) {
				const xa = x0 + i * s;
				const xb = xa + s;
				const parent = (j >> 1) * pcols + (i >> 1);
				const e = start[parent + 1];
				let u = Infinity;
				for (let q = start[parent]; q < e; q++) {
					const f = items[q];
					const dx = Math.max(fx[f] - xa, xb - fx[f]);
					const dy = Math.max(fy[f] - ya, yb - fy[f]);
					const d2 = dx * dx + dy * dy;
					if (d2 < u) u = d2;
				}
				const keep = u + margin;
				if (out.length < k + (e - start[parent])) {
					const grown = new Int32Array(Math.max(out.length * 2, k + (e - start[parent])));
					grown.set(out);
					out = grown;
				}
				for (let q = start[parent]; q < e; q++) {
					const f = items[q];
					const nx = Math.max(xa - fx[f], 0, fx[f] - xb);
					const ny = Math.max(ya - fy[f], 0, fy[f] - yb);
					if (nx * nx + ny * ny <= keep) out[k++] = f;
				}
				const c = j * ccols + i;
				next[c + 1] = k;
				nextCap[c] = u;
			}
		}
		start = next;
		items = out.subarray(0, k);
		cap = nextCap;
		pcols = ccols;
	}
	const cx = new Float64Array(items.length);
	const cy = new Float64Array(items.length);
	for (let k = 0; k < items.length; k++) {
		cx[k] = fx[items[k]];
		cy[k] = fy[items[k]];
	}
	return { x0, y0, size, cols, rows, margin, start, items, cx, cy, cap };
}

/**
 * Per finest cell the slot (in items) of the one facility nearest to every point in it, or -1. The set
 * where facility f is nearer than every other by more than the margin (in squared distance) is convex,
 * since |p − g|² − |p − f|² is affine in p. So when all four corners of a cell have the same nearest
 * facility with that lead, every point inside has it too, and the lead keeps rounding from changing
 * which one the naive loop picks. A facility missing from the corner's list is beyond √cap of it.
 */
function owners(g: CandidateGrid): Int32Array {
	const { x0, y0, size, cols, rows, margin, start, items, cx, cy, cap } = g;
	const corner = new Int32Array((cols + 1) * (rows + 1));
	const slot = new Int32Array((cols + 1) * (rows + 1));
	for (let J = 0, q = 0; J <= rows; J++) {
		const y = y0 + J * size;
		const row = Math.min(rows - 1, J) * cols;
		for (let I = 0; I <= cols; I++, q++) {
			const x = x0 + I * size;
			const c = row + Math.min(cols - 1, I);
			let first = Infinity;
			let second = Infinity;
			let best = -1;
			for (let k = start[c], e = start[c + 1]; k < e; k++) {
				const dx = cx[k] - x;
				const dy = cy[k] - y;
				const d2 = dx * dx + dy * dy;
				if (d2 < first) {
					second = first;
					first = d2;
					best = k;
				} else if (d2 < second) second = d2;
			}
			corner[q] = Math.min(second, cap[c]) - first > margin ? items[best] : -1;
			slot[q] = best;
		}
	}
	const owner = new Int32Array(cols * rows);
	for (let J = 0; J < rows; J++)
		for (let I = 0; I < cols; I++) {
			const q = J * (cols + 1) + I;
			const f = corner[q];
			owner[J * cols + I] = f >= 0 && f === corner[q + 1] && f === corner[q + cols + 1] && f === corner[q + cols + 2] ? slot[q] : -1;
		}
	return owner;
}

/**
 * The hot loops, on their own so that everything they read is a local (no closure-captured context
 * slots). A point's cell either answers it or puts it on the pending list, both without a branch (a
 * mispredicted branch per point, where owned and unowned cells alternate, costs more than the work).
 * Pending points then scan their cell's candidates.
 */
function scan(px: ArrayLike<number>, py: ArrayLike<number>, g: CandidateGrid, owner: Int32Array, index: Int32Array, distance: Float64Array) {
	const { x0, y0, size, cols, rows, start, items, cx, cy } = g;
	const n = px.length;
	const pending = new Int32Array(n);
	let np = 0;
	const lastCol = cols - 1;
	const lastRow = rows - 1;
	const inv = 1 / size;
	for (let p = 0; p < n; p++) {
		const x = px[p];
		const y = py[p];
		// x ≥ x0 and y ≥ y0 (the grid spans the points), so truncation is the floor.
		let i = ((x - x0) * inv) | 0;
		let j = ((y - y0) * inv) | 0;
		if (i > lastCol) i = lastCol;
		if (j > lastRow) j = lastRow;
		const o = owner[j * cols + i];
		// o < 0: no owner; slot 0 stands in and the pending pass overwrites the answer.
		const k = o & ~(o >> 31);
		const dx = cx[k] - x;
		const dy = cy[k] - y;
		index[p] = items[k];
		distance[p] = Math.sqrt(dx * dx + dy * dy);
		pending[np] = p;
		np += o >>> 31;
	}
	for (let q = 0; q < np; q++) {
		const p = pending[q];
		const x = px[p];
		const y = py[p];
		let i = ((x - x0) * inv) | 0;
		let j = ((y - y0) * inv) | 0;
		if (i > lastCol) i = lastCol;
		if (j > lastRow) j = lastRow;
		const c = j * cols + i;
		let k = start[c];
		const e = start[c + 1];
		let dx = cx[k] - x;
		let dy = cy[k] - y;
		let bd2 = dx * dx + dy * dy;
		let best = k;
		// Ascending indices: a tie keeps the lower one.
		for (k++; k < e; k++) {
			dx = cx[k] - x;
			dy = cy[k] - y;
			const d2 = dx * dx + dy * dy;
			if (d2 < bd2) {
				bd2 = d2;
				best = k;
			}
		}
		index[p] = items[best];
		distance[p] = Math.sqrt(bd2);
	}
}
/** Every point against every facility: the reference the index must match. */
export function nearestNaive(px: ArrayLike<number>, py: ArrayLike<number>, fx: ArrayLike<number>, fy: ArrayLike<number>): Nearest {
	const n = px.length;
	const out: Nearest = { index: new Int32Array(n).fill(-1), distance: new Float64Array(n).fill(Infinity) };
	for (let p = 0; p < n; p++) {
		const x = px[p];
		const y = py[p];
		let best = -1;
		let bd2 = Infinity;
		for (let i = 0; i < fx.length; i++) {
			const dx = fx[i] - x;
			const dy = fy[i] - y;
			const d2 = dx * dx + dy * dy;
			if (d2 < bd2) {
				bd2 = d2;
				best = i;
			}
		}
		out.index[p] = best;
		out.distance[p] = Math.sqrt(bd2);
	}
	return out;
}
