// The bounding box of a GeoJSON FeatureCollection, without pulling Turf into a page's bundle.
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
