// The server's one connection to the versioned store (DATABASE_PATH, default data/kontoratlas.db),
// its seed (a fresh database gets the shipped geodata/ and the derived/ that `npm run data` built
// from it as version 1), and the watch for versions other app processes on the same store commit.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { env } from '$env/dynamic/private';
import { DERIVED_FILES, Manifest } from '$lib/data/derived';
import { dataDir, readDerivedDir } from '../store';
import { readSourceDir } from './sourceDir';
import { watchDataVersion } from './changes';
import { currentVersionId, insertVersion, listVersions, openDatabase, versionDerived, versionInfo, type Db } from './database';

let db: Db | null = null;
let watch: (() => void) | null = null;
const listeners = new Set<() => void>();

export function databasePath(): string {
	return resolve(env.DATABASE_PATH || join('data', 'kontoratlas.db'));
}

export function geodataDir(): string {
	return resolve(env.KONTORATLAS_GEODATA || 'geodata');
}

export function getDatabase(): Db {
	if (!db) {
		db = openDatabase(databasePath());
		seed(db, geodataDir(), dataDir());
		watch = watchDataVersion(db, () => listeners.forEach((l) => l()));
	}
	return db;
}

/** `listener` runs whenever another process may have changed the store (store.ts then reloads the current version). */
export function onStoreChange(listener: () => void): void {
	listeners.add(listener);
}

/** The current version's derived JSON; only read from the database when the version changed. */
export function currentDerived(known: number | null): { version: number; derived: unknown } {
	const d = getDatabase();
	const version = currentVersionId(d)!;
	return { version, derived: version === known ? null : versionDerived(d, version) };
}

/**
 * Version 1 of a fresh database is the shipped data. While the database holds nothing but seeds
 * (no import, no rollback), a rebuilt derived/ (changed geodata/ or pipeline) becomes a new seed
 * version, so developers editing geodata/ see their change; after the first import the database
 * is the source of truth and derived/ is ignored.
 */
export function seed(d: Db, sourceDir: string, derivedDir: string): void {
	const current = currentVersionId(d);
	const manifestPath = join(derivedDir, DERIVED_FILES.manifest);
	if (current !== null) {
		if (!existsSync(manifestPath) || listVersions(d).some((v) => v.kind !== 'seed')) return;
		const hash = Manifest.parse(JSON.parse(readFileSync(manifestPath, 'utf8'))).inputsHash;
		if (versionInfo(d, current)?.inputsHash === hash) return;
	}
	const derived = readDerivedDir(derivedDir);
	const hash = Manifest.parse(JSON.parse(readFileSync(manifestPath, 'utf8'))).inputsHash;
	insertVersion(d, {
		createdBy: 'system',
		kind: 'seed',
		summary: `Ausgelieferte Daten (${relative(process.cwd(), sourceDir) || sourceDir}/)`,
		basedOn: current,
		inputsHash: hash,
		files: readSourceDir(sourceDir),
		derived
	});
}

/** For tests and scripts that open another database in the same process. */
export function closeDatabase(): void {
	watch?.();
	watch = null;
	db?.close();
	db = null;
}
