// Stage 6 of the pipeline, the census grid levels (issue #21): their areas are INSPIRE cells clipped
// to the city's outline (the cells the census files list, or every cell of the city without files),
// each in the area of its parent level that holds the cell's centre; their values come from the
// census columns the profile assigns to indicators, secret values suppressed. Stops on any error.
import type { IndicatorValue } from '../contracts';
import type { AreaFeature } from '../derived';
import { cellCentre, formatCellId, laeaArea, toWgs84, wgs84, type Cell, type CellSize } from '$lib/geo/inspire';
import { insidePolygon } from '$lib/geo/population';
import { labelPoint } from '$lib/geo/simplify';
import type { LevelDef } from '../profile';
import type { ProblemLog } from './log';
import { round } from './numbers';
import { FILES, type GridSource, type Sources } from './read';
import type { References } from './references';

/** A grid level built: its cells as areas, their values, and for every polygon area the cells it holds. */
export interface GridLevel {
	level: LevelDef;
	features: AreaFeature[];
	values: IndicatorValue[];
	/** Polygon area id → ids of its cells (through the parent chain), for aggregating upward. */
	leaves: Map<string, string[]>;
}

/** A cell's area id: the census id in lower case (ids are slugs in URLs); its name is the census id itself. */
export const cellAreaId = (cell: Cell) => formatCellId(cell).toLowerCase();

/** How values of a grid can be combined upward: the census gives no bases, so no rates. */
const GRID_AGGREGATIONS = new Set(['sum', 'weighted-mean']);

export function buildGrids(
	s: Pick<Sources, 'grids' | 'datasets'>,
	refs: Pick<References, 'areaById' | 'indicatorById'>,
	areasOf: (levelId: string) => AreaFeature[] | undefined,
	log: ProblemLog
): GridLevel[] {
	const built = s.grids.map((g) => buildGrid(g, s.datasets, refs, areasOf, log));
	log.stop();
	return built;
}

function buildGrid(
	g: GridSource,
	datasets: Sources['datasets'],
	refs: Pick<References, 'areaById' | 'indicatorById'>,
	areasOf: (levelId: string) => AreaFeature[] | undefined,
	log: ProblemLog
): GridLevel {
	const parents = g.level.parent === null ? undefined : areasOf(g.level.parent);
	if (!parents) {
		log.push({
			file: FILES.profile,
			field: `levels.${g.level.id}.parent`,
			value: g.level.parent,
			key: 'data.levelParentOrder',
			params: { levels: g.level.id }
		});
		return { level: g.level, features: [], values: [], leaves: new Map() };
	}
	// The cells: those the files list (populated cells, as the census publishes them), else the whole city.
	const cells = new Map<string, Cell>();
	for (const f of g.files) for (const c of f.table.cells) cells.set(c.id, c.cell);
	if (!g.files.length) for (const c of g.outline.cells()) cells.set(formatCellId(c), { size: c.size, north: c.north, east: c.east });

	const finder = parentFinder(parents);
	const features: AreaFeature[] = [];
	for (const cell of [...cells.values()].sort((a, b) => b.north - a.north || a.east - b.east)) {
		const inside = g.outline.place(cell) === 'inside';
		const clipped = g.outline.clip(cell);
		const m2 = laeaArea(clipped);
		// A cell the outline only touches has nothing inside: not an area of the city.
		if (m2 < 0.5) continue;
		const geometry = toWgs84(clipped);
		const centre = wgs84(cellCentre(cell));
		const label = inside ? ([round(centre[0], 6), round(centre[1], 6)] as [number, number]) : labelPoint(geometry);
		const share = m2 / cellM2(cell.size);
		features.push({
			type: 'Feature',
			id: cellAreaId(cell),
			geometry,
			properties: {
				id: cellAreaId(cell),
				name: formatCellId(cell),
				level: g.level.id,
				parent: finder(centre) ?? finder(label) ?? finder.nearest(label),
				geometryQuality: 'official',
				labelPoint: label,
				areaKm2: round(m2 / 1e6, 6),
				officialAreaKm2: null,
				areaErrorPct: null,
				geometryNote: inside
					? null
					: `An der Stadtgrenze abgeschnitten: ${Math.round(share * 100)} % der Gitterzelle liegen in der Stadt; die Kennung bleibt die der ganzen Zelle.`
			}
		});
	}
	const kept = new Set(features.map((f) => f.properties.id));

	const values: IndicatorValue[] = [];
	for (const f of g.files) {
		const dataset = datasets.find((d) => d.files.includes(f.file));
		const year = Number(f.stand.slice(0, 4));
		for (const [column, indicator] of Object.entries(f.columns)) {
			const meta = refs.indicatorById.get(indicator);
			const where = { file: FILES.profile, field: `levels.${g.level.id}.grid.files.${f.file}.columns.${column}`, value: indicator };
			if (!meta) {
				log.push({ ...where, key: 'census.unknownIndicator', params: { column, indicator } });
				continue;
			}
			if (!GRID_AGGREGATIONS.has(meta.aggregation.method)) {
				log.push({ ...where, key: 'census.aggregation', params: { indicator, method: meta.aggregation.method } });
				continue;
			}
			if (dataset && !meta.datasets.includes(dataset.id)) {
				log.push({ ...where, key: 'data.indicatorNotListing', params: { id: meta.id, dataset: dataset.id } });
				continue;
			}
			if (!f.table.columns.includes(column)) {
				log.push({ file: f.file, row: 1, field: column, key: 'census.missingColumn', params: { column, indicator } });
				continue;
			}
			for (const c of f.table.cells) {
				const area = c.id.toLowerCase();
				const v = c.values[column];
				if (!kept.has(area) || v === null) continue;
				const base = { area, indicator, year, stand: f.stand, numerator: null, denominator: null, origin: 'source' as const };
				if (v === 'secret') values.push({ ...base, value: null, suppressed: true });
				else if (v < meta.range[0] || v > meta.range[1])
					log.push({
						file: f.file,
						row: c.row,
						field: column,
						value: v,
						key: 'data.outOfRangeOf',
						params: { min: meta.range[0], max: meta.range[1], id: meta.id }
					});
				else values.push({ ...base, value: v });
			}
		}
		const mapped = Object.keys(f.columns);
		for (const column of f.table.columns.filter((c) => !mapped.includes(c)))
			log.push({ file: f.file, row: 1, field: column, key: 'census.unmapped', params: { mapped: mapped.join(', ') || '–' }, severity: 'warning' });
	}
	const seen = new Set<string>();
	for (const v of values) {
		const k = `${v.area}/${v.indicator}/${v.year}`;
		if (seen.has(k)) log.push({ file: 'values', field: 'area/indicator/year', value: k, key: 'data.givenTwice' });
		seen.add(k);
	}

	// Every polygon area above the parent level holds the cells of its descendants; an area without
	// cells holds none (the census lists populated cells: its residents are 0, not unknown).
	const leaves = new Map<string, string[]>();
	for (const id of refs.areaById.keys()) leaves.set(id, []);
	for (const f of features)
		for (let p: string | null = f.properties.parent; p !== null; p = refs.areaById.get(p)?.parent ?? null) leaves.get(p)?.push(f.properties.id);
	return { level: g.level, features, values, leaves };
}

const cellM2 = (size: CellSize) => (size === '100m' ? 1e4 : 1e6);

/** The area holding a point (bounding boxes first), and the one whose label point is nearest. */
function parentFinder(areas: AreaFeature[]) {
	const boxes = areas.map((a) => {
		const polygons = a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates;
		let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
		for (const ring of polygons.map((p) => p[0])) for (const [x, y] of ring) [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
		return { id: a.properties.id, polygons, w, s, e, n, label: a.properties.labelPoint };
	});
	const find = (p: [number, number]): string | null =>
		boxes.find((b) => p[0] >= b.w && p[0] <= b.e && p[1] >= b.s && p[1] <= b.n && b.polygons.some((rings) => insidePolygon(p[0], p[1], rings)))?.id ?? null;
	return Object.assign(find, {
		nearest: (p: [number, number]) =>
			boxes.reduce((best, b) => (Math.hypot(b.label[0] - p[0], b.label[1] - p[1]) < Math.hypot(best.label[0] - p[0], best.label[1] - p[1]) ? b : best)).id
	});
}
