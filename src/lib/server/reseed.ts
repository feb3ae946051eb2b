// Reseed: the repository's geodata/ brought into a store that is already the truth, as one more
// version (kind `reseed`). The file set becomes exactly geodata/'s, as a fresh store's seed; what
// only the store held (imported values, edits) is absent from the new version but kept in the
// older ones, so a rollback brings it back. Free of SvelteKit imports: the admin action (through
// the importer's preview) and `npm run data:reseed` share it.
import { formatProblem } from '$lib/data/problems';
import type { Locale } from '$lib/i18n';
import { audit, currentVersionId, insertVersion, versionTexts, type Db } from './db/database';
import { computePreview, type FileEdit, type PreviewBuilt } from './previewCompute';

export interface ReseedPlan {
	edit: FileEdit;
	/** Files geodata/ has in another text than the current version, or that are new. */
	changed: string[];
	added: string[];
	/** Files only the store has (imports, edits): not in the new version. */
	onlyInStore: string[];
}

export function reseedPlan(current: ReadonlyMap<string, string>, geodata: ReadonlyMap<string, string>): ReseedPlan {
	const added = [...geodata.keys()].filter((f) => !current.has(f));
	const changed = [...geodata.keys()].filter((f) => current.has(f) && current.get(f) !== geodata.get(f));
	const onlyInStore = [...current.keys()].filter((f) => !geodata.has(f));
	const summary = `Neu eingelesen aus geodata/: ${changed.length} Dateien geändert, ${added.length} neu, ${onlyInStore.length} nur in der Datenbank (nicht übernommen)`;
	return {
		edit: { kind: 'reseed', summary, set: Object.fromEntries([...added, ...changed].map((f) => [f, geodata.get(f)!])), remove: onlyInStore },
		changed,
		added,
		onlyInStore
	};
}

/**
 * For the command line: the version a reseed would write, computed in this process with the
 * importer's own preview code (pipeline and diff), or its problems as text lines.
 */
export function computeReseed(
	db: Db,
	plan: ReseedPlan,
	user: string,
	locale: Locale = 'de'
): { ok: true; built: PreviewBuilt } | { ok: false; problems: string[] } {
	const version = currentVersionId(db);
	if (version === null) return { ok: false, problems: ['store is empty: the server seeds it from geodata/ at its first start'] };
	const out = computePreview({
		kind: 'edit-files',
		name: 'geodata/',
		bytes: new Uint8Array(),
		edit: plan.edit,
		user,
		date: new Date().toISOString().slice(0, 10),
		base: { version, ...versionTexts(db, version) }
	});
	return out.ok ? { ok: true, built: out } : { ok: false, problems: out.problems.map((p) => formatProblem(p, locale)) };
}

/** Writes the built version if the store has not moved on meanwhile; its number, or null. */
export function commitReseed(db: Db, built: PreviewBuilt, user: string): number | null {
	return db
		.transaction(() => {
			if (currentVersionId(db) !== built.baseVersion) return null;
			return insertVersion(
				db,
				{ createdBy: user, kind: 'reseed', summary: built.summary, basedOn: built.baseVersion, files: built.files, derived: built.derived },
				(v) => audit(db, { who: user, action: 'reseed', detail: built.summary, ...built.diff.counts, version: v })
			);
		})
		.immediate();
}
