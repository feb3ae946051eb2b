// Stages 5 and 6 of the pipeline, geometry: the cells of the finest level (approximated by the fitted
// power diagram, or the official boundaries) simplified in one topology with the neighbouring
// districts; then the areas of every level with their label points, and the context layer.
import { area as turfArea } from '@turf/area';
import { featureCollection } from '@turf/helpers';
import { union } from '@turf/union';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { AreaProps } from '../contracts';
import type { AreaCollection, BuildReport, ContextCollection } from '../derived';
import type { AreaRow } from '../sources';
import { stadtteilCells, type CellsResult } from '$lib/geo/cells';
import { exactUnionInput } from '$lib/geo/dissolve';
import { roundGeometry } from '$lib/geo/round';
import { labelPoint, simplifyWithSurroundings } from '$lib/geo/simplify';
import { tilingReport, type TilingReport } from '$lib/geo/tiling';
import { median, round, slug } from './numbers';
import type { References } from './references';
import type { Sources } from './read';

/** Simplification tolerance for the served geometry; the approximation itself is coarser than this. */
export const SIMPLIFY_TOLERANCE_M = 25;
/**
 * The neighbouring districts are context for orientation, drawn muted: borders only they use are
 * simplified at this tolerance, the borders they share with the city follow the Stadtteile. In the
 * default view (about 55 m per pixel) their lines look as they do at 200 m; zoomed in to street
 * level they are visibly angular. At 200 m they were 9 of the default view's 11.4 kB of geometry.
 */
export const CONTEXT_TOLERANCE_M = 750;

type NeighbourProps = ContextCollection['features'][number]['properties'];
type AreaFeature = AreaCollection['features'][number];

export interface Cells {
	outline: Feature<Polygon | MultiPolygon>;
	/** 'official' where boundaries were imported, else 'approximated'. */
	quality: 'official' | 'approximated';
	fit: CellsResult;
	tiling: TilingReport;
	simplified: ReturnType<typeof simplifyWithSurroundings<CellsResult['cells']['features'][number]['properties'], NeighbourProps>>;
}

/** The cells of the finest areas, how well they tile the outline, and their simplification with the neighbours. */
export function buildCells(s: Pick<Sources, 'outline' | 'context' | 'grenzen'>, refs: Pick<References, 'levels' | 'seedById'>): Cells {
	const outline = s.outline.features[0] as Feature<Polygon | MultiPolygon>;
	const rows = refs.levels[0].areas.map((a) => a.row);
	const knownArea = rows.filter((row) => row.flaeche_km2 !== null);
	// Areas without an official area get an equal share of the rest, as a fitting target only.
	const restShare = (cityKm2(refs, outline) - knownArea.reduce((sum, x) => sum + x.flaeche_km2!, 0)) / Math.max(1, rows.length - knownArea.length);
	// Official boundaries, where given, take the place of the fitted cells (no fit, no seeds).
	const fit = s.grenzen
		? officialCells(s.grenzen, rows)
		: stadtteilCells(
				outline,
				rows.map((row) => ({ id: row.id, ...refs.seedById.get(row.id)!, targetKm2: row.flaeche_km2 ?? Math.max(restShare, 0.1) }))
			);
	const neighbours: FeatureCollection<Polygon | MultiPolygon, NeighbourProps> = {
		type: 'FeatureCollection',
		features: s.context.features.map((f, i) => ({
			type: 'Feature',
			geometry: f.geometry as Polygon | MultiPolygon,
			properties: { id: `kreis-${slug(String(f.properties?.name ?? i))}`, name: String(f.properties?.name ?? ''), kind: 'nachbarkreis' }
		}))
	};
	return {
		outline,
		quality: s.grenzen ? 'official' : 'approximated',
		fit,
		tiling: tilingReport(fit.cells, outline),
		simplified: simplifyWithSurroundings(fit.cells, neighbours, { toleranceM: SIMPLIFY_TOLERANCE_M, surroundingsToleranceM: CONTEXT_TOLERANCE_M })
	};
}

/** The city's official area: its top area's where the top level is the one city area with one, else the outline's. */
function cityKm2(refs: Pick<References, 'levels'>, outline: Feature<Polygon | MultiPolygon>): number {
	const top = refs.levels.at(-1)!.areas;
	return top.length === 1 && top[0].row.flaeche_km2 !== null ? top[0].row.flaeche_km2 : turfArea(outline) / 1e6;
}

/** Official boundaries in the shape of the fit's result, so the rest of the pipeline is shared. */
export function officialCells(fc: FeatureCollection, rows: Pick<AreaRow, 'id' | 'flaeche_km2'>[]): CellsResult {
	const targetOf = new Map(rows.map((s) => [s.id, s.flaeche_km2]));
	const cells = fc.features.map((f) => {
		const id = String(f.properties?.id);
		const areaKm2 = turfArea(f) / 1e6;
		const target = targetOf.get(id) ?? null;
		// MultiPolygons pass through like Polygons: everything downstream handles both.
		return {
			type: 'Feature' as const,
			properties: {
				id,
				areaKm2,
				targetKm2: target ?? areaKm2,
				areaErrorPct: target ? ((areaKm2 - target) / target) * 100 : 0,
				seedMoved: null,
				siteOffsetM: 0
			},
			geometry: f.geometry as Polygon
		};
	});
	const errors = cells.map((c) => Math.abs(c.properties.areaErrorPct));
	return {
		cells: { type: 'FeatureCollection', features: cells },
		iterations: 0,
		rounds: 0,
		minSeedMarginM: 0,
		scale: 1,
		maxAbsErrorPct: Math.max(0, ...errors),
		medianAbsErrorPct: median(errors)
	};
}

/** The finest areas from the simplified cells, with each cell's report line (area against the official one). */
export function finestAreas(
	cells: Pick<Cells, 'simplified' | 'quality'>,
	refs: Pick<References, 'finestById'>
): { features: AreaFeature[]; reports: BuildReport['cells'] } {
	const reports: BuildReport['cells'] = [];
	const features = cells.simplified.tiling.features.map((cell) => {
		const p = cell.properties;
		const { row, level, parent } = refs.finestById.get(p.id)!;
		const errorPct = row.flaeche_km2 === null ? null : round(((p.areaKm2 - row.flaeche_km2) / row.flaeche_km2) * 100, 2);
		const notes = [];
		if (p.seedMoved)
			notes.push(
				`Der Mittelpunkt laut Quelle liegt ${Math.round(p.seedMoved.distanceM)} m außerhalb der Stadtgrenze; die Zelle wurde um einen Punkt innerhalb der Grenze gebildet.`
			);
		if (row.flaeche_km2 === null) notes.push('Keine amtliche Fläche bekannt; die Zellgröße ist ein gleicher Anteil der Restfläche.');
		reports.push({
			id: p.id,
			name: row.name,
			areaKm2: round(p.areaKm2, 3),
			officialAreaKm2: row.flaeche_km2,
			errorPct,
			fitErrorPct: round(p.areaErrorPct, 2),
			seedMoved: p.seedMoved
		});
		return areaFeature(cell.geometry, {
			id: p.id,
			name: row.name,
			level: level.id,
			parent,
			geometryQuality: cells.quality,
			areaKm2: round(p.areaKm2, 3),
			officialAreaKm2: row.flaeche_km2,
			areaErrorPct: errorPct,
			geometryNote: notes.length ? notes.join(' ') : null
		});
	});
	return { features, reports };
}

/**
 * The areas of every coarser level (profile order) as unions of their finest areas; their official
 * area is their table's, else the sum of their parts' where every part has one. An area made of all
 * finest areas is the city: its border is the outline's, generalised where the cells are approximated.
 */
export function unionAreas(
	refs: Pick<References, 'levels'>,
	leaves: Map<string, string[]>,
	finest: AreaFeature[],
	quality: Cells['quality'],
	outlineTitle: string
): AreaFeature[][] {
	const official = quality === 'official';
	const finestPlural = refs.levels[0].level.name.de.plural;
	const unionNote = official
		? `Vereinigung der amtlichen Grenzen der Ebene „${finestPlural}“.`
		: `Vereinigung der genäherten Flächen der Ebene „${finestPlural}“.`;
	// Each coarser area's union before rounding, by id: a coarser level unions the unions of the level
	// below it in the finest level's parent chain (a few large shapes) instead of all its finest areas again.
	const merged = new Map<string, Polygon | MultiPolygon>(finest.map((f) => [f.properties.id, f.geometry as Polygon | MultiPolygon]));
	const chain = [refs.levels[0]];
	return refs.levels.slice(1).map(({ level, areas }) => {
		const below = chain.at(-1)!;
		const inChain = below.level.parent === level.id;
		if (inChain) chain.push({ level, areas });
		return areas.map(({ row, parent }) => {
			const ids = new Set(leaves.get(row.id)!);
			const parts = finest.filter((f) => ids.has(f.properties.id));
			const whole = parts.length === finest.length;
			const children = inChain ? below.areas.filter((a) => a.parent === row.id).map((a) => merged.get(a.row.id)!) : [];
			const union = merge(children.length ? children : parts.map((p) => p.geometry as Polygon | MultiPolygon));
			merged.set(row.id, union);
			const officialKm2 =
				row.flaeche_km2 ??
				(parts.every((p) => p.properties.officialAreaKm2 !== null)
					? round(
							parts.reduce((s, p) => s + p.properties.officialAreaKm2!, 0),
							3
						)
					: null);
			const feature = areaFeature(parts.length === 1 ? (parts[0].geometry as Polygon | MultiPolygon) : roundGeometry(union), {
				id: row.id,
				name: row.name,
				level: level.id,
				parent,
				geometryQuality: whole && !official ? 'generalised' : quality,
				areaKm2: sumArea(parts),
				officialAreaKm2: officialKm2,
				areaErrorPct: officialKm2 === null ? null : round(((sumArea(parts) - officialKm2) / officialKm2) * 100, 2),
				geometryNote: whole && !official ? `${outlineTitle}, vereinfacht auf ${SIMPLIFY_TOLERANCE_M} m.` : unionNote
			});
			unions.set(feature, { geometry: union, leaves: parts.length });
			return feature;
		});
	});
}

/** The city as one geometry: its one top area where it has one, else the union of the finest areas. */
export function cityGeometry(coarser: AreaFeature[][], finest: AreaFeature[]): Polygon | MultiPolygon {
	const top = coarser.at(-1);
	if (top && top.length === 1) return top[0].geometry as Polygon | MultiPolygon;
	// The top areas' unions hold every finest area once where their leaves add up to all of them.
	const whole = top?.map((f) => unions.get(f));
	if (finest.length > 1 && whole?.every((u) => u) && whole.reduce((n, u) => n + u!.leaves, 0) === finest.length)
		return roundGeometry(merge(whole.map((u) => u!.geometry)));
	return dissolve(finest);
}

/**
 * The neighbours simplified with the cells, and the city boundary as the union of the cells: the
 * context meets the finest areas without gaps or overlaps.
 */
export function contextFeatures(
	surroundings: Cells['simplified']['surroundings'],
	city: { geometry: Polygon | MultiPolygon; name: string },
	outline: Feature<Polygon | MultiPolygon>
): ContextCollection['features'] {
	return [
		// A neighbour simplified away entirely (a speck of coast, coarsely simplified) is left out.
		...surroundings.features.map((f, i) => ({ ...f, id: `kreis-${i}` })).filter((f) => f.geometry.coordinates.length > 0),
		{
			type: 'Feature',
			id: 'stadtgrenze',
			geometry: city.geometry,
			properties: { id: 'stadtgrenze', name: String(outline.properties?.name ?? city.name), kind: 'stadtgrenze' }
		}
	];
}

export function countVertices(fc: FeatureCollection<Polygon | MultiPolygon>): number {
	let n = 0;
	for (const f of fc.features) {
		const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
		for (const p of polys) for (const ring of p) n += ring.length - 1;
	}
	return n;
}

function areaFeature(geometry: Polygon | MultiPolygon, props: Omit<AreaProps, 'labelPoint'>): AreaFeature {
	return { type: 'Feature', id: props.id, geometry: geometry as AreaFeature['geometry'], properties: { ...props, labelPoint: labelPoint(geometry) } };
}

/** The unrounded union behind each coarser area unionAreas made, and how many finest areas it holds. */
const unions = new WeakMap<AreaFeature, { geometry: Polygon | MultiPolygon; leaves: number }>();

/** Union of cells that share exact borders (the tiling guarantees it). */
function dissolve(parts: AreaFeature[]): Polygon | MultiPolygon {
	if (parts.length === 1) return parts[0].geometry as Polygon | MultiPolygon;
	return roundGeometry(merge(parts.map((p) => p.geometry as Polygon | MultiPolygon)));
}

/** The union of shapes, unrounded: the input of a coarser union. */
function merge(shapes: (Polygon | MultiPolygon)[]): Polygon | MultiPolygon {
	if (shapes.length === 1) return shapes[0];
	const merged = union(featureCollection(exactUnionInput(shapes).map((geometry) => ({ type: 'Feature' as const, properties: {}, geometry }))));
	if (!merged) throw new Error('union of area cells is empty');
	return merged.geometry;
}

function sumArea(parts: AreaFeature[]): number {
	return round(
		parts.reduce((s, p) => s + p.properties.areaKm2, 0),
		3
	);
}
