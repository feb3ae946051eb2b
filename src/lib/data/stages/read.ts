// Stage 1 of the pipeline, reading the sources: every data file's provenance sidecar, the city
// profile, then the files it names (each level's area table, outline, boundaries or seed points,
// context) and the common tables, each parsed and validated. Stops on any error, so later stages
// get complete, typed sources.
import { rewind } from '@turf/rewind';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import { CityProfile, levelSource, pageCity, polygonLevels, PROFILE_FILE, type LevelDef, type LevelSource } from '../profile';
import { setCityTexts } from '$lib/i18n';
import { cityTexts } from '$lib/i18n/city';
import { parseCensus, type CensusTable } from '$lib/import/census';
import { Outline } from '$lib/geo/inspire';
import { DatasetMeta, IndicatorMeta, KontorProps, isSidecar, sidecarOf } from '../contracts';
import type { DatasetEntry } from '../derived';
import { csvRecords } from '../csvTable';
import { AreaRow, KontorRow, SeedRow, ValueRow, ZeitreiheRow, parseAreaTable, parseCsv, parseJson, type Parsed } from '../sources';
import { validateGeometry } from '$lib/geo/validate';
import type { ProblemLog } from './log';

/** The files every city has under these names; the area tables and geometry files are named in the profile (see profile.ts). */
export const FILES = {
	profile: PROFILE_FILE,
	/** Optional: residents over time of areas of any level (gebiet_typ: the level id). */
	zeitreihe: 'einwohner_zeitreihe.csv',
	kontore: 'kontore.csv',
	kontakt: 'kontore_kontakt.json',
	indikatoren: 'indikatoren.json'
} as const;

/**
 * kontore.csv names each office's area in `stadtteil` (and `stadtteil_verified`); a table whose header
 * says `gebiet` (and `gebiet_verified`) instead is read the same way.
 */
const KONTOR_AREA_COLUMNS = { stadtteil: 'gebiet', stadtteil_verified: 'gebiet_verified' };

export type SourceFiles = ReadonlyMap<string, string>;

const KontorKontakt = z.object({ contact: KontorProps.shape.contact, tasks: KontorProps.shape.tasks });

/** One level of the profile with its table's rows, as read (parents not yet resolved). */
export interface LevelTable {
	level: LevelDef;
	source: LevelSource;
	rows: AreaRow[];
}

/** A census grid level with its files as read (cells inside the city only). */
export interface GridSource {
	level: LevelDef & { grid: NonNullable<LevelDef['grid']> };
	/** The city's outline prepared for the level's cell size. */
	outline: Outline;
	files: { file: string; stand: string; columns: Record<string, string>; table: CensusTable }[];
}

export interface Sources {
	datasets: DatasetEntry[];
	profile: CityProfile;
	/** The polygon levels (all but census grids), finest first, as the profile lists them. */
	levels: LevelTable[];
	/** The census grid levels. */
	grids: GridSource[];
	/** Seed points of the finest areas (their centres); may be empty where official boundaries are given. */
	seeds: SeedRow[];
	zeitreihe: ZeitreiheRow[];
	kontore: KontorRow[];
	kontakt: z.output<typeof KontorKontakt>;
	catalogue: IndicatorMeta[];
	outline: FeatureCollection;
	context: FeatureCollection;
	/** Official boundaries of the finest level, where given. */
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
	const csv = <S extends z.ZodType>(name: string, schema: S, columns: Partial<Record<string, string>> = {}) => {
		const t = text(name);
		return take(t === null ? null : parseCsv(t, name, schema, columns));
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

	// The profile says which files hold the areas and geometry: without it nothing else can be read.
	const profile = json(FILES.profile, CityProfile);
	if (!profile) log.stop();
	// The problems below name the profile's levels ({area}, {areas}, …) in the city's own words.
	setCityTexts(cityTexts(pageCity(profile!)));
	const geometry = profile!.geometry;
	const levels = polygonLevels(profile!.levels).map((level) => {
		const source = levelSource(level);
		const t = text(source.file);
		return { level, source, rows: take(t === null ? null : parseAreaTable(t, source)) };
	});
	const grenzen = files.has(geometry.boundaries) ? readPolygonCollection(files.get(geometry.boundaries)!, geometry.boundaries, log) : null;
	// Seeds are needed where the finest areas are generated; with boundaries they still place Kontore.
	const seeds = grenzen && !files.has(geometry.seeds.file) ? [] : csv(geometry.seeds.file, SeedRow, { id: geometry.seeds.id });
	const zeitreihe = files.has(FILES.zeitreihe) ? csv(FILES.zeitreihe, ZeitreiheRow) : [];
	const kontoreText = text(FILES.kontore);
	const kontorColumns = kontoreText !== null && csvRecords(kontoreText).columns.includes(KONTOR_AREA_COLUMNS.stadtteil) ? KONTOR_AREA_COLUMNS : {};
	const kontore = kontoreText === null ? [] : take(parseCsv(kontoreText, FILES.kontore, KontorRow, kontorColumns));
	const kontakt = json(FILES.kontakt, KontorKontakt);
	const catalogue = json(FILES.indikatoren, z.array(IndicatorMeta).min(1));
	const outline = readPolygonCollection(text(geometry.outline), geometry.outline, log);
	const context = readPolygonCollection(text(geometry.context), geometry.context, log);
	const valueTables = dataFiles.filter((f) => f.includes('/') && f.endsWith('.csv')).map((f) => ({ file: f, rows: csv(f, ValueRow) }));
	log.stop();
	const grids = readGrids(profile!, outline!, text, log);
	log.stop();
	// Each of these either parsed or left an error that stop() has thrown.
	return {
		datasets,
		profile: profile!,
		levels,
		seeds,
		zeitreihe,
		kontore,
		kontakt: kontakt!,
		catalogue: catalogue!,
		outline: outline!,
		context: context!,
		grenzen,
		valueTables,
		grids
	};
}

/** Each census grid level's files, read against the city's outline: cells outside it are reported and skipped. */
function readGrids(profile: CityProfile, outline: FeatureCollection, text: (name: string) => string | null, log: ProblemLog): GridSource[] {
	const geometry = outline.features[0].geometry as Polygon | MultiPolygon;
	return profile.levels.flatMap((level) => {
		if (!level.grid) return [];
		const cityOutline = new Outline(geometry, level.grid.cell);
		const files = level.grid.files.flatMap(({ file, stand, columns }) => {
			const t = text(file);
			if (t === null) return [];
			const parsed = parseCensus(t, file, (cell) => cityOutline.place(cell), level.grid!.cell);
			if (!parsed.ok) {
				log.push(...parsed.problems);
				return [];
			}
			log.push(...parsed.table.warnings);
			return [{ file, stand, columns, table: parsed.table }];
		});
		return [{ level: level as GridSource['level'], outline: cityOutline, files }];
	});
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
