// Polygons generalised for an overview of the whole extent (issue #21): Douglas–Peucker per
// feature at about one screen pixel, then coordinates rounded to a tenth of that, which is what
// makes the text short. Used for outlines around a large level's tiles, never for analysis.
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { simplify } from '@turf/simplify';
import { EARTH_RADIUS_M } from './plane';

const M_PER_DEG = (EARTH_RADIUS_M * Math.PI) / 180;

/** The tolerance (m) at which an extent [west, south, east, north] fills `pixels` along its diagonal with one pixel each. */
export function overviewTolerance([w, s, e, n]: [number, number, number, number], pixels = 1500): number {
	const dx = (e - w) * M_PER_DEG * Math.cos((((s + n) / 2) * Math.PI) / 180);
	const dy = (n - s) * M_PER_DEG;
	return Math.hypot(dx, dy) / pixels;
}

/**
 * Each polygon simplified at toleranceM (in degrees of latitude, the larger of the two degree
 * lengths, so no point moves further than toleranceM) and its coordinates rounded to the decimal
 * grid below a tenth of it. Properties and ids are kept; rings keep at least four positions.
 */
export function overviewGeometry<P>(fc: FeatureCollection<Polygon | MultiPolygon, P>, toleranceM: number): FeatureCollection<Polygon | MultiPolygon, P> {
	const tolerance = toleranceM / M_PER_DEG;
	const decimals = Math.max(0, Math.ceil(-Math.log10(tolerance / 10)));
	const factor = 10 ** decimals;
	const round = (p: Position): Position => [Math.round(p[0] * factor) / factor, Math.round(p[1] * factor) / factor];
	const ring = (r: Position[]) => r.map(round);
	return {
		type: 'FeatureCollection',
		features: fc.features.map((f): Feature<Polygon | MultiPolygon, P> => {
			const g = simplify(f.geometry, { tolerance, highQuality: false, mutate: false });
			return {
				...f,
				geometry:
					g.type === 'Polygon'
						? { type: 'Polygon', coordinates: g.coordinates.map(ring) }
						: { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) }
			};
		})
	};
}
