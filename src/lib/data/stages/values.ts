// Stage 3 of the pipeline, the values: real figures from the base tables (residents and area per
// Stadtteil, the residents' time series of city and Ortschaften), example or imported figures from
// the value tables, each checked against its indicator; and the ids of imported boundaries.
// Stops on any error.
import type { IndicatorValue } from '../contracts';
import type { ProblemLog } from './log';
import { FILES, type Sources } from './read';
import type { References } from './references';

const yearOf = (stand: string) => Number(stand.slice(0, 4));

/** maxYear: values after it lie in the future (next year's figures may be published early). */
export function collectValues(s: Sources, refs: References, log: ProblemLog, maxYear = new Date().getUTCFullYear() + 1): IndicatorValue[] {
	const { stadtteilById, ortschaftByName, indicatorById } = refs;
	const stadt = s.gebiete.stadt;
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
	for (const row of s.stadtteile) {
		if (row.einwohner_stand === null) continue;
		const year = yearOf(row.einwohner_stand);
		if (row.einwohner !== null) values.push(sourceValue(row.stadtteil_id, 'einwohner', year, row.einwohner_stand, row.einwohner));
		if (row.flaeche_km2 !== null) values.push(sourceValue(row.stadtteil_id, 'flaeche', year, row.einwohner_stand, row.flaeche_km2));
	}
	s.zeitreihe.forEach((row, i) => {
		const area = row.gebiet_typ === 'stadt' ? (row.gebiet === stadt.name ? stadt.id : null) : (ortschaftByName.get(row.gebiet)?.id ?? null);
		if (!area) log.push({ file: FILES.zeitreihe, row: i + 1, field: 'gebiet', value: row.gebiet, message: `unknown ${row.gebiet_typ}` });
		else values.push(sourceValue(area, 'einwohner', row.jahr, row.stand, row.einwohner));
	});
	values.push(sourceValue(stadt.id, 'flaeche', stadt.flaecheYear, null, stadt.flaecheKm2));
	for (const table of s.valueTables) {
		const dataset = s.datasets.find((d) => d.files.includes(table.file))!;
		table.rows.forEach((row, i) => {
			const where = { file: table.file, row: i + 1 };
			const meta = indicatorById.get(row.indicator);
			if (!stadtteilById.has(row.area_id)) return log.push({ ...where, field: 'area_id', value: row.area_id, message: 'unknown Stadtteil id' });
			if (!meta)
				return log.push({ ...where, field: 'indicator', value: row.indicator, message: `unknown indicator; ${FILES.indikatoren} has ${[...indicatorById.keys()].join(', ')}` });
			if (!meta.datasets.includes(dataset.id))
				return log.push({ ...where, field: 'indicator', value: row.indicator, message: `indicator ${meta.id} does not list dataset ${dataset.id}` });
			if (row.year > maxYear) return log.push({ ...where, field: 'year', value: row.year, message: `year lies in the future (after ${maxYear})` });
			if (row.value !== null && (row.value < meta.range[0] || row.value > meta.range[1]))
				return log.push({ ...where, field: 'value', value: row.value, message: `out of the plausible range ${meta.range[0]}–${meta.range[1]} of ${meta.id}` });
			if (row.numerator !== null && row.denominator !== null && row.numerator > row.denominator && meta.aggregation.method === 'rate' && meta.aggregation.scale === 100)
				return log.push({ ...where, field: 'numerator', value: row.numerator, message: `numerator exceeds denominator ${row.denominator}` });
			if (meta.disclosureControl && row.value !== null && (!Number.isInteger(row.value) || row.value < 0))
				return log.push({ ...where, field: 'value', value: row.value, message: `${meta.id} counts persons: a whole number of at least 0` });
			if (meta.aggregation.method === 'rate' && row.value !== null) {
				if (row.numerator === null || row.denominator === null)
					return log.push({
						...where,
						field: row.numerator === null ? 'numerator' : 'denominator',
						message: `${meta.id} is a rate: numerator and denominator are required so that it can be aggregated`
					});
				const expected = (row.numerator / row.denominator) * meta.aggregation.scale;
				if (Math.abs(expected - row.value) > 0.51 * 10 ** -meta.decimals)
					return log.push({ ...where, field: 'value', value: row.value, message: `does not match numerator/denominator (${expected.toFixed(meta.decimals + 1)})` });
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
		if (seen.has(k)) log.push({ file: 'values', field: 'area/indicator/year', value: k, message: 'given twice' });
		seen.add(k);
		const meta = indicatorById.get(v.indicator);
		if (!meta) log.push({ file: FILES.indikatoren, field: 'id', value: v.indicator, message: 'the pipeline needs this indicator in the catalogue' });
		else if (v.value !== null && (v.value < meta.range[0] || v.value > meta.range[1]))
			log.push({ file: 'values', field: k, value: v.value, message: `out of the plausible range ${meta.range[0]}–${meta.range[1]}` });
	}
	if (s.grenzen) {
		const ids = s.grenzen.features.map((f) => String(f.properties?.id));
		ids.forEach((id, i) => {
			if (!stadtteilById.has(id)) log.push({ file: FILES.grenzen, feature: i, field: 'properties.id', value: id, message: 'unknown Stadtteil id' });
			else if (ids.indexOf(id) !== i) log.push({ file: FILES.grenzen, feature: i, field: 'properties.id', value: id, message: 'duplicate id' });
		});
		for (const id of stadtteilById.keys())
			if (!ids.includes(id)) log.push({ file: FILES.grenzen, field: 'properties.id', value: id, message: 'Stadtteil has no official boundary' });
	}
	log.stop();
	return values;
}
