// Stage 2 of the pipeline, the cross-references between the sources: Stadtteile in known
// Ortschaften, one centre coordinate per Stadtteil, Kontore in known Stadtteile, indicators on
// known datasets and indicators. Stops on any error; returns the lookups the later stages use.
import type { IndicatorMeta } from '../contracts';
import type { Gebiete, StadtteilRow } from '../sources';
import type { ProblemLog } from './log';
import { FILES, type Sources } from './read';

export interface References {
	ortschaftByName: Map<string, Gebiete['ortschaften'][number]>;
	stadtteilById: Map<string, StadtteilRow>;
	stadtteilByName: Map<string, StadtteilRow>;
	/** The centre coordinate of each Stadtteil: the seed of its cell. */
	seedById: Map<string, { lon: number; lat: number }>;
	indicatorById: Map<string, IndicatorMeta>;
}

export function checkReferences(s: Sources, log: ProblemLog): References {
	const ortschaftByName = new Map(s.gebiete.ortschaften.map((o) => [o.name, o]));
	const stadtteilById = new Map<string, StadtteilRow>();
	s.stadtteile.forEach((row, i) => {
		if (stadtteilById.has(row.stadtteil_id))
			log.push({ file: FILES.stadtteile, row: i + 1, field: 'stadtteil_id', value: row.stadtteil_id, key: 'data.duplicateId' });
		stadtteilById.set(row.stadtteil_id, row);
		if (!ortschaftByName.has(row.ortschaft))
			log.push({
				file: FILES.stadtteile,
				row: i + 1,
				field: 'ortschaft',
				value: row.ortschaft,
				key: 'data.unknownOrtschaft',
				params: { file: FILES.gebiete, names: [...ortschaftByName.keys()].join(', ') }
			});
		if ((row.einwohner === null) !== (row.einwohner_stand === null))
			log.push({
				file: FILES.stadtteile,
				row: i + 1,
				field: row.einwohner === null ? 'einwohner' : 'einwohner_stand',
				key: 'data.einwohnerPair'
			});
		if (row.flaeche_km2 !== null && row.einwohner_stand === null)
			log.push({ file: FILES.stadtteile, row: i + 1, field: 'einwohner_stand', key: 'data.flaecheNeedsDate' });
	});
	const seedById = new Map<string, { lon: number; lat: number }>();
	s.koordinaten.forEach((row, i) => {
		if (!stadtteilById.has(row.stadtteil_id))
			log.push({
				file: FILES.koordinaten,
				row: i + 1,
				field: 'stadtteil_id',
				value: row.stadtteil_id,
				key: 'data.unknownStadtteilIn',
				params: { file: FILES.stadtteile }
			});
		else if (seedById.has(row.stadtteil_id))
			log.push({ file: FILES.koordinaten, row: i + 1, field: 'stadtteil_id', value: row.stadtteil_id, key: 'data.duplicateId' });
		seedById.set(row.stadtteil_id, { lon: row.lon, lat: row.lat });
	});
	for (const id of stadtteilById.keys()) {
		if (!seedById.has(id)) log.push({ file: FILES.koordinaten, field: 'stadtteil_id', value: id, key: 'data.noCentre' });
	}
	const stadtteilByName = new Map(s.stadtteile.map((row) => [row.stadtteil, row]));
	s.kontore.forEach((row, i) => {
		if (!stadtteilByName.has(row.stadtteil))
			log.push({ file: FILES.kontore, row: i + 1, field: 'stadtteil', value: row.stadtteil, key: 'data.unknownStadtteilName' });
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
	return { ortschaftByName, stadtteilById, stadtteilByName, seedById, indicatorById };
}
