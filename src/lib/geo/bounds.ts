// The bounding box of a GeoJSON FeatureCollection, written out rather than Turf's bbox for a
// measured reason: bbox with its coordEach is 661 B gzip against these 266 B (esbuild, minified),
// and made /embed's own JS 0.3 KB larger (npm run bench:size), past its budget of 60 KB gzip,
// which stood at 59.8 KB. A `bbox` member of the collection is not read: always from coordinates.
import type { FeatureCollection, Geometry, Position } from 'geojson';

export type Bounds = [west: number, south: number, east: number, north: number];

export function boundsOf(fc: FeatureCollection<Geometry | null>): Bounds {
	const b: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
	const visit = (c: unknown): void => {
		if (typeof (c as Position)[0] === 'number') {
			const [x, y] = c as Position;
			b[0] = Math.min(b[0], x);
			b[1] = Math.min(b[1], y);
			b[2] = Math.max(b[2], x);
			b[3] = Math.max(b[3], y);
		} else for (const inner of c as unknown[]) visit(inner);
	};
	for (const f of fc.features) {
		if (!f.geometry) continue;
		if (f.geometry.type === 'GeometryCollection') f.geometry.geometries.forEach((g) => 'coordinates' in g && visit(g.coordinates));
		else visit(f.geometry.coordinates);
	}
	return b;
}
