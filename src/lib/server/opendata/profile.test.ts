// The open-data catalogue and its DCAT-AP.de form name the city as its profile does: titles,
// keywords, the offices' name, the publisher and the municipality key (AGS).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CityProfile } from '$lib/data/profile';
import { indexStore, readDerivedDir } from '../store';
import { catalog } from './catalog';
import { dcatCatalog } from './dcat';

const shipped = CityProfile.parse(JSON.parse(readFileSync('geodata/stadt.json', 'utf8')));
const hausen: CityProfile = {
	...shipped,
	name: 'Hausen',
	ags: '09999000',
	office: { de: { singular: 'Quartiersbüro', plural: 'Quartiersbüros' }, en: { singular: 'neighbourhood office', plural: 'neighbourhood offices' } },
	titles: {
		...shipped.titles,
		site: { de: 'Atlas Hausen', en: 'Hausen atlas' },
		dcat: {
			title: { de: 'Offene Daten Hausen', en: 'Open data Hausen' },
			description: { de: 'Alles über Hausen.', en: 'All about Hausen.' },
			keywords: ['Hausen']
		}
	}
};
const store = indexStore({ ...readDerivedDir('derived'), profile: hausen }, 5);

describe('the catalogue follows the profile', () => {
	it('names the city and its offices in titles, descriptions and keywords', () => {
		const byId = new Map(catalog(store).map((d) => [d.id, d]));
		expect(byId.get('stadtteile')?.title).toBe('Stadtteile von Hausen mit Indikatoren');
		expect(byId.get('kontore')?.title).toBe('Quartiersbüros in Hausen');
		expect(byId.get('kontore')?.description).toMatch(/^Die \d+ Quartiersbüros mit zentralem Kontakt/);
		expect(byId.get('kontore')?.keywords).toEqual(['Quartiersbüro', 'Quartiersmanagement', 'Hausen']);
		expect(byId.get('bevoelkerung-flaeche')?.status[0].detail).toBe('aus öffentlichen Quellen (Statistik der Stadt Hausen, zitiert in Wikipedia)');
		for (const d of catalog(store)) expect(`${d.title} ${d.description} ${d.keywords.join(' ')}`, d.id).not.toMatch(/\{(city|office|offices|site)\}/);
	});

	it('places every DCAT dataset by the profile’s AGS, published under the site’s title', () => {
		const dcat = dcatCatalog(store, 'https://atlas.example');
		expect(dcat['dct:title']).toEqual({ '@value': 'Offene Daten Hausen', '@language': 'de' });
		expect(dcat['dct:description']).toEqual({ '@value': 'Alles über Hausen.', '@language': 'de' });
		expect(dcat['dcat:keyword']).toEqual(['Hausen']);
		for (const d of dcat['dcat:dataset']) {
			expect(d['dct:spatial']).toEqual({ '@id': 'http://dcat-ap.de/def/politicalGeocoding/municipalityKey/09999000' });
			expect(d['dct:publisher']['foaf:name']).toBe('Atlas Hausen');
		}
	});
});
