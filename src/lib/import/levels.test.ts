// Rows matched per level of the profile: each row's area found on the one level it belongs to (by an
// explicit level column, else by its name, id or official number being unique to one level), the
// ambiguous ones refused with the candidate levels named in the reader's language.
import { describe, expect, it } from 'vitest';
import { formatProblem } from '$lib/data/problems';
import { readCsvGrid } from './grid';
import { interpret, type InterpretContext } from './interpret';
import { recognise, type LevelRef } from './recognise';

const level = (id: string, de: [string, string], en: [string, string], areas: LevelRef['areas'], officialNumbers = false): LevelRef => ({
	id,
	label: { de: de[0], en: en[0] },
	names: [...de, ...en],
	officialNumbers,
	areas
});
const area = (id: string, name: string, number?: string) => ({ id, name, ...(number && { number }) });

/** The fixture city's shape: two levels, and "Mitte" on both. */
const twoLevels: InterpretContext = {
	levels: [
		level(
			'statbezirk',
			['Statistischer Bezirk', 'Statistische Bezirke'],
			['statistical district', 'statistical districts'],
			[area('lindenhof', 'Lindenhof', '011'), area('birkenweg', 'Birkenweg'), area('mitte-sb', 'Mitte')]
		),
		level('bezirk', ['Bezirk', 'Bezirke'], ['borough', 'boroughs'], [area('nordstadt', 'Nordstadt'), area('mitte', 'Mitte')])
	],
	city: { name: 'Musterstadt' },
	indicators: [{ id: 'leistungen', names: ['Leistungsbezieher'], kind: 'count', decimals: 0, percent: false }],
	population: new Map()
};

/** Salzgitter's shape: three levels, the city one area with its official number. */
const threeLevels: InterpretContext = {
	...twoLevels,
	levels: [
		level('stadtteil', ['Stadtteil', 'Stadtteile'], ['district', 'districts'], [area('lebenstedt', 'Lebenstedt', '101'), area('thiede', 'Thiede')]),
		level('ortschaft', ['Ortschaft', 'Ortschaften'], ['Ortschaft', 'Ortschaften'], [area('nord', 'Nord')]),
		level('stadt', ['Stadt', 'Stadt'], ['city', 'city'], [area('salzgitter', 'Salzgitter', '03102000')], true)
	],
	city: { name: 'Salzgitter', abbreviation: 'SZ' }
};

function run(text: string, ctx: InterpretContext) {
	const read = readCsvGrid(new TextEncoder().encode(text), 'werte.csv');
	if (!read.ok) throw new Error('unreadable');
	const rec = recognise(read.grid, ctx);
	const mapping = rec.columns.map((c) => ({ role: c.role, indicator: c.indicator, year: c.year }));
	return { rec, out: interpret(read.grid, rec, mapping, ctx, { rateBase: 'columns' }) };
}
const values = (out: ReturnType<typeof run>['out']) => out.rows.map((r) => [r.area, r.value]);

describe('rows matched per level', () => {
	it('finds each row on its level and keeps the coarser figures for their areas', () => {
		const { out } = run('Gebiet;Jahr;Leistungsbezieher\nLindenhof;2024;10\nBirkenweg;2024;20\nNordstadt;2024;30\n', twoLevels);
		expect(out.problems).toEqual([]);
		expect(values(out)).toEqual([
			['lindenhof', 10],
			['birkenweg', 20],
			['nordstadt', 30]
		]);
		// Only the finest level's completeness is checked: "Mitte" is missing there, the borough row is no gap.
		expect(out.warnings.map((w) => w.key)).toEqual(['data.stadtteileMissing']);
	});

	it('an explicit level column decides between two levels with one name, by name or id in either language', () => {
		const text = 'Ebene;Gebiet;Jahr;Leistungsbezieher\nStatistischer Bezirk;Mitte;2024;5\nbezirk;Mitte;2024;50\nboroughs;Nordstadt;2024;70\n';
		const { rec, out } = run(text, twoLevels);
		expect(rec.columns.map((c) => c.role)).toEqual(['level', 'area', 'year', 'value']);
		expect(out.problems).toEqual([]);
		expect(values(out)).toEqual([
			['mitte-sb', 5],
			['mitte', 50],
			['nordstadt', 70]
		]);
	});

	it('a column headed by a level name is the level column only where its cells name levels', () => {
		const asLevel = run('Bezirk;Gebiet;Jahr;Leistungsbezieher\nBezirk;Mitte;2024;50\n', twoLevels);
		expect(asLevel.rec.columns.map((c) => c.role)).toEqual(['level', 'area', 'year', 'value']);
		expect(values(asLevel.out)).toEqual([['mitte', 50]]);
		const asArea = run('Statistischer Bezirk;Jahr;Leistungsbezieher\nLindenhof;2024;10\n', twoLevels);
		expect(asArea.rec.columns.map((c) => c.role)).toEqual(['area', 'year', 'value']);
		expect(values(asArea.out)).toEqual([['lindenhof', 10]]);
	});

	it('refuses a name on two levels, naming file, Excel row, column, value and the candidate levels in German and English', () => {
		const { out } = run('Titel der Tabelle\nGebiet;Jahr;Leistungsbezieher\nLindenhof;2024;10\nMitte;2024;5\n', twoLevels);
		expect(out.rows).toEqual([]);
		expect(out.problems).toHaveLength(1);
		expect(out.problems[0]).toMatchObject({ file: 'werte.csv', row: 4, column: 'A', field: 'Gebiet', value: 'Mitte', key: 'data.areaAmbiguousLevel' });
		const de = formatProblem(out.problems[0]);
		expect(de).toContain('werte.csv');
		expect(de).toContain('Zeile 4');
		expect(de).toContain('mehrdeutig');
		expect(de).toContain('Statistischer Bezirk (statbezirk), Bezirk (bezirk)');
		const en = formatProblem(out.problems[0], 'en');
		expect(en).toContain('row 4');
		expect(en).toContain('ambiguous');
		expect(en).toContain('statistical district (statbezirk), borough (bezirk)');
	});

	it('an unknown level, and an area not on the level its row names', () => {
		const { out } = run('Ebene;Gebiet;Jahr;Leistungsbezieher\nBezirk;Nordstadt;2024;1\nBezirk;Lindenhof;2024;2\nLand;Lindenhof;2024;3\n', twoLevels);
		expect(out.problems.map((p) => [p.key, p.row, p.column, p.value])).toEqual([
			['data.unknownAreaOfLevel', 3, 'B', 'Lindenhof'],
			['data.unknownLevelCell', 4, 'A', 'Land']
		]);
		expect(formatProblem(out.problems[1], 'en')).toContain('statistical district (statbezirk), borough (bezirk)');
	});

	it('official numbers only where the level has them; the city by name, number and "insgesamt" where it is one area', () => {
		const { out } = run('Gebiet;Jahr;Leistungsbezieher\nLebenstedt;2024;1\nOrtschaft Nord;2024;2\n03102000;2024;3\n', threeLevels);
		expect(values(out)).toEqual([
			['lebenstedt', 1],
			['nord', 2],
			['salzgitter', 3]
		]);
		const total = run('Gebiet;Jahr;Leistungsbezieher\nThiede;2024;1\nStadt Salzgitter insgesamt;2025;4\n', threeLevels);
		expect(values(total.out)).toEqual([
			['thiede', 1],
			['salzgitter', 4]
		]);
		// The Stadtteil's number is not official (its level has none), so it names nothing.
		expect(run('Gebiet;Jahr;Leistungsbezieher\n101;2024;1\n', threeLevels).out.problems[0]).toMatchObject({ key: 'data.areaIsNumber', value: '101' });
	});

	it('a total row where the top level is not one area is skipped, never taken for an area', () => {
		const { out } = run('Gebiet;Jahr;Leistungsbezieher\nLindenhof;2024;10\nSumme;2024;99\n', twoLevels);
		expect(values(out)).toEqual([['lindenhof', 10]]);
		expect(out.warnings.map((w) => w.key)).toContain('data.totalRowsSkipped');
	});
});
