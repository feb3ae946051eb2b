// Stage 1 of the pipeline, reading the sources: every data file's provenance sidecar, the tables
// and the geometries, each parsed and validated. Stops on any error, so later stages get complete,
// typed sources.
import { rewind } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import { CityProfile, PROFILE_FILE } from '../profile';
import { DatasetMeta, IndicatorMeta, KontorProps, isSidecar, sidecarOf } from '../contracts';
import type { DatasetEntry } from '../derived';
import { Gebiete, KontorRow, KoordinateRow, StadtteilRow, ValueRow, ZeitreiheRow, parseCsv, parseJson, type Parsed } from '../sources';
import { validateGeometry } from '$lib/geo/validate';
import type { ProblemLog } from './log';

export const FILES = {
	profile: PROFILE_FILE,
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

export type SourceFiles = ReadonlyMap<string, string>;

const KontorKontakt = z.object({ contact: KontorProps.shape.contact, tasks: KontorProps.shape.tasks });

export interface Sources {
	datasets: DatasetEntry[];
	profile: CityProfile;
	gebiete: Gebiete;
	stadtteile: StadtteilRow[];
	koordinaten: KoordinateRow[];
	zeitreihe: ZeitreiheRow[];
	kontore: KontorRow[];
	kontakt: z.output<typeof KontorKontakt>;
	catalogue: IndicatorMeta[];
	outline: FeatureCollection;
	context: FeatureCollection;
	/** Official Stadtteil boundaries, where imported. */
	grenzen: FeatureCollection | null;
	/** The long-format value tables (CSV files in subfolders), each with its rows. */
	valueTables: { file: string; rows: ValueRow[] }[];
}

export function readSources(files: SourceFiles, log: ProblemLog): Sources {
	const text = (name: string): string | null => {
		const t = files.get(name);
		if (t === undefined) log.push({ file: name, key: 'data.fileMissing' });
		return t ?? null;
	};
	function take<T>(parsed: Parsed<T> | null): T[] {
		if (!parsed) return [];
		if (!parsed.ok) {
			log.push(...parsed.problems);
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

	// Provenance: every data file has a valid sidecar.
	const datasets: DatasetEntry[] = [];
	const dataFiles = [...files.keys()].filter((f) => /\.(csv|json|geojson)$/.test(f) && !isSidecar(f)).sort();
	for (const file of dataFiles) {
		const metaName = sidecarOf(file);
		if (!files.has(metaName)) {
			log.push({ file, key: 'data.noSidecar', params: { sidecar: metaName } });
			continue;
		}
		const meta = json(metaName, DatasetMeta);
		if (meta) datasets.push({ ...meta, files: [file] });
	}
	const duplicateDataset = datasets.find((d, i) => datasets.findIndex((e) => e.id === d.id) !== i);
	if (duplicateDataset) log.push({ file: sidecarOf(duplicateDataset.files[0]), field: 'id', value: duplicateDataset.id, key: 'data.datasetTwice' });

	const profile = json(FILES.profile, CityProfile);
	const gebiete = json(FILES.gebiete, Gebiete);
	const stadtteile = csv(FILES.stadtteile, StadtteilRow);
	const koordinaten = csv(FILES.koordinaten, KoordinateRow);
	const zeitreihe = csv(FILES.zeitreihe, ZeitreiheRow);
	const kontore = csv(FILES.kontore, KontorRow);
	const kontakt = json(FILES.kontakt, KontorKontakt);
	const catalogue = json(FILES.indikatoren, z.array(IndicatorMeta).min(1));
	const outline = readPolygonCollection(text(FILES.outline), FILES.outline, log);
	const context = readPolygonCollection(text(FILES.context), FILES.context, log);
	const grenzen = files.has(FILES.grenzen) ? readPolygonCollection(files.get(FILES.grenzen)!, FILES.grenzen, log) : null;
	const valueTables = dataFiles.filter((f) => f.includes('/') && f.endsWith('.csv')).map((f) => ({ file: f, rows: csv(f, ValueRow) }));
	log.stop();
	// Each of these either parsed or left an error that stop() has thrown.
	return {
		datasets,
		profile: profile!,
		gebiete: gebiete!,
		stadtteile,
		koordinaten,
		zeitreihe,
		kontore,
		kontakt: kontakt!,
		catalogue: catalogue!,
		outline: outline!,
		context: context!,
		grenzen,
		valueTables
	};
}

/** A FeatureCollection of valid (Multi)Polygons; wrongly wound rings are rewound with a warning. */
export function readPolygonCollection(t: string | null, file: string, log: ProblemLog): FeatureCollection | null {
	if (t === null) return null;
	let data: unknown;
	try {
		data = JSON.parse(t);
	} catch (e) {
		log.push({ file, key: 'data.invalidJson', params: { error: (e as Error).message } });
		return null;
	}
	const fc = data as FeatureCollection;
	if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features) || fc.features.length === 0) {
		log.push({ file, field: 'type', value: fc?.type, key: 'data.notFeatureCollectionOne' });
		return null;
	}
	let ok = true;
	const features = fc.features.map((f, i) => {
		const found = validateGeometry(f?.geometry, { file, feature: i });
		log.push(...found);
		if (found.some((p) => p.severity !== 'warning')) ok = false;
		else if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') {
			log.push({ file, feature: i, field: 'geometry.type', value: f.geometry.type, key: 'data.notPolygonType' });
			ok = false;
		}
		// Only winding warnings are left: rewind to the right-hand rule.
		return found.length ? (rewind(f as Feature<Polygon | MultiPolygon>) as Feature<Polygon | MultiPolygon>) : f;
	});
	return ok ? { ...fc, features } : null;
}
