// Both languages have every key of every section (the types say so too; this holds even where a
// cast slips through), no key is defined in two sections, placeholders agree between the
// languages, and the translator, filler and link helpers behave as documented.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { accounts } from './accounts';
import { admin } from './admin';
import { analysis } from './analysis';
import { atlas } from './atlas';
import { fill, setCityTexts, shortOfficeName, translator, type Section, core } from './index';
import { switchLangHref, withLang } from './links';
import { cityTexts } from './city';
import { dativePlural } from '$lib/data/profile';
import { problems } from './problems';
import { serving } from './serving';
import { importer } from './importer';
import { ogc } from './ogc';
import { catalogue } from './catalogue';
import { facilities } from './facilities';
import { facmap } from './facmap';
import { kontore } from './kontore';
import { report } from './report';
import { reportOutput } from './reportOutput';
import { tables } from './tables';
import { oidc } from './oidc';
import { cityinit } from './cityinit';
import { census } from './census';
import { large } from './large';
import { tiles } from './tiles';
import { outage } from './outage';

const SECTIONS: Record<string, Section> = {
	core,
	atlas,
	analysis,
	admin,
	accounts,
	problems,
	serving,
	importer,
	ogc,
	catalogue,
	facilities,
	facmap,
	kontore,
	report,
	reportOutput,
	tables,
	oidc,
	cityinit,
	census,
	large,
	tiles,
	outage
};
/** The city's words ({city}, {office}, …) are filled in everywhere, so a language may use them where the other does not. */
const CITY_WORDS = new Set(['city', 'office', 'offices', 'site', 'area', 'areas', 'areasDat', 'areaGroup', 'areaGroups']);
const placeholders = (text: string) =>
	[...text.matchAll(/\{(\w+)\}/g)]
		.map((m) => m[1])
		.filter((p) => !CITY_WORDS.has(p))
		.sort();

describe('message catalogues', () => {
	it('fills the city’s words from the profile in every text, and lets a caller’s own value win', () => {
		setCityTexts({
			de: { city: 'Hausen', office: 'Quartiersbüro', offices: 'Quartiersbüros', site: 'Atlas Hausen', areas: 'Bezirke' },
			en: { city: 'Hausen', areas: 'boroughs' }
		});
		expect(translator('de', core)('map.label')).toBe('Karte der Bezirke und Quartiersbüros von Hausen');
		expect(translator('en', core)('map.label')).toBe('Map of the boroughs and neighbourhood offices of Hausen');
		expect(translator('de', core)('app.title')).toBe('Atlas Hausen');
		expect(translator('de', core)('map.label', { city: 'Neustadt' })).toBe('Karte der Bezirke und Quartiersbüros von Neustadt');
		expect(shortOfficeName('Quartiersbüro Nord')).toBe('Nord');
		expect(shortOfficeName('Kontor Nord')).toBe('Kontor Nord');
	});

	it('names the levels from the profile, in the dative where a text needs it', () => {
		const bezirke = cityTexts({
			name: 'Hausen',
			office: { de: { singular: 'Büro', plural: 'Büros' }, en: { singular: 'office', plural: 'offices' } },
			site: { de: 'Atlas', en: 'Atlas' },
			attribution: ['x'],
			levels: {
				area: {
					de: { singular: 'Statistischer Bezirk', plural: 'Statistische Bezirke', dative: dativePlural('Statistische Bezirke') },
					en: { singular: 'statistical district', plural: 'statistical districts', dative: 'statistical districts' }
				},
				group: { de: { singular: 'Bezirk', plural: 'Bezirke' }, en: { singular: 'borough', plural: 'boroughs' } }
			}
		});
		expect(bezirke.de).toMatchObject({
			area: 'Statistischer Bezirk',
			areas: 'Statistische Bezirke',
			areasDat: 'Statistischen Bezirken',
			areaGroups: 'Bezirke'
		});
		expect(bezirke.en).toMatchObject({ areasDat: 'statistical districts', areaGroup: 'borough' });
		expect(['Stadtteile', 'Ortschaften', 'Ortsteile', 'Planungsräume', 'Quartiere'].map((p) => dativePlural(p))).toEqual([
			'Stadtteilen',
			'Ortschaften',
			'Ortsteilen',
			'Planungsräumen',
			'Quartieren'
		]);
		setCityTexts(bezirke);
		expect(translator('de', analysis)('map.approximated.partial', { n: 2, total: 12 })).toBe(
			'Näherung für 2 von 12 Statistischen Bezirken, keine amtlichen Grenzen'
		);
	});

	it('pairs every section file of both languages', () => {
		const files = (lang: string) => readdirSync(new URL(`./${lang}/`, import.meta.url)).map((f) => f.replace(/\.ts$/, ''));
		expect(files('de').sort()).toEqual(Object.keys(SECTIONS).sort());
		expect(files('en').sort()).toEqual(Object.keys(SECTIONS).sort());
	});

	for (const [section, { de: deTexts, en: enTexts }] of Object.entries(SECTIONS)) {
		it(`${section}: English has every German key and no other, each text with the same placeholders`, () => {
			const deKeys = Object.keys(deTexts);
			expect(deKeys.length).toBeGreaterThan(10);
			expect(deKeys.filter((k) => !Object.hasOwn(enTexts, k))).toEqual([]);
			expect(Object.keys(enTexts).filter((k) => !Object.hasOwn(deTexts, k))).toEqual([]);
			for (const k of deKeys) {
				expect(enTexts[k].trim(), k).not.toBe('');
				expect(placeholders(enTexts[k]), k).toEqual(placeholders(deTexts[k]));
			}
		});
	}

	it('no key is defined in two sections', () => {
		const all = Object.values(SECTIONS).flatMap((s) => Object.keys(s.de));
		expect(all.length).toBe(new Set(all).size);
	});
});

describe('translator', () => {
	it('looks a key up in the sections it was given, in its language', () => {
		const t = translator('en', atlas, analysis, core);
		expect(t('select.clear')).toBe('Clear selection');
		expect(t('lang.switch')).toBe('Deutsch');
		expect(t('catch.apply')).toBe('Apply');
		expect(translator('de', atlas, core)('atlas.method')).toBe('Methode');
		expect(translator('de', admin, core)('lang.switch')).toBe('English');
	});

	it('fills placeholders', () => {
		expect(translator('de', problems)('problem.yearEmpty.detail', { year: 1850 })).toBe('für 1850 gibt es keine Werte');
		expect(translator('en', problems)('problem.yearEmpty.detail', { year: 1850 })).toBe('there are no values for 1850');
		expect(fill('{n} von {total}', { n: 3 })).toBe('3 von {total}');
		expect(fill('{a}{a}', { a: 0 })).toBe('00');
	});
});

describe('links keep the language', () => {
	it('adds lang=en for English only, before a fragment', () => {
		expect(withLang('/vergleich', 'de')).toBe('/vergleich');
		expect(withLang('/vergleich', 'en')).toBe('/vergleich?lang=en');
		expect(withLang('/vergleich?ids=a,b', 'en')).toBe('/vergleich?ids=a,b&lang=en');
		expect(withLang('/stadtteil/thiede#profil', 'en')).toBe('/stadtteil/thiede?lang=en#profil');
	});

	it('switches the current URL to the other language, without form action markers', () => {
		expect(switchLangHref(new URL('http://x/admin?/rollback&v=2'), 'de')).toBe('/admin?v=2&lang=en');
		expect(switchLangHref(new URL('http://x/admin?v=2&lang=en'), 'en')).toBe('/admin?v=2');
	});
});
