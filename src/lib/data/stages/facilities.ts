// Stage 8 of the pipeline, the facility register: the type catalogue and the facilities, checked
// (see $lib/facilities/checks) against the city outline, the Stadtteile, the Kontore and the
// indicators. Both files are optional: a city without a register gets an empty one. The readers of
// the type catalogue and of a GeoJSON register serve the admin's import as well.
import { z } from 'zod';
import type { IndicatorMeta } from '../contracts';
import type { DataProblem } from '../problems';
import { zodProblems } from '../sources';
import { checkFacilities, type Candidate } from '$lib/facilities/checks';
import { slugOf, typesOf } from '$lib/facilities/csv';
import {
	EMPTY_FACILITIES,
	FACILITY_FILES,
	FacilitySourceProps,
	FacilityTypeCatalogue,
	type FacilityCollection,
	type FacilityType
} from '$lib/facilities/contracts';
import type { AreaFeature, KontorFeature } from '../derived';
import type { SourceFiles } from './read';
import type { ProblemLog } from './log';
import { upgradePrecision } from '../derived';

export interface FacilityInputs {
	/** The city's geometry (facilities outside it are refused). */
	city: Pick<AreaFeature, 'geometry'>;
	/** The finest areas (each facility lies in one). */
	stadtteile: AreaFeature[];
	/** The open Kontore, as placed. */
	kontore: KontorFeature[];
	closedKontorIds: string[];
	indicators: IndicatorMeta[];
}

export function readFacilities(files: SourceFiles, inputs: FacilityInputs, log: ProblemLog): { facilities: FacilityCollection; facilityTypes: FacilityType[] } {
	const typesText = files.get(FACILITY_FILES.types);
	const facilitiesText = files.get(FACILITY_FILES.facilities);
	if (typesText === undefined) {
		if (facilitiesText !== undefined) log.push({ file: FACILITY_FILES.facilities, key: 'fac.typesMissing', params: { file: FACILITY_FILES.types } });
		log.stop();
		return { facilities: EMPTY_FACILITIES, facilityTypes: [] };
	}
	const { types, problems } = readTypeCatalogue(typesText, FACILITY_FILES.types, inputs.indicators);
	log.push(...problems);
	log.stop();
	if (facilitiesText === undefined) return { facilities: EMPTY_FACILITIES, facilityTypes: types };
	const read = geojsonCandidates(facilitiesText, FACILITY_FILES.facilities);
	log.push(...read.problems);
	const checked = checkFacilities(read.candidates, {
		types,
		kontorIds: inputs.kontore.map((k) => k.properties.id),
		city: inputs.city.geometry,
		stadtteile: inputs.stadtteile.map((f) => ({ id: f.properties.id, geometry: f.geometry, labelPoint: f.properties.labelPoint })),
		// Uploads and admin edits are checked strictly before they get here (server/facilities/admin.ts).
		stored: { closedKontorIds: inputs.closedKontorIds }
	});
	log.push(...checked.problems);
	log.stop();
	return { facilities: { type: 'FeatureCollection', features: checked.features }, facilityTypes: types };
}

function parse(text: string, file: string): { data: unknown } | { problem: DataProblem } {
	try {
		return { data: JSON.parse(text) };
	} catch (e) {
		return { problem: { file, key: 'data.invalidJson', params: { error: (e as Error).message } } };
	}
}

export function readTypeCatalogue(text: string, file: string, indicators: IndicatorMeta[]): { types: FacilityType[]; problems: DataProblem[] } {
	const json = parse(text, file);
	if ('problem' in json) return { types: [], problems: [json.problem] };
	const result = FacilityTypeCatalogue.safeParse(json.data);
	if (!result.success) return { types: [], problems: zodProblems(result.error, { file }, json.data) };
	const problems: DataProblem[] = [];
	const byId = new Map(indicators.map((m) => [m.id, m]));
	result.data.forEach((t, i) => {
		const where = { file, feature: i };
		if (result.data.findIndex((o) => o.id === t.id) !== i) problems.push({ ...where, field: 'id', value: t.id, key: 'fac.typeTwice', params: { id: t.id } });
		const g = t.targetGroup;
		if (!g) return;
		const meta = byId.get(g.indicator);
		if (!meta) problems.push({ ...where, field: 'targetGroup.indicator', value: g.indicator, key: 'fac.unknownIndicator', params: { indicator: g.indicator } });
		else if (g.measure !== 'value' && meta.aggregation.method !== 'rate')
			problems.push({ ...where, field: 'targetGroup.measure', value: g.measure, key: 'fac.measureNotRate', params: { indicator: g.indicator } });
	});
	return { types: problems.length ? [] : result.data, problems };
}

const PointFeature = z.object({
	type: z.literal('Feature'),
	geometry: z.object({ type: z.literal('Point'), coordinates: z.array(z.number()).min(2).max(3) }, 'fac.notPoint'),
	properties: z.record(z.string(), z.unknown())
});

/** What an uploaded register may leave out: filled in before its entries are checked. */
export interface GeojsonDefaults {
	source: string;
	asOf: string;
	types: FacilityType[];
}

/**
 * The features of a GeoJSON text as candidates; a feature that does not parse is a problem instead.
 * With `defaults` (an upload) missing provenance is filled in and `typ`/`type` by label is accepted.
 */
export function geojsonCandidates(text: string, file: string, defaults?: GeojsonDefaults): { candidates: Candidate[]; problems: DataProblem[] } {
	const json = parse(text, file);
	if ('problem' in json) return { candidates: [], problems: [json.problem] };
	const fc = json.data as { type?: unknown; features?: unknown };
	if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) return { candidates: [], problems: [{ file, key: 'fac.notFeatureCollection' }] };
	const candidates: Candidate[] = [];
	const problems: DataProblem[] = [];
	fc.features.forEach((raw: unknown, i: number) => {
		const where = { file, feature: i + 1 };
		const f = PointFeature.safeParse(raw);
		if (!f.success) {
			problems.push({ ...where, field: 'geometry', key: 'fac.notPoint' });
			return;
		}
		// A feature's own id stands in for a missing properties.id (both are common in registers).
		const given = f.data.properties;
		const input: Record<string, unknown> = { id: (raw as { id?: unknown }).id, ...given };
		if (defaults) {
			input.source ??= defaults.source;
			input.asOf ??= defaults.asOf;
			input.beispieldaten ??= false;
			input.locationPrecision ??= given.address ? 'address' : 'street';
			const typeCell = given.types ?? given.typ ?? given.type;
			if (typeof typeCell === 'string') {
				// Unknown names stay (as slugs), so that the checks name them.
				const found = typesOf(typeCell, defaults.types);
				input.types = [...found.ids, ...found.unknown.map(slugOf)];
			}
			if (input.id === undefined && typeof given.name === 'string') input.id = slugOf(given.name);
		}
		input.locationPrecision = upgradePrecision(input.locationPrecision);
		const props = FacilitySourceProps.safeParse(input);
		if (!props.success) problems.push(...zodProblems(props.error, where, input));
		else candidates.push({ where, position: f.data.geometry.coordinates, props: props.data });
	});
	return { candidates, problems };
}
