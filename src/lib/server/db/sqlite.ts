// The SQLite store behind the store interface: better-sqlite3 (synchronous) under async methods. One
// process writes through one connection, so each method's transaction is whole before it returns;
// `sync` exposes the connection's quick reads for the server's per-request check of the current version.
import Database from 'better-sqlite3';
import type {
	FlowRow,
	NewAudit,
	NewUser,
	PreviewRow,
	SessionRow,
	StoreBackend,
	StoreDump,
	TemplateRow,
	UserPatch,
	UserRow,
	VersionCommit,
	VersionRow
} from './backend';
import {
	audit,
	currentVersionId,
	deletePreview,
	getPreviewRow,
	insertVersion,
	listAudit,
	listVersions,
	openDatabase,
	putPreview,
	versionDerived,
	versionFiles,
	versionInfo,
	versionTexts,
	type AuditEntry,
	type Db,
	type NewVersion
} from './database';
import { watchDataVersion } from './changes';

interface UserDbRow {
	id: number;
	name: string;
	role: string;
	kontor: string | null;
	password_hash: string | null;
	oidc_subject: string | null;
	disabled: number;
	created: string;
	updated: string;
	last_login: string | null;
}

const user = (r: UserDbRow | undefined): UserRow | null =>
	r
		? {
				id: r.id,
				name: r.name,
				role: r.role,
				kontor: r.kontor,
				passwordHash: r.password_hash,
				oidcSubject: r.oidc_subject,
				disabled: r.disabled === 1,
				created: r.created,
				updated: r.updated,
				lastLogin: r.last_login
			}
		: null;

const USER_COLUMNS: Record<keyof UserPatch, string> = {
	role: 'role',
	kontor: 'kontor',
	passwordHash: 'password_hash',
	oidcSubject: 'oidc_subject',
	disabled: 'disabled',
	lastLogin: 'last_login',
	updated: 'updated'
};

const SESSION_SELECT = 'token_hash AS tokenHash, user_id AS userId, csrf, created, last_seen AS lastSeen, expires_absolute AS expiresAbsolute';
const TEMPLATE_SELECT = 'id, name, definition, created_by AS createdBy, created_at AS createdAt';

export class SqliteBackend implements StoreBackend {
	readonly kind = 'sqlite' as const;
	readonly db: Db;

	constructor(
		readonly location: string,
		db?: Db
	) {
		this.db = db ?? openDatabase(location);
	}

	/** Synchronous reads of the current version (the server's per-request check; SQLite only). */
	readonly sync = {
		currentVersionId: () => currentVersionId(this.db),
		versionDerived: (id: number) => versionDerived(this.db, id)
	};

	async currentVersionId() {
		return currentVersionId(this.db);
	}
	async listVersions() {
		return listVersions(this.db);
	}
	async versionInfo(id: number) {
		return versionInfo(this.db, id);
	}
	async versionFiles(id: number) {
		return versionFiles(this.db, id);
	}
	async versionDerived(id: number) {
		return versionDerived(this.db, id);
	}
	async versionTexts(id: number) {
		return versionTexts(this.db, id);
	}

	async commitVersion(v: NewVersion, how: VersionCommit = {}): Promise<number | null> {
		const db = this.db;
		return db
			.transaction(() => {
				if (how.expectCurrent !== undefined && currentVersionId(db) !== how.expectCurrent) return null;
				return insertVersion(db, v, (id) => {
					if (how.audit) audit(db, how.audit(id));
					if (how.preview) deletePreview(db, how.preview);
					how.beforeCommit?.();
				});
			})
			.immediate();
	}

	async audit(e: NewAudit) {
		audit(this.db, e);
	}
	async listAudit(limit?: number) {
		return listAudit(this.db, limit);
	}

	async putPreview(p: PreviewRow, max: number) {
		putPreview(this.db, p, max);
	}
	async getPreview(id: string): Promise<PreviewRow | null> {
		const row = getPreviewRow(this.db, id);
		return row ? { id, ...row } : null;
	}
	async deletePreview(id: string) {
		deletePreview(this.db, id);
	}

	async countUsers() {
		return (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
	}
	async listUsers() {
		return (this.db.prepare('SELECT * FROM users ORDER BY name COLLATE NOCASE').all() as UserDbRow[]).map((r) => user(r)!);
	}
	async userByName(name: string) {
		return user(this.db.prepare('SELECT * FROM users WHERE name = ?').get(name) as UserDbRow | undefined);
	}
	async userById(id: number) {
		return user(this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserDbRow | undefined);
	}
	async userByOidcSubject(subject: string) {
		return user(this.db.prepare('SELECT * FROM users WHERE oidc_subject = ?').get(subject) as UserDbRow | undefined);
	}
	async insertUser(u: NewUser): Promise<number | null> {
		try {
			const { lastInsertRowid } = this.db
				.prepare('INSERT INTO users (name, role, kontor, password_hash, oidc_subject, disabled, created, updated) VALUES (?, ?, ?, ?, ?, 0, ?, ?)')
				.run(u.name, u.role, u.kontor, u.passwordHash, u.oidcSubject, u.created, u.updated);
			return Number(lastInsertRowid);
		} catch (e) {
			if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return null;
			throw e;
		}
	}
	async updateUser(id: number, patch: UserPatch, endSessions = false) {
		const keys = (Object.keys(patch) as (keyof UserPatch)[]).filter((k) => patch[k] !== undefined);
		const values = keys.map((k) => (k === 'disabled' ? (patch.disabled ? 1 : 0) : patch[k]));
		this.db.transaction(() => {
			if (keys.length) this.db.prepare(`UPDATE users SET ${keys.map((k) => `${USER_COLUMNS[k]} = ?`).join(', ')} WHERE id = ?`).run(...values, id);
			if (endSessions) this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(id);
		})();
	}
	async deleteUser(id: number) {
		this.db.transaction(() => {
			this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(id);
			this.db.prepare('DELETE FROM users WHERE id = ?').run(id);
		})();
	}
	async countActiveAdmins(except: number) {
		return (this.db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled = 0 AND id != ?").get(except) as { n: number }).n;
	}

	async startSession(s: SessionRow, o: { replaces: string | null; idleBefore: number }) {
		const db = this.db;
		db.transaction(() => {
			if (o.replaces) db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(o.replaces);
			db.prepare('DELETE FROM sessions WHERE expires_absolute < ? OR last_seen < ?').run(s.created, o.idleBefore);
			db.prepare('INSERT INTO sessions (token_hash, user_id, csrf, created, last_seen, expires_absolute) VALUES (?, ?, ?, ?, ?, ?)').run(
				s.tokenHash,
				s.userId,
				s.csrf,
				s.created,
				s.lastSeen,
				s.expiresAbsolute
			);
		})();
	}
	async getSession(tokenHash: string) {
		return (this.db.prepare(`SELECT ${SESSION_SELECT} FROM sessions WHERE token_hash = ?`).get(tokenHash) as SessionRow | undefined) ?? null;
	}
	async touchSession(tokenHash: string, at: number) {
		this.db.prepare('UPDATE sessions SET last_seen = ? WHERE token_hash = ?').run(at, tokenHash);
	}
	async deleteSession(tokenHash: string) {
		this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
	}
	async countSessions(userId: number) {
		return (this.db.prepare('SELECT count(*) AS n FROM sessions WHERE user_id = ?').get(userId) as { n: number }).n;
	}

	async putFlow(f: FlowRow, o: { replaces: string | null; max: number }) {
		const db = this.db;
		db.transaction(() => {
			db.prepare('DELETE FROM oidc_flows WHERE expires < ?').run(Date.now());
			db.prepare('DELETE FROM oidc_flows WHERE token_hash IN (SELECT token_hash FROM oidc_flows ORDER BY expires DESC LIMIT -1 OFFSET ?)').run(
				Math.max(0, o.max - 1)
			);
			if (o.replaces) db.prepare('DELETE FROM oidc_flows WHERE token_hash = ?').run(o.replaces);
			db.prepare('INSERT INTO oidc_flows (token_hash, state, nonce, verifier, next, locale, expires) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
				f.tokenHash,
				f.state,
				f.nonce,
				f.verifier,
				f.next,
				f.locale,
				f.expires
			);
		})();
	}
	async takeFlow(tokenHash: string) {
		return (
			(this.db
				.prepare('DELETE FROM oidc_flows WHERE token_hash = ? RETURNING token_hash AS tokenHash, state, nonce, verifier, next, locale, expires')
				.get(tokenHash) as FlowRow | undefined) ?? null
		);
	}

	async listTemplates() {
		return this.db.prepare(`SELECT ${TEMPLATE_SELECT} FROM report_templates ORDER BY name COLLATE NOCASE`).all() as TemplateRow[];
	}
	async saveTemplate(t: Omit<TemplateRow, 'id'>, entry: NewAudit) {
		const db = this.db;
		return db
			.transaction(() => {
				const row = db
					.prepare(
						`INSERT INTO report_templates (name, definition, created_by, created_at) VALUES (?, ?, ?, ?)
						 ON CONFLICT(name) DO UPDATE SET definition = excluded.definition, created_by = excluded.created_by, created_at = excluded.created_at
						 RETURNING id`
					)
					.get(t.name, t.definition, t.createdBy, t.createdAt) as { id: number };
				audit(db, entry);
				return row.id;
			})
			.immediate();
	}
	async deleteTemplate(id: number, entry: (name: string) => NewAudit) {
		const db = this.db;
		return db
			.transaction(() => {
				const row = db.prepare('SELECT name FROM report_templates WHERE id = ?').get(id) as { name: string } | undefined;
				if (!row) return null;
				db.prepare('DELETE FROM report_templates WHERE id = ?').run(id);
				audit(db, entry(row.name));
				return row.name;
			})
			.immediate();
	}

	async ping() {
		this.db.prepare('SELECT 1').get();
	}

	async dump(): Promise<StoreDump> {
		const db = this.db;
		return db.transaction(() => ({
			versions: db
				.prepare(
					'SELECT id, created_at AS createdAt, created_by AS createdBy, kind, summary, based_on AS basedOn, inputs_hash AS inputsHash, files, derived FROM versions ORDER BY id'
				)
				.all() as VersionRow[],
			current: currentVersionId(db),
			audit: db.prepare('SELECT * FROM audit ORDER BY id').all() as AuditEntry[],
			users: (db.prepare('SELECT * FROM users ORDER BY id').all() as UserDbRow[]).map((r) => user(r)!),
			sessions: db.prepare(`SELECT ${SESSION_SELECT} FROM sessions ORDER BY token_hash`).all() as SessionRow[],
			templates: db.prepare(`SELECT ${TEMPLATE_SELECT} FROM report_templates ORDER BY id`).all() as TemplateRow[]
		}))();
	}

	async load(d: StoreDump) {
		const db = this.db;
		db.transaction(() => {
			if (currentVersionId(db) !== null || (db.prepare('SELECT count(*) AS n FROM versions').get() as { n: number }).n > 0)
				throw new Error(`${this.location} already holds versions; load into an empty store`);
			const version = db.prepare(
				'INSERT INTO versions (id, created_at, created_by, kind, summary, based_on, inputs_hash, files, derived) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
			);
			for (const v of d.versions) version.run(v.id, v.createdAt, v.createdBy, v.kind, v.summary, v.basedOn, v.inputsHash, v.files, v.derived);
			if (d.current !== null) db.prepare('INSERT INTO current (singleton, version) VALUES (1, ?)').run(d.current);
			const entry = db.prepare('INSERT INTO audit (id, at, who, action, detail, added, changed, removed, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
			for (const a of d.audit) entry.run(a.id, a.at, a.who, a.action, a.detail, a.added, a.changed, a.removed, a.version);
			const account = db.prepare(
				'INSERT INTO users (id, name, role, kontor, password_hash, oidc_subject, disabled, created, updated, last_login) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
			);
			for (const u of d.users)
				account.run(u.id, u.name, u.role, u.kontor, u.passwordHash, u.oidcSubject, u.disabled ? 1 : 0, u.created, u.updated, u.lastLogin);
			const session = db.prepare('INSERT INTO sessions (token_hash, user_id, csrf, created, last_seen, expires_absolute) VALUES (?, ?, ?, ?, ?, ?)');
			for (const s of d.sessions) session.run(s.tokenHash, s.userId, s.csrf, s.created, s.lastSeen, s.expiresAbsolute);
			const template = db.prepare('INSERT INTO report_templates (id, name, definition, created_by, created_at) VALUES (?, ?, ?, ?, ?)');
			for (const t of d.templates) template.run(t.id, t.name, t.definition, t.createdBy, t.createdAt);
		}).immediate();
	}

	async recentFailures(keys: readonly string[], since: number) {
		const recent = this.db.prepare('SELECT at FROM login_failures WHERE key = ? AND at >= ? ORDER BY at');
		return keys.map((k) => (recent.all(k, since) as { at: number }[]).map((r) => r.at));
	}
	async addFailures(entries: readonly { key: string; keep: number }[], at: number, o: { since: number; max: number }) {
		const db = this.db;
		const insert = db.prepare('INSERT INTO login_failures (key, at) VALUES (?, ?)');
		const trim = db.prepare(
			'DELETE FROM login_failures WHERE key = ? AND rowid NOT IN (SELECT rowid FROM login_failures WHERE key = ? ORDER BY at DESC, rowid DESC LIMIT ?)'
		);
		db.transaction(() => {
			db.prepare('DELETE FROM login_failures WHERE at < ?').run(o.since);
			for (const e of entries) {
				insert.run(e.key, at);
				trim.run(e.key, e.key, e.keep);
			}
			db.prepare('DELETE FROM login_failures WHERE rowid IN (SELECT rowid FROM login_failures ORDER BY at DESC, rowid DESC LIMIT -1 OFFSET ?)').run(o.max);
		}).immediate();
	}
	async forgetFailures(key: string) {
		this.db.prepare('DELETE FROM login_failures WHERE key = ?').run(key);
	}
	async countFailures() {
		return (this.db.prepare('SELECT count(*) AS n FROM login_failures').get() as { n: number }).n;
	}

	watch(changed: (version?: number) => void) {
		const stop = watchDataVersion(this.db, () => changed());
		return async () => stop();
	}

	async close() {
		this.db.close();
	}
}

/** Opens a SQLite store read-only (db:migrate's source must stay untouched). */
export function openSqliteReadonly(file: string): SqliteBackend {
	return new SqliteBackend(file, new Database(file, { readonly: true, fileMustExist: true }));
}
