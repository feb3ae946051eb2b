import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CityProfile } from '$lib/data/profile';
import { editLevelVisibility } from './visibilityEdit';

const TEXT = readFileSync(new URL('../../../geodata/stadt.json', import.meta.url), 'utf8');

describe('level visibility in the city profile', () => {
	it('marks a level internal and back, changing nothing else, and names the change for the audit', () => {
		const r = editLevelVisibility(TEXT, { stadtteil: 'internal', ortschaft: 'public' });
		if (!r.ok) throw new Error(r.problem);
		expect(r.summary).toBe('Stadtprofil: Sichtbarkeit der Ebenen geändert (stadtteil intern)');
		const edited = CityProfile.parse(JSON.parse(r.text));
		expect(edited.levels.map((l) => [l.id, l.visibility])).toEqual([
			['gitter-100m', 'public'],
			['stadtteil', 'internal'],
			['ortschaft', 'public'],
			['stadt', 'public']
		]);
		const { levels: _a, ...rest } = JSON.parse(r.text);
		const { levels: _b, ...before } = JSON.parse(TEXT);
		expect(rest).toEqual(before);
		const back = editLevelVisibility(r.text, { stadtteil: 'public' });
		expect(back.ok && CityProfile.parse(JSON.parse(back.text)).levels.find((l) => l.id === 'stadtteil')!.visibility).toBe('public');
	});

	it('refuses unknown levels, unknown values and an edit that changes nothing', () => {
		expect(editLevelVisibility(TEXT, { bezirk: 'internal' })).toEqual({ ok: false, problem: 'unknownLevel', value: 'bezirk' });
		expect(editLevelVisibility(TEXT, { stadtteil: 'geheim' })).toEqual({ ok: false, problem: 'invalid', value: 'geheim' });
		expect(editLevelVisibility(TEXT, { stadtteil: 'public' })).toEqual({ ok: false, problem: 'unchanged' });
	});
});
