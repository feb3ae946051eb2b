// Nearest-Kontor areas: a partition of the city by the Voronoi diagram of the Kontore, built in a
// local metric plane (a Voronoi diagram in degrees would bend the borders by cos(latitude)) and
// clipped to the city outline.
import { bbox } from '@turf/bbox';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { Delaunay } from 'd3-delaunay';
import type { Feature, Polygon } from 'geojson';
import type { Area, KontorSite } from './catchments';
import { localPlane } from './plane';

export interface NearestProps {
	kind: 'nearest';
	kontor: string;
}

/**
 * Kontore at the same position share no border: the later one gets no area (its cell is empty).
 */
export function nearestKontorAreas(sites: KontorSite[], outline: Feature<Area>): Feature<Area, NearestProps>[] {
	const out: Feature<Area, NearestProps>[] = [];
	for (const cell of voronoiCells(sites, outline)) {
		const clipped = intersect(featureCollection<Area>([cell, outline]));
		if (clipped) out.push({ type: 'Feature', geometry: clipped.geometry, properties: cell.properties });
	}
	return out;
}

/** The unclipped (convex) Voronoi cells, reaching well beyond the outline. */
export function voronoiCells(sites: KontorSite[], outline: Feature<Area>): Feature<Polygon, NearestProps>[] {
	if (sites.length === 0) return [];
	const [w, s, e, n] = bbox(outline);
	const plane = localPlane((w + e) / 2, (s + n) / 2);
	const [x0, y0] = plane.toXY([w, s]);
	const [x1, y1] = plane.toXY([e, n]);
	const pad = Math.max(x1 - x0, y1 - y0);
	const xy = sites.map((site) => plane.toXY(site.lonLat));
	const voronoi = Delaunay.from(xy).voronoi([x0 - pad, y0 - pad, x1 + pad, y1 + pad]);
	const out: Feature<Polygon, NearestProps>[] = [];
	sites.forEach((site, i) => {
		const cell = voronoi.cellPolygon(i);
		if (!cell) return;
		// d3-delaunay rings run clockwise in a y-up plane; GeoJSON wants counter-clockwise.
		const ring = cell.map((p) => plane.toLonLat(p)).reverse();
		out.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { kind: 'nearest', kontor: site.id } });
	});
	return out;
}
