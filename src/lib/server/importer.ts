// Imports, previews and rollbacks against the versioned store. An import never writes before
// the admin confirms: the preview builds the complete next version in memory (the pipeline on
// the current source files with the upload applied, in a worker thread: previewWorker.ts) and
// keeps it under a random id; confirming inserts it in one transaction, and only if the current
// version is still the one it was built on. Everything that changes the store runs one at a time
// (a promise queue), so two imports can never interleave.
import { randomBytes } from 'node:crypto';
import { env } from '$env/dynamic/private';
import type { Derived } from '$lib/data/derived';
import { parseStoredDerived } from './storedDerived';
import type { DataProblem } from '$lib/data/problems';
import type { Params } from '$lib/i18n';
import type { AdminKey } from '$lib/i18n/admin';
import { diffDerived, type VersionDiff } from '$lib/import/diff';
import { getBackend, refreshCurrent } from './db/current';
import type { VersionKind } from './db/backend';
import type { FileEdit, PreviewInput } from './previewCompute';
import { runPreview } from './previewWorker';
import { NewIndicatorInput, type TableView } from '$lib/import/tableImport';
import { z } from 'zod';

export interface Preview {
	id: string;
	user: string;
	kind: VersionKind;
	upload: string;
	summary: string;
	baseVersion: number;
	diff: VersionDiff;
	warnings: DataProblem[];
	files: Map<string, string>;
	derived: Derived;
	expires: number;
	/** Table imports: how the table was read and its column mapping (with the upload's token to remap it). */
	table?: TableView & { token: string };
}

export type PreviewResult = { ok: true; preview: Preview } | { ok: false; problems: DataProblem[]; table?: TableView & { token: string } };

const PREVIEW_TTL_MS = 30 * 60 * 1000;
const MAX_PREVIEWS = 10;
let queue: Promise<unknown> = Promise.resolve();
/** Runs store-changing work strictly one after the other. */
export function serial<T>(fn: () => T | Promise<T>): Promise<T> {
	const run = queue.then(fn, fn);
	queue = run.catch(() => undefined);
	return run;
}

/** Keeps a preview in the store until it is confirmed, discarded or expires (a restart keeps it). */
async function remember(p: Omit<Preview, 'id' | 'expires'>): Promise<Preview> {
	const preview = { ...p, id: randomBytes(18).toString('base64url'), expires: Date.now() + PREVIEW_TTL_MS };
	const { id, user, expires, files, ...rest } = preview;
	await (await getBackend()).putPreview({ id, user, expires, body: JSON.stringify({ ...rest, files: Object.fromEntries(files) }) }, MAX_PREVIEWS);
	return preview;
}

export async function getPreview(id: string, user: string): Promise<Preview | null> {
	if (!/^[\w-]{24}$/.test(id)) return null;
	const row = await (await getBackend()).getPreview(id);
	if (!row || row.user !== user || row.expires <= Date.now()) return null;
	// Written by remember() from a preview the pipeline built and checked.
	const body = JSON.parse(row.body) as Omit<Preview, 'id' | 'user' | 'expires' | 'files'> & { files: Record<string, string> };
	return { ...body, id, user: row.user, expires: row.expires, files: new Map(Object.entries(body.files)) };
}

/** The form's own messages are `importer` catalogue keys (zodReason shows them in the admin's language). */
export const CsvOptions = z.object({
	indicator: z.string().max(80).optional(),
	source: z.string().trim().min(1, 'data.sourceMissing').max(300),
	licence: z.string().trim().min(1, 'data.licenceMissing').max(200),
	mode: z.enum(['merge', 'replace']),
	sheet: z.string().max(100).optional()
});
export type CsvOptions = z.infer<typeof CsvOptions>;

/** What the admin changes in the preview's column-mapping step. */
export const TableChoices = z.object({
	mapping: z
		.array(
			z.object({
				role: z.enum(['area', 'level', 'year', 'indicator', 'value', 'numerator', 'base', 'ignore']),
				indicator: z.string().max(80).optional(),
				year: z.number().int().optional()
			})
		)
		.max(200),
	rateBase: z.enum(['columns', 'population']),
	sheet: z.string().max(100).optional(),
	newIndicators: z.array(NewIndicatorInput).max(20)
});
export type TableChoices = z.infer<typeof TableChoices>;

/**
 * An uploaded table is kept (in memory, for the admin who sent it, 30 minutes) so that the preview
 * can be recomputed with the admin's column mapping without uploading it again.
 */
const uploads = new Map<string, { user: string; bytes: Uint8Array; name: string; options: CsvOptions; expires: number }>();
const MAX_UPLOADS = 10;

function keepUpload(bytes: Uint8Array, name: string, options: CsvOptions, user: string): string {
	const now = Date.now();
	for (const [k, u] of uploads) if (u.expires <= now) uploads.delete(k);
	while (uploads.size >= MAX_UPLOADS) uploads.delete(uploads.keys().next().value!);
	const token = randomBytes(18).toString('base64url');
	uploads.set(token, { user, bytes, name, options, expires: now + PREVIEW_TTL_MS });
	return token;
}

function withToken(result: PreviewResult, token: string): PreviewResult {
	if (result.ok) {
		if (result.preview.table) result.preview.table.token = token;
		return result;
	}
	return result.table ? { ...result, table: { ...result.table, token } } : result;
}

/** Parses and checks an indicator table (CSV or .xlsx) and builds the version it would create. */
export async function previewCsv(bytes: Uint8Array, name: string, options: CsvOptions, user: string): Promise<PreviewResult> {
	const token = keepUpload(bytes, name, options, user);
	return withToken(await serial(() => preview({ kind: 'import-csv', bytes, name, options, user }, token)), token);
}

/** The same upload again with the admin's column mapping and choices; null when the upload is gone. */
export async function remapTable(token: string, choices: TableChoices, user: string): Promise<PreviewResult | null> {
	const kept = uploads.get(token);
	if (!kept || kept.user !== user || kept.expires <= Date.now()) return null;
	// Another sheet is another table: its columns are recognised afresh.
	const sheet = choices.sheet ?? kept.options.sheet;
	const options = { ...kept.options, ...choices, sheet, mapping: sheet === kept.options.sheet ? choices.mapping : [] };
	kept.options = { ...kept.options, sheet };
	return withToken(await serial(() => preview({ kind: 'import-csv', bytes: kept.bytes, name: kept.name, options, user }, token)), token);
}

/**
 * Official Stadtteil boundaries (GeoJSON, WGS84 or EPSG:25832): they replace the approximated cells.
 * With `asOutline`, a file holding the city outline replaces the city boundary instead.
 */
export function previewBoundaries(bytes: Uint8Array, name: string, source: string, user: string, asOutline = false): Promise<PreviewResult> {
	return serial(() => preview({ kind: 'import-geojson', bytes, name, source, user, asOutline }));
}

/** A census grid file (Zensus 2022, INSPIRE grid) for the profile's grid level, with its source and reference date. */
export function previewCensus(bytes: Uint8Array, name: string, source: string, stand: string, user: string): Promise<PreviewResult> {
	return serial(() => preview({ kind: 'import-census', bytes, name, source, stand, user }));
}

/**
 * An edit made in an admin form (catalogue, Kontore, facilities, texts) as a preview like an
 * import's: the whole next version, its diff, then confirm or discard. `label` names the edit
 * where an import names its file (problems, the preview's heading).
 */
export function previewFileEdit(edit: FileEdit, label: string, user: string): Promise<PreviewResult> {
	return serial(() => preview({ kind: 'edit-files', name: label, bytes: new Uint8Array(), edit, user }));
}

/** A preview's input before the current version is read (per kind: Omit does not distribute). */
type Upload = PreviewInput extends infer T ? (T extends PreviewInput ? Omit<T, 'base' | 'date'> : never) : never;

function previewTimeoutMs(): number {
	const n = Number(env.KONTORATLAS_PREVIEW_TIMEOUT_MS || 120_000);
	return Number.isFinite(n) && n > 0 ? n : 120_000;
}

/**
 * The parsing and the pipeline run in a worker thread (previewWorker.ts) on the current version's
 * stored texts; only the result comes back, and is kept here until confirmed or discarded.
 */
async function preview(upload: Upload, token = ''): Promise<PreviewResult> {
	const db = await getBackend();
	const version = (await db.currentVersionId())!;
	const input = { ...upload, date: new Date().toISOString().slice(0, 10), base: { version, ...(await db.versionTexts(version)) } } as PreviewInput;
	const out = await runPreview(input, {
		timeoutMs: previewTimeoutMs(),
		memoryMb: Number(env.KONTORATLAS_PREVIEW_MEMORY_MB) > 0 ? Number(env.KONTORATLAS_PREVIEW_MEMORY_MB) : 1024,
		inProcess: env.KONTORATLAS_PREVIEW_WORKER === 'off'
	});
	if (!out.ok) return { ok: false, problems: out.problems, ...(out.table ? { table: { ...out.table, token } } : {}) };
	const { kind, upload: name, summary, warnings, baseVersion, diff, files, derived, table } = out;
	return {
		ok: true,
		preview: await remember({
			user: upload.user,
			kind,
			upload: name,
			summary,
			warnings,
			baseVersion,
			diff,
			files,
			derived,
			...(table ? { table: { ...table, token } } : {})
		})
	};
}

/** A refusal names its text in the admin catalogue; the page shows it in the admin's language. */
export type CommitResult = { ok: true; version: number } | { ok: false; status: number; message: { key: AdminKey; params?: Params } };

/** Test hook: hold the transaction open this long, so a test can kill the server inside it. */
function holdTransaction(): void {
	const ms = Number(env.KONTORATLAS_TEST_DELAY_IN_TRANSACTION_MS ?? 0);
	if (!(ms > 0)) return;
	console.log('import: inside the transaction (test delay)');
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function confirmPreview(id: string, user: string): Promise<CommitResult> {
	return serial(async (): Promise<CommitResult> => {
		const p = await getPreview(id, user);
		if (!p) return { ok: false, status: 404, message: { key: 'admin.error.previewGone' } };
		const db = await getBackend();
		const version = await db.commitVersion(
			{ createdBy: user, kind: p.kind, summary: p.summary, basedOn: p.baseVersion, files: p.files, derived: p.derived },
			{
				expectCurrent: p.baseVersion,
				audit: (v) => ({ who: user, action: p.kind, detail: p.summary, ...p.diff.counts, version: v }),
				preview: id,
				beforeCommit: holdTransaction
			}
		);
		if (version === null) {
			await db.deletePreview(id);
			const now = await db.currentVersionId();
			return {
				ok: false,
				status: 409,
				message: { key: 'admin.error.changed', params: { from: p.baseVersion, to: now ?? '–' } }
			};
		}
		await refreshCurrent(); // serve the new version from now on (and drop cached answers of the old one)
		return { ok: true, version };
	});
}

export async function discardPreview(id: string, user: string): Promise<void> {
	if (await getPreview(id, user)) await (await getBackend()).deletePreview(id);
}

/** A rollback adds a version that repeats an older one: history only ever grows. */
export function rollbackTo(target: number, user: string): Promise<CommitResult> {
	return serial(async (): Promise<CommitResult> => {
		const db = await getBackend();
		const info = await db.versionInfo(target);
		if (!info) return { ok: false, status: 404, message: { key: 'admin.error.noVersion', params: { n: target } } };
		const now = (await db.currentVersionId())!;
		if (now === target) return { ok: false, status: 409, message: { key: 'admin.error.isCurrent', params: { n: target } } };
		const derived = parseStoredDerived(await db.versionDerived(target));
		const files = await db.versionFiles(target);
		const diff = diffDerived(parseStoredDerived(await db.versionDerived(now)), derived, await db.versionFiles(now), files);
		const summary = `Zurückgesetzt auf Version ${target} (${info.summary})`.slice(0, 500);
		const version = await db.commitVersion(
			{ createdBy: user, kind: 'rollback', summary, basedOn: target, files, derived },
			{ expectCurrent: now, audit: (v) => ({ who: user, action: 'rollback', detail: summary, ...diff.counts, version: v }) }
		);
		// Another process committed while the diff was computed: the admin sees the new state and decides again.
		if (version === null)
			return { ok: false, status: 409, message: { key: 'admin.error.changed', params: { from: now, to: (await db.currentVersionId()) ?? '–' } } };
		await refreshCurrent(); // serve the new version from now on (and drop cached answers of the old one)
		return { ok: true, version };
	});
}
