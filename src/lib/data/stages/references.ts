// Stage 2 of the pipeline, the cross-references between the sources: the profile's levels in
// order, every area in a known parent area, one seed point per generated finest area, Kontore in
// known finest areas, indicators on known datasets and indicators. Stops on any error; returns the
// lookups the later stages use.
import type { IndicatorMeta } from '../contracts';
import type { AreaColumn, LevelDef } from '../profile';
import type { AreaRow } from '../sources';
import type { ProblemLog } from './log';
import { FILES, type LevelTable, type Sources } from './read';

/** An area with its level and its resolved parent area. */
export interface AreaRef {
	level: LevelDef;
	row: AreaRow;
	/** The parent area's id; null for areas of the top level. */
	parent: string | null;
}

export interface References {
	/** Finest first, as the profile lists them, each with its areas in table order. */
	levels: { level: LevelDef; areas: AreaRef[] }[];
	areaById: Map<string, AreaRef>;
	/** The areas of the finest level by id and by name (Kontore name theirs). */
	finestById: Map<string, AreaRef>;
	finestByName: Map<string, AreaRef>;
	/** The centre coordinate of each finest area given one: the seed of its cell. */
	seedById: Map<string, { lon: number; lat: number }>;
	indicatorById: Map<string, IndicatorMeta>;
}

/** Where a table's i-th entry is: a CSV row (1-based, as parseCsv counts) or a JSON list entry. */
export const entryOf = (t: Pick<LevelTable, 'source'>, i: number) =>
	t.source.file.endsWith('.json') ? { file: t.source.file, feature: i } : { file: t.source.file, row: i + 1 };
/** The table's own name of a column of AREA_COLUMNS. */
export const columnOf = (t: Pick<LevelTable, 'source'>, c: AreaColumn) => t.source.columns[c] ?? c;

export function checkReferences(s: Sources, log: ProblemLog): References {
	// The hierarchy: each level's parent is a coarser level listed after it (finest first), so it has no cycle.
	const levelIds = s.levels.map((t) => t.level.id);
	s.levels.forEach((t, i) => {
		const p = t.level.parent;
		if (p !== null && levelIds.indexOf(p) <= i)
			log.push({ file: FILES.profile, field: `levels[${i}].parent`, value: p, key: 'data.levelParentOrder', params: { levels: levelIds.join(', ') } });
	});
	log.stop();

	const areaById = new Map<string, AreaRef>();
	const levels = s.levels.map((t) => ({ level: t.level, areas: [] as AreaRef[] }));
	// Coarsest first, so that every parent is known when its children are resolved.
	for (let li = s.levels.length - 1; li >= 0; li--) {
		const t = s.levels[li];
		const parentIndex = t.level.parent === null ? -1 : levelIds.indexOf(t.level.parent);
		const parents = parentIndex < 0 ? [] : levels[parentIndex].areas;
		t.rows.forEach((row, i) => {
			const where = entryOf(t, i);
			if (areaById.has(row.id)) log.push({ ...where, field: columnOf(t, 'id'), value: row.id, key: 'data.duplicateId' });
			let parent: string | null = null;
			if (parentIndex >= 0) {
				const found =
					row.parent === null
						? parents.length === 1
							? parents[0]
							: undefined
						: parents.find((p) => (t.source.parentBy === 'name' ? p.row.name : p.row.id) === row.parent);
				if (found) parent = found.row.id;
				else
					log.push({
						...where,
						field: columnOf(t, 'parent'),
						value: row.parent ?? '',
						key: row.parent === null ? 'data.parentNeeded' : 'data.unknownParentArea',
						params: {
							level: s.levels[parentIndex].level.name.de.singular,
							file: s.levels[parentIndex].source.file,
							names: parents.map((p) => (t.source.parentBy === 'name' ? p.row.name : p.row.id)).join(', ')
						}
					});
			}
			const ref = { level: t.level, row, parent };
			levels[li].areas.push(ref);
			areaById.set(row.id, ref);
			if ((row.einwohner === null) !== (row.einwohner_stand === null))
				log.push({ ...where, field: columnOf(t, row.einwohner === null ? 'einwohner' : 'einwohner_stand'), key: 'data.einwohnerPair' });
			if (row.flaeche_km2 !== null && row.einwohner_stand === null && row.flaeche_jahr === null)
				log.push({ ...where, field: columnOf(t, 'einwohner_stand'), key: 'data.flaecheNeedsDate' });
		});
	}
	// An area without parts would have no geometry.
	levels.forEach(({ level, areas }, li) => {
		if (li === 0) return;
		const children = levels.find((l) => l.level.parent === level.id);
		if (!children) return;
		areas.forEach((a, i) => {
			if (!children.areas.some((c) => c.parent === a.row.id))
				log.push({
					...entryOf(s.levels[li], i),
					field: columnOf(s.levels[li], 'id'),
					value: a.row.id,
					key: 'data.areaWithoutParts',
					params: { level: children.level.name.de.plural }
				});
		});
	});
	const finest = s.levels[0];
	const finestById = new Map(levels[0].areas.map((a) => [a.row.id, a]));
	const finestByName = new Map(levels[0].areas.map((a) => [a.row.name, a]));
	const seedById = new Map<string, { lon: number; lat: number }>();
	const seeds = s.profile.geometry.seeds;
	s.seeds.forEach((row, i) => {
		if (!finestById.has(row.id))
			log.push({
				file: seeds.file,
				row: i + 1,
				field: seeds.id,
				value: row.id,
				key: 'data.unknownAreaIn',
				params: { file: finest.source.file, level: finest.level.name.de.singular }
			});
		else if (seedById.has(row.id)) log.push({ file: seeds.file, row: i + 1, field: seeds.id, value: row.id, key: 'data.duplicateId' });
		seedById.set(row.id, { lon: row.lon, lat: row.lat });
	});
	// Generated cells need a seed each; official boundaries need none.
	if (!s.grenzen)
		for (const id of finestById.keys()) {
			if (!seedById.has(id)) log.push({ file: seeds.file, field: seeds.id, value: id, key: 'data.noSeed', params: { level: finest.level.name.de.singular } });
		}
	s.kontore.forEach((row, i) => {
		if (!finestByName.has(row.stadtteil) && !finestById.has(row.stadtteil))
			log.push({
				file: FILES.kontore,
				row: i + 1,
				field: 'stadtteil',
				value: row.stadtteil,
				key: 'data.unknownAreaName',
				params: { level: finest.level.name.de.singular }
			});
		if ((row.lat === null) !== (row.lon === null))
			log.push({ file: FILES.kontore, row: i + 1, field: row.lat === null ? 'lat' : 'lon', key: 'data.latLonPair' });
		if (row.location_precision === 'address' && row.lat === null)
			log.push({ file: FILES.kontore, row: i + 1, field: 'location_precision', value: row.location_precision, key: 'data.kontorExactNeedsPosition' });
		if (row.opened && row.closed && row.closed < row.opened)
			log.push({ file: FILES.kontore, row: i + 1, field: 'closed', value: row.closed, key: 'data.kontorClosedBeforeOpened', params: { opened: row.opened } });
		if (s.kontore.findIndex((k) => k.kontor_id === row.kontor_id) < i)
			log.push({ file: FILES.kontore, row: i + 1, field: 'kontor_id', value: row.kontor_id, key: 'data.duplicateId' });
	});
	const datasetIds = new Set(s.datasets.map((d) => d.id));
	const indicatorById = new Map(s.catalogue.map((m) => [m.id, m]));
	s.catalogue.forEach((m, i) => {
		for (const d of m.datasets)
			if (!datasetIds.has(d)) log.push({ file: FILES.indikatoren, feature: m.id, field: `[${i}].datasets`, value: d, key: 'data.unknownDataset' });
		for (const d of m.datasets) {
			const ds = s.datasets.find((x) => x.id === d);
			if (ds && ds.beispieldaten !== m.beispieldaten)
				log.push({
					file: FILES.indikatoren,
					feature: m.id,
					field: 'beispieldaten',
					value: m.beispieldaten,
					key: 'data.beispielMismatch',
					params: { dataset: d, beispieldaten: String(ds.beispieldaten) }
				});
		}
		const agg = m.aggregation;
		if (m.disclosureControl && agg.method !== 'sum')
			log.push({
				file: FILES.indikatoren,
				feature: m.id,
				field: 'disclosureControl',
				value: m.disclosureControl,
				key: 'data.onlySums'
			});
		for (const ref of agg.method === 'ratio' ? [agg.numerator, agg.denominator] : agg.method === 'weighted-mean' ? [agg.weightIndicator] : [])
			if (!s.catalogue.some((x) => x.id === ref))
				log.push({ file: FILES.indikatoren, feature: m.id, field: 'aggregation', value: ref, key: 'data.unknownIndicatorRef' });
	});
	log.stop();
	return { levels, areaById, finestById, finestByName, seedById, indicatorById };
}
