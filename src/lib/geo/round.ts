// Rounding of polygon coordinates for output: 6 decimals (≈ 0.1 m) is far below the precision of
// any geometry here, and shorter numbers shrink GeoJSON responses by about a third.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;

export function roundGeometry<G extends Polygon | MultiPolygon>(g: G, decimals = 6): G {
	const ring = (r: number[][]) => r.map((p) => p.map((x) => round(x, decimals)));
	return (
		g.type === 'Polygon'
			? { type: 'Polygon', coordinates: g.coordinates.map(ring) }
			: { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) }
	) as G;
}

export function roundFeatures<P>(fc: FeatureCollection<Polygon | MultiPolygon, P>, decimals = 6): FeatureCollection<Polygon | MultiPolygon, P> {
	return { ...fc, features: fc.features.map((f): Feature<Polygon | MultiPolygon, P> => ({ ...f, geometry: roundGeometry(f.geometry, decimals) })) };
}
