// Imports, previews and rollbacks against the versioned store. An import never writes before
// the admin confirms: the preview builds the complete next version in memory (the pipeline on
// the current source files with the upload applied) and keeps it under a random id; confirming
// inserts it in one transaction, and only if the current version is still the one it was built
// on. Everything that changes the store runs one at a time (a promise queue), so two imports can
// never interleave.
import { randomBytes } from 'node:crypto';
import { env } from '$env/dynamic/private';
import { IndicatorMeta, type DatasetMeta } from '$lib/data/contracts';
import { Derived } from '$lib/data/derived';
import { BOUNDARIES_FILE, buildDerived } from '$lib/data/pipeline';
import { DataError, type DataProblem } from '$lib/data/problems';
import { parseBoundaries } from '$lib/import/boundaries';
import { parseIndicatorTable } from '$lib/import/germanCsv';
import { decodeText } from '$lib/import/decode';
import { diffDerived, type VersionDiff } from '$lib/import/diff';
import { mapProblems, planValueImport, uploadName, type ValuePlan } from '$lib/import/plan';
import { getDatabase } from './db/current';
import { audit, currentVersionId, insertVersion, versionDerived, versionFiles, versionInfo } from './db/database';
import { z } from 'zod';

export interface Preview {
	id: string;
	user: string;
	kind: 'import-csv' | 'import-geojson';
	upload: string;
	summary: string;
	baseVersion: number;
	diff: VersionDiff;
	warnings: DataProblem[];
	files: Map<string, string>;
	derived: Derived;
	expires: number;
}

export type PreviewResult = { ok: true; preview: Preview } | { ok: false; problems: DataProblem[] };

const PREVIEW_TTL_MS = 30 * 60 * 1000;
const MAX_PREVIEWS = 10;
const previews = new Map<string, Preview>();

let queue: Promise<unknown> = Promise.resolve();
/** Runs store-changing work strictly one after the other. */
export function serial<T>(fn: () => T | Promise<T>): Promise<T> {
	const run = queue.then(fn, fn);
	queue = run.catch(() => undefined);
	return run;
}

function current(): { version: number; files: Map<string, string>; derived: Derived } {
	const db = getDatabase();
	const version = currentVersionId(db)!;
	return { version, files: versionFiles(db, version), derived: Derived.parse(versionDerived(db, version)) };
}

function remember(p: Omit<Preview, 'id' | 'expires'>): Preview {
	const now = Date.now();
	for (const [id, old] of previews) if (old.expires < now) previews.delete(id);
	while (previews.size >= MAX_PREVIEWS) previews.delete(previews.keys().next().value!);
	const preview = { ...p, id: randomBytes(18).toString('base64url'), expires: now + PREVIEW_TTL_MS };
	previews.set(preview.id, preview);
	return preview;
}

export function getPreview(id: string, user: string): Preview | null {
	const p = previews.get(id);
	return p && p.user === user && p.expires > Date.now() ? p : null;
}

export const CsvOptions = z.object({
	indicator: z.string().max(80).optional(),
	source: z.string().trim().min(1, 'Quelle fehlt').max(300),
	licence: z.string().trim().min(1, 'Lizenz fehlt').max(200),
	mode: z.enum(['merge', 'replace'])
});
export type CsvOptions = z.infer<typeof CsvOptions>;

/** Parses and checks an indicator table and builds the version it would create. */
export function previewCsv(bytes: Uint8Array, name: string, options: CsvOptions, user: string): Promise<PreviewResult> {
	return serial(() => {
		const upload = uploadName(name);
		const decoded = decodeText(bytes, upload);
		if (!decoded.ok) return { ok: false, problems: decoded.problems };
		const base = current();
		const d = base.derived;
		const totals = [...d.ortschaften.features, ...d.stadt.features].map((f) => ({ id: f.properties.id, name: f.properties.name }));
		const indicator = options.indicator ? d.indicators.find((m) => m.id === options.indicator)?.id : undefined;
		if (options.indicator && !indicator) return { ok: false, problems: [{ file: upload, field: 'Indikator (Formular)', value: options.indicator.slice(0, 60), message: 'unknown indicator' }] };
		const table = parseIndicatorTable(decoded.text, upload, {
			stadtteile: d.stadtteile.features.map((f) => ({ id: f.properties.id, name: f.properties.name })),
			totals,
			indicators: d.indicators.map((m) => ({ id: m.id, label: m.label.de, rate: m.aggregation.method === 'rate' ? { scale: m.aggregation.scale, decimals: m.decimals } : undefined })),
			indicator
		});
		if (!table.ok) return { ok: false, problems: table.problems };
		const forbidden = [options.source, options.licence].find((s) => /[<>]/.test(s));
		if (forbidden) return { ok: false, problems: [{ file: upload, field: 'Quelle/Lizenz', value: forbidden.slice(0, 60), message: 'must not contain < or >' }] };
		const catalogue = z.array(IndicatorMeta).parse(JSON.parse(base.files.get('indikatoren.json')!));
		const planned = planValueImport(base.files, table.rows, catalogue, { user, date: new Date().toISOString().slice(0, 10), upload, source: options.source, licence: options.licence }, options.mode);
		if (!planned.ok) return { ok: false, problems: planned.problems };
		return build(planned.plan.files, base, (problems) => mapProblems(problems, planned.plan as ValuePlan, upload), {
			user,
			kind: 'import-csv',
			upload,
			summary: `Werte importiert: ${planned.plan.indicators.join(', ')} aus ${upload} (${table.layout === 'long' ? 'Langformat' : 'Breitformat'}, ${decoded.encoding}${decoded.bom ? ' mit BOM' : ''}, ${table.rows.length} Werte)`,
			warnings: table.warnings
		});
	});
}

type BuildInfo = Pick<Preview, 'user' | 'kind' | 'upload' | 'summary' | 'warnings'>;

function build(files: Map<string, string>, base: ReturnType<typeof current>, map: (p: DataProblem[]) => DataProblem[], info: BuildInfo): PreviewResult {
	let derived: Derived;
	try {
		derived = buildDerived(files);
	} catch (e) {
		if (e instanceof DataError) return { ok: false, problems: map(e.problems) };
		throw e;
	}
	const diff = diffDerived(base.derived, derived);
	if (!diff.values.length && !diff.geometry.length) return { ok: false, problems: [{ file: info.upload, message: 'the import changes nothing: every value is already in the current version' }] };
	return { ok: true, preview: remember({ ...info, baseVersion: base.version, diff, files, derived }) };
}

export type CommitResult = { ok: true; version: number } | { ok: false; status: number; message: string };

/** Test hook: hold the transaction open this long, so a test can kill the server inside it. */
function holdTransaction(): void {
	const ms = Number(env.KONTORATLAS_TEST_DELAY_IN_TRANSACTION_MS ?? 0);
	if (!(ms > 0)) return;
	console.log('import: inside the transaction (test delay)');
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function confirmPreview(id: string, user: string): Promise<CommitResult> {
	return serial(() => {
		const p = getPreview(id, user);
		if (!p) return { ok: false, status: 404, message: 'Diese Vorschau gibt es nicht (mehr); bitte die Datei erneut hochladen.' };
		const db = getDatabase();
		const now = currentVersionId(db);
		if (now !== p.baseVersion) {
			previews.delete(id);
			return { ok: false, status: 409, message: `Die Daten haben sich seit der Vorschau geändert (Version ${p.baseVersion} → ${now}); bitte die Datei erneut hochladen.` };
		}
		const version = insertVersion(db, { createdBy: user, kind: p.kind, summary: p.summary, basedOn: p.baseVersion, files: p.files, derived: p.derived }, (v) => {
			audit(db, { who: user, action: p.kind, detail: p.summary, ...p.diff.counts, version: v });
			holdTransaction();
		});
		previews.delete(id);
		return { ok: true, version };
	});
}

export function discardPreview(id: string, user: string): void {
	if (getPreview(id, user)) previews.delete(id);
}

/** A rollback adds a version that repeats an older one: history only ever grows. */
export function rollbackTo(target: number, user: string): Promise<CommitResult> {
	return serial(() => {
		const db = getDatabase();
		const info = versionInfo(db, target);
		if (!info) return { ok: false, status: 404, message: `Version ${target} gibt es nicht.` };
		const now = currentVersionId(db)!;
		if (now === target) return { ok: false, status: 409, message: `Version ${target} ist bereits die aktuelle.` };
		const derived = Derived.parse(versionDerived(db, target));
		const diff = diffDerived(Derived.parse(versionDerived(db, now)), derived);
		const summary = `Zurückgesetzt auf Version ${target} (${info.summary})`.slice(0, 500);
		const version = insertVersion(db, { createdBy: user, kind: 'rollback', summary, basedOn: target, files: versionFiles(db, target), derived }, (v) => {
			audit(db, { who: user, action: 'rollback', detail: summary, ...diff.counts, version: v });
		});
		return { ok: true, version };
	});
}

/** Official Stadtteil boundaries (GeoJSON, WGS84 or EPSG:25832): they replace the approximated cells. */
export function previewBoundaries(bytes: Uint8Array, name: string, source: string, user: string): Promise<PreviewResult> {
	return serial(() => {
		const upload = uploadName(name);
		const decoded = decodeText(bytes, upload);
		if (!decoded.ok) return { ok: false, problems: decoded.problems };
		const src = source.trim() || 'amtliche Stadtteilgrenzen';
		if (/[<>]/.test(src)) return { ok: false, problems: [{ file: upload, field: 'Quelle', value: src.slice(0, 60), message: 'must not contain < or >' }] };
		const base = current();
		const parsed = parseBoundaries(decoded.text, upload, base.derived.stadtteile.features.map((f) => ({ id: f.properties.id, name: f.properties.name })));
		if (!parsed.ok) return { ok: false, problems: parsed.problems };
		const files = new Map(base.files);
		files.set(BOUNDARIES_FILE, JSON.stringify({ type: 'FeatureCollection', features: parsed.features }) + '\n');
		const date = new Date().toISOString().slice(0, 10);
		const meta: DatasetMeta = {
			id: 'stadtteile-grenzen',
			title: { de: 'Amtliche Stadtteilgrenzen', en: 'Official Stadtteil boundaries' },
			description: { de: `Von ${user} am ${date} aus der Datei ${upload} importiert (${parsed.crs}${parsed.crs === 'EPSG:25832' ? ', nach WGS84 umprojiziert' : ''}). Quelle: ${src}.`, en: `Imported by ${user} on ${date} from the file ${upload} (${parsed.crs}). Source: ${src}.` },
			sources: [{ name: src }],
			licence: 'siehe Quelle',
			attribution: src,
			referenceDate: date,
			collected: date,
			beispieldaten: false,
			caveats: []
		};
		files.set(BOUNDARIES_FILE.replace('.geojson', '.meta.json'), JSON.stringify(meta, null, '\t') + '\n');
		return build(files, base, (p) => p, {
			user,
			kind: 'import-geojson',
			upload,
			summary: `Amtliche Stadtteilgrenzen aus ${upload} (${parsed.features.length} Stadtteile, ${parsed.crs} erkannt über ${parsed.crsFrom === 'crs member' ? 'die crs-Angabe' : 'die Koordinatenbereiche'}${parsed.crs === 'EPSG:25832' ? ', nach WGS84 umprojiziert' : ''})`,
			warnings: parsed.warnings
		});
	});
}
