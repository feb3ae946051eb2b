// A city's register read as German Excel CSV and checked against the shipped city (derived/): the
// fixtures in tests/fixtures/facilities are shaped like real registers, one with every bad input.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '$lib/data/problems';
import { decodeText } from '$lib/import/decode';
import { checkFacilities, type CheckContext } from './checks';
import { FacilityTypeCatalogue } from './contracts';
import { columnLetter, registerCandidates, registerNumber, typesOf } from './csv';

const types = FacilityTypeCatalogue.parse(JSON.parse(readFileSync('geodata/einrichtungstypen.json', 'utf8')));
const derived = (name: string) => JSON.parse(readFileSync(`derived/${name}`, 'utf8'));
const ctx: CheckContext = {
	types,
	kontorIds: derived('kontore.geojson').features.map((k: { properties: { id: string } }) => k.properties.id),
	city: derived('areas-stadt.geojson').features[0].geometry,
	stadtteile: derived('areas-stadtteil.geojson').features.map((f: { properties: { id: string; labelPoint: [number, number] }; geometry: never }) => ({
		id: f.properties.id,
		geometry: f.geometry,
		labelPoint: f.properties.labelPoint
	}))
};
const defaults = { source: 'Stadt Salzgitter', asOf: '2026-12-05', kontorIds: ctx.kontorIds, office: 'Stadtteilkontor' };
const fixture = (name: string) => {
	const decoded = decodeText(readFileSync(`tests/fixtures/facilities/${name}`), name);
	if (!decoded.ok) throw new Error('fixture does not decode');
	return decoded.text;
};

describe('registerCandidates', () => {
	it('reads a register with Rechtswert/Hochwert (EPSG:25832, with and without zone prefix) into WGS84 facilities', () => {
		const { candidates, problems } = registerCandidates(fixture('einrichtungsverzeichnis_utm.csv'), 'verzeichnis.csv', types, defaults);
		expect(problems).toEqual([]);
		expect(candidates).toHaveLength(7);
		const kita = candidates[0];
		expect(kita.props).toMatchObject({
			id: 'kt-001',
			name: 'Kita Sonnenschein',
			types: ['kita'],
			address: 'Chemnitzer Straße 12, 38226 Salzgitter',
			capacity: 85,
			asOf: '2026-10-01',
			locationPrecision: 'address',
			beispieldaten: false
		});
		// The fixture was written from 52.1552 N, 10.3305 E: the round trip lands within a centimetre.
		expect(kita.position[0]).toBeCloseTo(10.3305, 6);
		expect(kita.position[1]).toBeCloseTo(52.1552, 6);
		expect(candidates[1].position[1]).toBeCloseTo(52.1489, 6);
		expect(candidates[3].props).toMatchObject({ types: ['jugendtreff', 'netzwerkpartner'], partnerOf: ['fredenberg'] });
		const checked = checkFacilities(candidates, ctx);
		expect(checked.problems).toEqual([]);
		expect(checked.features.find((f) => f.properties.id === 'sz-001')!.properties.area).toBe('salzgitter-bad');
	});

	it('reads WGS84 degrees with decimal comma from a Windows-1252 file', () => {
		const { candidates, problems } = registerCandidates(fixture('einrichtungen_wgs84_cp1252.csv'), 'x.csv', types, defaults);
		expect(problems).toEqual([]);
		expect(candidates.map((c) => c.props.name)).toEqual(['Sporthalle Thiede', 'Hausarztpraxis Dr. Müller']);
		expect(candidates[0].position).toEqual([10.4812, 52.1871]);
		expect(candidates[1].props.openingHours).toBe('Mo-Fr 8-12 Uhr, Sa nach Vereinbarung, Öffnung ab 7:45');
	});

	it('names every bad input of the issue with the row as Excel shows it, the column and the value', () => {
		const read = registerCandidates(fixture('fehlerhaft.csv'), 'fehlerhaft.csv', types, defaults);
		const checked = checkFacilities(read.candidates, ctx);
		const lines = [...read.problems, ...checked.problems].map((p) => formatProblem(p)).sort();
		const at = (row: number) => lines.filter((l) => l.startsWith(`fehlerhaft.csv, Zeile ${row},`));
		expect(at(2)).toEqual([]);
		expect(at(3).join()).toMatch(/außerhalb der Stadt/);
		expect(at(4).join()).toMatch(/doppelte Einrichtung: „Kita Regenbogen“ gleichen Typs liegt 13 m entfernt schon vor \(ok-1\)/);
		expect(at(5).join()).toMatch(/Feld „Typ \(C\)“: unbekannter Einrichtungstyp „Zoo“/);
		expect(at(6).join()).toMatch(/Feld „Kapazität \(F\)“: die Kapazität darf nicht negativ sein/);
		expect(at(7).join()).toMatch(/Kapazität 1500 ist für den Typ „kita“ unplausibel \(höchstens 300 je Einrichtung\)/);
		expect(at(8).join()).toMatch(/Länge und Breite vertauscht/);
		expect(at(9).join()).toMatch(/Koordinaten in Metern als Grad angegeben/);
		expect(lines).toHaveLength(7);
	});

	it('refuses a table without name, type or coordinate columns, in the header row', () => {
		const { problems } = registerCandidates('Foo;Bar\r\n1;2\r\n', 'x.csv', types, defaults);
		expect(problems.map((p) => [p.row, p.key])).toEqual([
			[1, 'fac.noColumn'],
			[1, 'fac.noColumn'],
			[1, 'fac.noCoordinates']
		]);
	});
});

describe('register cells', () => {
	it('reads German and English numbers and types by id or label', () => {
		expect(registerNumber('1.234,5')).toBe(1234.5);
		expect(registerNumber('52,1552')).toBe(52.1552);
		expect(registerNumber('52.1552')).toBe(52.1552);
		expect(registerNumber('5.779.134')).toBe(5779134);
		expect(registerNumber('')).toBeNull();
		expect(registerNumber('viele')).toBe('invalid');
		expect(typesOf('Kita, Familienzentrum | Day-care centre', types)).toEqual({ ids: ['kita', 'familienzentrum'], unknown: [] });
		expect(typesOf('Weiterführende Schule/Zoo', types)).toEqual({ ids: ['weiterfuehrende-schule'], unknown: ['Zoo'] });
		expect([0, 5, 25, 26, 27].map(columnLetter)).toEqual(['A', 'F', 'Z', 'AA', 'AB']);
	});
});
