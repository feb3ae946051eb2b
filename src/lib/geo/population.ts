// Population surface: a documented model that turns each Stadtteil's residents into points.
// A regular grid (default 50 m) in a local metric plane; every grid point inside a Stadtteil
// carries an equal share of its residents (uniform density within a Stadtteil, the same
// assumption as areal weighting, so the two methods differ only by discretisation). A Stadtteil
// too small to hold a grid point gets one point at an interior point. Where census grid residents
// are known for an area, its points are the grid's cells instead, each carrying the area's residents
// in proportion to its grid count (dasymetric: the grid gives where, the area's figure how many).
import { bbox } from '@turf/bbox';
import { pointOnFeature } from '@turf/point-on-feature';
import type { Feature, Position } from 'geojson';
import type { Area } from './catchments';
import { localPlane, type LocalPlane } from './plane';

export interface PopulationArea {
	id: string;
	population: number;
	geometry: Area;
	/** The census grid's populated cells in the area: [lon, lat, residents] at each cell's centre. */
	cells?: [number, number, number][];
}

export interface PopulationSurface {
	spacing: number;
	plane: LocalPlane;
	/** Positions in lon/lat and in the plane (metres), one entry per point. */
	lon: Float64Array;
	lat: Float64Array;
	x: Float64Array;
	y: Float64Array;
	/** Residents the point stands for. */
	weight: Float64Array;
	/** Index into `areaIds` of the Stadtteil the point belongs to. */
	area: Uint16Array;
	areaIds: string[];
	total: number;
}

export const DEFAULT_SPACING_M = 50;

export function populationSurface(areas: PopulationArea[], spacing = DEFAULT_SPACING_M): PopulationSurface {
	const boxes = areas.map((a) => bbox(a.geometry));
	const w = Math.min(...boxes.map((b) => b[0]));
	const s = Math.min(...boxes.map((b) => b[1]));
	const e = Math.max(...boxes.map((b) => b[2]));
	const n = Math.max(...boxes.map((b) => b[3]));
	const plane = localPlane((w + e) / 2, (s + n) / 2);
	const [gx0, gy0] = plane.toXY([w, s]);
	const [gx1, gy1] = plane.toXY([e, n]);
	const cols = Math.ceil((gx1 - gx0) / spacing);
	const rows = Math.ceil((gy1 - gy0) / spacing);
	// A grid point on a shared border belongs to the first Stadtteil that claims it.
	const taken = new Uint8Array(cols * rows);
	const lon: number[] = [];
	const lat: number[] = [];
	const owner: number[] = [];
	const counts = new Array<number>(areas.length).fill(0);
	/** Per point: its share of its area's residents, where the grid gives one (else an equal share). */
	const shares: number[] = [];
	const gridTotal = areas.map((a) => (a.cells ?? []).reduce((sum, c) => sum + c[2], 0));

	areas.forEach((a, ai) => {
		if (gridTotal[ai] > 0) {
			for (const [x, y, residents] of a.cells!) {
				if (residents <= 0) continue;
				lon.push(x);
				lat.push(y);
				owner.push(ai);
				shares.push(residents / gridTotal[ai]);
				counts[ai]++;
			}
			return;
		}
		const [aw, as, ae, an] = boxes[ai];
		const [ax0, ay0] = plane.toXY([aw, as]);
		const [ax1, ay1] = plane.toXY([ae, an]);
		const c0 = Math.max(0, Math.floor((ax0 - gx0) / spacing - 0.5));
		const c1 = Math.min(cols - 1, Math.ceil((ax1 - gx0) / spacing - 0.5));
		const r0 = Math.max(0, Math.floor((ay0 - gy0) / spacing - 0.5));
		const r1 = Math.min(rows - 1, Math.ceil((ay1 - gy0) / spacing - 0.5));
		const polygons = a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates;
		for (let r = r0; r <= r1; r++) {
			for (let c = c0; c <= c1; c++) {
				const k = r * cols + c;
				if (taken[k]) continue;
				const p = plane.toLonLat([gx0 + (c + 0.5) * spacing, gy0 + (r + 0.5) * spacing]);
				if (!polygons.some((poly) => insidePolygon(p[0], p[1], poly))) continue;
				taken[k] = 1;
				lon.push(p[0]);
				lat.push(p[1]);
				owner.push(ai);
				shares.push(NaN);
				counts[ai]++;
			}
		}
		if (counts[ai] === 0) {
			const p = pointOnFeature(a.geometry as unknown as Feature<Area>).geometry.coordinates;
			lon.push(p[0]);
			lat.push(p[1]);
			owner.push(ai);
			shares.push(NaN);
			counts[ai] = 1;
		}
	});

	const size = lon.length;
	const surface: PopulationSurface = {
		spacing,
		plane,
		lon: Float64Array.from(lon),
		lat: Float64Array.from(lat),
		x: new Float64Array(size),
		y: new Float64Array(size),
		weight: new Float64Array(size),
		area: Uint16Array.from(owner),
		areaIds: areas.map((a) => a.id),
		total: areas.reduce((sum, a) => sum + a.population, 0)
	};
	for (let i = 0; i < size; i++) {
		const [x, y] = plane.toXY([lon[i], lat[i]]);
		surface.x[i] = x;
		surface.y[i] = y;
		surface.weight[i] = areas[owner[i]].population * (Number.isNaN(shares[i]) ? 1 / counts[owner[i]] : shares[i]);
	}
	return surface;
}

/** Even-odd ray casting over all rings of one polygon (holes included). */
export function insidePolygon(x: number, y: number, rings: Position[][]): boolean {
	let inside = false;
	for (const ring of rings) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const xi = ring[i][0];
			const yi = ring[i][1];
			const xj = ring[j][0];
			const yj = ring[j][1];
			if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
		}
	}
	return inside;
}
