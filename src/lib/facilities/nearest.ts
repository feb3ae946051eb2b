// The nearest facility of each population point, in a metric plane (metres), and the naive loop
// it must agree with (tests, bench). A flatbush index over the facilities answers k-nearest
// `neighbors` for the centre of each cell of a grid laid over the points; from that each cell
// keeps the few facilities that can be nearest anywhere in it, so a point scans only its cell's
// list (one flatbush query per point, with its queue and result array, would cost about 1.7 µs a
// point). Exact: on a tie the lower facility index wins, as in the naive loop.
import Flatbush from 'flatbush';

export interface Nearest {
	/** Index of the nearest facility per point (-1 when there are no facilities). */
	index: Int32Array;
	/** Its straight-line distance in metres (Infinity when there are no facilities). */
	distance: Float64Array;
}

/** Grid cells per facility: more cells, shorter candidate lists, more flatbush queries up front. */
const CELLS_PER_FACILITY = 16;
const MAX_CELLS = 1 << 16;

export class NearestIndex {
	private readonly tree: Flatbush | null;

	constructor(
		private readonly fx: ArrayLike<number>,
		private readonly fy: ArrayLike<number>
	) {
		this.tree = fx.length ? new Flatbush(fx.length) : null;
		if (!this.tree) return;
		for (let i = 0; i < fx.length; i++) this.tree.add(fx[i], fy[i], fx[i], fy[i]);
		this.tree.finish();
	}

	/** Nearest facility of every point (px, py in the same plane). */
	nearest(px: ArrayLike<number>, py: ArrayLike<number>): Nearest {
		const n = px.length;
		const out: Nearest = { index: new Int32Array(n).fill(-1), distance: new Float64Array(n).fill(Infinity) };
		const tree = this.tree;
		if (!tree || n === 0) return out;
		const { fx, fy } = this;
		let x0 = Infinity,
			y0 = Infinity,
			x1 = -Infinity,
			y1 = -Infinity;
		for (let p = 0; p < n; p++) {
			if (px[p] < x0) x0 = px[p];
			if (px[p] > x1) x1 = px[p];
			if (py[p] < y0) y0 = py[p];
			if (py[p] > y1) y1 = py[p];
		}
		const w = Math.max(x1 - x0, 1e-6);
		const h = Math.max(y1 - y0, 1e-6);
		const cells = Math.max(1, Math.min(MAX_CELLS, fx.length * CELLS_PER_FACILITY, Math.ceil(n / 4)));
		const size = Math.sqrt((w * h) / cells);
		const cols = Math.floor(w / size) + 1;
		const rows = Math.floor(h / size) + 1;
		const half = (size * Math.SQRT2) / 2;

		// Cell c's candidates: every facility within d + 2·half of its centre, where d is the nearest
		// facility's distance from the centre. A point of the cell is at most d + half from that facility,
		// and a facility beyond d + 2·half from the centre is further than that from every point of the cell.
		const start = new Int32Array(cols * rows + 1);
		const lists: number[][] = [];
		for (let j = 0; j < rows; j++) {
			for (let i = 0; i < cols; i++) {
				const cx = x0 + (i + 0.5) * size;
				const cy = y0 + (j + 0.5) * size;
				const f = tree.neighbors(cx, cy, 1)[0];
				const d = Math.sqrt((fx[f] - cx) ** 2 + (fy[f] - cy) ** 2);
				const list = tree.neighbors(cx, cy, Infinity, d + 2 * half).sort((a, b) => a - b);
				lists.push(list);
				start[j * cols + i + 1] = start[j * cols + i] + list.length;
			}
		}
		const items = new Int32Array(start[cols * rows]);
		for (let c = 0; c < lists.length; c++) items.set(lists[c], start[c]);
		scan(px, py, fx, fy, { x0, y0, size, cols, rows, start, items }, out.index, out.distance);
		return out;
	}
}

interface CandidateGrid {
	x0: number;
	y0: number;
	size: number;
	cols: number;
	rows: number;
	start: Int32Array;
	items: Int32Array;
}

/** The hot loop, on its own so that everything it reads is a local (no closure-captured context slots). */
function scan(
	px: ArrayLike<number>,
	py: ArrayLike<number>,
	fx: ArrayLike<number>,
	fy: ArrayLike<number>,
	g: CandidateGrid,
	index: Int32Array,
	distance: Float64Array
) {
	const { x0, y0, size, cols, rows, start, items } = g;
	const lastCol = cols - 1;
	const lastRow = rows - 1;
	const inv = 1 / size;
	for (let p = 0, n = px.length; p < n; p++) {
		const x = px[p];
		const y = py[p];
		let cx = Math.floor((x - x0) * inv);
		let cy = Math.floor((y - y0) * inv);
		if (cx > lastCol) cx = lastCol;
		if (cy > lastRow) cy = lastRow;
		const c = cy * cols + cx;
		let best = -1;
		let bd2 = Infinity;
		// Ascending indices: a tie keeps the lower one.
		for (let k = start[c], e = start[c + 1]; k < e; k++) {
			const f = items[k];
			const dx = fx[f] - x;
			const dy = fy[f] - y;
			const d2 = dx * dx + dy * dy;
			if (d2 < bd2) {
				bd2 = d2;
				best = f;
			}
		}
		index[p] = best;
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
