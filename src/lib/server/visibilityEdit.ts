// The levels' visibility edited in the admin: the city profile (stadt.json) with each level's
// `visibility` as chosen, as a file edit previewed like an import (version kind `edit-profile`).
// Only `visibility` changes; every other byte of the profile's meaning stays as it was.
import type { Visibility } from '$lib/data/contracts';
import { CityProfile } from '$lib/data/profile';

export type LevelVisibilityEdit =
	{ ok: true; text: string; summary: string } | { ok: false; problem: 'unknownLevel' | 'unchanged' | 'invalid'; value?: string };

/**
 * `text`: the version's stadt.json; `choices`: level id → visibility as the form sent it (a level
 * the form does not name keeps its own). The summary names each change, so the audit shows it.
 */
export function editLevelVisibility(text: string, choices: Record<string, string>): LevelVisibilityEdit {
	const raw = JSON.parse(text) as { levels: { id: string; visibility?: Visibility }[] };
	const profile = CityProfile.parse(raw);
	const ids = profile.levels.map((l) => l.id);
	const unknown = Object.keys(choices).find((id) => !ids.includes(id));
	if (unknown !== undefined) return { ok: false, problem: 'unknownLevel', value: unknown.slice(0, 60) };
	const bad = Object.values(choices).find((v) => v !== 'public' && v !== 'internal');
	if (bad !== undefined) return { ok: false, problem: 'invalid', value: bad.slice(0, 60) };
	const changes: string[] = [];
	const levels = raw.levels.map((level, i) => {
		const before = profile.levels[i].visibility;
		const after = (choices[level.id] ?? before) as Visibility;
		if (after === before) return level;
		changes.push(`${level.id} ${after === 'internal' ? 'intern' : 'öffentlich'}`);
		return { ...level, visibility: after };
	});
	if (!changes.length) return { ok: false, problem: 'unchanged' };
	return {
		ok: true,
		text: JSON.stringify({ ...raw, levels }, null, '\t') + '\n',
		summary: `Stadtprofil: Sichtbarkeit der Ebenen geändert (${changes.join(', ')})`
	};
}
