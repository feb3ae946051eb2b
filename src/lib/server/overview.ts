// Geometry for the overview of a large level (issue #21), `?detail=overview` on /api/areas and
// /api/context: on such a view the other level's areas and the context are only outlines around
// thousands of tiled areas and the map's extent, and at full detail they were most of the page's
// bytes (VG250: 3.0 of 3.1 MB). Generalised once per served data and audience ($lib/geo/overview).
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { overviewGeometry, overviewTolerance } from '$lib/geo/overview';
import { ProblemError } from './http';
import type { Store } from './store';

/** null: full detail; 'overview': generalised for the overview; anything else is a 400. */
export function parseDetail(raw: string | null): 'overview' | null {
	if (raw === null || raw === '') return null;
	if (raw === 'overview') return raw;
	throw new ProblemError(400, {
		title: 'problem.detail',
		detail: 'problem.detail.detail',
		params: { detail: raw.slice(0, 60) },
		parameter: 'detail',
		allowed: ['overview']
	});
}

/** The extent [west, south, east, north] of the city: of its coarsest level, whose areas cover it. */
function cityExtent(store: Store): [number, number, number, number] {
	const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
	const coarsest = Object.values(store.areasByLevel)
		.filter((c) => c.length)
		.reduce((a, c) => (c.length < a.length ? c : a));
	for (const { geometry } of coarsest)
		for (const polygon of geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
			for (const [x, y] of polygon[0]) [b[0], b[1], b[2], b[3]] = [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)];
	return b;
}

const memo = new WeakMap<Store, Map<string, FeatureCollection>>();

/** `fc` (polygons by contract: areas, context) generalised for the overview of the city, remembered under `key` for this store. */
export function overview(store: Store, key: string, fc: () => FeatureCollection): FeatureCollection {
	let byKey = memo.get(store);
	if (!byKey) memo.set(store, (byKey = new Map()));
	let generalised = byKey.get(key);
	if (!generalised) {
		generalised = overviewGeometry(fc() as FeatureCollection<Polygon | MultiPolygon>, overviewTolerance(cityExtent(store)));
		byKey.set(key, generalised);
	}
	return generalised;
}
