// Population reached by catchments, two ways: (a) areal weighting — each Stadtteil's residents
// times the share of its area inside the catchment; (b) points — the population surface counted
// per catchment with a spatial index (flatbush), exact with respect to the ring polygons.
import { area } from '@turf/area';
import { bbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import Flatbush from 'flatbush';
import type { Feature, Polygon } from 'geojson';
import { convexShare } from './clipConvex';
import { BUFFER_STEPS, type Area, type KontorSite, type RingFeature } from './catchments';
import type { PopulationArea, PopulationSurface } from './population';

/**
 * Share (0–1) of each Stadtteil's area inside the catchment; Stadtteile outside it are left out.
 * A convex catchment (a ring, a Voronoi cell) is clipped directly; any other (dissolved rings)
 * goes through Turf's general intersection, unless only one of its convex parts touches the
 * Stadtteil.
 */
export function arealShares(areas: PopulationArea[], catchment: Feature<Area>, convexParts?: Feature<Polygon>[]): Map<string, number> {
	const [cw, cs, ce, cn] = bbox(catchment);
	const shares = new Map<string, number>();
	const overlaps = (g: Feature<Area> | Area, box: number[]) => {
		const [w, s, e, n] = bbox(g);
		return !(w > box[2] || e < box[0] || s > box[3] || n < box[1]);
	};
	for (const a of areas) {
		if (!overlaps(a.geometry, [cw, cs, ce, cn])) continue;
		const touching = convexParts?.filter((p) => overlaps(a.geometry, bbox(p)));
		let share: number;
		if (touching && touching.length === 0) continue;
		if (touching && touching.length === 1) share = convexShare(a.geometry, touching[0].geometry.coordinates[0]);
		else {
			const feature: Feature<Area> = { type: 'Feature', geometry: a.geometry, properties: {} };
			const inside = intersect(featureCollection<Area>([feature, catchment]));
			share = inside ? Math.min(1, area(inside) / area(feature)) : 0;
		}
		if (share > 0) shares.set(a.id, share);
	}
	return shares;
}

export function arealReached(areas: PopulationArea[], shares: Map<string, number>): number {
	return areas.reduce((sum, a) => sum + a.population * (shares.get(a.id) ?? 0), 0);
}

export interface RingCounts {
	/** Residents per Kontor, by distance index. */
	byKontor: Map<string, number[]>;
	/** Residents within each distance of any Kontor. */
	any: number[];
}

/**
 * Plane distances are off by up to ±0.5 % against the sphere across a 20 km ring; points closer to
 * a ring's edge than this margin are decided by the polygon itself, so the counts equal a
 * point-in-polygon test of every point.
 */
const MARGIN = 0.01;
const INSCRIBED = Math.cos(Math.PI / (4 * BUFFER_STEPS));

const ringKey = (kontor: string, distance: number) => `${kontor}\u0000${distance}`;

export class PopulationIndex {
	readonly index: Flatbush;
	private readonly best: Uint8Array;

	constructor(readonly surface: PopulationSurface) {
		const n = surface.weight.length;
		this.index = new Flatbush(Math.max(n, 1));
		for (let i = 0; i < n; i++) this.index.add(surface.x[i], surface.y[i], surface.x[i], surface.y[i]);
		if (n === 0) this.index.add(0, 0, 0, 0);
		this.index.finish();
		this.best = new Uint8Array(n);
	}

	/** Residents inside each ring (distances ascending, at most 254). */
	countRings(sites: KontorSite[], rings: RingFeature[], distances: number[]): RingCounts {
		const { surface, best } = this;
		const order = distances.map((d, i) => [d, i] as const).sort((a, b) => a[0] - b[0]);
		const ringOf = new Map(rings.map((r) => [ringKey(r.properties.kontor, r.properties.distance), r]));
		const none = 255;
		best.fill(none);
		const touched: number[] = [];
		const byKontor = new Map<string, number[]>();
		for (const site of sites) {
			const sums = new Array<number>(distances.length).fill(0);
			byKontor.set(site.id, sums);
			const [sx, sy] = surface.plane.toXY(site.lonLat);
			const reach = order[order.length - 1][0] * (1 + MARGIN);
			for (const i of this.index.search(sx - reach, sy - reach, sx + reach, sy + reach)) {
				const d = Math.hypot(surface.x[i] - sx, surface.y[i] - sy);
				// Rings of one Kontor are nested: the first (smallest) ring holding the point is enough.
				for (let k = 0; k < order.length; k++) {
					const [r] = order[k];
					if (d > r * (1 + MARGIN)) continue;
					const inside = d <= r * INSCRIBED * (1 - MARGIN) || booleanPointInPolygon([surface.lon[i], surface.lat[i]], ringOf.get(ringKey(site.id, r))!);
					if (!inside) continue;
					for (let m = k; m < order.length; m++) sums[order[m][1]] += surface.weight[i];
					if (best[i] === none) touched.push(i);
					if (k < best[i]) best[i] = k;
					break;
				}
			}
		}
		const any = new Array<number>(distances.length).fill(0);
		for (const i of touched) for (let m = best[i]; m < order.length; m++) any[order[m][1]] += surface.weight[i];
		return { byKontor, any };
	}

	/** Residents per Kontor whose nearest Kontor it is (the nearest-Kontor partition). */
	countNearest(sites: KontorSite[]): Map<string, number> {
		const { surface } = this;
		const xy = sites.map((s) => surface.plane.toXY(s.lonLat));
		const sums = new Array<number>(sites.length).fill(0);
		for (let i = 0; i < surface.weight.length; i++) {
			let bestK = -1;
			let bestD = Infinity;
			for (let k = 0; k < xy.length; k++) {
				const d = (surface.x[i] - xy[k][0]) ** 2 + (surface.y[i] - xy[k][1]) ** 2;
				if (d < bestD) {
					bestD = d;
					bestK = k;
				}
			}
			if (bestK >= 0) sums[bestK] += surface.weight[i];
		}
		return new Map(sites.map((s, k) => [s.id, sums[k]]));
	}
}

/** The reference: Turf's booleanPointInPolygon for every point and every ring. Slow; for the benchmark and tests. */
export function countRingsNaive(surface: PopulationSurface, sites: KontorSite[], rings: RingFeature[], distances: number[]): RingCounts {
	const byKontor = new Map(sites.map((s) => [s.id, new Array<number>(distances.length).fill(0)]));
	const any = new Array<number>(distances.length).fill(0);
	const ringOf = new Map(rings.map((r) => [ringKey(r.properties.kontor, r.properties.distance), r]));
	const reachedAny = new Uint8Array(distances.length);
	for (let i = 0; i < surface.weight.length; i++) {
		const p = [surface.lon[i], surface.lat[i]];
		reachedAny.fill(0);
		for (const site of sites) {
			const sums = byKontor.get(site.id)!;
			distances.forEach((d, k) => {
				if (booleanPointInPolygon(p, ringOf.get(ringKey(site.id, d))!)) {
					sums[k] += surface.weight[i];
					reachedAny[k] = 1;
				}
			});
		}
		for (let k = 0; k < distances.length; k++) if (reachedAny[k]) any[k] += surface.weight[i];
	}
	return { byKontor, any };
}
