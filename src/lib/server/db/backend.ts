// The one store interface (issue #20): every operation the app does on its store, asynchronous, with
// two implementations: SQLite (sqlite.ts, the embedded default) and PostgreSQL (postgres.ts, chosen by
// DATABASE_URL). Operations that must happen together are single methods here (a version with its
// audit entry and the current pointer, a session with the pruning of expired ones), so each backend
// runs them in one transaction of its own and no caller ever holds a transaction open across awaits.
import type { AuditEntry, NewVersion, VersionInfo } from './database';

export type { AuditEntry, NewVersion, VersionInfo, VersionKind } from './database';
export { VERSION_KINDS } from './database';

/** An audit entry as written; the store adds its id and time. */
export type NewAudit = Omit<AuditEntry, 'id' | 'at'>;

/** How a version is committed: all of it, or nothing. */
export interface VersionCommit {
	/**
	 * The version the new one was built on: when given, the insert happens only if it is still the
	 * current version (else nothing is written and the commit answers null). `null` means "the store
	 * has no version yet".
	 */
	expectCurrent?: number | null;
	/** The audit entry of this change, written in the same transaction (it names the new version). */
	audit?: (version: number) => NewAudit;
	/** A preview this commit confirms: deleted in the same transaction. */
	preview?: string;
	/** Runs inside the transaction just before it commits (tests hold it open here to kill the process). */
	beforeCommit?: () => void;
}

/** A version's whole row, as `db:migrate` copies it (ids preserved). */
export interface VersionRow extends VersionInfo {
	/** The source files as the JSON text stored (an object of file name → text). */
	files: string;
	/** The derived data as the JSON text stored. */
	derived: string;
}

export interface UserRow {
	id: number;
	name: string;
	role: string;
	kontor: string | null;
	passwordHash: string | null;
	oidcSubject: string | null;
	disabled: boolean;
	created: string;
	updated: string;
	lastLogin: string | null;
}

export type NewUser = Omit<UserRow, 'id' | 'lastLogin' | 'disabled'>;

/** The fields of an account that change; `updated` is set by the caller's clock. */
export type UserPatch = Partial<Pick<UserRow, 'role' | 'kontor' | 'passwordHash' | 'oidcSubject' | 'disabled' | 'lastLogin' | 'updated'>>;

/** A session by the SHA-256 of its cookie token (the store never holds a usable token); times in ms. */
export interface SessionRow {
	tokenHash: string;
	userId: number;
	csrf: string;
	created: number;
	lastSeen: number;
	expiresAbsolute: number;
}

/** A single sign-on login under way (oidc/flows.ts). */
export interface FlowRow {
	tokenHash: string;
	state: string;
	nonce: string;
	verifier: string;
	next: string;
	locale: string;
	expires: number;
}

export interface PreviewRow {
	id: string;
	user: string;
	expires: number;
	/** The preview as JSON text (importer.ts writes and reads it). */
	body: string;
}

export interface TemplateRow {
	id: number;
	name: string;
	/** The report definition as its canonical URL query. */
	definition: string;
	createdBy: string;
	createdAt: string;
}

/** Everything a store holds but its running state's previews and flows: what `db:migrate` copies. */
export interface StoreDump {
	versions: VersionRow[];
	current: number | null;
	audit: AuditEntry[];
	users: UserRow[];
	sessions: SessionRow[];
	templates: TemplateRow[];
}

export interface StoreBackend {
	readonly kind: 'sqlite' | 'postgres';
	/** Where the store is, for logs and messages (a file, or the URL without its password). */
	readonly location: string;

	// Versions: history only grows; a rollback is a new version repeating an older one.
	currentVersionId(): Promise<number | null>;
	/** Newest first. */
	listVersions(): Promise<VersionInfo[]>;
	versionInfo(id: number): Promise<VersionInfo | null>;
	versionFiles(id: number): Promise<Map<string, string>>;
	/** The derived JSON as stored; callers validate it. Throws for an unknown version. */
	versionDerived(id: number): Promise<unknown>;
	/** Files and derived data as the JSON texts stored, for a worker to parse. */
	versionTexts(id: number): Promise<{ files: string; derived: string }>;
	/**
	 * Inserts a version and makes it current, with its audit entry, in one transaction. Its id, or
	 * null when `expectCurrent` no longer holds (then nothing was written).
	 */
	commitVersion(v: NewVersion, how?: VersionCommit): Promise<number | null>;

	audit(e: NewAudit): Promise<void>;
	/** Newest first. */
	listAudit(limit?: number): Promise<AuditEntry[]>;

	/** Stores a preview, dropping expired ones and, beyond `max`, the oldest (previews hold whole versions). */
	putPreview(p: PreviewRow, max: number): Promise<void>;
	getPreview(id: string): Promise<PreviewRow | null>;
	deletePreview(id: string): Promise<void>;

	// Accounts: names are unique without regard to case, and looked up the same way.
	countUsers(): Promise<number>;
	/** By name, without regard to case. */
	listUsers(): Promise<UserRow[]>;
	userByName(name: string): Promise<UserRow | null>;
	userById(id: number): Promise<UserRow | null>;
	userByOidcSubject(subject: string): Promise<UserRow | null>;
	/** The new account's id, or null when the name (or OIDC subject) is taken. */
	insertUser(u: NewUser): Promise<number | null>;
	/** Changes an account; with `endSessions` its sessions go in the same transaction. */
	updateUser(id: number, patch: UserPatch, endSessions?: boolean): Promise<void>;
	/** Removes an account and its sessions. */
	deleteUser(id: number): Promise<void>;
	/** Active admins other than `except`. */
	countActiveAdmins(except: number): Promise<number>;

	/**
	 * Stores a new session; in the same transaction ends `replaces` (the session the browser brought
	 * along) and prunes sessions past their absolute end or idle since before `idleBefore`.
	 */
	startSession(s: SessionRow, o: { replaces: string | null; idleBefore: number }): Promise<void>;
	getSession(tokenHash: string): Promise<SessionRow | null>;
	touchSession(tokenHash: string, at: number): Promise<void>;
	deleteSession(tokenHash: string): Promise<void>;
	/** For the account pages and tests: how many sessions an account has. */
	countSessions(userId: number): Promise<number>;

	/** Stores a flow; drops expired ones, `replaces`, and beyond `max` the ones ending first. */
	putFlow(f: FlowRow, o: { replaces: string | null; max: number }): Promise<void>;
	/** The flow, removed as it is read (single use); null if none. Expiry is the caller's check. */
	takeFlow(tokenHash: string): Promise<FlowRow | null>;

	/** By name, without regard to case. */
	listTemplates(): Promise<TemplateRow[]>;
	/** Saves (under a name already used: replaces) a template with its audit entry; its id. */
	saveTemplate(t: Omit<TemplateRow, 'id'>, audit: NewAudit): Promise<number>;
	/** Deletes a template with its audit entry (made from its name); its name, or null if there was none. */
	deleteTemplate(id: number, audit: (name: string) => NewAudit): Promise<string | null>;

	// Login throttling (admin/throttle.ts): failed logins by key, one row each, shared by every process.
	/** Failure times of each key at or after `since`, oldest first. */
	recentFailures(keys: readonly string[], since: number): Promise<number[][]>;
	/**
	 * Records one failure at `at` for each key, keeping each key's newest `keep`; in the same
	 * transaction drops every failure before `since` and all but the newest `max`.
	 */
	addFailures(entries: readonly { key: string; keep: number }[], at: number, o: { since: number; max: number }): Promise<void>;
	forgetFailures(key: string): Promise<void>;
	/** Failures held (tests of the bound). */
	countFailures(): Promise<number>;

	/**
	 * Calls `changed` whenever another process may have made another version current (SQLite: the
	 * data_version poll; PostgreSQL: LISTEN, with the version notified, and after a reconnect without
	 * one), see changes.ts. Returns the function that stops watching.
	 */
	watch(changed: (version?: number) => void): () => Promise<void>;

	/** Throws unless the store answers (readiness). */
	ping(): Promise<void>;
	/** The whole store for `db:migrate` (read in one snapshot). */
	dump(): Promise<StoreDump>;
	/** Fills an empty store from a dump in one transaction (ids kept); refuses a store that has versions. */
	load(d: StoreDump): Promise<void>;
	close(): Promise<void>;
}
