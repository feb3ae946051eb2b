// Stage 3 of the pipeline, the values: real figures from the area tables (residents and official
// area), the residents' time series of any level, example or imported figures from the value tables
// (areas of any level), each checked against its indicator; and the ids of official boundaries.
// Stops on any error.
import type { IndicatorValue } from '../contracts';
import type { ProblemLog } from './log';
import { FILES, type Sources } from './read';
import type { References } from './references';

const yearOf = (stand: string) => Number(stand.slice(0, 4));

/** maxYear: values after it lie in the future (next year's figures may be published early). */
export function collectValues(s: Sources, refs: References, log: ProblemLog, maxYear = new Date().getUTCFullYear() + 1): IndicatorValue[] {
	const { finestById, indicatorById } = refs;
	const finest = refs.levels[0].level;
	const values: IndicatorValue[] = [];
	const sourceValue = (area: string, indicator: string, year: number, stand: string | null, value: number): IndicatorValue => ({
		area,
		indicator,
		year,
		stand,
		value,
		numerator: null,
		denominator: null,
		origin: 'source'
	});
	// The finest areas' residents and official areas, at their reference date.
	for (const { row } of refs.levels[0].areas) {
		if (row.einwohner_stand === null) continue;
		const year = yearOf(row.einwohner_stand);
		if (row.einwohner !== null) values.push(sourceValue(row.id, 'einwohner', year, row.einwohner_stand, row.einwohner));
		if (row.flaeche_km2 !== null) values.push(sourceValue(row.id, 'flaeche', year, row.einwohner_stand, row.flaeche_km2));
	}
	// Each level's areas by name (the first of a name, as a search through the table would find), made once per level.
	const byName = new Map<string, Map<string, string>>();
	const named = (level: References['levels'][number], name: string) => {
		let names = byName.get(level.level.id);
		if (!names) {
			names = new Map();
			for (const a of level.areas) if (!names.has(a.row.name)) names.set(a.row.name, a.row.id);
			byName.set(level.level.id, names);
		}
		return names.get(name) ?? null;
	};
	s.zeitreihe.forEach((row, i) => {
		const level = refs.levels.find((l) => l.level.id === row.gebiet_typ);
		const area = level ? named(level, row.gebiet) : null;
		if (!level)
			log.push({
				file: FILES.zeitreihe,
				row: i + 1,
				field: 'gebiet_typ',
				value: row.gebiet_typ,
				key: 'data.unknownLevel',
				params: { levels: refs.levels.map((l) => l.level.id).join(', ') }
			});
		else if (!area)
			log.push({ file: FILES.zeitreihe, row: i + 1, field: 'gebiet', value: row.gebiet, key: 'data.unknownAreaOfType', params: { type: row.gebiet_typ } });
		else {
			values.push(sourceValue(area, 'einwohner', row.jahr, row.stand, row.einwohner));
			if (row.flaeche_km2 !== null) values.push(sourceValue(area, 'flaeche', row.jahr, row.stand, row.flaeche_km2));
		}
	});
	// Coarser areas' own figures (a city's official area), where their table gives them.
	for (const { areas } of refs.levels.slice(1))
		for (const { row } of areas) {
			const year = row.einwohner_stand === null ? row.flaeche_jahr : yearOf(row.einwohner_stand);
			if (row.einwohner !== null && row.einwohner_stand !== null) values.push(sourceValue(row.id, 'einwohner', year!, row.einwohner_stand, row.einwohner));
			if (row.flaeche_km2 !== null) values.push(sourceValue(row.id, 'flaeche', year!, row.einwohner_stand, row.flaeche_km2));
		}
	for (const table of s.valueTables) {
		const dataset = s.datasets.find((d) => d.files.includes(table.file))!;
		table.rows.forEach((row, i) => {
			const where = { file: table.file, row: i + 1 };
			const meta = indicatorById.get(row.indicator);
			// An area of any level: a coarser area's own figure wins over its aggregate (checked against it there).
			if (!refs.areaById.has(row.area_id))
				return log.push({ ...where, field: 'area_id', value: row.area_id, key: 'data.unknownAreaId', params: { level: finest.name.de.singular } });
			if (!meta)
				return log.push({
					...where,
					field: 'indicator',
					value: row.indicator,
					key: 'data.unknownIndicatorOf',
					params: { ids: [...indicatorById.keys()].join(', ') }
				});
			if (!meta.datasets.includes(dataset.id))
				return log.push({ ...where, field: 'indicator', value: row.indicator, key: 'data.indicatorNotListing', params: { id: meta.id, dataset: dataset.id } });
			if (row.year > maxYear) return log.push({ ...where, field: 'year', value: row.year, key: 'data.futureYear', params: { max: maxYear } });
			if (row.suppressed === 'ja')
				return values.push({
					area: row.area_id,
					indicator: row.indicator,
					year: row.year,
					stand: null,
					value: null,
					numerator: null,
					denominator: null,
					origin: 'source',
					suppressed: true
				});
			if (row.value !== null && (row.value < meta.range[0] || row.value > meta.range[1]))
				return log.push({
					...where,
					field: 'value',
					value: row.value,
					key: 'data.outOfRangeOf',
					params: { min: meta.range[0], max: meta.range[1], id: meta.id }
				});
			if (
				row.numerator !== null &&
				row.denominator !== null &&
				row.numerator > row.denominator &&
				meta.aggregation.method === 'rate' &&
				meta.aggregation.scale === 100
			)
				return log.push({ ...where, field: 'numerator', value: row.numerator, key: 'data.numeratorExceeds', params: { denominator: row.denominator! } });
			if (meta.disclosureControl && row.value !== null && (!Number.isInteger(row.value) || row.value < 0))
				return log.push({ ...where, field: 'value', value: row.value, key: 'data.countsPersons', params: { id: meta.id } });
			if (meta.aggregation.method === 'rate' && row.value !== null) {
				if (row.numerator === null || row.denominator === null)
					return log.push({
						...where,
						field: row.numerator === null ? 'numerator' : 'denominator',
						key: 'data.rateNeedsParts',
						params: { id: meta.id }
					});
				const expected = (row.numerator / row.denominator) * meta.aggregation.scale;
				if (Math.abs(expected - row.value) > 0.51 * 10 ** -meta.decimals)
					return log.push({ ...where, field: 'value', value: row.value, key: 'data.valueMismatch', params: { expected: expected.toFixed(meta.decimals + 1) } });
			}
			values.push({
				area: row.area_id,
				indicator: row.indicator,
				year: row.year,
				stand: null,
				value: row.value,
				numerator: row.numerator,
				denominator: row.denominator,
				origin: 'source'
			});
		});
	}
	const seen = new Set<string>();
	for (const v of values) {
		const k = `${v.area}/${v.indicator}/${v.year}`;
		if (seen.has(k)) log.push({ file: 'values', field: 'area/indicator/year', value: k, key: 'data.givenTwice' });
		seen.add(k);
		const meta = indicatorById.get(v.indicator);
		if (!meta) log.push({ file: FILES.indikatoren, field: 'id', value: v.indicator, key: 'data.indicatorNeeded' });
		else if (v.value !== null && (v.value < meta.range[0] || v.value > meta.range[1]))
			log.push({ file: 'values', field: k, value: v.value, key: 'data.outOfRange', params: { min: meta.range[0], max: meta.range[1] } });
	}
	if (s.grenzen) {
		const file = s.profile.geometry.boundaries;
		const level = finest.name.de.singular;
		const ids = s.grenzen.features.map((f) => String(f.properties?.id));
		// Where each id first occurs: one pass, not a scan per boundary (10,000+ at a fine level).
		const first = new Map<string, number>();
		ids.forEach((id, i) => {
			if (!first.has(id)) first.set(id, i);
			if (!finestById.has(id)) log.push({ file, feature: i, field: 'properties.id', value: id, key: 'data.unknownAreaId', params: { level } });
			else if (first.get(id) !== i) log.push({ file, feature: i, field: 'properties.id', value: id, key: 'data.duplicateId' });
		});
		for (const id of finestById.keys()) if (!first.has(id)) log.push({ file, field: 'properties.id', value: id, key: 'data.noOfficialBoundary' });
	}
	log.stop();
	return values;
}
