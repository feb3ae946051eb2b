// Reseed: the repository's geodata/ brought into a store that is already the truth, as one more
// version (kind `reseed`). The file set becomes exactly geodata/'s, as a fresh store's seed; what
// only the store held (imported values, edits) is absent from the new version but kept in the
// older ones, so a rollback brings it back. Free of SvelteKit imports: the admin action (through
// the importer's preview) and `npm run data:reseed` (computing the same preview in its process) share it.
import type { StoreBackend } from './db/backend';
// Types only: previewCompute.ts must stay a chunk of its own that only the worker loads (see there).
import type { FileEdit, PreviewBuilt } from './previewCompute';

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

/** Writes the built version if the store has not moved on meanwhile; its number, or null. */
export function commitReseed(db: StoreBackend, built: PreviewBuilt, user: string): Promise<number | null> {
	return db.commitVersion(
		{ createdBy: user, kind: 'reseed', summary: built.summary, basedOn: built.baseVersion, files: built.files, derived: built.derived },
		{ expectCurrent: built.baseVersion, audit: (v) => ({ who: user, action: 'reseed', detail: built.summary, ...built.diff.counts, version: v }) }
	);
}
