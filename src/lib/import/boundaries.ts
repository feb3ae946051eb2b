// Official Stadtteil boundaries as GeoJSON: bounded parsing (depth, vertices), coordinate
// reference system (WGS84, or ETRS89/UTM 32N = EPSG:25832 as German offices deliver it,
// reprojected with proj4), RFC 7946 geometry, ids matched to the atlas's Stadtteile, and
// topology between neighbours (overlaps, gaps). Pure: text in, WGS84 features or problems out.
import { area } from '@turf/area';
import { bbox } from '@turf/bbox';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import proj4 from 'proj4';
import type { DataProblem } from '$lib/data/problems';
import { validateGeometry } from '$lib/geo/validate';
import { normaliseName } from './germanCsv';

proj4.defs('EPSG:25832', '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs');

export const MAX_DEPTH = 16;
export const MAX_VERTICES = 250_000;
export const MAX_FEATURES = 500;
/** Overlaps and gaps up to this size are rounding slivers, not topology errors. */
export const SLIVER_M2 = 50;

export type Crs = 'EPSG:4326' | 'EPSG:25832';
export type BoundaryFeature = Feature<Polygon | MultiPolygon, { id: string }>;
export type ParsedBoundaries =
	| { ok: true; features: BoundaryFeature[]; crs: Crs; crsFrom: 'crs member' | 'coordinate ranges'; warnings: DataProblem[] }
	| { ok: false; problems: DataProblem[]; outline?: { geometry: Polygon | MultiPolygon; crs: Crs } };

/** The areas above the Stadtteile, so that a file of them is recognised as what it is. */
export interface UpperAreas {
	ortschaften: { id: string; name: string }[];
	city: { id: string; name: string };
}

/** Deepest bracket nesting outside strings, measured before JSON.parse sees the text. */
export function jsonDepth(text: string): number {
	let depth = 0;
	let max = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 92) i++;
			else if (c === 34) inString = false;
		} else if (c === 34) inString = true;
		else if (c === 91 || c === 123) max = Math.max(max, ++depth);
		else if (c === 93 || c === 125) depth--;
	}
	return max;
}

function crsOf(fc: { crs?: { properties?: { name?: unknown } } }): Crs | 'unknown' | null {
	const name = fc.crs?.properties?.name;
	if (name === undefined) return null;
	const s = String(name);
	if (/CRS84|EPSG:{1,2}4326$|EPSG::?4258$/i.test(s)) return 'EPSG:4326';
	if (/EPSG:{1,2}25832$/i.test(s)) return 'EPSG:25832';
	return 'unknown';
}

function positionsOf(g: unknown): unknown[] {
	const out: unknown[] = [];
	const walk = (x: unknown, level: number) => {
		if (!Array.isArray(x)) return;
		if (level === 0) out.push(x);
		else for (const y of x) walk(y, level - 1);
	};
	const geom = g as { type?: string; coordinates?: unknown } | null;
	if (geom?.type === 'Polygon') walk(geom.coordinates, 2);
	else if (geom?.type === 'MultiPolygon') walk(geom.coordinates, 3);
	return out;
}

export function parseBoundaries(text: string, file: string, stadtteile: { id: string; name: string }[], upper?: UpperAreas): ParsedBoundaries {
	const fail = (p: Omit<DataProblem, 'file'>): ParsedBoundaries => ({ ok: false, problems: [{ file, ...p }] });
	const depth = jsonDepth(text);
	if (depth > MAX_DEPTH) return fail({ key: 'data.tooDeep', params: { depth, max: MAX_DEPTH } });
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (e) {
		return fail({ key: 'data.invalidJson', params: { error: (e as Error).message.slice(0, 200) } });
	}
	const fc = data as FeatureCollection & { crs?: { properties?: { name?: unknown } } };
	if (typeof fc !== 'object' || fc === null || Array.isArray(fc) || fc.type !== 'FeatureCollection') {
		return fail({
			field: 'type',
			value: typeof fc === 'object' && fc !== null ? (fc as { type?: unknown }).type : typeof fc,
			key: 'data.notFeatureCollection'
		});
	}
	if (!Array.isArray(fc.features) || fc.features.length === 0) return fail({ field: 'features', key: 'data.noFeatures' });
	if (fc.features.length > MAX_FEATURES)
		return fail({ field: 'features', value: fc.features.length, key: 'data.tooManyFeatures', params: { max: MAX_FEATURES } });
	const problems: DataProblem[] = [];
	let vertices = 0;
	fc.features.forEach((f, i) => {
		if (typeof f !== 'object' || f === null || f.type !== 'Feature')
			return problems.push({ file, feature: i, field: 'type', value: (f as { type?: unknown })?.type, key: 'data.notFeature' });
		const g = f.geometry as { type?: unknown } | null;
		if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon'))
			return problems.push({
				file,
				feature: i,
				field: 'geometry.type',
				value: g?.type ?? null,
				key: 'data.notPolygon'
			});
		const pos = positionsOf(g);
		vertices += pos.length;
		const bad = pos.findIndex((p) => !Array.isArray(p) || p.length < 2 || p.length > 3 || !p.every((x) => typeof x === 'number' && Number.isFinite(x)));
		if (bad >= 0)
			problems.push({
				file,
				feature: i,
				field: 'geometry.coordinates',
				value: JSON.stringify(pos[bad])?.slice(0, 60) ?? String(pos[bad]),
				key: 'data.badPosition'
			});
	});
	if (vertices > MAX_VERTICES)
		return fail({
			field: 'geometry.coordinates',
			value: vertices,
			key: 'data.tooManyVertices',
			params: { n: vertices, max: MAX_VERTICES }
		});
	if (problems.length) return { ok: false, problems: problems.slice(0, 200) };

	// Coordinate reference system: the crs member (GeoJSON 2008) where given, else the ranges.
	const all = fc.features.flatMap((f) => positionsOf(f.geometry)) as number[][];
	const xs = all.map((p) => p[0]);
	const ys = all.map((p) => p[1]);
	const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
	const declared = crsOf(fc);
	if (declared === 'unknown')
		return fail({
			field: 'crs',
			value: String(fc.crs?.properties?.name).slice(0, 80),
			key: 'data.unsupportedCrs'
		});
	const looksWgs84 = minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90;
	const looksUtm32 = minX >= 100_000 && maxX <= 900_000 && minY >= 5_000_000 && maxY <= 6_500_000;
	const crs: Crs | null = declared ?? (looksWgs84 ? 'EPSG:4326' : looksUtm32 ? 'EPSG:25832' : null);
	if (crs === null || (crs === 'EPSG:4326' && !looksWgs84) || (crs === 'EPSG:25832' && !looksUtm32)) {
		return fail({
			field: 'geometry.coordinates',
			value: `x ${minX}…${maxX}, y ${minY}…${maxY}`,
			...(declared ? { key: 'data.coordinatesFitNoneDeclared', params: { crs: declared } } : { key: 'data.coordinatesFitNone' })
		});
	}
	const toWgs84 = crs === 'EPSG:25832' ? proj4('EPSG:25832', 'EPSG:4326') : null;
	const project = (p: Position): Position => {
		const [x, y] = toWgs84 ? toWgs84.forward([p[0], p[1]]) : [p[0], p[1]];
		return [Math.round(x * 1e7) / 1e7, Math.round(y * 1e7) / 1e7];
	};

	// Ids: "id", "stadtteil_id" or the name, matched to the atlas's Stadtteile.
	const byKey = new Map<string, string>();
	for (const s of stadtteile) {
		byKey.set(s.id, s.id);
		byKey.set(normaliseName(s.name), s.id);
	}
	// A file of the city outline or of the Ortschaften is said to be one, in one line, rather than
	// as a missing boundary for each Stadtteil; the outline is kept for import as the city boundary.
	const rawKey = (f: Feature) => {
		const props = (f.properties ?? {}) as Record<string, unknown>;
		const raw = [props.stadtteil_id, props.id, f.id, props.name, props.stadtteil, props.GEN, props.gen].find(
			(x) => typeof x === 'string' || typeof x === 'number'
		);
		return raw === undefined ? '' : String(raw).slice(0, 100);
	};
	const keys = fc.features.map(rawKey);
	if (upper && !keys.some((k) => byKey.has(k) || byKey.has(normaliseName(k)))) {
		const ortNames = new Map(upper.ortschaften.flatMap((o) => [[o.id, o.name] as const, [normaliseName(o.name), o.name] as const]));
		const ortHits = keys.map((k) => ortNames.get(k) ?? ortNames.get(normaliseName(k).replace(/^ortschaft/, ''))).filter((x): x is string => !!x);
		if (ortHits.length >= Math.max(2, fc.features.length / 2))
			return fail({ field: 'properties.name', key: 'data.boundaryIsOrtschaften', params: { n: fc.features.length, names: [...new Set(ortHits)].join(', ') } });
		const cityKey = normaliseName(upper.city.name);
		if (fc.features.length === 1 && (keys[0] === '' || normaliseName(keys[0]).includes(cityKey) || keys[0] === upper.city.id || /^\d{8}$/.test(keys[0]))) {
			const g = fc.features[0].geometry as Polygon | MultiPolygon;
			const geometry =
				g.type === 'Polygon'
					? { type: 'Polygon' as const, coordinates: g.coordinates.map((r) => r.map(project)) }
					: { type: 'MultiPolygon' as const, coordinates: g.coordinates.map((p) => p.map((r) => r.map(project))) };
			const found = validateGeometry(geometry, { file, feature: 0 }).filter((p) => p.severity !== 'warning');
			if (found.length) return { ok: false, problems: found };
			return { ok: false, problems: [{ file, feature: 0, value: keys[0] || upper.city.name, key: 'data.boundaryIsCity' }], outline: { geometry, crs } };
		}
	}
	const features: BoundaryFeature[] = [];
	const featureOf = new Map<string, number>();
	fc.features.forEach((f, i) => {
		const props = (f.properties ?? {}) as Record<string, unknown>;
		const raw = [props.stadtteil_id, props.id, f.id, props.name, props.stadtteil].find((x) => typeof x === 'string' || typeof x === 'number');
		const key = raw === undefined ? '' : String(raw).slice(0, 100);
		const id = byKey.get(key) ?? byKey.get(normaliseName(key));
		if (!id)
			return problems.push({
				file,
				feature: i,
				field: 'properties.id',
				value: key.slice(0, 60),
				key: raw === undefined ? 'data.noId' : 'data.unknownStadtteil'
			});
		if (featureOf.has(id))
			return problems.push({
				file,
				feature: i,
				field: 'properties.id',
				value: key.slice(0, 60),
				key: 'data.duplicateFeature',
				params: { id, feature: featureOf.get(id)! }
			});
		featureOf.set(id, i);
		const g = f.geometry as Polygon | MultiPolygon;
		const geometry =
			g.type === 'Polygon'
				? { type: 'Polygon' as const, coordinates: g.coordinates.map((r) => r.map(project)) }
				: { type: 'MultiPolygon' as const, coordinates: g.coordinates.map((p) => p.map((r) => r.map(project))) };
		const found = validateGeometry(geometry, { file, feature: i });
		problems.push(...found.filter((p) => p.severity !== 'warning'));
		features.push({ type: 'Feature', id, properties: { id }, geometry });
	});
	for (const s of stadtteile)
		if (!featureOf.has(s.id)) problems.push({ file, field: 'properties.id', value: s.id, key: 'data.noBoundary', params: { name: s.name } });
	if (problems.length) return { ok: false, problems: problems.slice(0, 200) };
	const topology = topologyProblems(features, file, featureOf);
	if (topology.length) return { ok: false, problems: topology };
	return { ok: true, features, crs, crsFrom: declared ? 'crs member' : 'coordinate ranges', warnings: [] };
}

/** Overlaps between neighbours and gaps between them (holes of the union that no Stadtteil has). */
export function topologyProblems(features: BoundaryFeature[], file: string, featureOf: Map<string, number>): DataProblem[] {
	const problems: DataProblem[] = [];
	const boxes = features.map((f) => bbox(f));
	for (let i = 0; i < features.length; i++)
		for (let j = i + 1; j < features.length; j++) {
			const [a, b] = [boxes[i], boxes[j]];
			if (a[0] > b[2] || b[0] > a[2] || a[1] > b[3] || b[1] > a[3]) continue;
			const overlap = intersect(featureCollection([features[i], features[j]]));
			const m2 = overlap ? area(overlap) : 0;
			if (m2 > SLIVER_M2)
				problems.push({
					file,
					feature: featureOf.get(features[i].properties.id),
					field: 'geometry',
					value: `${Math.round(m2)} m²`,
					key: 'data.overlaps',
					params: { id: features[j].properties.id, feature: featureOf.get(features[j].properties.id)! }
				});
		}
	const merged = union(featureCollection(features));
	if (merged) {
		const polys = merged.geometry.type === 'Polygon' ? [merged.geometry.coordinates] : merged.geometry.coordinates;
		const ownHoles = features
			.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flatMap((p) => p.slice(1)))
			.map((r) => Math.round(area({ type: 'Polygon', coordinates: [r] })));
		for (const p of polys)
			for (const hole of p.slice(1)) {
				const m2 = area({ type: 'Polygon', coordinates: [hole] });
				if (m2 > SLIVER_M2 && !ownHoles.includes(Math.round(m2)))
					problems.push({
						file,
						field: 'geometry',
						value: `${Math.round(m2)} m² near ${hole[0].map((x) => x.toFixed(5)).join(', ')}`,
						key: 'data.gap'
					});
			}
	}
	return problems;
}
