// The report's two maps as self-contained SVG: the subject zoomed in with its neighbours (and, for
// a Kontor, its nearest-Kontor area), and an overview of the whole city with the subject marked.
// The geometry comes from the SVG map of the embed's fallback (buildSvgMap); only the drawing is here.
import { bbox } from '@turf/bbox';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import { buildSvgMap, type SvgMapModel } from '$lib/geo/svgMap';
import { svgDocument, xml } from './svg';

type AreaLike = Feature<Polygon | MultiPolygon, { id: string; name: string; labelPoint: [number, number]; areaKm2: number }>;

export interface ReportMapInput {
	stadtteile: AreaLike[];
	ortschaften: Feature<Polygon | MultiPolygon>[];
	outline: Feature<Polygon | MultiPolygon> | null;
	kontore: Feature<Point, { id: string; name: string }>[];
}

export interface ReportMapOptions {
	width: number;
	height: number;
	title: string;
	/** Area ids filled as the subject. */
	highlight: string[];
	/** Drawn as a dashed outline over the areas (a Kontor's nearest-Kontor area). */
	extra: Feature<Polygon | MultiPolygon> | null;
	/** Kontor ids drawn larger. */
	kontore: string[];
	/** Fit the view to the highlighted areas (and the extra outline) rather than the whole city. */
	zoom: boolean;
	labels: boolean;
}

const HIGHLIGHT = '#E69F00';
const PAD = 28;

/** The camera (as MapLibre's URL has it) that fits a lon/lat box into the picture in Web Mercator; without one the map shows the whole city. */
export function cameraFor(box: [number, number, number, number], width: number, height: number) {
	const rad = Math.PI / 180;
	const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * rad) / 2));
	const [w, s, e, n] = box;
	const dx = Math.max((e - w) * rad, 1e-6);
	const dy = Math.max(mercY(n) - mercY(s), 1e-6);
	const scale = Math.min((width - 2 * PAD) / dx, (height - 2 * PAD) / dy);
	const zoom = Math.log2((scale * 2 * Math.PI) / 512);
	const midY = (mercY(n) + mercY(s)) / 2;
	const lat = (2 * Math.atan(Math.exp(midY)) - Math.PI / 2) / rad;
	return { zoom: Math.min(zoom, 16), lat, lon: (w + e) / 2 };
}

export function reportMapSvg(input: ReportMapInput, opts: ReportMapOptions): string {
	const focus = input.stadtteile.filter((f) => opts.highlight.includes(f.properties.id));
	const fitTo: Feature[] = [...focus, ...(opts.extra ? [opts.extra] : [])];
	const camera =
		opts.zoom && fitTo.length
			? cameraFor(bbox({ type: 'FeatureCollection', features: fitTo }) as [number, number, number, number], opts.width, opts.height)
			: null;
	const base = { groups: input.ortschaften, outline: input.outline, kontore: input.kontore, camera, width: opts.width, height: opts.height };
	const model = buildSvgMap({ ...base, areas: input.stadtteile });
	// The extra outline goes through the same projection: the same camera and size give the same view.
	const extra: SvgMapModel | null = opts.extra
		? buildSvgMap({
				...base,
				groups: [],
				kontore: [],
				areas: [{ ...opts.extra, properties: { id: 'extra', name: '', labelPoint: [0, 0], areaKm2: 0 } } as AreaLike]
			})
		: null;
	const parts: string[] = [];
	for (const a of model.areas) {
		const on = opts.highlight.includes(a.id);
		parts.push(`<path d="${a.d}" fill="${on ? HIGHLIGHT : '#eeeeee'}" stroke="#999999" stroke-width="0.6"><title>${xml(a.name)}</title></path>`);
	}
	if (model.groups) parts.push(`<path d="${model.groups}" fill="none" stroke="#555555" stroke-width="1.4"/>`);
	if (model.outline) parts.push(`<path d="${model.outline}" fill="none" stroke="#222222" stroke-width="2"/>`);
	if (extra?.areas[0]) parts.push(`<path d="${extra.areas[0].d}" fill="none" stroke="#0072B2" stroke-width="2.5" stroke-dasharray="7 4"/>`);
	for (const k of model.kontore) {
		const on = opts.kontore.includes(k.id);
		parts.push(
			`<circle cx="${k.x}" cy="${k.y}" r="${on ? 7 : 4.5}" fill="${on ? '#0072B2' : '#ffffff'}" stroke="#0072B2" stroke-width="2"><title>${xml(k.name)}</title></circle>`
		);
	}
	if (opts.labels) {
		for (const l of model.labels) {
			const bold = opts.highlight.includes(l.id) ? ' font-weight="bold"' : '';
			parts.push(
				`<text x="${l.x}" y="${l.y + 4}" text-anchor="middle" font-size="11"${bold} fill="#222222" stroke="#ffffff" stroke-width="3" paint-order="stroke">${xml(l.text)}</text>`
			);
		}
	}
	return svgDocument(opts.width, opts.height, opts.title, parts.join(''));
}
