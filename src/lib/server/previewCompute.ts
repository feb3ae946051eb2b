// The pure part of an import preview: the uploaded bytes and the current version's texts in, the
// next version (files, derived data, diff) or the list of problems out. No I/O and no state, so it
// runs the same in a worker thread (see previewWorker.ts; this module is then the worker's code)
// and in-process. Only previewWorker.ts imports it, and only dynamically: the build puts it in a
// chunk of its own whose URL (MODULE_URL) the worker loads.
import { parentPort, workerData } from 'node:worker_threads';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { DatasetMeta, sidecarOf, sidecarText, type IndicatorMeta } from '$lib/data/contracts';
import { areasByRole, type Derived } from '$lib/data/derived';
import { buildDerived, cellsMemo, geometryFiles, restoreCellsMemo, slug, type CellsMemoEntry } from '$lib/data/pipeline';
import { PROFILE_FILE, type LevelDef } from '$lib/data/profile';
import { Outline } from '$lib/geo/inspire';
import { CENSUS_DEFAULTS, parseCensus } from '$lib/import/census';
import { DataError, type DataProblem } from '$lib/data/problems';
import { parseBoundaries } from '$lib/import/boundaries';
import { decodeText } from '$lib/import/decode';
import { diffDerived, type VersionDiff } from '$lib/import/diff';
import { readCsvGrid, type GridResult } from '$lib/import/grid';
import { importTable, type TableOptions, type TableView } from '$lib/import/tableImport';
import { isOle, isZip, readXlsxGrid } from '$lib/import/xlsx';
import { mapProblems, uploadName } from '$lib/import/plan';
import type { VersionKind } from './db/database';
import { parseStoredDerived } from './storedDerived';

/** The URL of the file this code ends up in (a build chunk, or the source file under `vite dev`). */
export const MODULE_URL = import.meta.url;

/** The current version as stored: its source files and derived data, as JSON texts. */
export interface BaseTexts {
	version: number;
	files: string;
	derived: string;
}

/** The table import's options: the form's, and the admin's column mapping and choices from the preview. */
export type CsvPreviewOptions = TableOptions;

/**
 * An edit made in the admin (catalogue, Kontore, facilities, texts): whole files of the version's
 * file set replaced or removed, under the version kind and summary the caller names.
 */
export interface FileEdit {
	kind: VersionKind;
	summary: string;
	set: Record<string, string>;
	remove?: string[];
}

export type PreviewInput = { name: string; bytes: Uint8Array; user: string; date: string; base: BaseTexts } & (
	| { kind: 'import-csv'; options: CsvPreviewOptions; grid?: GridResult }
	| { kind: 'import-geojson'; source: string; asOutline?: boolean }
	| { kind: 'import-census'; source: string; stand: string }
	| { kind: 'edit-files'; edit: FileEdit }
);

export interface PreviewBuilt {
	ok: true;
	kind: VersionKind;
	upload: string;
	summary: string;
	warnings: DataProblem[];
	baseVersion: number;
	diff: VersionDiff;
	files: Map<string, string>;
	derived: Derived;
	/** Table imports: how the table was read and its column mapping. */
	table?: TableView;
}

export type PreviewOutput = PreviewBuilt | { ok: false; problems: DataProblem[]; table?: TableView };

/**
 * A worker thread's task and answer: with the preview, the pipeline's remembered cells (see
 * cellsMemo.ts) go to the worker and come back, so that they outlive the worker, which ends with its preview.
 */
export interface WorkerTask {
	input: PreviewInput;
	cells: CellsMemoEntry[];
}
export interface WorkerAnswer {
	output: PreviewOutput;
	cells: CellsMemoEntry[];
}

export { cellsMemo, restoreCellsMemo };

/** A workbook is read asynchronously (exceljs), before the synchronous rest; CSV is read here too. */
export async function prepareInput(input: PreviewInput): Promise<PreviewInput> {
	if (input.kind !== 'import-csv' || input.grid) return input;
	const upload = uploadName(input.name);
	const workbook = isZip(input.bytes) || isOle(input.bytes) || /\.xlsx?$/i.test(input.name);
	return { ...input, grid: workbook ? await readXlsxGrid(input.bytes, upload, input.options.sheet) : readCsvGrid(input.bytes, upload) };
}

export function computePreview(input: PreviewInput): PreviewOutput {
	const upload = uploadName(input.name);
	if (input.kind === 'edit-files') return computeEdit(input.edit, upload, input.base);
	if (input.kind === 'import-census') return computeCensus(input, upload);
	const base = {
		version: input.base.version,
		files: new Map(Object.entries(JSON.parse(input.base.files) as Record<string, string>)),
		derived: parseStoredDerived(JSON.parse(input.base.derived))
	};
	const d = base.derived;
	const levelAreas = areasByRole(d);
	const stadtteile = levelAreas.finest.map((f) => ({ id: f.properties.id, name: f.properties.name }));

	if (input.kind === 'import-csv') {
		const { options } = input;
		const forbidden = [options.source, options.licence].find((x) => /[<>]/.test(x));
		if (forbidden) return { ok: false, problems: [{ file: upload, field: 'Quelle/Lizenz', value: forbidden.slice(0, 60), key: 'data.angleBrackets' }] };
		const grid = input.grid ?? readCsvGrid(input.bytes, upload);
		if (!grid.ok) return { ok: false, problems: grid.problems };
		if (options.indicator && !d.indicators.some((m) => m.id === options.indicator))
			return {
				ok: false,
				problems: [{ file: upload, field: 'Indikator (Formular)', value: options.indicator.slice(0, 60), key: 'data.unknownIndicatorForm' }]
			};
		const provenance = { user: input.user, date: input.date, upload, source: options.source, licence: options.licence };
		const imported = importTable(grid.grid, base.files, d, options, provenance);
		if (!imported.ok) return imported;
		const built = build(imported.plan.files, base, (problems) => mapProblems(problems, imported.plan, upload), {
			kind: input.kind,
			upload,
			summary: imported.summary,
			warnings: imported.warnings
		});
		return { ...built, table: imported.table };
	}

	// Official Stadtteil boundaries (GeoJSON, WGS84 or EPSG:25832): they replace the approximated cells.
	const src = input.source.trim() || 'amtliche Stadtteilgrenzen';
	if (/[<>]/.test(src)) return { ok: false, problems: [{ file: upload, field: 'Quelle', value: src.slice(0, 60), key: 'data.angleBrackets' }] };
	const decoded = decodeText(input.bytes, upload);
	if (!decoded.ok) return { ok: false, problems: decoded.problems };
	const upper = {
		ortschaften: levelAreas.middle.map((f) => ({ id: f.properties.id, name: f.properties.name })),
		city: { id: levelAreas.top[0].properties.id, name: levelAreas.top[0].properties.name }
	};
	const parsed = parseBoundaries(decoded.text, upload, stadtteile, upper);
	if (!parsed.ok && parsed.outline && input.asOutline) return cityOutline(parsed.outline, upload, src, input, base, upper.city.name);
	if (!parsed.ok) return { ok: false, problems: parsed.problems };
	const files = new Map(base.files);
	// The official boundaries' file the version's profile names.
	const boundariesFile = geometryFiles(base.files).boundaries;
	files.set(boundariesFile, JSON.stringify({ type: 'FeatureCollection', features: parsed.features }) + '\n');
	const { user, date } = input;
	const meta: DatasetMeta = {
		id: 'stadtteile-grenzen',
		title: { de: 'Amtliche Stadtteilgrenzen', en: 'Official Stadtteil boundaries' },
		description: {
			de: `Von ${user} am ${date} aus der Datei ${upload} importiert (${parsed.crs}${parsed.crs === 'EPSG:25832' ? ', nach WGS84 umprojiziert' : ''}). Quelle: ${src}.`,
			en: `Imported by ${user} on ${date} from the file ${upload} (${parsed.crs}). Source: ${src}.`
		},
		source: [{ name: src }],
		licence: 'siehe Quelle',
		attribution: src,
		date: date,
		collected: date,
		beispieldaten: false,
		caveats: []
	};
	files.set(sidecarOf(boundariesFile), sidecarText(meta));
	return build(files, base, (p) => p, {
		kind: input.kind,
		upload,
		summary: `Amtliche Stadtteilgrenzen aus ${upload} (${parsed.features.length} Stadtteile, ${parsed.crs} erkannt über ${parsed.crsFrom === 'crs member' ? 'die crs-Angabe' : 'die Koordinatenbereiche'}${parsed.crs === 'EPSG:25832' ? ', nach WGS84 umprojiziert' : ''})`,
		warnings: parsed.warnings
	});
}

/** The city outline replaces the VG250 boundary (the source of the cells' outer edge): the pipeline refits the cells to it. */
function cityOutline(
	outline: { geometry: Polygon | MultiPolygon; crs: string },
	upload: string,
	src: string,
	input: { user: string; date: string; kind: 'import-geojson' },
	base: { version: number; files: ReadonlyMap<string, string>; derived: Derived },
	city: string
): PreviewOutput {
	const files = new Map(base.files);
	// The source file of the city boundary (the outer edge the cells are fitted to), as the version's profile names it.
	const outlineFile = geometryFiles(base.files).outline;
	const feature = { type: 'Feature', properties: { name: city, source: src, quality: 'imported city boundary' }, geometry: outline.geometry };
	files.set(outlineFile, JSON.stringify({ type: 'FeatureCollection', features: [feature] }) + '\n');
	const { user, date } = input;
	// The replaced outline's dataset keeps its id (sources and reports cite it by id).
	const previous = DatasetMeta.safeParse(JSON.parse(base.files.get(sidecarOf(outlineFile)) ?? 'null'));
	const meta: DatasetMeta = {
		id: previous.success ? previous.data.id : 'umriss',
		title: { de: `Stadtgrenze ${city} (Import)`, en: `City boundary of ${city} (import)` },
		description: {
			de: `Von ${user} am ${date} aus der Datei ${upload} als Stadtgrenze importiert (${outline.crs}); ersetzt die VG250-Grenze. Quelle: ${src}.`,
			en: `Imported by ${user} on ${date} from the file ${upload} as the city boundary (${outline.crs}); replaces the VG250 boundary. Source: ${src}.`
		},
		source: [{ name: src }],
		licence: 'siehe Quelle',
		attribution: src,
		date,
		collected: date,
		beispieldaten: false,
		caveats: []
	};
	files.set(sidecarOf(outlineFile), sidecarText(meta));
	return build(files, base, (p) => p, {
		kind: input.kind,
		upload,
		summary: `Stadtgrenze aus ${upload} (${outline.crs}); ersetzt die VG250-Grenze, die Zellen werden neu eingepasst`,
		warnings: []
	});
}

/** The version an admin edit would make: the pipeline on the base files with the edit applied. */
function computeEdit(edit: FileEdit, upload: string, texts: BaseTexts): PreviewOutput {
	const files = new Map(Object.entries(JSON.parse(texts.files) as Record<string, string>));
	const base = { version: texts.version, files: new Map(files), derived: parseStoredDerived(JSON.parse(texts.derived)) };
	for (const [name, text] of Object.entries(edit.set)) files.set(name, text);
	for (const name of edit.remove ?? []) files.delete(name);
	return build(files, base, (p) => p, { kind: edit.kind, upload, summary: edit.summary, warnings: [] });
}

type BuildInfo = Pick<PreviewBuilt, 'kind' | 'upload' | 'summary' | 'warnings'>;

function build(
	files: Map<string, string>,
	base: { version: number; files: ReadonlyMap<string, string>; derived: Derived },
	map: (p: DataProblem[]) => DataProblem[],
	info: BuildInfo
): PreviewOutput {
	let derived: Derived;
	try {
		derived = buildDerived(files, { rememberCells: true });
	} catch (e) {
		if (e instanceof DataError) return { ok: false, problems: map(e.problems) };
		throw e;
	}
	const diff = diffDerived(base.derived, derived, base.files, files);
	if (!diff.values.length && !diff.geometry.length && !diff.files.length) return { ok: false, problems: [{ file: info.upload, key: 'data.changesNothing' }] };
	return { ok: true, ...info, baseVersion: base.version, diff, files, derived };
}

/**
 * A census grid file (import/census.ts) as the grid level's file whose value columns it carries: the
 * text stored as uploaded, its sidecar (licence dl-de/by-2-0, reference date), the reference date in
 * the profile, and the indicators its columns go to marked as census figures instead of Beispieldaten.
 */
function computeCensus(input: PreviewInput & { kind: 'import-census' }, upload: string): PreviewOutput {
	const source = input.source.trim() || CENSUS_DEFAULTS.source;
	const stand = input.stand.trim() || CENSUS_DEFAULTS.stand;
	if (/[<>]/.test(source)) return { ok: false, problems: [{ file: upload, field: 'Quelle', value: source.slice(0, 60), key: 'data.angleBrackets' }] };
	if (!/^\d{4}-\d{2}(-\d{2})?$/.test(stand))
		return { ok: false, problems: [{ file: upload, field: 'Stichtag', value: stand.slice(0, 20), key: 'data.zod.isoDate' }] };
	const base = {
		version: input.base.version,
		files: new Map(Object.entries(JSON.parse(input.base.files) as Record<string, string>)),
		derived: parseStoredDerived(JSON.parse(input.base.derived))
	};
	const decoded = decodeText(input.bytes, upload);
	if (!decoded.ok) return { ok: false, problems: decoded.problems };
	const profileText = base.files.get(PROFILE_FILE)!;
	const profile = JSON.parse(profileText) as { levels: (LevelDef & { grid?: NonNullable<LevelDef['grid']> })[] };
	const level = profile.levels.find((l) => l.grid);
	if (!level?.grid) return { ok: false, problems: [{ file: upload, key: 'census.noGridLevel' }] };
	const outlineFile = geometryFiles(base.files).outline;
	const outline = new Outline((JSON.parse(base.files.get(outlineFile)!) as FeatureCollection).features[0].geometry as Polygon | MultiPolygon, level.grid.cell);
	const parsed = parseCensus(decoded.text, upload, (c) => outline.place(c), level.grid.cell);
	if (!parsed.ok) return { ok: false, problems: parsed.problems };
	// The level's file whose mapped columns the upload carries.
	const files = level.grid.files ?? [];
	const target = files.find((f) => Object.keys(f.columns).some((c) => parsed.table.columns.includes(c)));
	if (!target) {
		const mapped = files.flatMap((f) => Object.keys(f.columns));
		return {
			ok: false,
			problems: parsed.table.columns.map((c) => ({
				file: upload,
				row: 1,
				field: c,
				key: 'census.unmapped' as const,
				params: { mapped: mapped.join(', ') || '–' }
			}))
		};
	}
	const next = new Map(base.files);
	next.set(target.file, decoded.text);
	const datasetId = `zensus-${slug(target.file.replace(/\.csv$/, ''))}`;
	const { user, date } = input;
	const meta: DatasetMeta = {
		id: datasetId,
		title: {
			de: `Zensus-Gitterdaten (${level.grid.cell}): ${parsed.table.columns.join(', ')}`,
			en: `Census grid data (${level.grid.cell}): ${parsed.table.columns.join(', ')}`
		},
		description: {
			de: `Von ${user} am ${date} aus der Datei ${upload} importiert, im veröffentlichten Format (INSPIRE-Gitter, EPSG:3035). Quelle: ${source}. Geheim gehaltene Werte („–“) bleiben unterdrückt.`,
			en: `Imported by ${user} on ${date} from the file ${upload}, in the published format (INSPIRE grid, EPSG:3035). Source: ${source}. Values kept secret ("–") stay suppressed.`
		},
		source: [{ name: source, url: 'https://www.zensus2022.de/DE/Ergebnisse-des-Zensus/gitterzellen.html' }],
		licence: CENSUS_DEFAULTS.licence,
		attribution: `© ${source} (${CENSUS_DEFAULTS.licence})`,
		date: stand,
		collected: date,
		beispieldaten: false,
		caveats: parsed.table.warnings.length ? [`${parsed.table.warnings.length} Zeilen außerhalb der Stadt übersprungen.`] : []
	};
	next.set(sidecarOf(target.file), sidecarText(meta));
	level.grid.files = files.map((f) => (f === target ? { ...f, stand } : f));
	next.set(PROFILE_FILE, JSON.stringify(profile, null, '\t') + '\n');
	// The indicators the columns go to now hold census figures.
	const mappedIds = new Set(Object.values(target.columns));
	const catalogue = (JSON.parse(base.files.get('indikatoren.json')!) as IndicatorMeta[]).map((m) =>
		mappedIds.has(m.id)
			? {
					...m,
					datasets: [datasetId],
					beispieldaten: false,
					source,
					licence: CENSUS_DEFAULTS.licence,
					description: {
						de: `${m.label.de} je Gitterzelle laut ${source} (Stichtag ${stand}), nach oben zusammengefasst; geheim gehaltene Werte bleiben unterdrückt.`,
						en: `${m.label.en} per grid cell from ${source} (reference date ${stand}), aggregated upward; values kept secret stay suppressed.`
					}
				}
			: m
	);
	next.set('indikatoren.json', JSON.stringify(catalogue, null, '\t') + '\n');
	const rename = (ps: DataProblem[]) => ps.map((p) => (p.file === target.file ? { ...p, file: upload } : p));
	return build(next, base, rename, {
		kind: 'import-census',
		upload,
		summary: `Zensus-Gitterdaten aus ${upload}: ${parsed.table.cells.length} Zellen (${parsed.table.columns.join(', ')}), Stichtag ${stand}`,
		warnings: parsed.table.warnings
	});
}

/** The worker's side: compute the preview of `workerData` (a WorkerTask) and post the WorkerAnswer back once. */
export function serveWorker(): void {
	const task = workerData as WorkerTask;
	restoreCellsMemo(task.cells);
	void prepareInput(task.input).then((input) => {
		const output = computePreview(input);
		parentPort!.postMessage({ output, cells: cellsMemo() } satisfies WorkerAnswer);
	});
}
