import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { translator, core, setCityTexts } from '$lib/i18n';
import { cityTexts } from '$lib/i18n/city';
import { CityProfile, pageCity } from './profile';
import { analysis } from '$lib/i18n/analysis';
import { atlas } from '$lib/i18n/atlas';
import type { GeometryQuality } from './contracts';
import { approximationNotice, geometryStatus, isApproximated } from './geometryStatus';

const st = (id: string, name: string, parent: string, q: GeometryQuality) => ({ properties: { id, name, parent, geometryQuality: q } });
/** Two middle areas in one city: the chain each finest area lies within. */
const up = (id: string) => (id === 'nord' || id === 'sued' ? 'stadt' : null);
const all = (q: GeometryQuality) => [st('a', 'Alpha', 'nord', q), st('b', 'Beta', 'nord', q), st('c', 'Gamma', 'sued', q), st('d', 'Delta', 'sued', q)];

// The notices name the profile's finest level ({areasDat}): Salzgitter's, as the app sets them.
beforeAll(() => setCityTexts(cityTexts(pageCity(CityProfile.parse(JSON.parse(readFileSync('geodata/stadt.json', 'utf8')))))));

describe('geometryStatus', () => {
	it('shipped state: every Stadtteil approximated, the full notice', () => {
		const s = geometryStatus(all('approximated'), up);
		expect(s.total).toBe(4);
		expect(s.approximated.map((a) => a.id)).toEqual(['a', 'b', 'c', 'd']);
		expect(approximationNotice(s, translator('de', atlas, analysis, core))).toEqual({
			text: 'Näherung, keine amtlichen Grenzen',
			detail: translator('de', atlas, analysis, core)('map.approximated.detail')
		});
		expect(approximationNotice(s, translator('en', atlas, analysis, core))?.text).toBe('Approximation, not official boundaries');
		expect(isApproximated(s, { id: 'a' })).toBe(true);
		expect(isApproximated(s, { id: 'nord' })).toBe(true);
		expect(isApproximated(s, { id: 'stadt' })).toBe(true);
	});

	it('after an import of official boundaries for all Stadtteile: no notice, nothing approximated', () => {
		const s = geometryStatus(all('official'), up);
		expect(s.approximated).toEqual([]);
		expect(approximationNotice(s, translator('de', atlas, analysis, core))).toBeNull();
		for (const area of [{ id: 'a' }, { id: 'nord' }, { id: 'stadt' }]) expect(isApproximated(s, area)).toBe(false);
	});

	it('partial: counts the approximated Stadtteile, names them in the detail; an Ortschaft is approximated while one of its Stadtteile is', () => {
		const s = geometryStatus(
			[
				st('a', 'Alpha', 'nord', 'official'),
				st('b', 'Beta', 'nord', 'official'),
				st('d', 'Delta', 'sued', 'approximated'),
				st('c', 'Gamma', 'sued', 'official')
			],
			up
		);
		expect(s.approximated).toEqual([{ id: 'd', name: 'Delta', parent: 'sued', within: ['sued', 'stadt'] }]);
		const de = approximationNotice(s, translator('de', atlas, analysis, core))!;
		expect(de.text).toBe('Näherung für 1 von 4 Stadtteilen, keine amtlichen Grenzen');
		expect(de.detail).toBe('Näherung für 1 von 4 Stadtteilen, keine amtlichen Grenzen: Delta');
		expect(approximationNotice(s, translator('en', atlas, analysis, core))!.text).toBe('Approximation for 1 of 4 districts, not official boundaries');
		expect(isApproximated(s, { id: 'a' })).toBe(false);
		expect(isApproximated(s, { id: 'd' })).toBe(true);
		expect(isApproximated(s, { id: 'nord' })).toBe(false);
		expect(isApproximated(s, { id: 'sued' })).toBe(true);
		expect(isApproximated(s, { id: 'stadt' })).toBe(true);
	});
});
