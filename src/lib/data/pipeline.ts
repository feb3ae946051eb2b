// The data pipeline: geodata/ source texts in, the validated and derived data the app serves out.
// Pure (no I/O), so it runs the same in `npm run data`, in tests and in the importer.
import { area as turfArea, featureCollection, rewind, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import {
	DatasetMeta,
	IndicatorMeta,
	type AreaProps,
	type IndicatorValue,
	type KontorProps,
	KontorProps as KontorPropsSchema,
	isSidecar,
	sidecarOf
} from './contracts';
import type { AreaCollection, BuildReport, ContextCollection, DatasetEntry, Derived, KontorCollection } from './derived';
import { DataError, formatProblem, type DataProblem } from './problems';
import {
	Gebiete,
	KontorRow,
	KoordinateRow,
	StadtteilRow,
	ValueRow,
	ZeitreiheRow,
	parseCsv,
	parseJson,
	type Parsed
} from './sources';
import { stadtteilCells, type CellsResult } from '$lib/geo/cells';
import { labelPoint, simplifyWithSurroundings } from '$lib/geo/simplify';
import { tilingReport } from '$lib/geo/tiling';
import { roundGeometry } from '$lib/geo/round';
import { validateGeometry } from '$lib/geo/validate';
import { aggregateValues } from '$lib/stats/aggregate';

/** Bump when the derivation changes, so `npm run data` rebuilds although the inputs did not change. */
export const PIPELINE_VERSION = 2;

/** Simplification tolerance for the served geometry; the approximation itself is coarser than this. */
export const SIMPLIFY_TOLERANCE_M = 25;
/**
 * The neighbouring districts are context for orientation, drawn muted: borders only they use are
 * simplified at this tolerance, the borders they share with the city follow the Stadtteile. In the
 * default view (about 55 m per pixel) their lines look as they do at 200 m; zoomed in to street
 * level they are visibly angular. At 200 m they were 9 of the default view's 11.4 kB of geometry.
 */
export const CONTEXT_TOLERANCE_M = 750;

/** Radius on which Kontore that share one placement point are spread, so each stays visible and clickable. */
const KONTOR_SPREAD_M = 600;

export type SourceFiles = ReadonlyMap<string, string>;

const FILES = {
	gebiete: 'gebiete.json',
	stadtteile: 'stadtteile.csv',
	koordinaten: 'stadtteile_koordinaten.csv',
	zeitreihe: 'einwohner_zeitreihe.csv',
	kontore: 'kontore.csv',
	kontakt: 'kontore_kontakt.json',
	indikatoren: 'indikatoren.json',
	outline: 'salzgitter_outline.geojson',
	context: 'context_kreise.geojson',
	/** Optional: official Stadtteil boundaries (WGS84, properties.id); they replace the approximation. */
	grenzen: 'stadtteile_grenzen.geojson'
} as const;
export const BOUNDARIES_FILE = FILES.grenzen;

const KontorKontakt = z.object({ contact: KontorPropsSchema.shape.contact, tasks: KontorPropsSchema.shape.tasks });

/** Lower-case ASCII slug of a German name: "Süd" → "sued", "Groß Mahner" → "gross-mahner". */
export function slug(name: string): string {
	return name
		.toLowerCase()
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

const yearOf = (stand: string) => Number(stand.slice(0, 4));

export function buildDerived(files: SourceFiles): Derived {
	const problems: DataProblem[] = [];
	const text = (name: string): string | null => {
		const t = files.get(name);
		if (t === undefined) problems.push({ file: name, message: 'file is missing' });
		return t ?? null;
	};
	function take<T>(parsed: Parsed<T> | null): T[] {
		if (!parsed) return [];
		if (!parsed.ok) {
			problems.push(...parsed.problems);
			return [];
		}
		return parsed.rows;
	}
	const csv = <S extends z.ZodType>(name: string, schema: S) => {
		const t = text(name);
		return take(t === null ? null : parseCsv(t, name, schema));
	};
	const json = <S extends z.ZodType>(name: string, schema: S) => {
		const t = text(name);
		return take(t === null ? null : parseJson(t, name, schema))[0];
	};
	const warnings: string[] = [];
	const stop = () => {
		for (const p of problems.filter((x) => x.severity === 'warning')) warnings.push(formatProblem(p));
		const errors = problems.filter((x) => x.severity !== 'warning');
		problems.length = 0;
		if (errors.length) throw new DataError(errors);
	};

	// 1. Provenance: every data file has a valid sidecar.
	const datasets: DatasetEntry[] = [];
	const dataFiles = [...files.keys()].filter((f) => /\.(csv|json|geojson)$/.test(f) && !isSidecar(f)).sort();
	for (const file of dataFiles) {
		const metaName = sidecarOf(file);
		if (!files.has(metaName)) {
			problems.push({ file, message: `has no provenance sidecar ${metaName} (source, licence, date)` });
			continue;
		}
		const meta = json(metaName, DatasetMeta);
		if (meta) datasets.push({ ...meta, files: [file] });
	}
	const datasetIds = new Set(datasets.map((d) => d.id));
	const duplicateDataset = datasets.find((d, i) => datasets.findIndex((e) => e.id === d.id) !== i);
	if (duplicateDataset) problems.push({ file: sidecarOf(duplicateDataset.files[0]), field: 'id', value: duplicateDataset.id, message: 'dataset id is used twice' });

	// 2. Tables.
	const gebiete = json(FILES.gebiete, Gebiete);
	const stadtteile = csv(FILES.stadtteile, StadtteilRow);
	const koordinaten = csv(FILES.koordinaten, KoordinateRow);
	const zeitreihe = csv(FILES.zeitreihe, ZeitreiheRow);
	const kontorRows = csv(FILES.kontore, KontorRow);
	const kontakt = json(FILES.kontakt, KontorKontakt);
	const catalogue = json(FILES.indikatoren, z.array(IndicatorMeta).min(1));
	const outline = readPolygonCollection(text(FILES.outline), FILES.outline, problems);
	const context = readPolygonCollection(text(FILES.context), FILES.context, problems);
	const grenzen = files.has(FILES.grenzen) ? readPolygonCollection(files.get(FILES.grenzen)!, FILES.grenzen, problems) : null;
	const valueTables = dataFiles
		.filter((f) => f.includes('/') && f.endsWith('.csv'))
		.map((f) => ({ file: f, rows: csv(f, ValueRow) }));
	stop();

	// 3. Cross-references.
	const ortschaftByName = new Map(gebiete!.ortschaften.map((o) => [o.name, o]));
	const stadtteilById = new Map<string, StadtteilRow>();
	stadtteile.forEach((row, i) => {
		if (stadtteilById.has(row.stadtteil_id)) problems.push({ file: FILES.stadtteile, row: i + 1, field: 'stadtteil_id', value: row.stadtteil_id, message: 'duplicate id' });
		stadtteilById.set(row.stadtteil_id, row);
		if (!ortschaftByName.has(row.ortschaft))
			problems.push({ file: FILES.stadtteile, row: i + 1, field: 'ortschaft', value: row.ortschaft, message: `unknown Ortschaft; ${FILES.gebiete} lists ${[...ortschaftByName.keys()].join(', ')}` });
		if ((row.einwohner === null) !== (row.einwohner_stand === null))
			problems.push({ file: FILES.stadtteile, row: i + 1, field: row.einwohner === null ? 'einwohner' : 'einwohner_stand', message: 'einwohner and einwohner_stand go together: both or neither' });
		if (row.flaeche_km2 !== null && row.einwohner_stand === null)
			problems.push({ file: FILES.stadtteile, row: i + 1, field: 'einwohner_stand', message: 'flaeche_km2 needs the reference date of its row' });
	});
	const seedById = new Map<string, { lon: number; lat: number }>();
	koordinaten.forEach((row, i) => {
		if (!stadtteilById.has(row.stadtteil_id)) problems.push({ file: FILES.koordinaten, row: i + 1, field: 'stadtteil_id', value: row.stadtteil_id, message: `unknown Stadtteil; it is not in ${FILES.stadtteile}` });
		else if (seedById.has(row.stadtteil_id)) problems.push({ file: FILES.koordinaten, row: i + 1, field: 'stadtteil_id', value: row.stadtteil_id, message: 'duplicate id' });
		seedById.set(row.stadtteil_id, { lon: row.lon, lat: row.lat });
	});
	for (const id of stadtteilById.keys()) {
		if (!seedById.has(id)) problems.push({ file: FILES.koordinaten, field: 'stadtteil_id', value: id, message: 'Stadtteil has no centre coordinate; the geometry needs one for every Stadtteil' });
	}
	const stadtteilByName = new Map(stadtteile.map((s) => [s.stadtteil, s]));
	kontorRows.forEach((row, i) => {
		if (!stadtteilByName.has(row.stadtteil)) problems.push({ file: FILES.kontore, row: i + 1, field: 'stadtteil', value: row.stadtteil, message: 'unknown Stadtteil' });
		if ((row.lat === null) !== (row.lon === null)) problems.push({ file: FILES.kontore, row: i + 1, field: row.lat === null ? 'lat' : 'lon', message: 'lat and lon go together: both or neither' });
	});
	const indicatorById = new Map(catalogue!.map((m) => [m.id, m]));
	catalogue!.forEach((m, i) => {
		for (const d of m.datasets) if (!datasetIds.has(d)) problems.push({ file: FILES.indikatoren, feature: m.id, field: `[${i}].datasets`, value: d, message: 'unknown dataset id (no sidecar has it)' });
		for (const d of m.datasets) {
			const ds = datasets.find((x) => x.id === d);
			if (ds && ds.beispieldaten !== m.beispieldaten) problems.push({ file: FILES.indikatoren, feature: m.id, field: 'beispieldaten', value: m.beispieldaten, message: `does not match dataset ${d} (beispieldaten: ${ds.beispieldaten}); example and real data must never be mixed up` });
		}
		const agg = m.aggregation;
		if (m.disclosureControl && agg.method !== 'sum')
			problems.push({ file: FILES.indikatoren, feature: m.id, field: 'disclosureControl', value: m.disclosureControl, message: 'only for sum indicators (counts of persons); rates are always under disclosure control' });
		for (const ref of agg.method === 'ratio' ? [agg.numerator, agg.denominator] : agg.method === 'weighted-mean' ? [agg.weightIndicator] : [])
			if (!catalogue!.some((x) => x.id === ref)) problems.push({ file: FILES.indikatoren, feature: m.id, field: 'aggregation', value: ref, message: 'refers to an unknown indicator' });
	});
	stop();

	// 4. Values: real figures from the tables, example figures from the value tables.
	const stadt = gebiete!.stadt;
	const values: IndicatorValue[] = [];
	const sourceValue = (area: string, indicator: string, year: number, stand: string | null, value: number): IndicatorValue => ({ area, indicator, year, stand, value, numerator: null, denominator: null, origin: 'source' });
	for (const s of stadtteile) {
		if (s.einwohner_stand === null) continue;
		const year = yearOf(s.einwohner_stand);
		if (s.einwohner !== null) values.push(sourceValue(s.stadtteil_id, 'einwohner', year, s.einwohner_stand, s.einwohner));
		if (s.flaeche_km2 !== null) values.push(sourceValue(s.stadtteil_id, 'flaeche', year, s.einwohner_stand, s.flaeche_km2));
	}
	zeitreihe.forEach((row, i) => {
		const area = row.gebiet_typ === 'stadt' ? (row.gebiet === stadt.name ? stadt.id : null) : (ortschaftByName.get(row.gebiet)?.id ?? null);
		if (!area) problems.push({ file: FILES.zeitreihe, row: i + 1, field: 'gebiet', value: row.gebiet, message: `unknown ${row.gebiet_typ}` });
		else values.push(sourceValue(area, 'einwohner', row.jahr, row.stand, row.einwohner));
	});
	values.push(sourceValue(stadt.id, 'flaeche', stadt.flaecheYear, null, stadt.flaecheKm2));
	const maxYear = new Date().getUTCFullYear() + 1;
	for (const table of valueTables) {
		const dataset = datasets.find((d) => d.files.includes(table.file))!;
		table.rows.forEach((row, i) => {
			const where = { file: table.file, row: i + 1 };
			const meta = indicatorById.get(row.indicator);
			if (!stadtteilById.has(row.area_id)) return problems.push({ ...where, field: 'area_id', value: row.area_id, message: 'unknown Stadtteil id' });
			if (!meta) return problems.push({ ...where, field: 'indicator', value: row.indicator, message: `unknown indicator; ${FILES.indikatoren} has ${[...indicatorById.keys()].join(', ')}` });
			if (!meta.datasets.includes(dataset.id)) return problems.push({ ...where, field: 'indicator', value: row.indicator, message: `indicator ${meta.id} does not list dataset ${dataset.id}` });
			if (row.year > maxYear) return problems.push({ ...where, field: 'year', value: row.year, message: `year lies in the future (after ${maxYear})` });
			if (row.value !== null && (row.value < meta.range[0] || row.value > meta.range[1]))
				return problems.push({ ...where, field: 'value', value: row.value, message: `out of the plausible range ${meta.range[0]}–${meta.range[1]} of ${meta.id}` });
			if (row.numerator !== null && row.denominator !== null && row.numerator > row.denominator && meta.aggregation.method === 'rate' && meta.aggregation.scale === 100)
				return problems.push({ ...where, field: 'numerator', value: row.numerator, message: `numerator exceeds denominator ${row.denominator}` });
			if (meta.disclosureControl && row.value !== null && (!Number.isInteger(row.value) || row.value < 0))
				return problems.push({ ...where, field: 'value', value: row.value, message: `${meta.id} counts persons: a whole number of at least 0` });
			if (meta.aggregation.method === 'rate' && row.value !== null) {
				if (row.numerator === null || row.denominator === null) return problems.push({ ...where, field: row.numerator === null ? 'numerator' : 'denominator', message: `${meta.id} is a rate: numerator and denominator are required so that it can be aggregated` });
				const expected = (row.numerator / row.denominator) * meta.aggregation.scale;
				if (Math.abs(expected - row.value) > 0.51 * 10 ** -meta.decimals)
					return problems.push({ ...where, field: 'value', value: row.value, message: `does not match numerator/denominator (${expected.toFixed(meta.decimals + 1)})` });
			}
			values.push({ area: row.area_id, indicator: row.indicator, year: row.year, stand: null, value: row.value, numerator: row.numerator, denominator: row.denominator, origin: 'source' });
		});
	}
	const seen = new Set<string>();
	for (const v of values) {
		const k = `${v.area}/${v.indicator}/${v.year}`;
		if (seen.has(k)) problems.push({ file: 'values', field: 'area/indicator/year', value: k, message: 'given twice' });
		seen.add(k);
		const meta = indicatorById.get(v.indicator);
		if (!meta) problems.push({ file: FILES.indikatoren, field: 'id', value: v.indicator, message: 'the pipeline needs this indicator in the catalogue' });
		else if (v.value !== null && (v.value < meta.range[0] || v.value > meta.range[1])) problems.push({ file: 'values', field: k, value: v.value, message: `out of the plausible range ${meta.range[0]}–${meta.range[1]}` });
	}
	if (grenzen) {
		const ids = grenzen.features.map((f) => String(f.properties?.id));
		ids.forEach((id, i) => {
			if (!stadtteilById.has(id)) problems.push({ file: FILES.grenzen, feature: i, field: 'properties.id', value: id, message: 'unknown Stadtteil id' });
			else if (ids.indexOf(id) !== i) problems.push({ file: FILES.grenzen, feature: i, field: 'properties.id', value: id, message: 'duplicate id' });
		});
		for (const id of stadtteilById.keys()) if (!ids.includes(id)) problems.push({ file: FILES.grenzen, field: 'properties.id', value: id, message: 'Stadtteil has no official boundary' });
	}
	stop();

	const leavesOf = new Map<string, string[]>();
	for (const o of gebiete!.ortschaften) leavesOf.set(o.id, stadtteile.filter((s) => s.ortschaft === o.name).map((s) => s.stadtteil_id));
	leavesOf.set(stadt.id, stadtteile.map((s) => s.stadtteil_id));
	const aggregated = aggregateValues(values, catalogue!, leavesOf);
	const indicators = catalogue!.map((m) => ({ ...m, years: [...new Set(aggregated.values.filter((v) => v.indicator === m.id && v.value !== null).map((v) => v.year))].sort((a, b) => a - b) }));

	// 5. Geometry: approximated Stadtteil cells tiling the outline, simplified with shared borders.
	const outlineFeature = outline!.features[0] as Feature<Polygon | MultiPolygon>;
	const outlineTitle = datasets.find((d) => d.files.includes(FILES.outline))!.title.de;
	const knownArea = stadtteile.filter((s) => s.flaeche_km2 !== null);
	// Stadtteile without an official area get an equal share of the rest, as a fitting target only.
	const restShare = (stadt.flaecheKm2 - knownArea.reduce((s, x) => s + x.flaeche_km2!, 0)) / Math.max(1, stadtteile.length - knownArea.length);
	// Official boundaries, where imported, take the place of the fitted cells (no fit, no seeds).
	const quality = grenzen ? ('official' as const) : ('approximated' as const);
	const fit = grenzen
		? officialCells(grenzen, stadtteile)
		: stadtteilCells(
				outlineFeature,
				stadtteile.map((s) => ({ id: s.stadtteil_id, ...seedById.get(s.stadtteil_id)!, targetKm2: s.flaeche_km2 ?? Math.max(restShare, 0.1) }))
			);
	const tiling = tilingReport(fit.cells, outlineFeature);
	const neighbours: FeatureCollection<Polygon | MultiPolygon, ContextCollection['features'][number]['properties']> = {
		type: 'FeatureCollection',
		features: context!.features.map((f, i) => ({ type: 'Feature', geometry: f.geometry as Polygon | MultiPolygon, properties: { id: `kreis-${slug(String(f.properties?.name ?? i))}`, name: String(f.properties?.name ?? ''), kind: 'nachbarkreis' } }))
	};
	const simplified = simplifyWithSurroundings(fit.cells, neighbours, { toleranceM: SIMPLIFY_TOLERANCE_M, surroundingsToleranceM: CONTEXT_TOLERANCE_M });
	const cellReports: BuildReport['cells'] = [];
	const stadtteilFeatures: AreaCollection['features'] = simplified.tiling.features.map((cell) => {
		const p = cell.properties;
		const row = stadtteilById.get(p.id)!;
		const errorPct = row.flaeche_km2 === null ? null : round(((p.areaKm2 - row.flaeche_km2) / row.flaeche_km2) * 100, 2);
		const notes = [];
		if (p.seedMoved) notes.push(`Der Mittelpunkt laut Quelle liegt ${Math.round(p.seedMoved.distanceM)} m außerhalb der Stadtgrenze; die Zelle wurde um einen Punkt innerhalb der Grenze gebildet.`);
		if (row.flaeche_km2 === null) notes.push('Keine amtliche Fläche bekannt; die Zellgröße ist ein gleicher Anteil der Restfläche.');
		cellReports.push({ id: p.id, name: row.stadtteil, areaKm2: round(p.areaKm2, 3), officialAreaKm2: row.flaeche_km2, errorPct, fitErrorPct: round(p.areaErrorPct, 2), seedMoved: p.seedMoved });
		return areaFeature(cell.geometry, {
			id: p.id,
			name: row.stadtteil,
			level: 'stadtteil',
			parent: ortschaftByName.get(row.ortschaft)!.id,
			geometryQuality: quality,
			areaKm2: round(p.areaKm2, 3),
			officialAreaKm2: row.flaeche_km2,
			areaErrorPct: errorPct,
			geometryNote: notes.length ? notes.join(' ') : null
		});
	});
	const partsOf = (ids: string[]) => stadtteilFeatures.filter((f) => ids.includes(f.properties.id));
	const ortschaftFeatures = gebiete!.ortschaften.map((o) => {
		const parts = partsOf(leavesOf.get(o.id)!);
		const official = parts.every((p) => p.properties.officialAreaKm2 !== null) ? round(parts.reduce((s, p) => s + p.properties.officialAreaKm2!, 0), 3) : null;
		const geometry = dissolve(parts);
		return areaFeature(geometry, { id: o.id, name: o.name, level: 'ortschaft', parent: stadt.id, geometryQuality: quality, areaKm2: sumArea(parts), officialAreaKm2: official, areaErrorPct: official === null ? null : round(((sumArea(parts) - official) / official) * 100, 2), geometryNote: grenzen ? 'Vereinigung der amtlichen Stadtteilgrenzen.' : 'Vereinigung der genäherten Stadtteilflächen.' });
	});
	const stadtFeature = areaFeature(dissolve(stadtteilFeatures), {
		id: stadt.id, name: stadt.name, level: 'stadt', parent: null, geometryQuality: grenzen ? 'official' : 'generalised', areaKm2: sumArea(stadtteilFeatures), officialAreaKm2: stadt.flaecheKm2,
		areaErrorPct: round(((sumArea(stadtteilFeatures) - stadt.flaecheKm2) / stadt.flaecheKm2) * 100, 2), geometryNote: grenzen ? 'Vereinigung der amtlichen Stadtteilgrenzen.' : `${outlineTitle}, vereinfacht auf ${SIMPLIFY_TOLERANCE_M} m.`
	});

	// 6. Kontore: an exact point where known, otherwise their Stadtteil's centre coordinate (the
	// village or quarter centre of the infobox), spread on a small circle where several share it.
	const kontore: KontorCollection['features'] = [];
	const byStadtteil = new Map<string, typeof kontorRows>();
	for (const k of kontorRows) byStadtteil.set(k.stadtteil, [...(byStadtteil.get(k.stadtteil) ?? []), k]);
	for (const k of kontorRows) {
		const st = stadtteilByName.get(k.stadtteil)!;
		let point: [number, number];
		let placement: string;
		if (k.lat !== null && k.lon !== null) {
			point = [k.lon, k.lat];
			placement = k.address ? `Adresse ${k.address}` : 'Koordinaten laut Quelle';
		} else {
			const siblings = byStadtteil.get(k.stadtteil)!;
			const { lon, lat } = seedById.get(st.stadtteil_id)!;
			if (siblings.length === 1) {
				point = [lon, lat];
				placement = `Mittelpunkt des Stadtteils ${st.stadtteil} laut Wikipedia (ungefähre Lage)`;
			} else {
				const angle = (2 * Math.PI * siblings.indexOf(k)) / siblings.length;
				point = [round(lon + (KONTOR_SPREAD_M * Math.sin(angle)) / (111_320 * Math.cos((lat * Math.PI) / 180)), 6), round(lat + (KONTOR_SPREAD_M * Math.cos(angle)) / 110_540, 6)];
				placement = `Mittelpunkt des Stadtteils ${st.stadtteil} laut Wikipedia, für die Darstellung ${KONTOR_SPREAD_M} m versetzt, da ${siblings.length} Kontore dort liegen (ungefähre Lage)`;
			}
		}
		const props: KontorProps = {
			id: k.kontor_id, name: k.name, stadtteil: st.stadtteil_id, stadtteilVerified: k.stadtteil_verified,
			locationPrecision: k.lat !== null && k.address ? 'address' : k.location_precision, knownLocation: k.known_location, address: k.address, placement,
			contact: kontakt!.contact, tasks: kontakt!.tasks, source: k.source, note: k.note || null
		};
		kontore.push({ type: 'Feature', id: k.kontor_id, geometry: { type: 'Point', coordinates: point }, properties: props });
	}

	// The neighbours simplified with the cells, and the city boundary as the union of the cells: the
	// context meets the Stadtteile without gaps or overlaps.
	const contextFeatures: ContextCollection['features'] = [
		...simplified.surroundings.features.map((f, i) => ({ ...f, id: `kreis-${i}` })),
		{ type: 'Feature', id: 'stadtgrenze', geometry: stadtFeature.geometry, properties: { id: 'stadtgrenze', name: String(outlineFeature.properties?.name ?? stadt.name), kind: 'stadtgrenze' } }
	];

	const abs = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null).map(Math.abs);
	return {
		stadtteile: { type: 'FeatureCollection', features: stadtteilFeatures },
		ortschaften: { type: 'FeatureCollection', features: ortschaftFeatures },
		stadt: { type: 'FeatureCollection', features: [stadtFeature] },
		context: { type: 'FeatureCollection', features: contextFeatures },
		kontore: { type: 'FeatureCollection', features: kontore },
		indicators,
		values: aggregated.values,
		datasets,
		report: {
			cells: cellReports,
			errorPct: { max: Math.max(...abs(cellReports.map((c) => c.errorPct))), median: median(abs(cellReports.map((c) => c.errorPct))) },
			fitErrorPct: { max: round(fit.maxAbsErrorPct, 3), median: round(fit.medianAbsErrorPct, 3) },
			fitIterations: fit.iterations,
			targetScale: round(fit.scale, 5),
			tiling: { sumKm2: round(tiling.sumKm2, 4), outlineKm2: round(tiling.outlineKm2, 4), gapKm2: round(tiling.gapKm2, 5), overlapKm2: round(tiling.overlapKm2, 5) },
			vertices: { before: countVertices(fit.cells), after: countVertices(simplified.tiling), toleranceM: SIMPLIFY_TOLERANCE_M },
			warnings: [...warnings.map((w) => `${w} (rewound)`), ...aggregated.warnings]
		}
	};
}

/** Imported official boundaries in the shape of the fit's result, so the rest of the pipeline is shared. */
function officialCells(fc: FeatureCollection, stadtteile: StadtteilRow[]): CellsResult {
	const targetOf = new Map(stadtteile.map((s) => [s.stadtteil_id, s.flaeche_km2]));
	const cells = fc.features.map((f) => {
		const id = String(f.properties?.id);
		const areaKm2 = turfArea(f) / 1e6;
		const target = targetOf.get(id) ?? null;
		// MultiPolygons pass through like Polygons: everything downstream handles both.
		return { type: 'Feature' as const, properties: { id, areaKm2, targetKm2: target ?? areaKm2, areaErrorPct: target ? ((areaKm2 - target) / target) * 100 : 0, seedMoved: null, siteOffsetM: 0 }, geometry: f.geometry as Polygon };
	});
	const errors = cells.map((c) => Math.abs(c.properties.areaErrorPct));
	return { cells: { type: 'FeatureCollection', features: cells }, iterations: 0, rounds: 0, minSeedMarginM: 0, scale: 1, maxAbsErrorPct: Math.max(0, ...errors), medianAbsErrorPct: median(errors) };
}

function readPolygonCollection(t: string | null, file: string, problems: DataProblem[]): FeatureCollection | null {
	if (t === null) return null;
	let data: unknown;
	try {
		data = JSON.parse(t);
	} catch (e) {
		problems.push({ file, message: `not valid JSON: ${(e as Error).message}` });
		return null;
	}
	const fc = data as FeatureCollection;
	if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features) || fc.features.length === 0) {
		problems.push({ file, field: 'type', value: fc?.type, message: 'expected a FeatureCollection with at least one feature' });
		return null;
	}
	let ok = true;
	const features = fc.features.map((f, i) => {
		const found = validateGeometry(f?.geometry, { file, feature: i });
		problems.push(...found);
		if (found.some((p) => p.severity !== 'warning')) ok = false;
		else if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') {
			problems.push({ file, feature: i, field: 'geometry.type', value: f.geometry.type, message: 'expected Polygon or MultiPolygon' });
			ok = false;
		}
		// Only winding warnings are left: rewind to the right-hand rule.
		return found.length ? (rewind(f as Feature<Polygon | MultiPolygon>) as Feature<Polygon | MultiPolygon>) : f;
	});
	return ok ? { ...fc, features } : null;
}

function areaFeature(geometry: Polygon | MultiPolygon, props: Omit<AreaProps, 'labelPoint'>): AreaCollection['features'][number] {
	return { type: 'Feature', id: props.id, geometry: geometry as AreaCollection['features'][number]['geometry'], properties: { ...props, labelPoint: labelPoint(geometry) } };
}

/** Union of cells that share exact borders (the tiling guarantees it). */
function dissolve(parts: AreaCollection['features']): Polygon | MultiPolygon {
	if (parts.length === 1) return parts[0].geometry as Polygon | MultiPolygon;
	const merged = union(featureCollection(parts.map((p) => ({ type: 'Feature' as const, properties: {}, geometry: p.geometry as Polygon | MultiPolygon }))));
	if (!merged) throw new Error('union of Stadtteil cells is empty');
	return roundGeometry(merged.geometry);
}


function sumArea(parts: AreaCollection['features']): number {
	return round(parts.reduce((s, p) => s + p.properties.areaKm2, 0), 3);
}

function countVertices(fc: FeatureCollection<Polygon | MultiPolygon>): number {
	let n = 0;
	for (const f of fc.features) {
		const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
		for (const p of polys) for (const ring of p) n += ring.length - 1;
	}
	return n;
}

function median(xs: number[]): number {
	if (!xs.length) return 0;
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return round(s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2, 3);
}

function round(x: number, decimals: number): number {
	const f = 10 ** decimals;
	return Math.round(x * f) / f;
}
