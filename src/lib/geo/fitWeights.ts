// Fits power-diagram weights so that every cell, clipped to the outline, has its target area, for
// sites that stay where they are (placeSites.ts moves them).
// Newton's method: the area Jacobian of a power diagram is known in closed form (Aurenhammer,
// Hoffmann & Aronov 1998): ∂A_i/∂w_j = −L_ij / (2·d_ij) for neighbours, where L_ij is the length of
// their common border inside the outline and d_ij the distance of the sites; the diagonal makes
// each row sum to zero. The exact-area weights are unique up to a constant (the areas are the
// gradient of the concave semi-discrete transport dual), and Newton with backtracking on the
// squared residual reaches them in a few steps from a warm start; it stops early only when a cell
// is about to vanish, which placeSites.ts treats as a step too long.
import type { LocalPlane, XY } from './plane';
import { cellAreaInside, lengthInside, powerCell, type PowerCell } from './power';

export interface FitInput {
	sites: readonly XY[];
	targetsM2: readonly number[];
	rings: readonly (readonly XY[])[];
	plane: LocalPlane;
	box: readonly XY[];
	weights: readonly number[];
	maxIterations: number;
	tolerancePct: number;
	/**
	 * Areas (m²) of the cells as finally used, when they differ from the clipped power cells
	 * (detached fragments handed to a neighbour). The Jacobian still comes from the power cells.
	 */
	measure?: (cells: PowerCell[]) => number[];
}

export interface FitResult {
	weights: number[];
	cells: PowerCell[];
	areasM2: number[];
	iterations: number;
	maxAbsErrorPct: number;
}

export function fitWeights(input: FitInput): FitResult {
	const { sites, targetsM2, rings, plane, box, maxIterations, tolerancePct } = input;
	const d2 = sites.map((p) => sites.map((q) => (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2));
	const evaluate = (w: number[]) => {
		const cells = sites.map((_, i) => powerCell(i, sites, w, box));
		const areas = input.measure ? input.measure(cells) : cells.map((c) => cellAreaInside(c, rings, plane));
		const sse = areas.reduce((s, a, i) => s + (a - targetsM2[i]) ** 2, 0);
		const maxErr = Math.max(...areas.map((a, i) => (Math.abs(a - targetsM2[i]) / targetsM2[i]) * 100));
		return { w, cells, areas, sse, maxErr };
	};

	let current = evaluate(input.weights.slice());
	let iterations = 0;
	while (iterations < maxIterations && current.maxErr > tolerancePct) {
		const step = newtonStep(current.cells, sites, d2, rings, current.areas, targetsM2);
		let next = null;
		for (let alpha = 1, tries = 0; tries < 30 && !next; tries++, alpha /= 2) {
			const candidate = evaluate(current.w.map((wi, i) => wi + alpha * step[i]));
			if (candidate.sse < current.sse) next = candidate;
		}
		if (!next) break;
		current = next;
		iterations++;
	}
	return {
		weights: current.w,
		cells: current.cells,
		areasM2: current.areas,
		iterations,
		maxAbsErrorPct: current.maxErr
	};
}

function newtonStep(
	cells: readonly PowerCell[],
	sites: readonly XY[],
	d2: readonly (readonly number[])[],
	rings: readonly (readonly XY[])[],
	areas: readonly number[],
	targets: readonly number[]
): number[] {
	const n = sites.length;
	const border = Array.from({ length: n }, () => new Array<number>(n).fill(0));
	cells.forEach((cell, i) => {
		cell.labels.forEach((j, k) => {
			if (j < 0) return;
			border[i][j] += lengthInside(cell.pts[k], cell.pts[(k + 1) % cell.pts.length], rings);
		});
	});
	const h = Array.from({ length: n }, () => new Array<number>(n).fill(0));
	for (let i = 0; i < n; i++) {
		for (let j = 0; j < n; j++) {
			if (i === j) continue;
			// Both cells see the same border; averaging hides round-off in either.
			const g = (border[i][j] + border[j][i]) / 2 / (2 * Math.sqrt(d2[i][j]));
			h[i][j] -= g;
			h[i][i] += g;
		}
	}
	// The Jacobian is a graph Laplacian: adding a constant to all weights changes nothing. Adding
	// c/n·11ᵀ makes it regular and yields the step with Σ Δw = 0, for a residual made to sum to 0.
	const r = areas.map((a, i) => targets[i] - a);
	const mean = r.reduce((s, v) => s + v, 0) / n;
	const c = h.reduce((s, row, i) => s + row[i], 0) / n || 1;
	const m = h.map((row) => row.map((v) => v + c / n));
	return solveLinear(
		m,
		r.map((v) => v - mean)
	);
}

/** Gaussian elimination with partial pivoting; m is small (a few rows per Stadtteil). */
export function solveLinear(m: number[][], b: number[]): number[] {
	const n = b.length;
	const a = m.map((row, i) => [...row, b[i]]);
	for (let col = 0; col < n; col++) {
		let pivot = col;
		for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
		[a[col], a[pivot]] = [a[pivot], a[col]];
		const p = a[col][col];
		if (p === 0) continue;
		for (let r = col + 1; r < n; r++) {
			const f = a[r][col] / p;
			if (f === 0) continue;
			for (let k = col; k <= n; k++) a[r][k] -= f * a[col][k];
		}
	}
	const x = new Array<number>(n).fill(0);
	for (let r = n - 1; r >= 0; r--) {
		let s = a[r][n];
		for (let k = r + 1; k < n; k++) s -= a[r][k] * x[k];
		x[r] = a[r][r] === 0 ? 0 : s / a[r][r];
	}
	return x;
}
