// The data pipeline: geodata/ source texts in, the validated and derived data the app serves out.
// Pure (no I/O), so it runs the same in `npm run data`, in tests and in the importer. Its stages
// live in ./stages, one module each, in the order buildDerived runs them.
import type { Derived } from './derived';
import type { AreaFeature } from './derived';
import { CityProfile, GeometrySources, PROFILE_FILE, type LevelDef } from './profile';
import { parseJson } from './sources';
import { aggregate, leavesOf, withGridValues } from './stages/aggregate';
import { readFacilities } from './stages/facilities';
import { memoCells } from './stages/cellsMemo';
import { buildCells, cityGeometry, contextFeatures, finestAreas, unionAreas } from './stages/geometry';
import { buildGrids } from './stages/grid';
import { placeKontore } from './stages/kontore';
import { ProblemLog } from './stages/log';
import { readSources, type SourceFiles } from './stages/read';
import { checkReferences } from './stages/references';
import { buildReport } from './stages/report';
import { readActivities } from './stages/taetigkeit';
import { collectValues } from './stages/values';

export { CONTEXT_TOLERANCE_M, SIMPLIFY_TOLERANCE_M } from './stages/geometry';
export { cellsMemo, restoreCellsMemo, type CellsMemoEntry } from './stages/cellsMemo';
export { slug } from './stages/numbers';
export type { SourceFiles } from './stages/read';

/** Bump when the derivation changes, so `npm run data` rebuilds although the inputs did not change. */
export const PIPELINE_VERSION = 6;

/**
 * The geometry files a version's file set names in its profile (outline, boundaries, seeds, context),
 * where the admin's boundary and outline imports write; the conventional names where it has no valid profile.
 */
export function geometryFiles(files: SourceFiles): GeometrySources {
	const parsed = parseJson(files.get(PROFILE_FILE) ?? '', PROFILE_FILE, CityProfile);
	return parsed.ok ? parsed.rows[0].geometry : GeometrySources.parse({});
}

/** The areas of every level, finest first as the profile lists them. */
export type LevelAreas = { level: LevelDef; features: AreaFeature[] }[];

export interface BuildOptions {
	/**
	 * Take the cells from, and keep them in, this thread's memo (stages/cellsMemo.ts): for previews,
	 * which run the pipeline again and again on the same geometry. A single run (`npm run data`) would
	 * only pay for the hash and the copy (seconds on a level of thousands of official boundaries).
	 */
	rememberCells?: boolean;
}

/** Each validating stage stops the run with a DataError listing all of its problems. */
export function buildDerived(files: SourceFiles, options: BuildOptions = {}): Derived {
	const log = new ProblemLog();
	const sources = readSources(files, log);
	const refs = checkReferences(sources, log);
	const values = collectValues(sources, refs, log);

	const leaves = leavesOf(refs);

	// Previews that leave the geometry alone skip the costliest stage.
	const cells = options.rememberCells ? memoCells(sources, refs) : buildCells(sources, refs);
	const finest = finestAreas(cells, refs);
	const outlineTitle = sources.datasets.find((d) => d.files.includes(sources.profile.geometry.outline))!.title.de;
	const coarser = unionAreas(refs, leaves, finest.features, cells.quality, outlineTitle);
	const polygons: LevelAreas = refs.levels.map(({ level }, i) => ({ level, features: i === 0 ? finest.features : coarser[i - 1] }));
	const grids = buildGrids(sources, refs, (id) => polygons.find((l) => l.level.id === id)?.features, log);
	// The profile's order: grid levels (finest) where it lists them.
	const levels: LevelAreas = sources.profile.levels.map(
		(level) => polygons.find((l) => l.level.id === level.id) ?? grids.find((g) => g.level.id === level.id)!
	);
	const aggregated = aggregate(withGridValues(values, grids, sources.catalogue), sources.catalogue, leaves);
	const city = { geometry: cityGeometry(coarser, finest.features), name: sources.profile.name };
	const kontore = placeKontore(sources, refs, finest.features);
	const { facilities, facilityTypes } = readFacilities(
		files,
		{
			city,
			stadtteile: finest.features,
			kontore,
			closedKontorIds: sources.kontore.filter((k) => k.closed !== null).map((k) => k.kontor_id),
			indicators: sources.catalogue
		},
		log
	);
	// A closed Kontor's reports of earlier years stay part of the record.
	const taetigkeit = readActivities(
		files,
		sources.kontore.map((k) => k.kontor_id),
		log
	);

	return {
		// The areas of the profile's levels, keyed by their ids.
		areas: Object.fromEntries(levels.map(({ level, features }) => [level.id, { type: 'FeatureCollection' as const, features }])),
		context: { type: 'FeatureCollection', features: contextFeatures(cells.simplified.surroundings, city, cells.outline) },
		kontore: { type: 'FeatureCollection', features: kontore },
		facilities,
		facilityTypes,
		indicators: aggregated.indicators,
		values: aggregated.values,
		datasets: sources.datasets,
		profile: sources.profile,
		report: buildReport(cells, finest.reports, [...log.warnings.map((w) => `${w} (rewound)`), ...aggregated.warnings]),
		taetigkeit
	};
}
