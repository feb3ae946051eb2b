import { describe, expect, it } from 'vitest';
import { shippedFiles } from '../../../../tests/fixtures/shipped';
import { DataError, problemReason } from '../problems';
import type { ValueRow } from '../sources';
import { ProblemLog } from './log';
import { readSources, type Sources } from './read';
import { checkReferences } from './references';
import { collectValues } from './values';

const setup = () => {
	const s = readSources(shippedFiles(), new ProblemLog());
	return { s, refs: checkReferences(s, new ProblemLog()) };
};
const row = (r: Partial<ValueRow>): ValueRow => ({ area_id: 'thiede', indicator: 'sgb2-quote', year: 2023, value: 2.5, numerator: 5, denominator: 200, ...r });
/** The shipped sources with one value table of the given rows (in the Beispieldaten file, whose dataset sgb2-quote lists). */
const withRows = (s: Sources, rows: ValueRow[]): Sources => ({ ...s, valueTables: [{ file: 'beispieldaten/sozialindikatoren.csv', rows }] });
const messages = (s: Sources, refs: ReturnType<typeof setup>['refs'], maxYear = 2026) => {
	try {
		collectValues(s, refs, new ProblemLog(), maxYear);
	} catch (e) {
		if (e instanceof DataError) return e.problems.map((p) => `${p.field}: ${problemReason(p)}`);
		throw e;
	}
	return [];
};

describe('collectValues', () => {
	it('takes residents and area of each Stadtteil in its reference year, and the city area', () => {
		const { s, refs } = setup();
		const values = collectValues(withRows(s, []), refs, new ProblemLog(), 2026);
		// stadtteile.csv: Bruchmachtersen 770 residents on 1.555 km², as of 2023-12-31.
		expect(values.find((v) => v.area === 'bruchmachtersen' && v.indicator === 'einwohner')).toMatchObject({ year: 2023, stand: '2023-12-31', value: 770 });
		expect(values.find((v) => v.area === 'bruchmachtersen' && v.indicator === 'flaeche')).toMatchObject({ year: 2023, value: 1.555 });
		// gebiete.json: Salzgitter 224.49 km² (2023).
		expect(values.find((v) => v.area === 'salzgitter' && v.indicator === 'flaeche')).toMatchObject({ year: 2023, value: 224.49, stand: null });
	});

	it('accepts a rate that matches its counts: 5 of 200 is 2.5 %', () => {
		const { s, refs } = setup();
		const values = collectValues(withRows(s, [row({})]), refs, new ProblemLog(), 2026);
		expect(values.filter((v) => v.indicator === 'sgb2-quote')).toEqual([
			{ area: 'thiede', indicator: 'sgb2-quote', year: 2023, stand: null, value: 2.5, numerator: 5, denominator: 200, origin: 'source' }
		]);
	});

	it('refuses values that contradict their counts, lie in the future, lack counts or repeat', () => {
		const { s, refs } = setup();
		expect(messages(withRows(s, [row({ value: 3 })]), refs)).toEqual(['value: passt nicht zu Zähler/Nenner (2.50)']);
		expect(messages(withRows(s, [row({ year: 2027 })]), refs)).toEqual(['year: das Jahr liegt in der Zukunft (nach 2026)']);
		expect(messages(withRows(s, [row({ denominator: null })]), refs)).toEqual([
			'denominator: sgb2-quote ist eine Quote: Zähler und Nenner sind nötig, damit sie aggregiert werden kann'
		]);
		expect(messages(withRows(s, [row({}), row({})]), refs)).toEqual(['area/indicator/year: doppelt angegeben']);
		expect(messages(withRows(s, [row({ area_id: 'atlantis' })]), refs)).toEqual(['area_id: unbekannte Kennung eines Gebiets der Ebene „Stadtteil“']);
	});

	it('checks the ids of imported boundaries against the Stadtteile', () => {
		const { s, refs } = setup();
		const square = { type: 'Polygon' as const, coordinates: [] };
		const grenzen = { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: { id: 'atlantis' }, geometry: square }] };
		const found = messages({ ...withRows(s, []), grenzen }, refs);
		expect(found[0]).toBe('properties.id: unbekannte Kennung eines Gebiets der Ebene „Stadtteil“');
		// And each of the 31 Stadtteile lacks its boundary.
		expect(found.filter((m) => m === 'properties.id: das Gebiet hat keine amtliche Grenze')).toHaveLength(31);
	});

	it('names a boundary given twice at its second feature, and only the Stadtteile without one as lacking it', () => {
		const { s, refs } = setup();
		const square = { type: 'Polygon' as const, coordinates: [] };
		const ids = [...refs.finestById.keys()];
		const features = [...ids, ids[3]].map((id) => ({ type: 'Feature' as const, properties: { id }, geometry: square }));
		const log = new ProblemLog();
		let problems: DataError['problems'] = [];
		try {
			collectValues({ ...withRows(s, []), grenzen: { type: 'FeatureCollection', features: features.slice(1) } }, refs, log, 2026);
		} catch (e) {
			if (!(e instanceof DataError)) throw e;
			problems = e.problems;
		}
		expect(problems.map((p) => [p.feature, p.key, p.value])).toEqual([
			[ids.length - 1, 'data.duplicateId', ids[3]],
			[undefined, 'data.noOfficialBoundary', ids[0]]
		]);
	});

	it('finds the area of a time series row by its name on its level', () => {
		const { s, refs } = setup();
		const stadtteil = refs.levels[0];
		const { name, id } = stadtteil.areas[5].row;
		const zeitreihe = [
			{ ...s.zeitreihe[0], gebiet_typ: stadtteil.level.id, gebiet: name, jahr: 2001, stand: '2001-12-31', einwohner: 1234, flaeche_km2: null }
		];
		const values = collectValues({ ...withRows(s, []), zeitreihe }, refs, new ProblemLog(), 2026);
		expect(values.find((v) => v.year === 2001)).toMatchObject({ area: id, indicator: 'einwohner', value: 1234 });
		expect(messages({ ...withRows(s, []), zeitreihe: [{ ...zeitreihe[0], gebiet: 'Atlantis' }] }, refs)).toEqual([
			`gebiet: unbekanntes Gebiet vom Typ ${stadtteil.level.id}`
		]);
	});
});
