// The bounding box of a GeoJSON FeatureCollection, as MapLibre's fitBounds takes it: Turf's bbox,
// imported from @turf/turf (the declared dependency); its sideEffects-free ESM build lets the
// bundler keep only bbox and coordEach in a page's bundle.
import { bbox } from '@turf/turf';
import type { FeatureCollection, Geometry } from 'geojson';

export type Bounds = [west: number, south: number, east: number, north: number];

/** Always from the coordinates: a stale `bbox` member of the collection is not trusted. */
export function boundsOf(fc: FeatureCollection<Geometry | null>): Bounds {
	// Turf's types leave out null geometries, which its coordEach skips (see the test).
	const [west, south, east, north] = bbox(fc as FeatureCollection, { recompute: true });
	return [west, south, east, north];
}
