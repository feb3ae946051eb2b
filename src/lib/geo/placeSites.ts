// Places the sites of the power diagram: they start on the seeds (the Stadtteil centres) and move
// just as far as needed for every seed to lie inside its own cell, with a margin, while the
// weights keep every cell at its target area.
//
// With sites = seeds the exact-area weights are unique and may put a small Stadtteil's seed inside
// a large neighbour (the bisector of sites p_i, p_j lies at (d² + w_i − w_j)/(2d) from p_i), so the
// sites must move. Each round linearises, around the current sites p and weights w,
//   • the areas: ∂A_i/∂w_j = −L_ij/(2d_ij), ∂A_i/∂p_j = −L_ij·(m_ij − p_j)/d_ij and
//     ∂A_i/∂p_i = Σ_j L_ij·(m_ij − p_i)/d_ij, where L_ij and m_ij are the length and midpoint of
//     the common border inside the outline (the border moves with normal speed −∂f/|∇f| for
//     f = π_i − π_j, π_k(x) = |x − p_k|² − w_k);
//   • the seed margins δ_ij = (π_j(s_i) − π_i(s_i)) / (2d_ij), the signed distance of seed s_i
//     from the border line with j (the cell is convex, so min_j δ_ij is its distance to the
//     cell's boundary);
// and takes the step that keeps the areas, lifts every violated margin to its goal and otherwise
// draws each site back towards its seed (an equality-constrained least-squares problem, with an
// active set for the margins). Then Newton (fitWeights) makes the areas exact again for the new
// sites. So sites end up as close to the seeds as the margins allow: power cells stay convex
// pieces of the outline, and no Lloyd step is needed for compactness (one that pulls the sites to
// the cells' centroids fights the margins and does not settle on the shipped data).
import { fitWeights, solveLinear } from './fitWeights';
import type { LocalPlane, XY } from './plane';
import { segmentInside, type PowerCell } from './power';

export interface PlaceInput {
	seeds: readonly XY[];
	targetsM2: readonly number[];
	rings: readonly (readonly XY[])[];
	plane: LocalPlane;
	box: readonly XY[];
	/** Seed i keeps at least this distance from the border lines of its power cell (less for close seeds). */
	marginM: number;
	tolerancePct: number;
	maxRounds: number;
	/** Newton iterations for each weight fit. */
	maxIterations: number;
}

export interface PlaceResult {
	sites: XY[];
	weights: number[];
	cells: PowerCell[];
	rounds: number;
	/** Newton iterations over all rounds. */
	iterations: number;
	maxAbsErrorPct: number;
}

/** Rounds aim this much beyond the required margin, so that the exact refit keeps it. */
const GOAL_FACTOR = 1.2;
/** No site moves further than this in one round (m). */
const MAX_STEP_M = 250;
/** Proximal weight: unconstrained, a round takes a site 1/(1 + TRUST) of the way back to its seed. */
const TRUST = 1;
/** Stop when no site moves further than this (m) and all margins hold. */
const SETTLED_M = 0.5;

export function placeSites(input: PlaceInput): PlaceResult {
	const { seeds, targetsM2, rings, plane, box, marginM, tolerancePct, maxRounds, maxIterations } = input;
	// Close seeds cannot both keep marginM: a border between them needs the space.
	const required = seeds.map((s, i) => seeds.map((t, j) => (i === j ? 0 : Math.min(marginM, Math.hypot(s[0] - t[0], s[1] - t[1]) / 4))));
	const fitTolerancePct = Math.min(tolerancePct, 1e-3);
	const fit = (sites: XY[], weights: number[]) => fitWeights({ sites, targetsM2, rings, plane, box, weights, maxIterations, tolerancePct: fitTolerancePct });

	let sites: XY[] = seeds.map((s) => [s[0], s[1]]);
	let state = fit(
		sites,
		sites.map(() => 0)
	);
	let iterations = state.iterations;
	let rounds = 0;
	for (; rounds < maxRounds; rounds++) {
		const margins = marginMatrix(seeds, sites, state.weights);
		const violated = margins.some((row, i) => row.some((d, j) => i !== j && d < required[i][j]));
		const step = constrainedStep(seeds, sites, state.weights, state.cells, state.areasM2, targetsM2, rings, margins, required);
		const longest = Math.max(...step.dp.map((d) => Math.hypot(d[0], d[1])));
		if (!violated && longest < SETTLED_M) break;
		// Backtrack when the new sites leave Newton unable to hit the areas (a cell about to vanish).
		let scale = Math.min(1, MAX_STEP_M / longest);
		let next = null;
		for (let tries = 0; tries < 6 && !next; tries++, scale /= 2) {
			const moved = sites.map((p, i) => [p[0] + scale * step.dp[i][0], p[1] + scale * step.dp[i][1]] as XY);
			const candidate = fit(
				moved,
				state.weights.map((w, i) => w + scale * step.dw[i])
			);
			iterations += candidate.iterations;
			if (candidate.maxAbsErrorPct <= fitTolerancePct) next = { moved, candidate };
		}
		if (!next) break;
		sites = next.moved;
		state = next.candidate;
	}
	return {
		sites,
		weights: state.weights,
		cells: state.cells,
		rounds,
		iterations,
		maxAbsErrorPct: state.maxAbsErrorPct
	};
}

/**
 * Per seed: distance to the nearest border line of its own power cell (m; negative when outside).
 * The cell is convex, so this is its distance to the cell's boundary, and no border the seed's
 * Stadtteil shares with another lies nearer (a fragment taken over lies beyond those lines).
 */
export function seedMarginsM(seeds: readonly XY[], sites: readonly XY[], weights: readonly number[]): number[] {
	return marginMatrix(seeds, sites, weights).map((row, i) => Math.min(...row.filter((_, j) => j !== i)));
}

/** δ[i][j]: signed distance of seed i from the power bisector of sites i and j, > 0 on i's side. */
function marginMatrix(seeds: readonly XY[], sites: readonly XY[], w: readonly number[]): number[][] {
	return seeds.map((s, i) =>
		sites.map((q, j) => {
			if (i === j) return Infinity;
			const p = sites[i];
			const num = (s[0] - q[0]) ** 2 + (s[1] - q[1]) ** 2 - w[j] - (s[0] - p[0]) ** 2 - (s[1] - p[1]) ** 2 + w[i];
			return num / (2 * Math.hypot(p[0] - q[0], p[1] - q[1]));
		})
	);
}

/**
 * One linearised step (Δp per site, Δw per weight): minimise Σ(1+TRUST)|Δp_i|² − 2 g_i·Δp_i with
 * g_i = s_i − p_i (back towards the seed), subject to unchanged areas (to first order, and the residual removed),
 * Σ Δw = 0 (weights matter only up to a constant), and δ_ij + ∇δ_ij·Δ = goal for the active
 * margins. Margins below their requirement are always active; others join when the step would
 * break them and leave when their multiplier says they hold the step back.
 */
function constrainedStep(
	seeds: readonly XY[],
	sites: readonly XY[],
	w: readonly number[],
	cells: readonly PowerCell[],
	areas: readonly number[],
	targets: readonly number[],
	rings: readonly (readonly XY[])[],
	margins: readonly (readonly number[])[],
	required: readonly (readonly number[])[]
): { dp: XY[]; dw: number[] } {
	const n = sites.length;
	const nv = 3 * n;
	// Unknowns: Δx_i at 2i, Δy_i at 2i+1 (m), Δw_i / S at 2n+i; area rows divided by S. With S a
	// typical cell radius every coefficient is of order one, which keeps the elimination stable.
	const S = Math.sqrt(targets.reduce((s, t) => s + t, 0) / n);
	const areaRows: number[][] = Array.from({ length: n }, () => new Array<number>(nv).fill(0));
	cells.forEach((cell, i) => {
		cell.labels.forEach((j, k) => {
			if (j < 0) return;
			const { length, centre } = segmentInside(cell.pts[k], cell.pts[(k + 1) % cell.pts.length], rings);
			if (length === 0) return;
			const d = Math.hypot(sites[i][0] - sites[j][0], sites[i][1] - sites[j][1]);
			const row = areaRows[i];
			row[2 * j] -= (length * (centre[0] - sites[j][0])) / d / S;
			row[2 * j + 1] -= (length * (centre[1] - sites[j][1])) / d / S;
			row[2 * i] += (length * (centre[0] - sites[i][0])) / d / S;
			row[2 * i + 1] += (length * (centre[1] - sites[i][1])) / d / S;
			row[2 * n + j] -= length / (2 * d);
			row[2 * n + i] += length / (2 * d);
		});
	});
	const base: Array<{ row: number[]; rhs: number }> = areaRows.slice(0, n - 1).map((row, i) => ({ row, rhs: (targets[i] - areas[i]) / S }));
	const gauge = new Array<number>(nv).fill(0);
	for (let i = 0; i < n; i++) gauge[2 * n + i] = 1;
	base.push({ row: gauge, rhs: 0 });

	const marginRow = (i: number, j: number) => {
		const s = seeds[i];
		const p = sites[i];
		const q = sites[j];
		const d = Math.hypot(p[0] - q[0], p[1] - q[1]);
		const num = 2 * d * margins[i][j];
		// δ = N / (2d): ∂N/∂p_i = 2(s − p_i), ∂N/∂p_j = −2(s − p_j), ∂N/∂w_i = 1, ∂N/∂w_j = −1;
		// ∂d/∂p_i = (p_i − p_j)/d = −∂d/∂p_j.
		const row = new Array<number>(nv).fill(0);
		const ux = (p[0] - q[0]) / d;
		const uy = (p[1] - q[1]) / d;
		row[2 * i] = (2 * (s[0] - p[0]) * 2 * d - num * 2 * ux) / (4 * d * d);
		row[2 * i + 1] = (2 * (s[1] - p[1]) * 2 * d - num * 2 * uy) / (4 * d * d);
		row[2 * j] = (-2 * (s[0] - q[0]) * 2 * d + num * 2 * ux) / (4 * d * d);
		row[2 * j + 1] = (-2 * (s[1] - q[1]) * 2 * d + num * 2 * uy) / (4 * d * d);
		row[2 * n + i] = S / (2 * d);
		row[2 * n + j] = -S / (2 * d);
		return row;
	};
	const q = new Array<number>(nv).fill(0);
	sites.forEach((p, i) => {
		q[2 * i] = seeds[i][0] - p[0];
		q[2 * i + 1] = seeds[i][1] - p[1];
	});
	const diag = Array.from({ length: nv }, (_, k) => (k < 2 * n ? 1 + TRUST : 1e-6));

	const key = (i: number, j: number) => i * n + j;
	const active = new Map<number, [number, number]>();
	for (let i = 0; i < n; i++) {
		for (let j = 0; j < n; j++) if (i !== j && margins[i][j] < required[i][j]) active.set(key(i, j), [i, j]);
	}
	let x = new Array<number>(nv).fill(0);
	for (let pass = 0; pass < 10; pass++) {
		const pairs = [...active.values()];
		const rows = [...base, ...pairs.map(([i, j]) => ({ row: marginRow(i, j), rhs: GOAL_FACTOR * required[i][j] - margins[i][j] }))];
		const { x: solved, lambda } = solveKkt(diag, q, rows);
		x = solved;
		let changed = false;
		pairs.forEach(([i, j], k) => {
			// A positive multiplier means the equality pulls the margin down: it would hold anyway.
			if (lambda[base.length + k] > 0 && margins[i][j] >= required[i][j]) {
				active.delete(key(i, j));
				changed = true;
			}
		});
		for (let i = 0; i < n; i++) {
			for (let j = 0; j < n; j++) {
				if (i === j || active.has(key(i, j))) continue;
				const row = marginRow(i, j);
				const predicted = margins[i][j] + row.reduce((s, v, k) => s + v * x[k], 0);
				if (predicted < required[i][j]) {
					active.set(key(i, j), [i, j]);
					changed = true;
				}
			}
		}
		if (!changed) break;
	}
	return {
		dp: sites.map((_, i) => [x[2 * i], x[2 * i + 1]] as XY),
		dw: sites.map((_, i) => x[2 * n + i] * S)
	};
}

/** min ½xᵀDx − qᵀx subject to Cx = e, D diagonal: the KKT system [D Cᵀ; C 0][x; λ] = [q; e]. */
function solveKkt(diag: readonly number[], q: readonly number[], rows: ReadonlyArray<{ row: number[]; rhs: number }>) {
	const nv = diag.length;
	const m = rows.length;
	const a = Array.from({ length: nv + m }, () => new Array<number>(nv + m).fill(0));
	for (let k = 0; k < nv; k++) a[k][k] = diag[k];
	rows.forEach(({ row }, r) => {
		for (let k = 0; k < nv; k++) {
			a[nv + r][k] = row[k];
			a[k][nv + r] = row[k];
		}
	});
	const sol = solveLinear(a, [...q, ...rows.map((r) => r.rhs)]);
	return { x: sol.slice(0, nv), lambda: sol.slice(nv) };
}
