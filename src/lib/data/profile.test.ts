// The city profile's validation: every broken hierarchy, name or id is refused with a message
// naming the profile field, in German and English; ids that name a page of the app are refused.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CityProfile, PROFILE_FILE, RESERVED_IDS } from './profile';
import { formatProblem, zodReason } from './problems';

const shipped = JSON.parse(readFileSync(`geodata/${PROFILE_FILE}`, 'utf8'));
const level = (id: string, parent: string | null) => ({
	id,
	name: { de: { singular: `${id} (Ebene)`, plural: `${id} (Ebenen)` }, en: { singular: `${id} level`, plural: `${id} levels` } },
	parent
});
const withLevels = (levels: unknown[], extra: object = {}) => ({ ...shipped, levels, defaults: { ...shipped.defaults, level: 'bezirk' }, ...extra });

/** The problems of a profile as `npm run data` prints them (German, or English). */
function problems(profile: unknown, locale: 'de' | 'en' = 'de'): string[] {
	const parsed = CityProfile.safeParse(profile);
	return (parsed.error?.issues ?? []).map((issue) => {
		const value = issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown>)?.[k], profile);
		return formatProblem({ file: PROFILE_FILE, field: issue.path.join('.'), value, ...zodReason(issue, value) }, locale);
	});
}

describe('city profile', () => {
	it('accepts the shipped profile', () => {
		expect(problems(shipped)).toEqual([]);
	});

	it('accepts one level, and five with any ids', () => {
		expect(problems(withLevels([level('bezirk', null)]))).toEqual([]);
		const five = ['bezirk', 'quartier', 'block', 'zone', 'region'];
		expect(problems(withLevels(five.map((id, i) => level(id, five[i + 1] ?? null))))).toEqual([]);
	});

	it('refuses a cycle in the level hierarchy, naming the levels on it', () => {
		const found = problems(withLevels([level('bezirk', 'quartier'), level('quartier', 'block'), level('block', 'bezirk'), level('stadt', null)]));
		expect(found).toContain('stadt.json, Feld „levels.0.parent“: die Ebenen bilden einen Kreis: bezirk → quartier → block → bezirk (Wert: "quartier")');
		expect(found).toHaveLength(1);
		expect(problems(withLevels([level('bezirk', 'bezirk'), level('stadt', null)]))).toEqual([
			'stadt.json, Feld „levels.0.parent“: die Ebene „bezirk“ kann nicht ihre eigene übergeordnete Ebene sein (Wert: "bezirk")'
		]);
	});

	it('refuses a level without names, and says so in English too', () => {
		const nameless = { id: 'bezirk', parent: null };
		expect(problems(withLevels([nameless]))).toEqual([
			'stadt.json, Feld „levels.0.name“: die Namen fehlen: jede Ebene (name) und die Büros (office) brauchen de und en, jeweils mit singular und plural'
		]);
		expect(problems(withLevels([{ ...level('bezirk', null), name: { de: { singular: 'Bezirk', plural: 'Bezirke' } } }]), 'en')).toEqual([
			'stadt.json, field "levels.0.name.en": names are missing: every level (name) and the offices (office) need de and en, each with singular and plural'
		]);
		const blank = level('bezirk', null);
		blank.name.de.plural = ' ';
		expect(problems(withLevels([blank]))).toEqual(['stadt.json, Feld „levels.0.name.de.plural“: zu kurz: mindestens 1 Zeichen (Wert: " ")']);
	});

	it('refuses two levels with one id', () => {
		expect(problems(withLevels([level('bezirk', 'stadt'), level('bezirk', 'stadt'), level('stadt', null)]))).toEqual([
			'stadt.json, Feld „levels.1.id“: die Ebene „bezirk“ ist zweimal eingetragen (schon als levels.0) (Wert: "bezirk")'
		]);
	});

	it('refuses an unknown parent, listing the levels there are', () => {
		expect(problems(withLevels([level('bezirk', 'stadt'), level('gesamtstadt', null)]))).toEqual([
			'stadt.json, Feld „levels.0.parent“: die übergeordnete Ebene „stadt“ gibt es nicht; eingetragen sind: bezirk, gesamtstadt (Wert: "stadt")'
		]);
	});

	it('refuses more than one top, and none', () => {
		expect(problems(withLevels([level('bezirk', null), level('stadt', null)]))).toEqual([
			'stadt.json, Feld „levels.1.parent“: mehr als eine Ebene ist die oberste (parent: null): bezirk, stadt; genau eine darf es sein (Wert: null)'
		]);
		expect(problems(withLevels([level('bezirk', 'stadt'), level('stadt', 'bezirk')]))).toContain(
			'stadt.json, Feld „levels.1.parent“: keine Ebene ist die oberste: genau eine Ebene braucht parent: null (Wert: "bezirk")'
		);
	});

	it('refuses levels listed coarse before fine', () => {
		expect(problems(withLevels([level('stadt', null), level('bezirk', 'stadt')]))).toEqual([
			'stadt.json, Feld „levels.1.parent“: die Ebenen stehen von fein nach grob: „stadt“ muss nach „bezirk“ kommen (Wert: "stadt")'
		]);
	});

	it('refuses a level id that is a page of the app', () => {
		expect(problems(withLevels([level('bezirk', 'daten'), level('daten', null)]), 'en')).toEqual([
			`stadt.json, field "levels.1.id": the id "daten" is already a page of the atlas (/daten); not allowed are: ${RESERVED_IDS.join(', ')} (value: "daten")`
		]);
	});

	it('refuses a default level the profile does not have', () => {
		expect(problems({ ...shipped, defaults: { ...shipped.defaults, level: 'bezirk' } })).toEqual([
			`stadt.json, Feld „defaults.level“: diese Ebene gibt es nicht; eingetragen sind: ${shipped.levels.map((l: { id: string }) => l.id).join(', ')} (Wert: "bezirk")`
		]);
	});

	it('refuses a city name with markup, and an AGS that is no AGS', () => {
		expect(problems({ ...shipped, name: 'Neu<script>stadt' })).toEqual(['stadt.json, Feld „name“: darf kein < oder > enthalten (Wert: "Neu<script>stadt")']);
		expect(problems({ ...shipped, titles: { ...shipped.titles, site: { de: '<b>Atlas</b>', en: 'Atlas' } } })).toEqual([
			'stadt.json, Feld „titles.site.de“: darf kein < oder > enthalten (Wert: "<b>Atlas</b>")'
		]);
		expect(problems({ ...shipped, ags: '3102' })).toEqual([
			'stadt.json, Feld „ags“: muss ein Amtlicher Gemeindeschlüssel aus acht Ziffern sein (Land, Regierungsbezirk, Kreis, Gemeinde) (Wert: "3102")'
		]);
	});
});
