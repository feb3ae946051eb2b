// The server's store (DATABASE_URL for PostgreSQL, else the SQLite file at DATABASE_PATH, default
// data/kontoratlas.db), its seed, and the current version held in memory: a fresh store gets the
// shipped geodata/ and the derived/ that `npm run data` built from it as version 1. Versions other
// processes commit are loaded as the store's watch reports them (changes.ts), and every call goes
// through the outage guard (outage.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { env } from '$env/dynamic/private';
import { DERIVED_FILES, Manifest } from '$lib/data/derived';
import { dataDir, heldVersion, installStore, readDerivedDir } from '../store';
import type { StoreBackend } from './backend';
import { openBackend } from './open';
import { serveSpatialIndex } from './postgis';
import { PostgresBackend } from './postgres';
import { SqliteBackend } from './sqlite';
import { readSourceDir } from './sourceDir';
import { guardStore } from '../outage';

let opening: Promise<StoreBackend> | null = null;
let opened: StoreBackend | null = null;
let stopWatch: (() => Promise<void>) | null = null;

export function databasePath(): string {
	return resolve(env.DATABASE_PATH || join('data', 'kontoratlas.db'));
}

export function geodataDir(): string {
	return resolve(env.KONTORATLAS_GEODATA || 'geodata');
}

/** The store, opened, migrated and seeded once per process; a failed opening is tried again on the next call. */
export function getBackend(): Promise<StoreBackend> {
	opening ??= (async () => {
		const b = await openBackend({ url: env.DATABASE_URL, path: databasePath(), pool: env.KONTORATLAS_PG_POOL });
		try {
			await seed(b, geodataDir(), dataDir());
		} catch (e) {
			await b.close();
			throw e;
		}
		opened = guardStore(b, heldVersion);
		// With PostgreSQL, OGC items and vector tiles query PostGIS (postgis.ts).
		serveSpatialIndex(b instanceof PostgresBackend ? b.sql : null);
		// Another process's commit: load it here too (which empties the response cache). A failure is
		// logged by the watch; requests go on with the version held.
		stopWatch = opened.watch(() => void refreshCurrent().catch((e) => console.error('Kontoratlas: could not load the current version:', e.message)));
		return opened;
	})().catch((e) => {
		opening = null;
		throw e;
	});
	return opening;
}

/**
 * Loads the current version into the served Store when its id differs from the one held: at
 * startup, right after each commit in this process, and whenever another process's commit is
 * noticed. Whether it loaded a new version.
 */
export function refreshCurrent(): Promise<boolean> {
	// One at a time: the watch and this process's own commits may ask together, and a slower
	// earlier load must not install an older version after a later one.
	const next = refreshing.catch(() => false).then(loadCurrent);
	refreshing = next;
	return next;
}
let refreshing: Promise<boolean> = Promise.resolve(false);

async function loadCurrent(): Promise<boolean> {
	const b = await getBackend();
	const version = await b.currentVersionId();
	if (version === null) throw new Error(`the store at ${b.location} has no current version`);
	if (version === heldVersion()) return false;
	installStore(version, await b.versionDerived(version));
	return true;
}

/**
 * SQLite only: the current version's derived JSON read synchronously, so every request that goes
 * past the response cache notices a version another process wrote. Null for PostgreSQL (the held
 * version is changed by refreshCurrent) and before the store is open.
 */
export function currentDerivedSync(known: number | null): { version: number; derived: unknown } | null {
	if (!(opened instanceof SqliteBackend)) return null;
	const version = opened.sync.currentVersionId();
	if (version === null) return null;
	return { version, derived: version === known ? null : opened.sync.versionDerived(version) };
}

/**
 * Version 1 of a fresh store is the shipped data. While the store holds nothing but seeds (no
 * import, no rollback), a rebuilt derived/ (changed geodata/ or pipeline) becomes a new seed
 * version, so developers editing geodata/ see their change; after the first import the store
 * is the source of truth and derived/ is ignored.
 */
export async function seed(b: StoreBackend, sourceDir: string, derivedDir: string): Promise<void> {
	const current = await b.currentVersionId();
	const manifestPath = join(derivedDir, DERIVED_FILES.manifest);
	if (current !== null) {
		if (!existsSync(manifestPath) || (await b.listVersions()).some((v) => v.kind !== 'seed')) return;
		const hash = Manifest.parse(JSON.parse(readFileSync(manifestPath, 'utf8'))).inputsHash;
		if ((await b.versionInfo(current))?.inputsHash === hash) return;
	}
	const derived = readDerivedDir(derivedDir);
	const hash = Manifest.parse(JSON.parse(readFileSync(manifestPath, 'utf8'))).inputsHash;
	// Only if no other instance seeded meanwhile: several may start on one empty store together.
	await b.commitVersion(
		{
			createdBy: 'system',
			kind: 'seed',
			summary: `Ausgelieferte Daten (${relative(process.cwd(), sourceDir) || sourceDir}/)`,
			basedOn: current,
			inputsHash: hash,
			files: readSourceDir(sourceDir),
			derived
		},
		{ expectCurrent: current }
	);
}

// On SIGTERM server.js drains, then emits this: the watch (PostgreSQL's LISTEN holds the process
// alive) and the pool are closed, so the process can exit.
process.on('sveltekit:shutdown', () => void closeBackend().catch((e) => console.error('Kontoratlas: closing the store:', e)));

/** For tests and scripts that open another store in the same process. */
export async function closeBackend(): Promise<void> {
	const b = opened;
	opened = null;
	opening = null;
	serveSpatialIndex(null);
	await stopWatch?.();
	stopWatch = null;
	await b?.close();
}

/** The current version and its source files (an edit is built on exactly them). */
export async function currentFiles(): Promise<{ version: number; files: Map<string, string> }> {
	const b = await getBackend();
	const version = await b.currentVersionId();
	if (version === null) throw new Error(`the store at ${b.location} has no current version`);
	return { version, files: await b.versionFiles(version) };
}
