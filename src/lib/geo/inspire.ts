// The INSPIRE statistical grid (EPSG:3035 LAEA Europe) as the German census 2022 publishes it: cell ids
// written exactly as the census writes them, their squares in EPSG:3035 and WGS84, and the cells
// covering a city, clipped to its outline. Pure: no I/O.
import proj4 from 'proj4';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** The two resolutions the census publishes on the grid. */
export type CellSize = '100m' | '1km';

/** Edge length in metres. */
export const CELL_METRES: Record<CellSize, number> = { '100m': 100, '1km': 1000 };

/** EPSG:3035, ETRS89 / LAEA Europe (the EPSG registry's parameters). */
export const EPSG_3035 = '+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const toLaea = proj4('EPSG:4326', EPSG_3035);

/** EPSG:3035 easting/northing of a WGS84 [lon, lat]. */
export const laea = (p: Position): [number, number] => toLaea.forward([p[0], p[1]]) as [number, number];
/** WGS84 [lon, lat] of an EPSG:3035 [east, north]. */
export const wgs84 = (p: Position): [number, number] => toLaea.inverse([p[0], p[1]]) as [number, number];

/** A grid cell: its size and its lower-left corner in EPSG:3035 metres. */
export interface Cell {
	size: CellSize;
	north: number;
	east: number;
}

/**
 * The census's spelling: `CRS3035RES100mN{north}E{east}` and, for the 1 km grid (`GITTER_ID_1km`),
 * `CRS3035RES1000mN{north}E{east}`, the lower-left corner in whole metres.
 */
export function formatCellId(cell: Cell): string {
	return `CRS3035RES${CELL_METRES[cell.size]}mN${cell.north}E${cell.east}`;
}

const ID = /^CRS3035RES(100|1000)mN(\d+)E(\d+)$/;

/** Why an id is not a cell id of the expected grid (keys of the census message section). */
export type CellIdError = 'syntax' | 'size' | 'alignment';

/**
 * Reads a cell id as the census writes it. `expected` is the grid of the file's id column; an id of
 * the other size, or a corner that is not a multiple of the cell size, is refused, never rounded.
 */
export function parseCellId(id: string, expected?: CellSize): { ok: true; cell: Cell } | { ok: false; error: CellIdError } {
	const m = ID.exec(id);
	if (!m) return { ok: false, error: 'syntax' };
	const size: CellSize = m[1] === '100' ? '100m' : '1km';
	if (expected && size !== expected) return { ok: false, error: 'size' };
	const north = Number(m[2]);
	const east = Number(m[3]);
	const edge = CELL_METRES[size];
	if (north % edge !== 0 || east % edge !== 0) return { ok: false, error: 'alignment' };
	return { ok: true, cell: { size, north, east } };
}

/** The cell centre in EPSG:3035 ([east, north]), as the census's `x_mp_*`/`y_mp_*` columns give it. */
export function cellCentre(cell: Cell): [number, number] {
	const half = CELL_METRES[cell.size] / 2;
	return [cell.east + half, cell.north + half];
}

/** The cell's square in EPSG:3035, counter-clockwise from the lower-left corner. */
export function cellSquare(cell: Cell): Position[] {
	const { east: x, north: y } = cell;
	const d = CELL_METRES[cell.size];
	return [
		[x, y],
		[x + d, y],
		[x + d, y + d],
		[x, y + d],
		[x, y]
	];
}

/** The cell containing an EPSG:3035 point. */
export function cellAt(size: CellSize, [east, north]: Position): Cell {
	const d = CELL_METRES[size];
	return { size, north: Math.floor(north / d) * d, east: Math.floor(east / d) * d };
}

/** A polygon (rings of [east, north]) in EPSG:3035. */
export type LaeaPolygon = Position[][];

/** A (Multi)Polygon in WGS84 projected to EPSG:3035 polygons. */
export function toLaeaPolygons(g: Polygon | MultiPolygon): LaeaPolygon[] {
	const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
	return polygons.map((rings) => rings.map((ring) => ring.map(laea)));
}

/** How a cell lies in the outline: wholly inside, cut by its boundary, or outside. */
export type Placement = 'inside' | 'boundary' | 'outside';

/** An outline edge in EPSG:3035. */
interface Edge {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

/**
 * The outline prepared for many cell tests: its edges bucketed by grid row, so that each test looks
 * only at the edges crossing the cell's row.
 */
export class Outline {
	readonly polygons: LaeaPolygon[];
	readonly bbox: [number, number, number, number];
	private readonly rows = new Map<number, Edge[]>();

	constructor(
		geometry: Polygon | MultiPolygon,
		readonly size: CellSize
	) {
		this.polygons = toLaeaPolygons(geometry);
		const d = CELL_METRES[size];
		let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
		for (const rings of this.polygons)
			for (const ring of rings)
				for (let i = 1; i < ring.length; i++) {
					const [x0, y0] = ring[i - 1];
					const [x1, y1] = ring[i];
					[w, s, e, n] = [Math.min(w, x1), Math.min(s, y1), Math.max(e, x1), Math.max(n, y1)];
					const edge = { x0, y0, x1, y1 };
					for (let r = Math.floor(Math.min(y0, y1) / d); r <= Math.floor(Math.max(y0, y1) / d); r++) {
						const bucket = this.rows.get(r);
						if (bucket) bucket.push(edge);
						else this.rows.set(r, [edge]);
					}
				}
		this.bbox = [w, s, e, n];
	}

	/** Whether an EPSG:3035 point lies inside (even-odd over all rings). */
	contains(x: number, y: number): boolean {
		let inside = false;
		for (const { x0, y0, x1, y1 } of this.rows.get(Math.floor(y / CELL_METRES[this.size])) ?? [])
			if (y0 > y !== y1 > y && x < ((x1 - x0) * (y - y0)) / (y1 - y0) + x0) inside = !inside;
		return inside;
	}

	/** Inside, cut by the boundary, or outside (a cell the boundary only touches at a corner counts as cut). */
	place(cell: Cell): Placement {
		const d = CELL_METRES[cell.size];
		const [x0, y0, x1, y1] = [cell.east, cell.north, cell.east + d, cell.north + d];
		for (const e of this.rows.get(Math.floor(cell.north / CELL_METRES[this.size])) ?? []) if (segmentTouchesBox(e, x0, y0, x1, y1)) return 'boundary';
		const [cx, cy] = cellCentre(cell);
		return this.contains(cx, cy) ? 'inside' : 'outside';
	}

	/** Every cell of the outline's grid that is inside or cut, row by row from the south-west. */
	*cells(): Generator<Cell & { placement: Exclude<Placement, 'outside'> }> {
		const d = CELL_METRES[this.size];
		const [w, s, e, n] = this.bbox;
		for (let north = Math.floor(s / d) * d; north < n; north += d)
			for (let east = Math.floor(w / d) * d; east < e; east += d) {
				const cell = { size: this.size, north, east };
				const placement = this.place(cell);
				if (placement !== 'outside') yield { ...cell, placement };
			}
	}

	/** The part of a cell inside the outline, in EPSG:3035: the square itself when wholly inside. */
	clip(cell: Cell): LaeaPolygon[] {
		if (this.place(cell) === 'inside') return [[cellSquare(cell)]];
		const d = CELL_METRES[cell.size];
		const box = [cell.east, cell.north, cell.east + d, cell.north + d] as const;
		const out: LaeaPolygon[] = [];
		for (const rings of this.polygons) {
			const outer = clipRingToBox(rings[0], box);
			if (outer.length < 4 || Math.abs(ringArea(outer)) < 1e-6) continue;
			const holes = rings
				.slice(1)
				.map((h) => clipRingToBox(h, box))
				.filter((h) => h.length >= 4 && Math.abs(ringArea(h)) >= 1e-6);
			out.push([outer, ...holes]);
		}
		return out;
	}
}

/** Planar area of polygons in EPSG:3035 (an equal-area projection: square metres on the ground). */
export function laeaArea(polygons: LaeaPolygon[]): number {
	let a = 0;
	for (const rings of polygons) rings.forEach((ring, i) => (a += (i === 0 ? 1 : -1) * Math.abs(ringArea(ring))));
	return a;
}

/** EPSG:3035 polygons as one WGS84 geometry, rings counter-clockwise outside and clockwise inside (RFC 7946). */
export function toWgs84(polygons: LaeaPolygon[], decimals = 6): Polygon | MultiPolygon {
	const f = 10 ** decimals;
	const ring = (r: Position[], outer: boolean) => {
		const ccw = ringArea(r) > 0;
		const ordered = ccw === outer ? r : [...r].reverse();
		return ordered.map((p) => {
			const [lon, lat] = wgs84(p);
			return [Math.round(lon * f) / f, Math.round(lat * f) / f];
		});
	};
	const out = polygons.map((rings) => rings.map((r, i) => ring(r, i === 0)));
	return out.length === 1 ? { type: 'Polygon', coordinates: out[0] } : { type: 'MultiPolygon', coordinates: out };
}

/** Signed shoelace area (positive counter-clockwise). */
function ringArea(ring: Position[]): number {
	let a = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
	return a / 2;
}

function segmentTouchesBox(e: Edge, x0: number, y0: number, x1: number, y1: number): boolean {
	// Liang–Barsky: does the segment meet the closed box?
	const dx = e.x1 - e.x0;
	const dy = e.y1 - e.y0;
	let t0 = 0;
	let t1 = 1;
	const edges: [number, number][] = [
		[-dx, e.x0 - x0],
		[dx, x1 - e.x0],
		[-dy, e.y0 - y0],
		[dy, y1 - e.y0]
	];
	for (const [p, q] of edges) {
		if (p === 0) {
			if (q < 0) return false;
		} else {
			const t = q / p;
			if (p < 0) t0 = Math.max(t0, t);
			else t1 = Math.min(t1, t);
			if (t0 > t1) return false;
		}
	}
	return true;
}

/**
 * Sutherland–Hodgman against an axis-aligned box: exact in area for any ring (the box is convex);
 * where a concave ring leaves and re-enters, the pieces are joined along the box's edge by
 * zero-width seams, which neither area nor drawing sees.
 */
function clipRingToBox(ring: Position[], [x0, y0, x1, y1]: readonly [number, number, number, number]): Position[] {
	const planes: [(p: Position) => boolean, (a: Position, b: Position) => Position][] = [
		[(p) => p[0] >= x0, (a, b) => [x0, a[1] + ((b[1] - a[1]) * (x0 - a[0])) / (b[0] - a[0])]],
		[(p) => p[0] <= x1, (a, b) => [x1, a[1] + ((b[1] - a[1]) * (x1 - a[0])) / (b[0] - a[0])]],
		[(p) => p[1] >= y0, (a, b) => [a[0] + ((b[0] - a[0]) * (y0 - a[1])) / (b[1] - a[1]), y0]],
		[(p) => p[1] <= y1, (a, b) => [a[0] + ((b[0] - a[0]) * (y1 - a[1])) / (b[1] - a[1]), y1]]
	];
	let out = ring.slice(0, -1);
	for (const [inside, cut] of planes) {
		if (!out.length) break;
		const input = out;
		out = [];
		for (let i = 0; i < input.length; i++) {
			const a = input[(i + input.length - 1) % input.length];
			const b = input[i];
			if (inside(b)) {
				if (!inside(a)) out.push(cut(a, b));
				out.push(b);
			} else if (inside(a)) out.push(cut(a, b));
		}
	}
	return out.length ? [...out, out[0]] : [];
}
