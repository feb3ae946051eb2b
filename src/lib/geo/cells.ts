// Approximate Stadtteil cells: a power diagram clipped to the city outline, its sites placed near
// the Stadtteil centres and its weights fitted so that each cell has the official km² (scaled to
// the outline) and holds its centre, as one exact tiling (shared borders use identical coordinates).
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { area as turfArea } from '@turf/area';
import { distance as turfDistance } from '@turf/distance';
import { featureCollection, polygon } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { fitWeights } from './fitWeights';
import { placeSites, seedMarginsM } from './placeSites';
import { localPlane, planarRingArea, type LocalPlane, type XY } from './plane';
import { insideRings, type PowerCell } from './power';
import { cleanRing, insertTJunctions, mergePolygons, sharedBorderLength, VertexTable, type IdPolygon } from './topology';

export interface CellSeed {
	id: string;
	lon: number;
	lat: number;
	targetKm2: number;
}

export interface CellProps {
	id: string;
	areaKm2: number;
	/** The official area as given in the seed, unscaled. */
	targetKm2: number;
	/** (areaKm2 − targetKm2·scale) / (targetKm2·scale) · 100: the error the fit could have avoided. */
	areaErrorPct: number;
	seedMoved: null | { from: [number, number]; to: [number, number]; distanceM: number };
	/**
	 * Distance (m) from the seed (after seedMoved) to the site of the power diagram that made the
	 * cell: 0 where the seed itself could serve, more where a site had to move away from its seed
	 * (or a neighbour's towards it) for the seed to stay inside its cell at the right area.
	 */
	siteOffsetM: number;
}

export interface CellsResult {
	cells: FeatureCollection<Polygon, CellProps>;
	/** Newton iterations of the weight fits over all rounds. */
	iterations: number;
	/** Rounds of moving the sites (placeSites.ts). */
	rounds: number;
	/**
	 * The smallest distance (m) of a seed to the border of its cell with any other cell (before
	 * rounding to 6 decimals, which moves borders by < 0.1 m); at least SEED_MARGIN_M unless two
	 * seeds lie closer than 4 × that, or the rounds ran out (then it is reported, not hidden).
	 */
	minSeedMarginM: number;
	maxAbsErrorPct: number;
	medianAbsErrorPct: number;
	/** outline area / Σ official areas: the factor that makes the targets add up to the outline. */
	scale: number;
}

export interface CellsOptions {
	/** Rounds of moving the sites, each with a Newton weight fit (default 200). */
	maxIterations?: number;
	/** Every cell within this % of its scaled target (default 1; the sites are placed at 0.001). */
	tolerancePct?: number;
	/** How far inside the outline a seed lying outside it is put, in metres (default 150). */
	insetM?: number;
}

/** Vertices closer than this (≈ 1e-9°) are one vertex; far above float noise, far below 6 decimals. */
const SNAP_M = 1e-4;
/** A seed keeps at least this distance from the borders of its cell (less for seeds closer than 4×). */
const SEED_MARGIN_M = 100;
/** Newton iterations per weight fit; from a warm start it needs two or three. */
const NEWTON_ITERATIONS = 50;
/** Iterations of the (slower) refit on final areas when fragments change hands. */
const MAX_FRAGMENT_ITERATIONS = 60;

/**
 * Cells around the seeds that tile the outline. The fit targets are the official areas scaled by
 * `scale` (the outline's area is not exactly the official city area); `areaErrorPct` is
 * measured against those scaled targets, and the error against the official area follows from
 * `areaKm2` and `targetKm2`. Seeds outside the outline are moved `insetM` inside it and reported
 * in `seedMoved`. The diagram's sites start on the seeds and move only as far as needed for each
 * seed to lie at least SEED_MARGIN_M inside its own cell at the exact area (placeSites.ts);
 * `siteOffsetM` reports how far each site ended up from its seed.
 *
 * Geometry is built in an equirectangular plane centred on the outline (see plane.ts) and areas
 * are integrated on turf's sphere, so they match turf.area.
 */
export function stadtteilCells(outline: Feature<Polygon | MultiPolygon>, seeds: CellSeed[], options: CellsOptions = {}): CellsResult {
	const maxRounds = options.maxIterations ?? 200;
	const tolerancePct = options.tolerancePct ?? 1;
	const insetM = options.insetM ?? 150;
	checkSeeds(seeds);

	const lonLatRings = outlineRings(outline);
	const lons = lonLatRings[0].map((p) => p[0]);
	const lats = lonLatRings[0].map((p) => p[1]);
	const plane = localPlane((Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2);
	const rings = lonLatRings.map((ring, k) => {
		const open = ring.slice(0, -1).map((p) => plane.toXY(p));
		// Exterior counter-clockwise, holes clockwise, whatever the input's winding.
		return planarRingArea(open) > 0 === (k === 0) ? open : open.reverse();
	});

	const moved = seeds.map((s) => {
		const xy = plane.toXY([s.lon, s.lat]);
		return insideRings(xy, rings) ? null : moveInside(xy, rings, insetM);
	});
	const points = seeds.map((s, i) => moved[i] ?? plane.toXY([s.lon, s.lat]));
	checkDistinct(points, seeds);

	const outlineKm2 = turfArea(outline) / 1e6;
	const sumTargets = seeds.reduce((s, c) => s + c.targetKm2, 0);
	const scale = outlineKm2 / sumTargets;
	const outlineM2 = rings.reduce((s, r) => s + plane.ringAreaM2(r), 0);
	const targetsM2 = seeds.map((s) => (s.targetKm2 / sumTargets) * outlineM2);

	const xs = rings[0].map((p) => p[0]);
	const ys = rings[0].map((p) => p[1]);
	const pad = Math.max(...xs) - Math.min(...xs) + Math.max(...ys) - Math.min(...ys);
	const box: XY[] = [
		[Math.min(...xs) - pad, Math.min(...ys) - pad],
		[Math.max(...xs) + pad, Math.min(...ys) - pad],
		[Math.max(...xs) + pad, Math.max(...ys) + pad],
		[Math.min(...xs) - pad, Math.max(...ys) + pad]
	];

	const placed = placeSites({
		seeds: points,
		targetsM2,
		rings,
		plane,
		box,
		marginM: SEED_MARGIN_M,
		tolerancePct,
		maxRounds,
		maxIterations: NEWTON_ITERATIONS
	});
	const { sites } = placed;
	let iterations = placed.iterations;
	let weights = placed.weights;
	let tiling = buildTiling(placed.cells, rings, points, plane);
	if (tiling.transfers.some((t) => t !== 0)) {
		// Fragments changed hands: fit again on the areas the cells really end up with. Each step
		// clips every cell, so this is slower, but it only happens for badly non-convex outlines.
		const refit = fitWeights({
			sites,
			targetsM2,
			rings,
			plane,
			box,
			tolerancePct,
			weights: placed.weights,
			maxIterations: MAX_FRAGMENT_ITERATIONS,
			measure: (cells) => buildTiling(cells, rings, points, plane).areasM2
		});
		iterations += refit.iterations;
		weights = refit.weights;
		tiling = buildTiling(refit.cells, rings, points, plane);
	}
	const margins = seedMarginsM(points, sites, weights);

	const offsets = sites.map((p, i) => Math.hypot(p[0] - points[i][0], p[1] - points[i][1]));
	const features = toFeatures(tiling, plane, seeds, moved, offsets, scale);
	const errors = features.map((f) => Math.abs(f.properties.areaErrorPct)).sort((a, b) => a - b);
	const mid = errors.length >> 1;
	return {
		cells: { type: 'FeatureCollection', features },
		iterations,
		rounds: placed.rounds,
		minSeedMarginM: round(Math.min(...margins), 1),
		maxAbsErrorPct: errors[errors.length - 1],
		medianAbsErrorPct: errors.length % 2 ? errors[mid] : (errors[mid - 1] + errors[mid]) / 2,
		scale
	};
}

interface Tiling {
	pts: XY[];
	polygons: IdPolygon[];
	/** Area (m²) each cell handed to neighbours minus the area it received. */
	transfers: number[];
	/** Area (m²) of each final cell. */
	areasM2: number[];
}

/**
 * Clips each power cell to the outline (turf.intersect, i.e. polyclip, on plane coordinates),
 * snaps all vertices into one table, removes T-junctions, keeps the part holding the seed and
 * hands every detached fragment to the neighbour with which it shares the longest border.
 */
function buildTiling(cells: readonly PowerCell[], rings: readonly XY[][], seeds: readonly XY[], plane: LocalPlane): Tiling {
	const table = new VertexTable(SNAP_M);
	const outlinePoly = polygon(rings.map(closeRing));
	const pieces: Array<{ owner: number; poly: IdPolygon }> = [];
	cells.forEach((cell, owner) => {
		const clipped = intersect(featureCollection([polygon([closeRing(cell.pts)]), outlinePoly]));
		if (!clipped) return;
		const g = clipped.geometry;
		const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
		for (const part of parts) {
			const poly = part.map((ring, k) => {
				const ids = ring.slice(0, -1).map((p) => table.id([p[0], p[1]]));
				const ccw = planarRingArea(ids.map((v) => table.pts[v])) > 0;
				return ccw === (k === 0) ? ids : ids.reverse();
			});
			pieces.push({ owner, poly });
		}
	});
	const polys = insertTJunctions(
		pieces.map((p) => p.poly),
		table.pts,
		SNAP_M
	);
	const piecesArea = polys.map((poly) => poly.reduce((s, r) => s + plane.ringAreaM2(r.map((v) => table.pts[v])), 0));

	// The main part of each cell is the piece that holds its seed; everything else is a fragment.
	const assigned = new Array<number>(polys.length).fill(-1);
	for (let i = 0; i < seeds.length; i++) {
		const k = pieces.findIndex(
			(p, k) =>
				p.owner === i &&
				insideRings(
					seeds[i],
					polys[k].map((r) => r.map((v) => table.pts[v]))
				)
		);
		if (k < 0) throw new Error(`cell ${i} lost its seed: the fit left its seed outside its cell`);
		assigned[k] = i;
	}
	// A fragment may only touch other fragments at first; repeat until each found a cell.
	for (let progress = true; progress;) {
		progress = false;
		polys.forEach((poly, k) => {
			if (assigned[k] >= 0) return;
			let best = -1;
			let bestLen = 0;
			for (let i = 0; i < seeds.length; i++) {
				if (i === pieces[k].owner) continue;
				const len = polys.reduce((s, q, m) => (assigned[m] === i ? s + sharedBorderLength(poly, q, table.pts) : s), 0);
				if (len > bestLen) {
					bestLen = len;
					best = i;
				}
			}
			if (best >= 0) {
				assigned[k] = best;
				progress = true;
			}
		});
	}
	const transfers = seeds.map(() => 0);
	polys.forEach((_, k) => {
		if (assigned[k] < 0) throw new Error('a fragment of a cell touches no other cell');
		if (assigned[k] !== pieces[k].owner) {
			transfers[pieces[k].owner] += piecesArea[k];
			transfers[assigned[k]] -= piecesArea[k];
		}
	});
	const polygons = seeds.map((_, i) => {
		const mine = polys.filter((_, k) => assigned[k] === i);
		const merged = mine.length === 1 ? mine[0] : mergePolygons(mine, table.pts);
		const exteriors = merged.filter((r) => planarRingArea(r.map((v) => table.pts[v])) > 0);
		if (exteriors.length !== 1) throw new Error(`cell ${i} would touch itself in a point after taking over a fragment`);
		return merged;
	});
	const areasM2 = seeds.map((_, i) => piecesArea.reduce((s, a, k) => (assigned[k] === i ? s + a : s), 0));
	return { pts: table.pts, polygons, transfers, areasM2 };
}

/** Rounds to 6 decimals (≈ 0.1 m), merging vertices that round alike, and measures on the sphere. */
function toFeatures(
	tiling: Tiling,
	plane: LocalPlane,
	seeds: readonly CellSeed[],
	moved: readonly (XY | null)[],
	offsetsM: readonly number[],
	scale: number
): Array<Feature<Polygon, CellProps>> {
	const rounded = tiling.pts.map((p) => plane.toLonLat(p).map(round6) as XY);
	// Vertices that round to the same position become one, in every polygon alike.
	const first = new Map<string, number>();
	const canonical = rounded.map((p, v) => {
		const key = `${p[0]},${p[1]}`;
		if (!first.has(key)) first.set(key, v);
		return first.get(key)!;
	});
	return tiling.polygons.map((poly, i) => {
		const coordinates = poly
			.map((ring) => cleanRing(ring.map((v) => canonical[v])))
			.filter((ring) => ring.length >= 3)
			.map((ring) => closeRing(ring.map((v) => rounded[v])));
		const seed = seeds[i];
		const areaKm2 = turfArea({ type: 'Polygon', coordinates }) / 1e6;
		const target = seed.targetKm2 * scale;
		const to = moved[i] ? (plane.toLonLat(moved[i]!).map(round6) as [number, number]) : null;
		return {
			type: 'Feature',
			properties: {
				id: seed.id,
				areaKm2: round(areaKm2, 4),
				targetKm2: seed.targetKm2,
				areaErrorPct: round(((areaKm2 - target) / target) * 100, 3),
				seedMoved: to ? { from: [seed.lon, seed.lat], to, distanceM: round(turfDistance([seed.lon, seed.lat], to) * 1000, 1) } : null,
				siteOffsetM: round(offsetsM[i], 1)
			},
			geometry: { type: 'Polygon', coordinates }
		};
	});
}

/** Nearest point that lies insetM inside the outline (pushed off any boundary closer than that). */
function moveInside(p: XY, rings: readonly XY[][], insetM: number): XY {
	let q = nearestOnBoundary(p, rings);
	const d = Math.hypot(q[0] - p[0], q[1] - p[1]);
	let c: XY = [q[0] + ((q[0] - p[0]) / d) * insetM, q[1] + ((q[1] - p[1]) / d) * insetM];
	// In a narrow spot the step inward may come close to another stretch of boundary.
	for (let k = 0; k < 50; k++) {
		q = nearestOnBoundary(c, rings);
		const dist = Math.hypot(c[0] - q[0], c[1] - q[1]);
		const inside = insideRings(c, rings);
		if (inside && dist >= insetM * (1 - 1e-9)) break;
		const sign = inside ? 1 : -1;
		const step = inside ? insetM - dist : insetM + dist;
		c = [c[0] + ((sign * (c[0] - q[0])) / dist) * step, c[1] + ((sign * (c[1] - q[1])) / dist) * step];
	}
	if (!insideRings(c, rings)) throw new Error('could not move a seed inside the outline');
	return c;
}

function nearestOnBoundary(p: XY, rings: readonly XY[][]): XY {
	let best: XY = p;
	let bestD = Infinity;
	for (const ring of rings) {
		for (let k = 0; k < ring.length; k++) {
			const a = ring[k];
			const b = ring[(k + 1) % ring.length];
			const dx = b[0] - a[0];
			const dy = b[1] - a[1];
			const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
			const q: XY = [a[0] + t * dx, a[1] + t * dy];
			const d = Math.hypot(q[0] - p[0], q[1] - p[1]);
			if (d < bestD) {
				bestD = d;
				best = q;
			}
		}
	}
	return best;
}

function outlineRings(outline: Feature<Polygon | MultiPolygon>): Position[][] {
	const g = outline.geometry;
	if (g.type === 'Polygon') return g.coordinates;
	if (g.coordinates.length === 1) return g.coordinates[0];
	throw new Error('the outline must be a single polygon: separate parts cannot be tiled by one-polygon cells');
}

function checkSeeds(seeds: readonly CellSeed[]): void {
	if (seeds.length === 0) throw new Error('no seeds');
	const ids = new Set<string>();
	for (const s of seeds) {
		if (ids.has(s.id)) throw new Error(`duplicate seed id ${s.id}`);
		ids.add(s.id);
		if (![s.lon, s.lat].every(Number.isFinite)) throw new Error(`seed ${s.id}: coordinates must be finite`);
		if (!(s.targetKm2 > 0)) throw new Error(`seed ${s.id}: targetKm2 must be > 0`);
	}
}

function checkDistinct(sites: readonly XY[], seeds: readonly CellSeed[]): void {
	for (let i = 0; i < sites.length; i++) {
		for (let j = i + 1; j < sites.length; j++) {
			if (Math.hypot(sites[i][0] - sites[j][0], sites[i][1] - sites[j][1]) < 1) {
				throw new Error(`seeds ${seeds[i].id} and ${seeds[j].id} are less than 1 m apart`);
			}
		}
	}
}

const closeRing = (ring: readonly XY[]): Position[] => [...ring, ring[0]];
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
const round6 = (v: number) => round(v, 6);
