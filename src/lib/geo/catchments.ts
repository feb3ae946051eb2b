// Catchment geometry of the Kontore: distance rings per Kontor (Turf buffers), the rings of all
// Kontore dissolved per distance ("any Kontor"), and the part of the city no ring reaches.
import { buffer } from '@turf/buffer';
import { difference } from '@turf/difference';
import { featureCollection, point } from '@turf/helpers';
import { union } from '@turf/union';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

/** A Kontor as the catchment modules see it: an id and a position, real or hypothetical. */
export interface KontorSite {
	id: string;
	name: string;
	lonLat: [number, number];
	/** Placed by the user in the what-if (not one of the six). */
	hypothetical?: boolean;
}

export { DEFAULT_DISTANCES } from './catchmentDefaults';
/** Any Kontor: the id dissolved rings carry instead of a Kontor id. */
export const ANY_KONTOR = '*';
/**
 * Segments per quarter circle of each buffer: a 64-gon, whose area is 0.16 % below the circle's
 * (n/2π·sin(2π/n)); Turf's default of 8 would lose 0.64 %.
 */
export const BUFFER_STEPS = 16;

export interface RingProps {
	kind: 'ring';
	kontor: string;
	distance: number;
}
export type Area = Polygon | MultiPolygon;
export type RingFeature = Feature<Area, RingProps>;

/** One disc per Kontor and distance, in the order of `distances`. */
export function kontorRings(sites: KontorSite[], distances: number[]): RingFeature[] {
	return sites.flatMap((site) =>
		distances.map((distance) => {
			const disc = buffer(point(site.lonLat), distance, { units: 'meters', steps: BUFFER_STEPS }) as Feature<Polygon>;
			return { type: 'Feature', geometry: disc.geometry, properties: { kind: 'ring', kontor: site.id, distance } } satisfies RingFeature;
		})
	);
}

/** The rings of all Kontore dissolved per distance: what any Kontor reaches within it. */
export function dissolvedRings(rings: RingFeature[], distances: number[]): RingFeature[] {
	return distances.flatMap((distance) => {
		const parts = rings.filter((r) => r.properties.distance === distance);
		if (parts.length === 0) return [];
		const merged = parts.length === 1 ? parts[0] : union(featureCollection(parts));
		if (!merged) return [];
		return [{ type: 'Feature', geometry: merged.geometry, properties: { kind: 'ring', kontor: ANY_KONTOR, distance } } satisfies RingFeature];
	});
}

export interface UncoveredProps {
	kind: 'uncovered';
	distance: number;
}

/** The city outside every Kontor's ring of a distance; null when the rings cover it all. */
export function uncoveredArea(outline: Feature<Area>, dissolved: RingFeature | undefined, distance: number): Feature<Area, UncoveredProps> | null {
	const rest = dissolved ? difference(featureCollection<Area>([outline, dissolved])) : outline;
	if (!rest) return null;
	return { type: 'Feature', geometry: rest.geometry, properties: { kind: 'uncovered', distance } };
}
