// The served profile: a version's own, or for a version stored before profiles existed the data
// folder's stadt.json; indexing a version also sets the words the texts' {city}/{office}/{site} use.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CityProfile, polygonLevels } from '$lib/data/profile';
import { translator, core } from '$lib/i18n';
import { indexStore, readDerivedDir } from './store';
import { parseStoredDerived } from './storedDerived';

const derived = readDerivedDir('derived');
const shipped = CityProfile.parse(JSON.parse(readFileSync('geodata/stadt.json', 'utf8')));

describe('store.profile', () => {
	it('is the version’s own profile, and its words fill the texts', () => {
		const own = { ...shipped, name: 'Hausen', titles: { ...shipped.titles, site: { de: 'Atlas Hausen', en: 'Hausen atlas' } } };
		const store = indexStore({ ...derived, profile: own }, 5);
		expect(store.profile.name).toBe('Hausen');
		expect(translator('en', core)('app.title')).toBe('Hausen atlas');
		// The map is of the finest polygon level (a census grid is drawn from tiles over it).
		expect(translator('de', core)('map.label')).toBe(`Karte der ${polygonLevels(shipped.levels)[0].name.de.plural} und ${shipped.office.de.plural} von Hausen`);
	});

	it('falls back to the data folder’s stadt.json for a version stored without one', () => {
		// A version stored before profiles: its three levels under their old names, no profile.
		const { areas, profile: _, ...rest } = derived;
		const [finest, middle, top] = polygonLevels(shipped.levels).map((l) => areas[l.id]);
		const store = indexStore(parseStoredDerived({ ...rest, stadtteile: finest, ortschaften: middle, stadt: top }), 5);
		expect(store.profile).toEqual(shipped);
		expect(translator('de', core)('app.title')).toBe(shipped.titles.site.de);
	});
});
