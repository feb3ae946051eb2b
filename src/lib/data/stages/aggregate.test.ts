import { describe, expect, it } from 'vitest';
import { shippedFiles } from '../../../../tests/fixtures/shipped';
import type { IndicatorValue } from '../contracts';
import type { LevelDef } from '../profile';
import type { AreaRow } from '../sources';
import { aggregate, leavesOf } from './aggregate';
import { ProblemLog } from './log';
import { readSources } from './read';
import type { AreaRef, References } from './references';

/** Three levels: a, b in o1 and c in o2, both in the city. */
const ref = (level: string, id: string, parent: string | null): AreaRef => ({ level: { id: level } as LevelDef, row: { id } as AreaRow, parent });
const levels = [
	{ level: { id: 'fein' } as LevelDef, areas: [ref('fein', 'a', 'o1'), ref('fein', 'b', 'o1'), ref('fein', 'c', 'o2')] },
	{ level: { id: 'mittel' } as LevelDef, areas: [ref('mittel', 'o1', 'stadt'), ref('mittel', 'o2', 'stadt')] },
	{ level: { id: 'grob' } as LevelDef, areas: [ref('grob', 'stadt', null)] }
];
const refs: Pick<References, 'levels' | 'areaById'> = { levels, areaById: new Map(levels.flatMap((l) => l.areas).map((a) => [a.row.id, a])) };
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
	it('lists the finest areas of each coarser area through the parent chain', () => {
		expect(leavesOf(refs)).toEqual(
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
		const result = aggregate(values, catalogue, leavesOf(refs));
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
