// The geometry of the SVG map (the map without WebGL): d3-geo projects areas, boundaries, the city
// outline and the Kontore into a fixed viewBox, in the same Web Mercator view as the MapLibre map
// (fitted to the city, or the camera from the URL). Svelte draws the result (SvgMap.svelte).
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { geoMercator, geoPath } from 'd3';
import { placeLabels } from '$lib/map/labels';

export interface SvgMapInput {
	areas: Feature<Polygon | MultiPolygon, { id: string; name: string; labelPoint: [number, number]; areaKm2: number }>[];
	/** Drawn as thicker lines over the areas (the Ortschaften at Stadtteil level); may be empty. */
	groups: Feature<Polygon | MultiPolygon>[];
	outline: Feature<Polygon | MultiPolygon> | null;
	kontore: Feature<Point, { id: string; name: string }>[];
	camera: { zoom: number; lat: number; lon: number } | null;
	width: number;
	height: number;
}

export interface SvgMapModel {
	width: number;
	height: number;
	areas: { id: string; name: string; d: string }[];
	groups: string;
	outline: string;
	kontore: { id: string; name: string; x: number; y: number }[];
	labels: { id: string; text: string; x: number; y: number }[];
}

/**
 * What SvgMap.svelte draws: the model and the words, links and colours around it. Neutral, so the
 * server can compute it (server/svgMap.ts) and the route can hand it to the component.
 */
export interface SvgMapProps {
	model: SvgMapModel;
	title: string;
	/** Fill per area id; areas without one are drawn as "no data". */
	colourOf: Map<string, string>;
	/** Accessible name per area id, e.g. "Lebenstedt: 1.234 Einwohner". */
	describe: (id: string, name: string) => string;
	href: (id: string) => string;
	target?: '_blank' | '_top' | null;
	selection?: string[];
	beispieldaten?: boolean;
	show?: { boundaries: boolean; labels: boolean; kontore: boolean; outline: boolean; choropleth: boolean };
	legend?: { colour: string | 'nodata'; text: string }[];
	notes?: string[];
}

/** MapLibre's tiles are 512 px: at zoom z the world is 512·2^z px wide, i.e. 2π·scale in d3. */
export const mercatorScale = (zoom: number) => (512 * 2 ** zoom) / (2 * Math.PI);

const PADDING = 24;

/** Twice the signed planar area of a ring (positive: counter-clockwise in lon/lat). */
const signedArea = (ring: number[][]) => ring.reduce((s, [x, y], i) => s + (i ? ring[i - 1][0] * y - x * ring[i - 1][1] : 0), 0);
const orient = (rings: number[][][]) => rings.map((r, i) => (signedArea(r) > 0 === (i === 0) ? [...r].reverse() : r));

/**
 * d3-geo reads polygons on the sphere, where the exterior ring runs clockwise; GeoJSON (RFC 7946)
 * runs it counter-clockwise. Read literally, an RFC 7946 polygon is the whole globe minus the area.
 */
export function forD3<F extends Feature<Polygon | MultiPolygon | Point>>(f: F): F {
	const g = f.geometry;
	if (g.type === 'Polygon') return { ...f, geometry: { ...g, coordinates: orient(g.coordinates) } };
	if (g.type === 'MultiPolygon') return { ...f, geometry: { ...g, coordinates: g.coordinates.map(orient) } };
	return f;
}
const round1 = (x: number) => Math.round(x * 10) / 10;

export function buildSvgMap(input: SvgMapInput): SvgMapModel {
	const { width, height } = input;
	const areas = input.areas.map(forD3);
	const projection = geoMercator();
	if (input.camera)
		projection
			.scale(mercatorScale(input.camera.zoom))
			.center([input.camera.lon, input.camera.lat])
			.translate([width / 2, height / 2]);
	else
		projection.fitExtent(
			[
				[PADDING, PADDING],
				[width - PADDING, height - PADDING]
			],
			{ type: 'FeatureCollection', features: areas } as FeatureCollection
		);
	// Clip to the view so a zoomed-in camera does not ship the paths of the whole city.
	projection.clipExtent([
		[-2, -2],
		[width + 2, height + 2]
	]);
	const path = geoPath(projection).digits(1);
	const d = (f: Feature | FeatureCollection) => path(f) ?? '';
	const point = (lngLat: [number, number]) => projection(lngLat) ?? [NaN, NaN];
	const inside = ([x, y]: [number, number]) => x >= 0 && y >= 0 && x <= width && y <= height;

	const kontore = input.kontore
		.map((k) => ({ id: k.properties.id, name: k.properties.name, xy: point(k.geometry.coordinates as [number, number]) }))
		.filter((k) => inside(k.xy))
		.map((k) => ({ id: k.id, name: k.name, x: round1(k.xy[0]), y: round1(k.xy[1]) }));
	const labels = placeLabels(
		areas.map((f) => {
			const [x, y] = point(f.properties.labelPoint);
			return { id: f.properties.id, text: f.properties.name, x, y, priority: f.properties.areaKm2 };
		}),
		width,
		height,
		kontore.map((k) => ({ x: k.x, y: k.y, radius: 10 }))
	).map((l) => ({ ...l, x: round1(l.x), y: round1(l.y) }));

	return {
		width,
		height,
		areas: areas.map((f) => ({ id: f.properties.id, name: f.properties.name, d: d(f) })).filter((a) => a.d !== ''),
		groups: input.groups.length ? d({ type: 'FeatureCollection', features: input.groups.map(forD3) }) : '',
		outline: input.outline ? d(forD3(input.outline)) : '',
		kontore,
		labels
	};
}
