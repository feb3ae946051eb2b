// The pipeline stage of the facility register on the shipped city (derived/) with small registers:
// what it accepts and every kind of problem it stops on.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataError, formatProblem } from '../problems';
import { ProblemLog } from './log';
import { readFacilities, type FacilityInputs } from './facilities';

const derived = (name: string) => JSON.parse(readFileSync(`derived/${name}`, 'utf8'));
const inputs: FacilityInputs = {
	city: derived('areas-stadt.geojson').features[0],
	stadtteile: derived('areas-stadtteil.geojson').features,
	kontore: derived('kontore.geojson').features,
	closedKontorIds: [],
	indicators: derived('indicators.json')
};
const types = readFileSync('geodata/einrichtungstypen.json', 'utf8');
const register = (...props: Record<string, unknown>[]) =>
	JSON.stringify({
		type: 'FeatureCollection',
		features: props.map(({ lon = 10.33, lat = 52.155, ...p }) => ({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [lon, lat] },
			properties: { id: 'kita-a', name: 'Kita A', types: ['kita'], locationPrecision: 'address', source: 'Test', asOf: '2026-12', beispieldaten: false, ...p }
		}))
	});
function problems(files: Record<string, string>): string[] {
	try {
		readFacilities(new Map(Object.entries(files)), inputs, new ProblemLog());
		return [];
	} catch (e) {
		if (e instanceof DataError) return e.problems.map((p) => formatProblem(p));
		throw e;
	}
}

describe('readFacilities', () => {
	it('serves the facilities with their Stadtteil, optional fields as null', () => {
		const { facilities, facilityTypes } = readFacilities(
			new Map([
				['einrichtungstypen.json', types],
				['einrichtungen.geojson', register({})]
			]),
			inputs,
			new ProblemLog()
		);
		expect(facilityTypes).toHaveLength(12);
		expect(facilities.features[0].properties).toMatchObject({ id: 'kita-a', area: 'lebenstedt', capacity: null, partnerOf: [], openingHours: null });
	});

	it('keeps the stored register through later changes: a point now outside the city stays, a closed Kontor loses its partners', () => {
		const log = new ProblemLog();
		const { facilities } = readFacilities(
			new Map([
				['einrichtungstypen.json', types],
				['einrichtungen.geojson', register({ lon: 10.2, lat: 52.3, partnerOf: ['fredenberg', 'kampstrasse'] })]
			]),
			{ ...inputs, kontore: inputs.kontore.filter((k) => k.properties.id !== 'fredenberg'), closedKontorIds: ['fredenberg'] },
			log
		);
		expect(facilities.features.map((f) => f.properties.partnerOf)).toEqual([['kampstrasse']]);
		expect(log.warnings).toEqual([
			'einrichtungen.geojson, Feature 1, Feld „geometry“: der Punkt (10.2, 52.3) liegt außerhalb der Stadt (Wert: [10.2,52.3])',
			'einrichtungen.geojson, Feature 1, Feld „partnerOf“: Netzwerkpartner des geschlossenen Kontors „fredenberg“: die Partnerschaft wird nicht mehr gezeigt (Wert: "fredenberg")'
		]);
	});

	it('is empty without a register, and needs the type catalogue for one', () => {
		expect(readFacilities(new Map(), inputs, new ProblemLog()).facilities.features).toEqual([]);
		expect(problems({ 'einrichtungen.geojson': register({}) })).toEqual([
			'einrichtungen.geojson: das Einrichtungsverzeichnis braucht den Typenkatalog einrichtungstypen.json'
		]);
	});

	it('stops on unknown Kontore and types, duplicates, bad capacities and positions, naming the feature (schema problems first)', () => {
		const found = problems({
			'einrichtungstypen.json': types,
			'einrichtungen.geojson': register(
				{ partnerOf: ['nirgendwo'] },
				{ id: 'kita-b', types: ['zoo'], lat: 52.14 },
				{ id: 'kita-a', name: 'Kita A2', lat: 52.13 },
				{ id: 'kita-c', name: 'Kita A', lat: 52.1551 },
				{ id: 'kita-d', name: 'Kita D', capacity: -1 },
				{ id: 'kita-e', name: 'Kita E', lon: 52.155, lat: 10.33 }
			)
		});
		expect(found).toEqual([
			expect.stringMatching(/^einrichtungen\.geojson, Feature 5, Feld „capacity“: die Kapazität darf nicht negativ sein/),
			expect.stringMatching(/^einrichtungen\.geojson, Feature 1, Feld „partnerOf“: unbekanntes Kontor „nirgendwo“/),
			expect.stringMatching(/^einrichtungen\.geojson, Feature 2, Feld „types“: unbekannter Einrichtungstyp „zoo“/),
			expect.stringMatching(/^einrichtungen\.geojson, Feature 3, Feld „id“: die Kennung „kita-a“ ist schon vergeben/),
			expect.stringMatching(/^einrichtungen\.geojson, Feature 4, Feld „name“: doppelte Einrichtung: „Kita A“ gleichen Typs liegt 11 m entfernt/),
			expect.stringMatching(/^einrichtungen\.geojson, Feature 6, Feld „geometry“: Länge und Breite vertauscht/)
		]);
	});

	it('stops on a type whose target group names an unknown indicator or a measure it does not have', () => {
		const catalogue = JSON.parse(types);
		catalogue[0].targetGroup = { indicator: 'kinder-unter-6', measure: 'value', label: { de: 'Kinder', en: 'Children' } };
		catalogue[1].targetGroup = { indicator: 'einwohner', measure: 'numerator', label: { de: 'Einwohner', en: 'Residents' } };
		expect(problems({ 'einrichtungstypen.json': JSON.stringify(catalogue) })).toEqual([
			expect.stringMatching(/Feature 0, Feld „targetGroup\.indicator“: die Zielgruppe verweist auf den unbekannten Indikator „kinder-unter-6“/),
			expect.stringMatching(/Feature 1, Feld „targetGroup\.measure“: Zähler oder Nenner als Zielgruppe gibt es nur bei Quoten/)
		]);
	});
});
