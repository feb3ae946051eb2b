// Topology-preserving simplification of a tiling (shared borders are simplified once, so they
// stay shared), and the label point of a cell.
import type { Feature, FeatureCollection, GeometryCollection as GeoJsonGeometryCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { feature } from 'topojson-client';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon } from 'topojson-specification';
import { EARTH_RADIUS_M, localPlane, planarRingArea, type XY } from './plane';
import polylabel from 'polylabel';

/**
 * Visvalingam simplification on a TopoJSON topology of the tiling. A vertex goes when the triangle
 * it forms with its neighbours is smaller than toleranceM² (a notch toleranceM deep on a base of
 * 2·toleranceM). topojson-simplify weighs triangles in planar lon/lat, i.e. in squared degrees; at
 * the data's mid-latitude φ one degree² is mPerDegLat · mPerDegLon(φ) m², so the threshold becomes
 * toleranceM² / (mPerDegLat · mPerDegLon). Arc ends (where three cells meet, or a cell meets the
 * outline) are never removed, so the result still tiles.
 */
export function simplifyTiling<P>(
	fc: FeatureCollection<Polygon | MultiPolygon, P>,
	options: { toleranceM: number }
): FeatureCollection<Polygon | MultiPolygon, P> {
	return simplifyTopology(fc, options.toleranceM, fc.features.length, options.toleranceM);
}

/**
 * A tiling simplified in one topology with the areas around it (the neighbouring districts), so the
 * borders they share with it stay shared too. Borders of the surroundings alone (context, drawn
 * muted) may be simplified more coarsely, at surroundingsToleranceM. Each comes back in its own order.
 */
export function simplifyWithSurroundings<P, Q>(
	tiling: FeatureCollection<Polygon | MultiPolygon, P>,
	surroundings: FeatureCollection<Polygon | MultiPolygon, Q>,
	options: { toleranceM: number; surroundingsToleranceM?: number }
): { tiling: FeatureCollection<Polygon | MultiPolygon, P>; surroundings: FeatureCollection<Polygon | MultiPolygon, Q> } {
	const n = tiling.features.length;
	const all: FeatureCollection<Polygon | MultiPolygon, P | Q> = { type: 'FeatureCollection', features: [...tiling.features, ...surroundings.features] };
	const both = simplifyTopology(all, options.toleranceM, n, options.surroundingsToleranceM ?? options.toleranceM).features;
	return {
		tiling: { type: 'FeatureCollection', features: both.slice(0, n) as Feature<Polygon | MultiPolygon, P>[] },
		surroundings: { type: 'FeatureCollection', features: both.slice(n) as Feature<Polygon | MultiPolygon, Q>[] }
	};
}

/**
 * The features before `fine` are simplified at toleranceM; arcs that only later features use, at
 * restToleranceM: their presimplified weights are scaled by (toleranceM / restToleranceM)², so the
 * one threshold removes their vertices as restToleranceM would.
 */
function simplifyTopology<P>(
	fc: FeatureCollection<Polygon | MultiPolygon, P>,
	toleranceM: number,
	fine: number,
	restToleranceM: number
): FeatureCollection<Polygon | MultiPolygon, P> {
	if (fc.features.length === 0) return fc;
	// A loop, not Math.min(...lats): a level like VG250's municipalities has millions of vertices, too many arguments for a call.
	let [minLat, maxLat] = [Infinity, -Infinity];
	for (const f of fc.features.slice(0, Math.max(fine, 1)))
		for (const p of allPositions(f.geometry)) [minLat, maxLat] = [Math.min(minLat, p[1]), Math.max(maxLat, p[1])];
	const midLat = (minLat + maxLat) / 2;
	const mPerDegLat = (EARTH_RADIUS_M * Math.PI) / 180;
	const mPerDegLon = mPerDegLat * Math.cos((midLat * Math.PI) / 180);
	const minWeight = toleranceM ** 2 / (mPerDegLat * mPerDegLon);

	// No quantisation: arcs keep the input coordinates, so untouched vertices stay exact.
	// Properties stay out of the topology and are put back by index.
	const geometries: GeoJsonGeometryCollection = { type: 'GeometryCollection', geometries: fc.features.map((f) => f.geometry) };
	const weighed = presimplify(topology({ cells: geometries }) as unknown as Parameters<typeof presimplify>[0]);
	const parts = (weighed.objects.cells as GeometryCollection).geometries;
	if (restToleranceM !== toleranceM) {
		const fineArcs = new Set(parts.slice(0, fine).flatMap((g) => arcsOf(g as TopoPolygon)));
		const factor = (toleranceM / restToleranceM) ** 2;
		weighed.arcs.forEach((arc, i) => {
			if (!fineArcs.has(i)) for (const p of arc) p[2] *= factor;
		});
	}
	const topo = simplify(weighed, minWeight);
	const cells = topo.objects.cells as GeometryCollection;
	const features = cells.geometries.map((g, k): Feature<Polygon | MultiPolygon, P> => {
		// feature() is overloaded per geometry type; every geometry here is a (multi)polygon.
		const geometry = feature(topo, g as TopoPolygon).geometry as Polygon | MultiPolygon;
		return { type: 'Feature', properties: fc.features[k].properties, geometry: tidy(geometry) };
	});
	return { type: 'FeatureCollection', features };
}

/** The arc indexes a (multi)polygon of the topology uses (~i marks an arc used reversed). */
function arcsOf(g: TopoPolygon | TopoMultiPolygon): number[] {
	const rings = g.type === 'Polygon' ? g.arcs : g.arcs.flat();
	return rings.flat().map((i) => (i < 0 ? ~i : i));
}

/**
 * Interior point for a label: the pole of inaccessibility (polylabel) computed in a local metric
 * plane, found to within 1 m, as [lon, lat] rounded to 5 decimals (≈ 1 m). A MultiPolygon is
 * labelled in its largest part.
 */
export function labelPoint(geom: Polygon | MultiPolygon): [number, number] {
	const parts = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
	const first = parts[0][0][0];
	const plane = localPlane(first[0], first[1]);
	const planar = parts.map((rings) => rings.map((r) => r.map((p) => plane.toXY(p))));
	const largest = planar.reduce((a, b) => (Math.abs(planarRingArea(b[0])) > Math.abs(planarRingArea(a[0])) ? b : a));
	const [x, y] = polylabel(largest, 1);
	const pole = plane.toLonLat([x, y]);
	return [round(pole[0], 5), round(pole[1], 5)];
}

/** Rounds to 6 decimals, drops repeated positions, closes rings, winds exteriors counter-clockwise. */
function tidy(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
	const fix = (rings: Position[][]) => {
		const fixed = rings.map((ring, k) => {
			const r = ring.slice(0, -1).map((p) => [round(p[0], 6), round(p[1], 6)] as XY);
			const open = r.filter((p, i) => p[0] !== r[(i + 1) % r.length][0] || p[1] !== r[(i + 1) % r.length][1]);
			const ccw = planarRingArea(open) > 0;
			const wound = ccw === (k === 0) ? open : open.reverse();
			return [...wound, wound[0]];
		});
		// A part whose exterior collapsed goes with its holes (a hole must not become an exterior).
		return fixed[0] && fixed[0].length >= 4 ? fixed.filter((ring) => ring.length >= 4) : [];
	};
	if (g.type === 'Polygon') return { type: 'Polygon', coordinates: fix(g.coordinates) };
	// Parts of a MultiPolygon that vanished (small islands of a coarsely simplified context) are dropped.
	return { type: 'MultiPolygon', coordinates: g.coordinates.map(fix).filter((part) => part.length > 0) };
}

function allPositions(g: Polygon | MultiPolygon): Position[] {
	return g.type === 'Polygon' ? g.coordinates.flat() : g.coordinates.flat(2);
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
