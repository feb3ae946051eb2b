// Beispieldaten for the census grid level: residents per 100 m cell, synthetic and seeded, because
// the census's own grid cannot be fetched here. Each area's real resident count is spread over the
// cells whose centre lies in it, concentrated around the area's centre with empty cells in between;
// every area's cells sum exactly to its count. No land use is known offline, so where people live
// inside an area is invented. Pure: scripts/generate-gitter.ts reads and writes the files.
import { randomLcg, randomNormal } from 'd3';
import type { MultiPolygon, Polygon } from 'geojson';
import { cellCentre, laea, Outline, wgs84, type Cell, type CellSize } from '$lib/geo/inspire';
import { insidePolygon } from '$lib/geo/population';

export const GRID_SEED = 20261205;
export const GRID_DATASET_ID = 'gitter-einwohner-beispiel';
/** Residents of a populated cell on average before the concentration (the built-up density of a German mid-sized city, about 2,000 per km²). */
export const RESIDENTS_PER_CELL = 20;

export interface GridArea {
	id: string;
	residents: number;
	/** Where its residents concentrate: the area's centre as its source gives it. */
	centre: [number, number];
	geometry: Polygon | MultiPolygon;
}

export interface GridPopulation {
	cell: Cell;
	area: string;
	residents: number;
}

/**
 * The populated cells of the city, south-west to north-east. Per area: its cells by centre, the
 * nearest `residents / RESIDENTS_PER_CELL` of them (distance jittered, so the settled patch is
 * irregular), residents drawn as exp(-distance / scale) × log-normal noise and rounded by largest
 * remainder to the exact count; cells left at 0 are not listed, as the census lists none.
 */
export function generateGridPopulation(outline: Polygon | MultiPolygon, areas: GridArea[], size: CellSize = '100m', seed = GRID_SEED): GridPopulation[] {
	const rng = randomLcg(seed);
	const normal = randomNormal.source(rng)(0, 1);
	const city = new Outline(outline, size);
	const cellsOf = new Map<string, { cell: Cell; distance: number }[]>(areas.map((a) => [a.id, []]));
	for (const cell of city.cells()) {
		const [cx, cy] = cellCentre(cell);
		if (!city.contains(cx, cy)) continue;
		const [lon, lat] = wgs84([cx, cy]);
		const area = areas.find((a) => (a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates).some((r) => insidePolygon(lon, lat, r)));
		if (!area) continue;
		const [ax, ay] = laea(area.centre);
		cellsOf.get(area.id)!.push({ cell: { size: cell.size, north: cell.north, east: cell.east }, distance: Math.hypot(cx - ax, cy - ay) });
	}
	const out: GridPopulation[] = [];
	for (const a of areas) {
		const candidates = cellsOf.get(a.id)!;
		if (!candidates.length || a.residents <= 0) continue;
		const k = Math.min(candidates.length, Math.max(1, Math.round(a.residents / RESIDENTS_PER_CELL)));
		const chosen = candidates
			.map((c) => ({ ...c, rank: c.distance * Math.exp(0.35 * normal()) }))
			.sort((x, y) => x.rank - y.rank)
			.slice(0, k);
		const scale = Math.max(100, chosen.reduce((s, c) => s + c.distance, 0) / chosen.length);
		const weights = chosen.map((c) => Math.exp(-c.distance / scale) * Math.exp(0.5 * normal()));
		const counts = largestRemainder(weights, a.residents);
		chosen.forEach((c, i) => counts[i] > 0 && out.push({ cell: c.cell, area: a.id, residents: counts[i] }));
	}
	return out.sort((x, y) => x.cell.north - y.cell.north || x.cell.east - y.cell.east);
}

/** Integers proportional to the weights that sum exactly to `total`. */
export function largestRemainder(weights: number[], total: number): number[] {
	const sum = weights.reduce((s, w) => s + w, 0);
	const exact = weights.map((w) => (w / sum) * total);
	const counts = exact.map(Math.floor);
	let rest = total - counts.reduce((s, c) => s + c, 0);
	const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((p, q) => q[0] - p[0] || p[1] - q[1]);
	for (const [, i] of order) {
		if (rest <= 0) break;
		counts[i]++;
		rest--;
	}
	return counts;
}
