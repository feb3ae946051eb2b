// The data pipeline: geodata/ source texts in, the validated and derived data the app serves out.
// Pure (no I/O), so it runs the same in `npm run data`, in tests and in the importer. Its stages
// live in ./stages, one module each, in the order buildDerived runs them.
import type { Derived } from './derived';
import { aggregate, leavesOf } from './stages/aggregate';
import { readFacilities } from './stages/facilities';
import { buildCells, contextFeatures, stadtteilAreas, unionAreas } from './stages/geometry';
import { placeKontore } from './stages/kontore';
import { ProblemLog } from './stages/log';
import { FILES, readSources, type SourceFiles } from './stages/read';
import { checkReferences } from './stages/references';
import { buildReport } from './stages/report';
import { readActivities } from './stages/taetigkeit';
import { collectValues } from './stages/values';

export { CONTEXT_TOLERANCE_M, SIMPLIFY_TOLERANCE_M } from './stages/geometry';
export { slug } from './stages/numbers';
export type { SourceFiles } from './stages/read';

/** Bump when the derivation changes, so `npm run data` rebuilds although the inputs did not change. */
export const PIPELINE_VERSION = 5;

export const BOUNDARIES_FILE = FILES.grenzen;

/** Each validating stage stops the run with a DataError listing all of its problems. */
export function buildDerived(files: SourceFiles): Derived {
	const log = new ProblemLog();
	const sources = readSources(files, log);
	const refs = checkReferences(sources, log);
	const values = collectValues(sources, refs, log);

	const leaves = leavesOf(sources.gebiete, sources.stadtteile);
	const aggregated = aggregate(values, sources.catalogue, leaves);

	const cells = buildCells(sources, refs);
	const stadtteile = stadtteilAreas(cells, refs);
	const outlineTitle = sources.datasets.find((d) => d.files.includes(FILES.outline))!.title.de;
	const { ortschaften, stadt } = unionAreas(sources.gebiete, leaves, stadtteile.features, cells.quality, outlineTitle);
	const kontore = placeKontore(sources, refs);
	const { facilities, facilityTypes } = readFacilities(
		files,
		{
			city: stadt,
			stadtteile: stadtteile.features,
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

	// The areas of the profile's levels, finest first, keyed by their ids.
	const levelAreas = [stadtteile.features, ortschaften, [stadt]];
	return {
		areas: Object.fromEntries(sources.profile.levels.map((l, i) => [l.id, { type: 'FeatureCollection', features: levelAreas[i] }])),
		context: { type: 'FeatureCollection', features: contextFeatures(cells.simplified.surroundings, stadt, cells.outline) },
		kontore: { type: 'FeatureCollection', features: kontore },
		facilities,
		facilityTypes,
		indicators: aggregated.indicators,
		values: aggregated.values,
		datasets: sources.datasets,
		profile: sources.profile,
		report: buildReport(cells, stadtteile.reports, [...log.warnings.map((w) => `${w} (rewound)`), ...aggregated.warnings]),
		taetigkeit
	};
}
