// Proof that cells tile an outline: how much of the outline no cell covers (gap), how much two
// cells cover twice (overlap), and how much lies outside the outline, all geodesic km² via turf.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { area } from '@turf/area';
import { bbox } from '@turf/bbox';
import { difference } from '@turf/difference';
import { feature, featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import Flatbush from 'flatbush';
import { interiorsDisjoint } from './disjoint';
import { exactUnionInput } from './dissolve';

export interface TilingReport {
	sumKm2: number;
	outlineKm2: number;
	/** Outline area covered by no cell. */
	gapKm2: number;
	/** Area covered by more than one cell, summed over pairs. */
	overlapKm2: number;
	/** Cell area outside the outline. */
	outsideKm2: number;
	/** Pairs whose common area exceeds MIN_OVERLAP_KM2, by feature id (properties.id, id or index). */
	overlaps: Array<{ a: string; b: string; km2: number }>;
}

type Poly = Feature<Polygon | MultiPolygon>;

/** Below a square metre an intersection is clipping round-off, not an overlap worth naming. */
const MIN_OVERLAP_KM2 = 1e-6;

export function tilingReport(cells: FeatureCollection<Polygon | MultiPolygon>, outline: Poly): TilingReport {
	const features = cells.features;
	const km2 = (f: Poly | null) => (f ? area(f) / 1e6 : 0);
	const idOf = (f: Poly, k: number) => String((f.properties as { id?: unknown } | null)?.id ?? f.id ?? k);
	const boxes = features.map((f) => bbox(f));

	const overlaps: TilingReport['overlaps'] = [];
	let overlapKm2 = 0;
	const index = features.length ? new Flatbush(features.length) : null;
	if (index) {
		for (const [x0, y0, x1, y1] of boxes) index.add(x0, y0, x1, y1);
		index.finish();
	}
	for (let i = 0; i < features.length; i++) {
		const a = boxes[i];
		// Pairs in the order of a scan over all pairs (i < j ascending), so the overlap sums up alike.
		const candidates = index!
			.search(a[0], a[1], a[2], a[3])
			.filter((j) => j > i)
			.sort((x, y) => x - y);
		for (const j of candidates) {
			const b = boxes[j];
			// Boxes that only touch along a side or at a corner (neighbours in a grid) hold no common area:
			// the cells' intersection lies within a line or a point, so the exact overlay is not needed.
			const common: [number, number, number, number] = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
			if (common[2] <= common[0] || common[3] <= common[1]) continue;
			// Neighbours that only share borders have no common area either (proven without an overlay).
			if (interiorsDisjoint(features[i].geometry, features[j].geometry, common)) continue;
			const shared = km2(intersect(featureCollection([features[i], features[j]])));
			overlapKm2 += shared;
			if (shared > MIN_OVERLAP_KM2) overlaps.push({ a: idOf(features[i], i), b: idOf(features[j], j), km2: shared });
		}
	}
	const covered =
		features.length > 1 ? union(featureCollection(exactUnionInput(features.map((f) => f.geometry)).map((g) => feature(g)))) : (features[0] ?? null);
	const gapKm2 = covered ? km2(difference(featureCollection([outline, covered]))) : km2(outline);
	const outsideKm2 = covered ? km2(difference(featureCollection([covered, outline]))) : 0;
	return {
		sumKm2: features.reduce((s, f) => s + km2(f), 0),
		outlineKm2: km2(outline),
		gapKm2,
		overlapKm2,
		outsideKm2,
		overlaps
	};
}
