import { describe, expect, it } from 'vitest';
import { shippedFiles } from '../../../../tests/fixtures/shipped';
import type { IndicatorValue } from '../contracts';
import type { Gebiete, StadtteilRow } from '../sources';
import { aggregate, leavesOf } from './aggregate';
import { ProblemLog } from './log';
import { readSources } from './read';

const gebiete: Gebiete = {
	stadt: { id: 'stadt', name: 'Stadt', ags: '03102000', flaecheKm2: 3, flaecheYear: 2023 },
	ortschaften: [
		{ id: 'o1', name: 'Eins' },
		{ id: 'o2', name: 'Zwei' }
	]
};
const stadtteil = (id: string, ortschaft: string) => ({ stadtteil_id: id, ortschaft }) as StadtteilRow;
const stadtteile = [stadtteil('a', 'Eins'), stadtteil('b', 'Eins'), stadtteil('c', 'Zwei')];
const v = (area: string, indicator: string, year: number, value: number): IndicatorValue => ({
	area,
	indicator,
	year,
	stand: null,
	value,
	numerator: null,
	denominator: null,
	origin: 'source'
});

describe('leavesOf', () => {
	it('lists the Stadtteile of each Ortschaft and all of them for the city', () => {
		expect(leavesOf(gebiete, stadtteile)).toEqual(
			new Map([
				['o1', ['a', 'b']],
				['o2', ['c']],
				['stadt', ['a', 'b', 'c']]
			])
		);
	});
});

describe('aggregate', () => {
	it('sums residents to Ortschaften and city and lists the years each indicator has', () => {
		const catalogue = readSources(shippedFiles(), new ProblemLog()).catalogue.filter((m) => m.id === 'einwohner' || m.id === 'flaeche');
		const values = [v('a', 'einwohner', 2022, 100), v('b', 'einwohner', 2022, 50), v('c', 'einwohner', 2022, 20), v('a', 'einwohner', 2023, 110)];
		const result = aggregate(values, catalogue, leavesOf(gebiete, stadtteile));
		const value = (area: string, year: number) => result.values.find((x) => x.area === area && x.indicator === 'einwohner' && x.year === year)?.value;
		expect(value('o1', 2022)).toBe(150);
		expect(value('o2', 2022)).toBe(20);
		expect(value('stadt', 2022)).toBe(170);
		// 2023: b and c have no value, so neither Eins nor the city has a total.
		expect(value('o1', 2023)).toBeUndefined();
		expect(value('stadt', 2023)).toBeUndefined();
		expect(result.indicators.map((m) => [m.id, m.years])).toEqual([
			['einwohner', [2022, 2023]],
			['flaeche', []]
		]);
	});
});
