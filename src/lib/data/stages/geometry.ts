// Stages 5 and 6 of the pipeline, geometry: the Stadtteil cells (approximated by the fitted power
// diagram, or the imported official boundaries) simplified in one topology with the neighbouring
// districts; then the areas of the three levels with their label points and the context layer.
import { area as turfArea, featureCollection, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { AreaProps } from '../contracts';
import type { AreaCollection, BuildReport, ContextCollection } from '../derived';
import type { Gebiete, StadtteilRow } from '../sources';
import { stadtteilCells, type CellsResult } from '$lib/geo/cells';
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

/** The cells of the Stadtteile, how well they tile the outline, and their simplification with the neighbours. */
export function buildCells(s: Pick<Sources, 'gebiete' | 'stadtteile' | 'outline' | 'context' | 'grenzen'>, refs: Pick<References, 'seedById'>): Cells {
	const outline = s.outline.features[0] as Feature<Polygon | MultiPolygon>;
	const knownArea = s.stadtteile.filter((row) => row.flaeche_km2 !== null);
	// Stadtteile without an official area get an equal share of the rest, as a fitting target only.
	const restShare = (s.gebiete.stadt.flaecheKm2 - knownArea.reduce((sum, x) => sum + x.flaeche_km2!, 0)) / Math.max(1, s.stadtteile.length - knownArea.length);
	// Official boundaries, where imported, take the place of the fitted cells (no fit, no seeds).
	const fit = s.grenzen
		? officialCells(s.grenzen, s.stadtteile)
		: stadtteilCells(
				outline,
				s.stadtteile.map((row) => ({ id: row.stadtteil_id, ...refs.seedById.get(row.stadtteil_id)!, targetKm2: row.flaeche_km2 ?? Math.max(restShare, 0.1) }))
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

/** Imported official boundaries in the shape of the fit's result, so the rest of the pipeline is shared. */
export function officialCells(fc: FeatureCollection, stadtteile: StadtteilRow[]): CellsResult {
	const targetOf = new Map(stadtteile.map((s) => [s.stadtteil_id, s.flaeche_km2]));
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

/** The Stadtteil areas from the simplified cells, with each cell's report line (area against the official one). */
export function stadtteilAreas(
	cells: Pick<Cells, 'simplified' | 'quality'>,
	refs: Pick<References, 'stadtteilById' | 'ortschaftByName'>
): { features: AreaFeature[]; reports: BuildReport['cells'] } {
	const reports: BuildReport['cells'] = [];
	const features = cells.simplified.tiling.features.map((cell) => {
		const p = cell.properties;
		const row = refs.stadtteilById.get(p.id)!;
		const errorPct = row.flaeche_km2 === null ? null : round(((p.areaKm2 - row.flaeche_km2) / row.flaeche_km2) * 100, 2);
		const notes = [];
		if (p.seedMoved)
			notes.push(
				`Der Mittelpunkt laut Quelle liegt ${Math.round(p.seedMoved.distanceM)} m außerhalb der Stadtgrenze; die Zelle wurde um einen Punkt innerhalb der Grenze gebildet.`
			);
		if (row.flaeche_km2 === null) notes.push('Keine amtliche Fläche bekannt; die Zellgröße ist ein gleicher Anteil der Restfläche.');
		reports.push({
			id: p.id,
			name: row.stadtteil,
			areaKm2: round(p.areaKm2, 3),
			officialAreaKm2: row.flaeche_km2,
			errorPct,
			fitErrorPct: round(p.areaErrorPct, 2),
			seedMoved: p.seedMoved
		});
		return areaFeature(cell.geometry, {
			id: p.id,
			name: row.stadtteil,
			level: 'stadtteil',
			parent: refs.ortschaftByName.get(row.ortschaft)!.id,
			geometryQuality: cells.quality,
			areaKm2: round(p.areaKm2, 3),
			officialAreaKm2: row.flaeche_km2,
			areaErrorPct: errorPct,
			geometryNote: notes.length ? notes.join(' ') : null
		});
	});
	return { features, reports };
}

/** Ortschaften and the city as unions of their Stadtteile; official only where every part has an official area. */
export function unionAreas(
	gebiete: Gebiete,
	leaves: Map<string, string[]>,
	stadtteile: AreaFeature[],
	quality: Cells['quality'],
	outlineTitle: string
): { ortschaften: AreaFeature[]; stadt: AreaFeature } {
	const official = quality === 'official';
	const unionNote = official ? 'Vereinigung der amtlichen Stadtteilgrenzen.' : 'Vereinigung der genäherten Stadtteilflächen.';
	const ortschaften = gebiete.ortschaften.map((o) => {
		const ids = leaves.get(o.id)!;
		const parts = stadtteile.filter((f) => ids.includes(f.properties.id));
		const officialKm2 = parts.every((p) => p.properties.officialAreaKm2 !== null)
			? round(
					parts.reduce((s, p) => s + p.properties.officialAreaKm2!, 0),
					3
				)
			: null;
		return areaFeature(dissolve(parts), {
			id: o.id,
			name: o.name,
			level: 'ortschaft',
			parent: gebiete.stadt.id,
			geometryQuality: quality,
			areaKm2: sumArea(parts),
			officialAreaKm2: officialKm2,
			areaErrorPct: officialKm2 === null ? null : round(((sumArea(parts) - officialKm2) / officialKm2) * 100, 2),
			geometryNote: unionNote
		});
	});
	const stadt = gebiete.stadt;
	const stadtFeature = areaFeature(dissolve(stadtteile), {
		id: stadt.id,
		name: stadt.name,
		level: 'stadt',
		parent: null,
		geometryQuality: official ? 'official' : 'generalised',
		areaKm2: sumArea(stadtteile),
		officialAreaKm2: stadt.flaecheKm2,
		areaErrorPct: round(((sumArea(stadtteile) - stadt.flaecheKm2) / stadt.flaecheKm2) * 100, 2),
		geometryNote: official ? unionNote : `${outlineTitle}, vereinfacht auf ${SIMPLIFY_TOLERANCE_M} m.`
	});
	return { ortschaften, stadt: stadtFeature };
}

/**
 * The neighbours simplified with the cells, and the city boundary as the union of the cells: the
 * context meets the Stadtteile without gaps or overlaps.
 */
export function contextFeatures(
	surroundings: Cells['simplified']['surroundings'],
	stadt: AreaFeature,
	outline: Feature<Polygon | MultiPolygon>
): ContextCollection['features'] {
	return [
		...surroundings.features.map((f, i) => ({ ...f, id: `kreis-${i}` })),
		{
			type: 'Feature',
			id: 'stadtgrenze',
			geometry: stadt.geometry,
			properties: { id: 'stadtgrenze', name: String(outline.properties?.name ?? stadt.properties.name), kind: 'stadtgrenze' }
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

/** Union of cells that share exact borders (the tiling guarantees it). */
function dissolve(parts: AreaFeature[]): Polygon | MultiPolygon {
	if (parts.length === 1) return parts[0].geometry as Polygon | MultiPolygon;
	const merged = union(featureCollection(parts.map((p) => ({ type: 'Feature' as const, properties: {}, geometry: p.geometry as Polygon | MultiPolygon }))));
	if (!merged) throw new Error('union of Stadtteil cells is empty');
	return roundGeometry(merged.geometry);
}

function sumArea(parts: AreaFeature[]): number {
	return round(
		parts.reduce((s, p) => s + p.properties.areaKm2, 0),
		3
	);
}
