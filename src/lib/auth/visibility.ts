// Where an indicator's values are public: the catalogue's `visibility` with its per-level override
// (`publicLevels`), and the levels of the city profile. Pure, so the server's public view and the
// "intern" marks of the UI read one rule.
import type { IndicatorMeta } from '$lib/data/contracts';
import type { LevelDef } from '$lib/data/profile';

type Entry = Pick<IndicatorMeta, 'visibility' | 'publicLevels'>;

/** Whether the entry itself publishes values at `level` (the level's own visibility aside). */
export const entryPublicAt = (meta: Entry, level: string): boolean => meta.visibility !== 'internal' || (meta.publicLevels ?? []).includes(level);

/** Levels marked internal in the profile: their areas and values are for signed-in users only. */
export const internalLevels = (levels: Pick<LevelDef, 'id' | 'visibility'>[] | undefined): Set<string> =>
	new Set((levels ?? []).filter((l) => l.visibility === 'internal').map((l) => l.id));

/** The "intern" mark of the UI: the value shown at `level` is one the public does not see. */
export const internalAt = (meta: Entry, level: string, levels?: Pick<LevelDef, 'id' | 'visibility'>[]): boolean =>
	!entryPublicAt(meta, level) || internalLevels(levels).has(level);

/** Whether an entry is marked internal anywhere (the catalogue list and the picker mark it). */
export const internalSomewhere = (meta: Entry): boolean => meta.visibility === 'internal';
