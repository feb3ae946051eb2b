// The embedded store of datasets and their versions (SQLite via better-sqlite3): opening,
// versioned migrations, and the queries on versions and the audit log. Every version keeps the
// full set of source files (geodata-like texts by name) and the Derived data the pipeline built
// from them, so history, comparison and rollback never need to rebuild anything.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Derived } from '$lib/data/derived';

export type Db = Database.Database;

/**
 * Migrations run in order, each once; PRAGMA user_version counts how many have run. One that
 * rebuilds a table others reference runs with foreign keys off (SQLite's documented procedure) and
 * checks them before it commits.
 */
export const MIGRATIONS: (string | { sql: string; rebuild: true })[] = [
	`CREATE TABLE versions (
		id INTEGER PRIMARY KEY,
		created_at TEXT NOT NULL,
		created_by TEXT NOT NULL,
		kind TEXT NOT NULL CHECK (kind IN ('seed', 'import-csv', 'import-geojson', 'rollback')),
		summary TEXT NOT NULL,
		based_on INTEGER REFERENCES versions(id),
		inputs_hash TEXT,
		files TEXT NOT NULL,
		derived TEXT NOT NULL
	);
	CREATE TABLE current (
		singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
		version INTEGER NOT NULL REFERENCES versions(id)
	);
	CREATE TABLE audit (
		id INTEGER PRIMARY KEY,
		at TEXT NOT NULL,
		who TEXT NOT NULL,
		action TEXT NOT NULL,
		detail TEXT NOT NULL,
		added INTEGER,
		changed INTEGER,
		removed INTEGER,
		version INTEGER
	);`,
	// Admin sessions (by the SHA-256 of their cookie token, so the store never holds a usable
	// token) and import previews waiting for confirmation: both survive a restart.
	`CREATE TABLE admin_sessions (
		token_hash TEXT PRIMARY KEY,
		user TEXT NOT NULL,
		csrf TEXT NOT NULL,
		expires INTEGER NOT NULL
	);
	CREATE TABLE pending_previews (
		id TEXT PRIMARY KEY,
		user TEXT NOT NULL,
		created INTEGER NOT NULL,
		expires INTEGER NOT NULL,
		body TEXT NOT NULL
	);`,
	// The kinds of version grow with each way data comes in (edits, reseed, other importers): the
	// code's VersionKind list checks them, so the table no longer fixes them in a CHECK constraint.
	{
		rebuild: true,
		sql: `CREATE TABLE versions_next (
			id INTEGER PRIMARY KEY,
			created_at TEXT NOT NULL,
			created_by TEXT NOT NULL,
			kind TEXT NOT NULL,
			summary TEXT NOT NULL,
			based_on INTEGER REFERENCES versions(id),
			inputs_hash TEXT,
			files TEXT NOT NULL,
			derived TEXT NOT NULL
		);
		INSERT INTO versions_next SELECT id, created_at, created_by, kind, summary, based_on, inputs_hash, files, derived FROM versions;
		DROP TABLE versions;
		ALTER TABLE versions_next RENAME TO versions;`
	},
	// 4: named report templates (/bericht): saved definitions, not data, so not versioned.
	`CREATE TABLE report_templates (
		id INTEGER PRIMARY KEY,
		name TEXT NOT NULL UNIQUE,
		definition TEXT NOT NULL,
		created_by TEXT NOT NULL,
		created_at TEXT NOT NULL
	);`,
	// 5: accounts with roles (#19) and sessions for the whole app, which replace the admin's. A
	// session names its account, so every request re-reads it: deleting the account deletes its
	// sessions, and a disabled account's sessions are removed with it (accounts.ts). The name is
	// unique without regard to case, so no two accounts look alike in the audit log.
	`CREATE TABLE users (
		id INTEGER PRIMARY KEY,
		name TEXT NOT NULL UNIQUE COLLATE NOCASE,
		role TEXT NOT NULL,
		kontor TEXT,
		password_hash TEXT,
		oidc_subject TEXT UNIQUE,
		disabled INTEGER NOT NULL DEFAULT 0,
		created TEXT NOT NULL,
		updated TEXT NOT NULL,
		last_login TEXT
	);
	DROP TABLE admin_sessions;
	CREATE TABLE sessions (
		token_hash TEXT PRIMARY KEY,
		user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
		csrf TEXT NOT NULL,
		created INTEGER NOT NULL,
		last_seen INTEGER NOT NULL,
		expires_absolute INTEGER NOT NULL
	);
	CREATE INDEX sessions_user ON sessions(user_id);`,
	// 6: single sign-on logins under way (oidc/flows.ts): state, nonce and PKCE verifier by the SHA-256
	// of a cookie token, taken once by the callback, kept minutes.
	`CREATE TABLE oidc_flows (
		token_hash TEXT PRIMARY KEY,
		state TEXT NOT NULL,
		nonce TEXT NOT NULL,
		verifier TEXT NOT NULL,
		next TEXT NOT NULL,
		locale TEXT NOT NULL,
		expires INTEGER NOT NULL
	);`,
	// 7: failed logins (admin/throttle.ts), one row per failure and key, so that every app process on
	// the store counts the same attempts; the index on `at` serves the expiry and the cap.
	`CREATE TABLE login_failures (
		key TEXT NOT NULL,
		at INTEGER NOT NULL
	);
	CREATE INDEX login_failures_key ON login_failures(key, at);
	CREATE INDEX login_failures_at ON login_failures(at);`
];
export const SCHEMA_VERSION = MIGRATIONS.length;

export function openDatabase(path: string): Db {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const db = new Database(path);
	// WAL: readers never block the one writer, and a killed process leaves the last commit intact.
	db.pragma('journal_mode = WAL');
	db.pragma('foreign_keys = ON');
	db.pragma('busy_timeout = 5000');
	migrate(db);
	return db;
}

export function migrate(db: Db): void {
	const at = db.pragma('user_version', { simple: true }) as number;
	if (at > MIGRATIONS.length) throw new Error(`database schema ${at} is newer than this Kontoratlas (${MIGRATIONS.length}); update the app`);
	for (let i = at; i < MIGRATIONS.length; i++) {
		const m = MIGRATIONS[i];
		const rebuild = typeof m !== 'string';
		if (rebuild) db.pragma('foreign_keys = OFF');
		try {
			db.transaction(() => {
				db.exec(typeof m === 'string' ? m : m.sql);
				if (rebuild) {
					const broken = db.pragma('foreign_key_check') as unknown[];
					if (broken.length) throw new Error(`migration ${i + 1} would break ${broken.length} references`);
				}
				db.pragma(`user_version = ${i + 1}`);
			})();
		} finally {
			if (rebuild) db.pragma('foreign_keys = ON');
		}
	}
}

/** Every way a version comes to be; the store accepts no other. */
export const VERSION_KINDS = [
	'seed',
	'import-csv',
	'import-geojson',
	'import-census',
	'rollback',
	'edit-catalogue',
	'edit-texts',
	'edit-kontore',
	'reseed',
	'import-facilities',
	'edit-facilities',
	'edit-profile'
] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

export interface VersionInfo {
	id: number;
	createdAt: string;
	createdBy: string;
	kind: VersionKind;
	summary: string;
	basedOn: number | null;
	inputsHash: string | null;
}

export interface NewVersion {
	createdBy: string;
	kind: VersionInfo['kind'];
	summary: string;
	basedOn: number | null;
	inputsHash?: string | null;
	files: ReadonlyMap<string, string>;
	derived: Derived;
}

const INFO_COLUMNS = 'id, created_at AS createdAt, created_by AS createdBy, kind, summary, based_on AS basedOn, inputs_hash AS inputsHash';

export function currentVersionId(db: Db): number | null {
	const row = db.prepare('SELECT version FROM current WHERE singleton = 1').get() as { version: number } | undefined;
	return row?.version ?? null;
}

export function listVersions(db: Db): VersionInfo[] {
	return db.prepare(`SELECT ${INFO_COLUMNS} FROM versions ORDER BY id DESC`).all() as VersionInfo[];
}

export function versionInfo(db: Db, id: number): VersionInfo | null {
	return (db.prepare(`SELECT ${INFO_COLUMNS} FROM versions WHERE id = ?`).get(id) as VersionInfo | undefined) ?? null;
}

export function versionFiles(db: Db, id: number): Map<string, string> {
	const row = db.prepare('SELECT files FROM versions WHERE id = ?').get(id) as { files: string } | undefined;
	if (!row) throw new Error(`no version ${id}`);
	return new Map(Object.entries(JSON.parse(row.files) as Record<string, string>));
}

/** The derived JSON as stored; callers validate it (the store does, once per version it serves). */
export function versionDerived(db: Db, id: number): unknown {
	const row = db.prepare('SELECT derived FROM versions WHERE id = ?').get(id) as { derived: string } | undefined;
	if (!row) throw new Error(`no version ${id}`);
	return JSON.parse(row.derived);
}

/** A version's files and derived data as the JSON texts stored, for a worker to parse. */
export function versionTexts(db: Db, id: number): { files: string; derived: string } {
	const row = db.prepare('SELECT files, derived FROM versions WHERE id = ?').get(id) as { files: string; derived: string } | undefined;
	if (!row) throw new Error(`no version ${id}`);
	return row;
}

/**
 * Inserts a version and makes it current in one transaction: all of it or nothing. `beforeCommit`
 * runs inside the transaction (the audit entry goes there, and tests use it to be killed mid-way).
 */
export function insertVersion(db: Db, v: NewVersion, beforeCommit?: (id: number) => void): number {
	if (!VERSION_KINDS.includes(v.kind)) throw new Error(`unknown version kind "${v.kind}"`);
	return db
		.transaction(() => {
			const { lastInsertRowid } = db
				.prepare('INSERT INTO versions (created_at, created_by, kind, summary, based_on, inputs_hash, files, derived) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
				.run(
					new Date().toISOString(),
					v.createdBy,
					v.kind,
					v.summary,
					v.basedOn,
					v.inputsHash ?? null,
					JSON.stringify(Object.fromEntries(v.files)),
					JSON.stringify(v.derived)
				);
			const id = Number(lastInsertRowid);
			db.prepare('INSERT INTO current (singleton, version) VALUES (1, ?) ON CONFLICT (singleton) DO UPDATE SET version = excluded.version').run(id);
			beforeCommit?.(id);
			return id;
		})
		.immediate();
}

export interface AuditEntry {
	id: number;
	at: string;
	who: string;
	action: string;
	detail: string;
	added: number | null;
	changed: number | null;
	removed: number | null;
	version: number | null;
}

export function audit(db: Db, e: Omit<AuditEntry, 'id' | 'at'>): void {
	db.prepare('INSERT INTO audit (at, who, action, detail, added, changed, removed, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
		new Date().toISOString(),
		e.who.slice(0, 100),
		e.action,
		e.detail.slice(0, 1000),
		e.added,
		e.changed,
		e.removed,
		e.version
	);
}

export function listAudit(db: Db, limit = 200): AuditEntry[] {
	return db.prepare('SELECT * FROM audit ORDER BY id DESC LIMIT ?').all(limit) as AuditEntry[];
}

/**
 * Stores a preview (its body as JSON text), dropping expired ones and, beyond `max`, the oldest:
 * previews hold whole versions, so only a few are kept.
 */
export function putPreview(db: Db, p: { id: string; user: string; expires: number; body: string }, max: number): void {
	db.transaction(() => {
		db.prepare('DELETE FROM pending_previews WHERE expires < ?').run(Date.now());
		db.prepare('DELETE FROM pending_previews WHERE id IN (SELECT id FROM pending_previews ORDER BY created DESC LIMIT -1 OFFSET ?)').run(Math.max(0, max - 1));
		db.prepare('INSERT INTO pending_previews (id, user, created, expires, body) VALUES (?, ?, ?, ?, ?)').run(p.id, p.user, Date.now(), p.expires, p.body);
	}).immediate();
}

export function getPreviewRow(db: Db, id: string): { user: string; expires: number; body: string } | null {
	return (
		(db.prepare('SELECT user, expires, body FROM pending_previews WHERE id = ?').get(id) as { user: string; expires: number; body: string } | undefined) ?? null
	);
}

export function deletePreview(db: Db, id: string): void {
	db.prepare('DELETE FROM pending_previews WHERE id = ?').run(id);
}

/** Online backup to a file (consistent even while the server writes). */
export async function backupTo(db: Db, file: string): Promise<void> {
	await db.backup(file);
}

/** Checks that a file is a Kontoratlas store this version can read, before restoring it. */
export function checkStoreFile(file: string): { versions: number; current: number | null } {
	const db = new Database(file, { readonly: true, fileMustExist: true });
	try {
		const ok = db.pragma('integrity_check', { simple: true });
		if (ok !== 'ok') throw new Error(`${file}: integrity check failed: ${ok}`);
		const schema = db.pragma('user_version', { simple: true }) as number;
		if (schema < 1 || schema > SCHEMA_VERSION) throw new Error(`${file}: not a Kontoratlas store (schema ${schema}, expected 1–${SCHEMA_VERSION})`);
		const versions = (db.prepare('SELECT count(*) AS n FROM versions').get() as { n: number }).n;
		return { versions, current: currentVersionId(db) };
	} finally {
		db.close();
	}
}
