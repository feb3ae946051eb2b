// `npm run db:migrate -- --from sqlite:FILE --to postgres://…` (or back): copies a whole store into an
// empty one (every version with its id, the current pointer, catalogue and other edits, which are
// versions, accounts, report templates and the audit log; sessions with --sessions), in one
// transaction, then verifies the copy: the same version list and current version, and the same
// stored texts (SHA-256 of every version's files and derived JSON, from which the server renders
// every answer), accounts, templates and audit log.
import { createHash } from 'node:crypto';
import type { StoreBackend, StoreDump } from '../src/lib/server/db/backend';
import { openNamedBackend } from '../src/lib/server/db/open';

const USAGE = 'usage: npm run db:migrate -- --from sqlite:FILE|postgres://… --to postgres://…|sqlite:FILE [--sessions]';

function option(name: string): string {
	const i = process.argv.indexOf(`--${name}`);
	const value = i > 0 ? process.argv[i + 1] : undefined;
	if (!value || value.startsWith('--')) {
		console.error(USAGE);
		process.exit(2);
	}
	return value;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** What must be equal in both stores: the version rows with hashes of their texts, and everything else as is. */
function fingerprint(d: StoreDump, sessions: boolean) {
	return {
		versions: d.versions.map(({ files, derived, ...info }) => ({ ...info, files: sha(files), derived: sha(derived) })),
		current: d.current,
		audit: d.audit,
		users: d.users,
		sessions: sessions ? d.sessions : [],
		templates: d.templates
	};
}

/** The first difference between two fingerprints, as a path and both values, or null. */
function difference(a: unknown, b: unknown, path = ''): string | null {
	if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null)
		return Object.is(a, b) ? null : `${path || '/'}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	for (const k of keys) {
		const d = difference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}/${k}`);
		if (d) return d;
	}
	return null;
}

const from = option('from');
const to = option('to');
const sessions = process.argv.includes('--sessions');
let source: StoreBackend | null = null;
let target: StoreBackend | null = null;
try {
	source = await openNamedBackend(from);
	target = await openNamedBackend(to);
	const dump = await source.dump();
	if (!dump.versions.length) throw new Error(`${source.location} holds no versions; nothing to copy`);
	await target.load(sessions ? dump : { ...dump, sessions: [] });
	const copy = await target.dump();
	const diff = difference(fingerprint(dump, sessions), fingerprint(copy, sessions));
	if (diff) throw new Error(`the copy in ${target.location} differs from ${source.location} at ${diff}`);
	console.log(
		`db:migrate: ${source.location} → ${target.location}: ${dump.versions.length} versions (current ${dump.current}), ${dump.users.length} accounts, ` +
			`${dump.templates.length} report templates, ${dump.audit.length} audit entries${sessions ? `, ${dump.sessions.length} sessions` : ''}; verified`
	);
} catch (e) {
	console.error(`db:migrate: ${(e as Error).message}`);
	process.exitCode = 1;
} finally {
	await source?.close();
	await target?.close();
}
