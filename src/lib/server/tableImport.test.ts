// The table importer ($lib/import: grid, xlsx, recognise, interpret, tableImport) end to end with
// the pipeline, hence here among the server's tests (lib may not import the pipeline). On files
// shaped like the city's: the yearbook CSV, the two-sheet workbook, a
// rates-only table and a new indicator (tests/fixtures/import/, written by make-tables.ts), the
// old layouts, and the bad inputs: each refused with its reason's key, the Excel row and column.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDerived } from '$lib/data/pipeline';
import { formatProblem, type DataProblem } from '$lib/data/problems';
import { readSourceDir } from './db/sourceDir';
import { parseBoundaries } from '$lib/import/boundaries';
import { columnLetter, readCsvGrid, type GridResult } from '$lib/import/grid';
import { classifyCell, yearOf } from '$lib/import/interpret';
import { areaKey, headerName, matchIndicatorHeader } from '$lib/import/recognise';
import { importTable, type NewIndicatorInput, type TableOptions } from '$lib/import/tableImport';
import { readXlsxGrid } from '$lib/import/xlsx';

const files = readSourceDir('geodata');
const derived = buildDerived(files);
const FIX = 'tests/fixtures/import/';
const fixture = (name: string) => new Uint8Array(readFileSync(FIX + name));
const provenance = { user: 'test', date: '2026-12-05', upload: 'x', source: 'Testquelle', licence: 'CC BY 4.0' };

function gridOf(r: GridResult) {
	if (!r.ok) throw new Error(r.problems.map((p) => formatProblem(p)).join('\n'));
	return r.grid;
}
const csv = (text: string, name = 't.csv') => readCsvGrid(new TextEncoder().encode(text), name);
function run(text: string | GridResult, options: Partial<TableOptions> = {}) {
	const grid = gridOf(typeof text === 'string' ? csv(text) : text);
	return importTable(grid, files, derived, { source: 'Testquelle', licence: 'CC BY 4.0', mode: 'merge', ...options }, { ...provenance, upload: grid.file });
}
function problems(text: string | GridResult, options: Partial<TableOptions> = {}): DataProblem[] {
	const out = run(text, options);
	if (out.ok) throw new Error('expected problems, got ' + out.summary);
	return out.problems;
}
const keys = (p: DataProblem[]) => p.map((x) => x.key);
async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	build(wb);
	return new Uint8Array(await wb.xlsx.writeBuffer());
}
const valueRows = (out: ReturnType<typeof run>, id: string) => {
	if (!out.ok) throw new Error(out.problems.map((p) => formatProblem(p)).join('\n'));
	const [head, ...rows] = out.plan.files
		.get(`werte/${id}.csv`)!
		.trim()
		.split('\n')
		.map((l) => l.split(','));
	return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
};

describe('helpers', () => {
	it('names columns as Excel does', () => expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']));
	it('matches area spellings', () => {
		const city = { name: 'Hausen', abbreviation: 'HS' };
		expect(areaKey('HS-Süd', city)).toBe(areaKey('Hausen-Süd', city));
		expect(areaKey('Hausen', city)).toBe('hausen');
		expect(areaKey('HS-Süd')).not.toBe(areaKey('Hausen-Süd'));
		expect(areaKey('Gross Mahner')).toBe(areaKey('Groß Mahner'));
		expect(areaKey('Uefingen')).toBe(areaKey('Üfingen'));
		expect(areaKey('Stadtteil Lebenstedt')).toBe(areaKey('Lebenstedt'));
	});
	it('reads indicator headers with units, parts and years', () => {
		const ind = [{ id: 'sgb2-quote', names: ['SGB-II-Quote', 'SGB II rate'] }];
		expect(headerName('SGB-II-Quote (%)')).toBe('SGB-II-Quote');
		expect(matchIndicatorHeader('SGB-II-Quote in %', ind)).toEqual({ id: 'sgb2-quote', part: 'value' });
		expect(matchIndicatorHeader('Nenner SGB-II-Quote', ind)).toMatchObject({ id: 'sgb2-quote', part: 'base' });
		expect(matchIndicatorHeader('SGB-II-Quote 2023 (%)', ind)).toMatchObject({ id: 'sgb2-quote', part: 'value', year: 2023 });
		expect(matchIndicatorHeader('sgb2-quote', ind)).toMatchObject({ id: 'sgb2-quote' });
		expect(matchIndicatorHeader('Kita-Plätze', ind)).toBeNull();
	});
	it('reads the signs of official statistics', () => {
		expect(classifyCell('–')).toEqual({ kind: 'none' });
		expect(classifyCell('.')).toEqual({ kind: 'none' });
		expect(classifyCell('')).toEqual({ kind: 'none' });
		expect(classifyCell('x')).toEqual({ kind: 'secret' });
		expect(classifyCell('•')).toEqual({ kind: 'secret' });
		expect(classifyCell('1.234,5')).toEqual({ kind: 'number', value: 1234.5 });
		expect(classifyCell('12,5¹')).toEqual({ kind: 'number', value: 12.5 });
		expect(classifyCell(7)).toEqual({ kind: 'number', value: 7 });
		expect(classifyCell('#DIV/0!')).toMatchObject({ kind: 'bad', key: 'data.excelError' });
	});
	it('reads years from numbers, text, dates and Excel serials', () => {
		expect([2023, '2023', '2023-12-31', '31.12.2023', 45291].map(yearOf)).toEqual([2023, 2023, 2023, 2023, 2023]);
		expect(yearOf('zweitausend')).toBeNull();
	});
});

describe('files shaped like the real thing', () => {
	it('the statistical yearbook CSV: title rows, footnotes, totals, secret and missing figures, yearbook spellings', () => {
		const out = run(readCsvGrid(fixture('jahrbuch-sozialleistungen-2024.csv'), 'jahrbuch.csv'));
		if (!out.ok) throw new Error(out.problems.map((p) => formatProblem(p)).join('\n'));
		expect(out.table.headerRow).toBe(4);
		expect(out.table.titleRows).toEqual([1, 2]);
		expect(out.table.footerRows).toEqual([44, 45, 46]);
		expect(out.table.layout).toBe('wide-indicator');
		expect(out.table.columns.map((c) => [c.letter, c.role, c.indicator])).toEqual([
			['A', 'area', undefined],
			['B', 'year', undefined],
			['C', 'value', 'sgb2-quote'],
			['D', 'base', 'sgb2-quote'],
			['E', 'value', 'kinderarmut'],
			['F', 'base', 'kinderarmut']
		]);
		const sgb2 = valueRows(out, 'sgb2-quote');
		expect(sgb2).toHaveLength(31);
		expect(sgb2.find((r) => r.area_id === 'salzgitter-bad')).toBeDefined();
		expect(sgb2.find((r) => r.area_id === 'lebenstedt')).toMatchObject({ year: '2024', value: '7.5', denominator: '36756' });
		const kinder = valueRows(out, 'kinderarmut');
		expect(kinder.find((r) => r.area_id === 'salder')).toMatchObject({ value: '', suppressed: 'ja' });
		expect(kinder.find((r) => r.area_id === 'beddingen')).toBeUndefined();
		// The Ortschaft and city rows are matched to their levels; with no figures ("–") they add no values.
		expect(keys(out.warnings)).toEqual(['data.secretValues', 'data.stadtteileMissing']);
		expect(formatProblem(out.warnings[1])).toContain('1 Stadtteile fehlen (kinderarmut 2024): Beddingen');
		// The pipeline accepts it, and the secret value is suppressed, not 0.
		const next = buildDerived(out.plan.files);
		expect(next.values.find((v) => v.indicator === 'kinderarmut' && v.area === 'salder' && v.year === 2024)).toMatchObject({ value: null, suppressed: true });
	}, 120_000);

	it('rows of three levels: each stored for its area; a coarser figure off its parts is a warning, kept by the pipeline', () => {
		const head = 'Gebiet;Jahr;SGB-II-Quote (%);Nenner SGB-II-Quote\n';
		const nord = 'Bruchmachtersen;2024;10,0;100\nEngelnstedt;2024;10,0;200\nLebenstedt;2024;10,0;300\nSalder;2024;10,0;400\n';
		const out = run(head + nord + 'Ortschaft Nord;2024;12,0;1000\nOrtschaft Süd;2024;8,0;500\nStadt Salzgitter;2024;9,0;10000\n');
		const rows = valueRows(out, 'sgb2-quote');
		expect(rows.find((r) => r.area_id === 'nord')).toMatchObject({ value: '12', numerator: '120', denominator: '1000' });
		expect(rows.find((r) => r.area_id === 'sued')).toMatchObject({ value: '8', denominator: '500' });
		expect(rows.find((r) => r.area_id === 'salzgitter')).toMatchObject({ value: '9', denominator: '10000' });
		if (!out.ok) return;
		// Nord's four Stadtteile give 10,0 %: its 12,0 % is off by more than 0.5 %, named by its Excel row.
		const off = out.warnings.filter((w) => w.key === 'data.levelSumDisagrees');
		expect(off).toHaveLength(1);
		expect(off[0]).toMatchObject({ row: 6, value: 12, params: { id: 'sgb2-quote', 'sum@de': '10', 'pct@en': '16.7' } });
		expect(formatProblem(off[0])).toContain('Zeile 6');
		expect(formatProblem(off[0])).toContain('weicht um 16,7 %');
		expect(formatProblem(off[0], 'en')).toContain('differs by 16.7 % from the figure its parts give (sgb2-quote 2024: 10); the given figure is kept');
		// The pipeline takes the coarser figures as the areas' own, over their aggregates.
		const next = buildDerived(out.plan.files);
		const at = (area: string) => next.values.find((v) => v.indicator === 'sgb2-quote' && v.area === area && v.year === 2024);
		expect(at('nord')).toMatchObject({ value: 12, origin: 'source' });
		expect(at('sued')).toMatchObject({ value: 8, origin: 'source' });
		expect(at('salzgitter')).toMatchObject({ value: 9, origin: 'source' });
		expect(at('lebenstedt')).toMatchObject({ value: 10 });
	}, 120_000);

	it('the fixture city (two levels, no single top area): Bezirk and Statistischer Bezirk rows each stored for their level', () => {
		const city2 = readSourceDir('tests/fixtures/city2/geodata');
		const d2 = buildDerived(city2);
		const text =
			'Ebene;Gebiet;Jahr;SGB-II-Quote (%);Nenner SGB-II-Quote\nStatistischer Bezirk;Lindenhof;2024;10,0;200\nBezirk;Nordstadt;2024;9,0;1000\nBezirke;Weststadt;2024;7,0;800\nBezirk;Summe;2024;8,0;5000\n';
		const grid = gridOf(csv(text, 'bezirke.csv'));
		const refused = importTable(grid, city2, d2, { source: 'Testquelle', licence: 'CC BY 4.0', mode: 'merge' }, { ...provenance, upload: grid.file });
		// "Summe" is no area of the Bezirk level (the city is not one area there), named with the level.
		expect(refused.ok).toBe(false);
		if (!refused.ok) {
			expect(refused.problems.map((p) => [p.key, p.row, p.column, p.value])).toEqual([['data.unknownAreaOfLevel', 5, 'B', 'Summe']]);
			expect(formatProblem(refused.problems[0], 'en')).toContain('no area of the level borough (bezirk)');
		}
		const ok = importTable(
			gridOf(csv(text.split('\n').slice(0, 4).join('\n') + '\n', 'bezirke.csv')),
			city2,
			d2,
			{ source: 'Testquelle', licence: 'CC BY 4.0', mode: 'merge' },
			provenance
		);
		const rows = valueRows(ok, 'sgb2-quote');
		expect(rows.map((r) => [r.area_id, r.value])).toEqual([
			['lindenhof', '10'],
			['nordstadt', '9'],
			['weststadt', '7']
		]);
		const next = buildDerived((ok as { plan: { files: Map<string, string> } }).plan.files);
		expect(next.values.find((v) => v.indicator === 'sgb2-quote' && v.area === 'weststadt' && v.year === 2024)).toMatchObject({ value: 7, origin: 'source' });
	}, 120_000);

	it('the workbook: first sheet by default, the other by name; Stichtag dates and formula results', async () => {
		for (const [sheet, year] of [
			[undefined, 2024],
			['Stadtteile 2023', 2023]
		] as const) {
			const grid = gridOf(await readXlsxGrid(fixture('sozialatlas-2023-2024.xlsx'), 'sozialatlas.xlsx', sheet));
			expect(grid.sheets).toEqual(['Stadtteile 2024', 'Stadtteile 2023']);
			expect(grid.rows[0].row).toBe(1);
			const out = run({ ok: true, grid });
			const rows = valueRows(out, 'arbeitslosenquote');
			expect(rows).toHaveLength(31);
			expect(new Set(rows.map((r) => r.year))).toEqual(new Set([String(year)]));
			// Row 4 names its Stadtteil through =HYPERLINK(…): its cached result, never evaluated.
			expect(rows.find((r) => r.area_id === 'bruchmachtersen')).toBeDefined();
			expect(valueRows(out, 'anteil-65-plus').find((r) => r.area_id === 'engelnstedt')?.denominator).toMatch(/^\d+$/);
			if (out.ok) expect(keys(out.warnings)).toContain('data.xlsxMerged');
		}
	});

	it('a rates-only table: refused until the admin chooses the population check, then marked as an approximation', () => {
		const text = new TextDecoder().decode(fixture('leerstand-quoten-2024.csv'));
		const refused = problems(text);
		expect(refused).toHaveLength(1);
		expect(refused[0]).toMatchObject({ key: 'data.rateWithoutBase', row: 3, column: 'B', note: { key: 'data.rowsGrouped', params: { n: 31 } } });
		const out = run(text, { rateBase: 'population' });
		const rows = valueRows(out, 'wohnungsleerstand');
		expect(rows).toHaveLength(31);
		const lebenstedt = rows.find((r) => r.area_id === 'lebenstedt')!;
		expect(Number(lebenstedt.denominator)).toBe(45945);
		expect(Number(lebenstedt.numerator)).toBeCloseTo((Number(lebenstedt.value) * 45945) / 100, 4);
		if (!out.ok) return;
		expect(out.summary).toContain('Basis: Einwohner des Gebiets (Näherung) für wohnungsleerstand');
		const catalogue = JSON.parse(out.plan.files.get('indikatoren.json')!) as { id: string; description: { de: string } }[];
		expect(catalogue.find((m) => m.id === 'wohnungsleerstand')!.description.de).toContain('Basis: Einwohner des Gebiets (Näherung)');
		expect(out.plan.files.get('werte/wohnungsleerstand.csv.meta.json')).toContain('Basis: Einwohner des Gebiets (Näherung)');
		expect(() => buildDerived(out.plan.files)).not.toThrow();
	}, 120_000);

	it('never fills a retired indicator: its column is not recognised', () => {
		const catalogue = (JSON.parse(files.get('indikatoren.json')!) as { id: string; retired?: string }[]).map((m) =>
			m.id === 'sgb2-quote' ? { ...m, retired: '2026-12-01' } : m
		);
		const retiredFiles = new Map(files).set('indikatoren.json', JSON.stringify(catalogue));
		const text = 'Stadtteil;Jahr;SGB-II-Quote (%)\nLebenstedt;2024;21,5\n';
		const grid = gridOf(csv(text));
		const out = importTable(grid, retiredFiles, derived, { source: 'Testquelle', licence: 'CC BY 4.0', mode: 'merge' }, provenance);
		expect(out.ok).toBe(false);
		if (!out.ok) expect(out.problems[0]).toMatchObject({ key: 'data.columnUnrecognised', column: 'C' });
		// Active, the same column is the rate (which then asks for its base).
		expect(problems(text)[0]).toMatchObject({ column: 'C', field: 'SGB-II-Quote (%)' });
		expect(keys(problems(text))).not.toContain('data.columnUnrecognised');
	});

	it('a new indicator from an unrecognised column: a catalogue entry of this version, with its values', () => {
		const text = new TextDecoder().decode(fixture('kitaplaetze-2024.csv'));
		expect(problems(text)[0]).toMatchObject({ key: 'data.columnUnrecognised', row: 2, column: 'C' });
		const kita: NewIndicatorInput = {
			column: 2,
			id: 'kitaplaetze',
			label: { de: 'Kita-Plätze', en: 'Day-care places' },
			unit: { de: 'Plätze', en: 'places' },
			kind: 'anzahl',
			polarity: 'higher-better',
			aggregation: 'sum',
			domain: 'familie',
			decimals: 0,
			source: 'Fachdienst Kinder (Beispieldaten)',
			licence: 'CC BY 4.0'
		};
		const out = run(text, { newIndicators: [kita] });
		expect(valueRows(out, 'kitaplaetze')).toHaveLength(31);
		if (!out.ok) return;
		const next = buildDerived(out.plan.files);
		const meta = next.indicators.find((m) => m.id === 'kitaplaetze')!;
		expect(meta).toMatchObject({ label: kita.label, aggregation: { method: 'sum' }, datasets: ['werte-kitaplaetze'], years: [2024], beispieldaten: false });
		// Summed to the city from the Stadtteile.
		const city = next.values.find((v) => v.indicator === 'kitaplaetze' && v.area === 'salzgitter')!;
		const parts = next.values.filter((v) => v.indicator === 'kitaplaetze' && next.areas.stadtteil.features.some((f) => f.properties.id === v.area));
		expect(city.value).toBe(parts.reduce((s, v) => s + v.value!, 0));
		// The same id again is refused; markup in a label too.
		expect(keys(problems(text, { newIndicators: [{ ...kita, id: 'sgb2-quote' }] }))).toEqual(['data.newIndicatorExists']);
		expect(keys(problems(text, { newIndicators: [{ ...kita, label: { de: '<b>x</b>', en: 'x' } }] }))).toEqual(['data.angleBrackets']);
	}, 120_000);

	it('keeps the older layouts: long with an Indikator column, wide by year with bases', () => {
		const long = run('Stadtteil;Indikator;Jahr;Wert;Zähler;Nenner\nLebenstedt;SGB-II-Quote;2024;10,0;10;100\nThiede;sgb2-quote;2024;5,0;5;100\n');
		expect(valueRows(long, 'sgb2-quote').map((r) => r.area_id)).toEqual(['lebenstedt', 'thiede']);
		const wide = readCsvGrid(fixture('arbeitslosenquote_2021-2023_breit.csv'), 'arbeitslosenquote_2021-2023_breit.csv');
		const out = run(wide);
		expect(valueRows(out, 'arbeitslosenquote')).toHaveLength(93);
		if (out.ok) expect(out.table.layout).toBe('wide-year');
	});

	it('an Einwohner column beside a rate is not taken for residents to import', () => {
		const out = run('Stadtteil;Jahr;Einwohner;SGB-II-Quote (%)\nLebenstedt;2024;1000;10,0\n');
		expect(out.ok).toBe(false);
		if (out.ok) return;
		expect(out.table?.columns.map((c) => c.role)).toEqual(['area', 'year', 'ignore', 'value']);
		expect(keys(out.problems)).toEqual(['data.rateWithoutBase']);
	});

	it('the admin mapping: a column remapped as the base, another ignored', () => {
		const text = 'Stadtteil;Jahr;SGB-II-Quote;Einwohner unter 65;Bemerkung\nLebenstedt;2024;10,0;1000;neu\n';
		expect(keys(problems(text))).toEqual(['data.rateWithoutBase']);
		const mapping = [
			{ role: 'area' as const },
			{ role: 'year' as const },
			{ role: 'value' as const, indicator: 'sgb2-quote' },
			{ role: 'base' as const, indicator: 'sgb2-quote' },
			{ role: 'ignore' as const }
		];
		expect(valueRows(run(text, { mapping }), 'sgb2-quote')[0]).toMatchObject({ value: '10', numerator: '100', denominator: '1000' });
	});
});

describe('bad input: refused with what, where (Excel row, column letter) and the previous version untouched', () => {
	const head = 'Stadtteil;Jahr;SGB-II-Quote (%);Nenner SGB-II-Quote\n';
	it.each([
		['duplicate headers', 'Stadtteil;Jahr;SGB-II-Quote;SGB-II-Quote\nLebenstedt;2024;1;2\n', 'data.columnTwiceAs', 1, 'D'],
		['a year column with text', head + 'Lebenstedt;zweitausend;10,0;100\n', 'data.yearText', 2, 'B'],
		['a negative count', head + 'Lebenstedt;2024;10,0;-100\n', 'data.negativeCount', 2, 'D'],
		['a rate above 100 % where the unit is %', head + 'Lebenstedt;2024;120,0;100\n', 'data.rateAbove100', 2, 'C'],
		['a number in the name column', head + '4711;2024;10,0;100\n', 'data.areaIsNumber', 2, 'A'],
		['an unknown Stadtteil', head + 'Narnia;2024;10,0;100\n', 'data.unknownStadtteil', 2, 'A'],
		['an English decimal point', head + 'Lebenstedt;2024;10.5;100\n', 'data.decimalPoint', 2, 'C'],
		['an Excel error value', head + 'Lebenstedt;2024;#DIV/0!;100\n', 'data.excelError', 2, 'C'],
		['a base of zero', head + 'Lebenstedt;2024;10,0;0\n', 'data.baseZero', 2, 'D'],
		['a rate that no whole count gives', head + 'Lebenstedt;2024;10,3;7\n', 'data.rateNotWhole', 2, 'C'],
		['a cell of 1,000 characters', head + `Lebenstedt;2024;10,0;${'9'.repeat(1000)}\n`, 'data.cellTooLong', 2, 'D'],
		['a truncated line', head + 'Lebenstedt;2024;10,0;100\nThiede;2024\n', 'data.fieldCount', 3, undefined],
		['an unknown indicator in the indicator column', 'Stadtteil;Indikator;Jahr;Wert\nLebenstedt;Glücksquote;2024;1\n', 'data.unknownIndicator', 2, 'B'],
		['no area column', 'Jahr;SGB-II-Quote\n2024;1\n', 'data.noAreaColumn', 1, undefined],
		['no year anywhere', 'Stadtteil;SGB-II-Quote;Nenner SGB-II-Quote\nLebenstedt;1;100\n', 'data.noYear', 1, 'B'],
		['only columns it does not know', 'Stadtteil;Jahr;Glücksindex\nLebenstedt;2024;1\n', 'data.columnUnrecognised', 1, 'C'],
		['a count without its rate or base (indicator from the file name)', 'Stadtteil;Jahr;Zähler\nLebenstedt;2024;3\n', 'data.rateNeedsCounts', 2, 'C'],
		['an unclosed quote', head + '"Lebenstedt;2024;10,0;100\n', 'data.csvQuotes', 2, undefined],
		['a comma-separated file', 'Stadtteil,Jahr,Wert\nLebenstedt,2024,1\n', 'data.separatorCommas', 1, undefined],
		['an empty file', '\n\n', 'data.empty', undefined, undefined]
	])('%s', (_name, text, key, row, column) => {
		const grid = csv(text, 'sgb2-quote.csv');
		const found = grid.ok ? problems(grid) : grid.problems;
		expect(found[0], JSON.stringify(found)).toMatchObject({ key });
		expect([found[0].row, found[0].column]).toEqual([row, column]);
		expect(formatProblem(found[0])).toMatch(/^sgb2-quote\.csv/);
	});

	it('two columns mapped to one indicator', () => {
		const text = 'Stadtteil;Jahr;A;B\nLebenstedt;2024;1;2\n';
		const mapping = [
			{ role: 'area' as const },
			{ role: 'year' as const },
			{ role: 'value' as const, indicator: 'sgb2-quote' },
			{ role: 'value' as const, indicator: 'sgb2-quote' }
		];
		expect(problems(text, { mapping })[0]).toMatchObject({ key: 'data.columnTwiceAs', column: 'D', params: { other: 'C „A“' } });
	});

	it('groups a problem of many rows in one line, in both languages', () => {
		const lines = derived.areas.stadtteil.features.map((f) => `${f.properties.name}x;2024;1,0;100`);
		const found = problems(head + lines.join('\n'));
		expect(found).toHaveLength(1);
		expect(formatProblem(found[0])).toMatch(
			/^t\.csv, Zeile 2, Spalte A \(„Stadtteil“\): unbekanntes Gebiet \(Stadtteil; .* – 31-mal, Zeilen 2, 3, 4, 5, 6, 7 … 32/
		);
		expect(formatProblem(found[0], 'en')).toMatch(/^t\.csv, row 2, column A \("Stadtteil"\): unknown district .* – 31 times, rows 2, 3/);
	});

	it('1,000,000 rows: refused before parsing', () => {
		const text = head + 'Lebenstedt;2024;10,0;100\n'.repeat(1_000_000);
		expect(csv(text)).toMatchObject({ ok: false, problems: [{ key: 'data.tooManyRows', params: { n: 1_000_001 } }] });
	});

	it('encodings: UTF-16, binary, mixed UTF-8 and Windows-1252', () => {
		expect(readCsvGrid(new Uint8Array([0xff, 0xfe, 0x41, 0]), 'f.csv')).toMatchObject({ ok: false, problems: [{ key: 'data.utf16' }] });
		expect(readCsvGrid(new Uint8Array([0x41, 0, 0x42]), 'f.csv')).toMatchObject({ ok: false, problems: [{ key: 'data.nul' }] });
		const mixed = new Uint8Array([...new TextEncoder().encode(head + 'Drütte;2024;1,0;100\n'), ...[0x47, 0x72, 0x6f, 0xdf, 0x3b]]);
		expect(readCsvGrid(mixed, 'f.csv')).toMatchObject({ ok: false, problems: [{ key: 'data.mixedEncodings', row: 2 }] });
	});
});

describe('bad workbooks', () => {
	const simple = () =>
		workbook((wb) => {
			const ws = wb.addWorksheet('Daten');
			ws.addRow(['Stadtteil', 'Jahr', 'SGB-II-Quote', 'Nenner SGB-II-Quote']);
			ws.addRow(['Lebenstedt', 2024, 10, 100]);
		});
	const read = (bytes: Uint8Array, sheet?: string, name = 'w.xlsx') => readXlsxGrid(bytes, name, sheet);
	const keyOf = async (r: Promise<GridResult>) => {
		const g = await r;
		return g.ok ? null : g.problems[0].key;
	};

	it('reads a plain workbook', async () => expect(valueRows(run(await read(await simple())), 'sgb2-quote')).toHaveLength(1));
	it('a zip bomb disguised as .xlsx', async () => {
		const bomb = zipSync(
			{ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(30 * 1024 * 1024) },
			{ level: 1 }
		);
		expect(bomb.length).toBeLessThan(200_000);
		expect(await keyOf(read(bomb))).toBe('data.xlsxBomb');
	}, 30_000);
	it('a password-protected workbook, and an old .xls', async () => {
		const ole = (stream: string) => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504), ...Buffer.from(stream, 'utf16le')]);
		expect(await keyOf(read(ole('EncryptedPackage')))).toBe('data.xlsxEncrypted');
		expect(await keyOf(read(ole('Workbook'), undefined, 'alt.xls'))).toBe('data.xlsOld');
	});
	it('a truncated workbook, a text file named .xlsx, an OpenDocument file, a zip without a workbook', async () => {
		const bytes = await simple();
		expect(await keyOf(read(bytes.subarray(0, Math.floor(bytes.length * 0.7))))).toBe('data.xlsxTruncated');
		expect(await keyOf(read(new TextEncoder().encode('Stadtteil;Jahr\n')))).toBe('data.xlsxNotZip');
		expect(await keyOf(read(zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<x/>') })))).toBe(
			'data.xlsxOds'
		);
		expect(await keyOf(read(zipSync({ 'readme.txt': strToU8('hallo') })))).toBe('data.xlsxNotWorkbook');
	});
	it('an empty sheet, and a sheet name that does not exist', async () => {
		const bytes = await workbook((wb) => {
			wb.addWorksheet('Leer');
			wb.addWorksheet('Daten').addRow(['Stadtteil', 'Jahr']);
		});
		const empty = await read(bytes);
		expect(empty).toMatchObject({ ok: false, problems: [{ key: 'data.xlsxEmptySheet', field: 'Leer', params: { sheets: 'Leer, Daten' } }] });
		expect(await read(bytes, 'Tabelle9')).toMatchObject({ ok: false, problems: [{ key: 'data.xlsxSheetMissing', params: { sheets: 'Leer, Daten' } }] });
	});
	it('a workbook declaring 1,000,000 rows is refused before it is parsed', async () => {
		const parts = unzipSync(await simple());
		const name = Object.keys(parts).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
		parts[name] = strToU8(strFromU8(parts[name]).replace(/<dimension ref="[^"]+"\/>/, '<dimension ref="A1:D1000000"/>'));
		expect(await read(zipSync(parts))).toMatchObject({ ok: false, problems: [{ key: 'data.tooManyRows', params: { n: 1_000_000 } }] });
	});
	it('merged header cells become a duplicate header; formulas are read by their cached result, never evaluated', async () => {
		const merged = await workbook((wb) => {
			const ws = wb.addWorksheet('Daten');
			ws.addRow(['Stadtteil', 'Jahr', 'SGB-II-Quote', '']);
			ws.mergeCells('C1:D1');
			ws.addRow(['Lebenstedt', 2024, 10, 100]);
		});
		const grid = await read(merged);
		expect(grid.ok && grid.grid.warnings[0]).toMatchObject({ key: 'data.xlsxMerged', params: { ranges: 'C1:D1' } });
		expect(problems(grid).find((p) => p.severity !== 'warning')).toMatchObject({ key: 'data.columnTwiceAs', column: 'D' });
		const formulas = await workbook((wb) => {
			const ws = wb.addWorksheet('Daten');
			ws.addRow(['Stadtteil', 'Jahr', 'SGB-II-Quote', 'Nenner SGB-II-Quote']);
			ws.addRow([
				{ formula: 'HYPERLINK("http://evil.example","Lebenstedt")', result: 'Lebenstedt' },
				2024,
				{ formula: '1/0', result: { error: '#DIV/0!' } },
				100
			]);
			ws.addRow([{ formula: 'CONCAT("Thie","de")' }, 2024, 10, 100]);
		});
		const g = await read(formulas);
		expect(g.ok && g.grid.warnings.map((w) => w.key)).toEqual(['data.xlsxFormulaNoResult']);
		const found = problems(g).filter((p) => p.severity !== 'warning');
		expect(found[0]).toMatchObject({ key: 'data.excelError', row: 2, column: 'C' });
	});
});

describe('boundary files that are not Stadtteile', () => {
	const square = (x: number, y: number, d = 0.01) => ({
		type: 'Polygon',
		coordinates: [
			[
				[x, y],
				[x + d, y],
				[x + d, y + d],
				[x, y + d],
				[x, y]
			]
		]
	});
	const stadtteile = derived.areas.stadtteil.features.map((f) => ({ id: f.properties.id, name: f.properties.name }));
	const upper = {
		ortschaften: derived.areas.ortschaft.features.map((f) => ({ id: f.properties.id, name: f.properties.name })),
		city: { id: 'salzgitter', name: 'Salzgitter' }
	};
	it('the city outline: one line, and the outline kept for import as the city boundary', () => {
		const fc = {
			type: 'FeatureCollection',
			features: [{ type: 'Feature', properties: { GEN: 'Salzgitter', AGS: '03102000' }, geometry: square(10.3, 52.1, 0.2) }]
		};
		const out = parseBoundaries(JSON.stringify(fc), 'stadt.geojson', stadtteile, upper);
		expect(out).toMatchObject({ ok: false, problems: [{ key: 'data.boundaryIsCity' }] });
		expect(!out.ok && out.problems).toHaveLength(1);
		expect(!out.ok && out.outline?.geometry.type).toBe('Polygon');
	});
	it('the seven Ortschaften: one line naming them', () => {
		const fc = {
			type: 'FeatureCollection',
			features: upper.ortschaften.map((o, i) => ({ type: 'Feature', properties: { name: o.name }, geometry: square(10.3 + i * 0.02, 52.1) }))
		};
		const out = parseBoundaries(JSON.stringify(fc), 'ortschaften.geojson', stadtteile, upper);
		expect(out).toMatchObject({ ok: false, problems: [{ key: 'data.boundaryIsOrtschaften', params: { n: 7 } }] });
		expect(!out.ok && out.problems).toHaveLength(1);
	});
});
