// Unit tests of the import parsers: German numbers, encodings, CSV layouts, GeoJSON boundaries.
// Hostile inputs here assert the reason's catalogue key (what) and where; tests/admin/ repeats the worst of them
// against the server and checks that the store stays unchanged.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode';
import { jsonDepth, MAX_VERTICES, parseBoundaries } from './boundaries';
import { indicatorFromFileName, parseIndicatorTable, wideColumn, type TableContext } from './germanCsv';
import { parseGermanNumber } from './germanNumber';

const ctx: TableContext = {
	stadtteile: [
		{ id: 'lebenstedt', name: 'Lebenstedt' },
		{ id: 'gross-mahner', name: 'Groß Mahner' },
		{ id: 'druette', name: 'Drütte' }
	],
	totals: [{ id: 'salzgitter', name: 'Salzgitter' }],
	indicators: [
		{ id: 'sgb2-quote', label: 'SGB-II-Quote' },
		{ id: 'kinderarmut', label: 'Kinderarmut' }
	]
};
const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => ({ ä: 0xe4, ö: 0xf6, ü: 0xfc, ß: 0xdf, Ä: 0xc4, Ö: 0xd6, Ü: 0xdc })[c] ?? c.charCodeAt(0)));
const table = (text: string, extra: Partial<TableContext> = {}) => parseIndicatorTable(text, 't.csv', { ...ctx, ...extra });
const problemsOf = (r: ReturnType<typeof table>) => (r.ok ? [] : r.problems);

describe('parseGermanNumber', () => {
	it.each([
		['1.234,5', 1234.5],
		['12,5', 12.5],
		['1234', 1234],
		['-3,25', -3.25],
		['1.234.567', 1234567],
		[' 7 ', 7],
		['–', null],
		['.', null],
		['x', null],
		['', null]
	])('%s → %s', (raw, value) => expect(parseGermanNumber(raw)).toEqual({ ok: true, value }));
	it.each(['12.5', 'NaN', 'Infinity', '1,2,3', '=1+1', '1e5', '0x10', '1.23,4'])('rejects %s', (raw) => expect(parseGermanNumber(raw).ok).toBe(false));
	it('says why an English decimal point is wrong', () => expect(parseGermanNumber('12.5')).toMatchObject({ key: 'data.decimalPoint' }));
});

describe('decodeText', () => {
	it('reads UTF-8 with and without BOM', () => {
		expect(decodeText(new TextEncoder().encode('\uFEFFDrütte'), 'f')).toMatchObject({ ok: true, text: 'Drütte', encoding: 'utf-8', bom: true });
		expect(decodeText(new TextEncoder().encode('Drütte'), 'f')).toMatchObject({ ok: true, text: 'Drütte', bom: false });
	});
	it('detects Windows-1252', () =>
		expect(decodeText(cp1252('Groß Mahner;Drütte'), 'f')).toMatchObject({ ok: true, text: 'Groß Mahner;Drütte', encoding: 'windows-1252' }));
	it('refuses mixed encodings and names the line', () => {
		const bytes = new Uint8Array([...new TextEncoder().encode('a\r\nDrütte\r\n'), ...cp1252('Groß\r\n')]);
		expect(decodeText(bytes, 'f')).toEqual({ ok: false, problems: [{ file: 'f', row: 1, key: 'data.mixedEncodings' }] });
	});
	it('refuses UTF-16 and binary', () => {
		expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0]), 'f')).toMatchObject({ ok: false, problems: [{ key: 'data.utf16' }] });
		expect(decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'f')).toMatchObject({
			ok: false,
			problems: [{ key: 'data.nul' }]
		});
	});
});

describe('parseIndicatorTable', () => {
	it('reads the long layout with German headers, names, quotes and numbers', () => {
		const r = table(
			'Stadtteil;Indikator;Jahr;Wert;Zähler;Nenner\r\n"Groß Mahner";SGB-II-Quote;2024;5,5;22;401\r\nLebenstedt;sgb2-quote;2024;12,1;4.000;33.058\r\n'
		);
		expect(r).toEqual({
			ok: true,
			layout: 'long',
			warnings: [],
			rows: [
				{ sourceRow: 1, area: 'gross-mahner', indicator: 'sgb2-quote', year: 2024, value: 5.5, numerator: 22, denominator: 401 },
				{ sourceRow: 2, area: 'lebenstedt', indicator: 'sgb2-quote', year: 2024, value: 12.1, numerator: 4000, denominator: 33058 }
			]
		});
	});
	it('reads the wide layout with the indicator from the form', () => {
		const r = table('Gebiet;2022;2023\nDrütte;3,1;–\n', { indicator: 'kinderarmut' });
		expect(r.ok && r.rows).toEqual([{ sourceRow: 1, area: 'druette', indicator: 'kinderarmut', year: 2022, value: 3.1, numerator: null, denominator: null }]);
	});
	it('reads the real-format fixture (Windows-1252, CRLF, total row skipped with a warning)', () => {
		const decoded = decodeText(readFileSync('tests/fixtures/import/sgb2-quote-2024-excel.csv'), 'fixture.csv');
		expect(decoded).toMatchObject({ ok: true, encoding: 'windows-1252' });
		const r = parseIndicatorTable(decoded.ok ? decoded.text : '', 'fixture.csv', {
			...ctx,
			stadtteile: [...ctx.stadtteile, { id: 'x', name: 'Flachstöckheim' }]
		});
		expect(r.ok).toBe(false); // most Stadtteile are not in this small context …
		expect(problemsOf(r)[0]).toMatchObject({
			file: 'fixture.csv',
			row: 1,
			field: 'Stadtteil',
			value: 'Barum',
			key: 'data.unknownStadtteil'
		});
	});
	it.each([
		['comma-separated', 'Stadtteil,Indikator,Jahr,Wert\nLebenstedt,sgb2-quote,2024,1', { row: 0, key: 'data.separatorCommas' }],
		['no area column', 'Ort;Jahr;Wert\nx;2024;1', { row: 0, key: 'data.noAreaColumn' }],
		[
			'unknown area',
			'Stadtteil;Indikator;Jahr;Wert\nAtlantis;sgb2-quote;2024;1',
			{ row: 1, field: 'Stadtteil', value: 'Atlantis', key: 'data.unknownStadtteil' }
		],
		[
			'path traversal as area',
			'Stadtteil;Indikator;Jahr;Wert\n../../etc/passwd;sgb2-quote;2024;1',
			{ row: 1, value: '../../etc/passwd', key: 'data.unknownStadtteil' }
		],
		['formula as area', 'Stadtteil;Indikator;Jahr;Wert\n"=HYPERLINK(""http://x"";""y"")";sgb2-quote;2024;1', { row: 1, key: 'data.unknownStadtteil' }],
		[
			'unknown indicator',
			'Stadtteil;Indikator;Jahr;Wert\nLebenstedt;glueck;2024;1',
			{ row: 1, field: 'Indikator', value: 'glueck', key: 'data.unknownIndicatorOf' }
		],
		['decimal point', 'Stadtteil;Indikator;Jahr;Wert\nLebenstedt;sgb2-quote;2024;12.5', { row: 1, field: 'Wert', value: '12.5', key: 'data.decimalPoint' }],
		['NaN', 'Stadtteil;Indikator;Jahr;Wert\nLebenstedt;sgb2-quote;2024;NaN', { row: 1, field: 'Wert', value: 'NaN' }],
		['bad year', 'Stadtteil;Indikator;Jahr;Wert\nLebenstedt;sgb2-quote;24;1', { row: 1, field: 'Jahr', key: 'data.yearDigits' }],
		[
			'duplicate row',
			'Stadtteil;Indikator;Jahr;Wert\nLebenstedt;sgb2-quote;2024;1\nlebenstedt;sgb2-quote;2024;2',
			{ row: 2, key: 'data.givenTwiceRow', params: { row: 1 } }
		],
		['ragged row', 'Stadtteil;Indikator;Jahr;Wert\nLebenstedt;sgb2-quote;2024', { row: 1, key: 'data.fieldCount', params: { n: 3, header: 4 } }],
		['unclosed quote', 'Stadtteil;Indikator;Jahr;Wert\n"Lebenstedt;sgb2-quote;2024;1\n', { key: 'data.csvQuotes' }],
		['no indicator anywhere', 'Gebiet;2023\nLebenstedt;1', { field: 'Indikator', key: 'data.noIndicator' }],
		['empty file', '', { key: 'data.empty' }],
		['header only', 'Stadtteil;Indikator;Jahr;Wert\n', { key: 'data.noValues' }],
		['overlong field', `Stadtteil;Indikator;Jahr;Wert\n${'A'.repeat(5000)};sgb2-quote;2024;1`, { row: 1, key: 'data.cellTooLong' }]
	])('%s', (_name, text, problem) => {
		const r = table(text);
		expect(r.ok).toBe(false);
		expect(problemsOf(r)[0]).toMatchObject({ file: 't.csv', ...problem });
	});
});

describe('wide layout for rates', () => {
	const rates: TableContext = {
		...ctx,
		indicators: [
			{ id: 'sgb2-quote', label: 'SGB-II-Quote', rate: { scale: 100, decimals: 1 } },
			{ id: 'einwohner', label: 'Einwohner' }
		]
	};
	const wide = (text: string, file = 't.csv', extra: Partial<TableContext> = {}) => parseIndicatorTable(text, file, { ...rates, ...extra });

	it.each([
		['2023', { year: 2023, part: 'value' }],
		[' 2023 ', { year: 2023, part: 'value' }],
		['Wert 2023', { year: 2023, part: 'value' }],
		['Zähler 2023', { year: 2023, part: 'numerator' }],
		['2023 Zähler', { year: 2023, part: 'numerator' }],
		['ANZAHL (2023)', { year: 2023, part: 'numerator' }],
		['Nenner_2023', { year: 2023, part: 'denominator' }],
		['2023 nenner', { year: 2023, part: 'denominator' }],
		['Basis 2023', { year: 2023, part: 'denominator' }],
		['Grundgesamtheit 2023', { year: 2023, part: 'denominator' }],
		['Einwohner 2023', null],
		['Stadtteil', null],
		['12023', null]
	])('column %j', (header, expected) => expect(wideColumn(header)).toEqual(expected));

	it('derives the count from the rate and its base ("Basis 2023")', () => {
		const r = wide('Stadtteil;2022;2023;Basis 2022;Basis 2023\r\n"Groß Mahner";5,5;–;401;–\r\nLebenstedt;12,1;12,4;33.058;33.100\r\n', 'werte.csv', {
			indicator: 'sgb2-quote'
		});
		expect(r).toEqual({
			ok: true,
			layout: 'wide',
			warnings: [],
			rows: [
				{ sourceRow: 1, area: 'gross-mahner', indicator: 'sgb2-quote', year: 2022, value: 5.5, numerator: 22, denominator: 401 },
				{ sourceRow: 2, area: 'lebenstedt', indicator: 'sgb2-quote', year: 2022, value: 12.1, numerator: 4000, denominator: 33058 },
				{ sourceRow: 2, area: 'lebenstedt', indicator: 'sgb2-quote', year: 2023, value: 12.4, numerator: 4104, denominator: 33100 }
			]
		});
	});

	it('reads both counts, year first, with an indicator column, and computes a missing rate', () => {
		const r = wide('Gebiet;Indikator;2023;2023 Zähler;2023 Nenner\nDrütte;SGB-II-Quote;;22;401\nLebenstedt;sgb2-quote;12,1;4.000;33.058\n');
		expect(r.ok && r.rows).toEqual([
			{ sourceRow: 1, area: 'druette', indicator: 'sgb2-quote', year: 2023, value: 5.5, numerator: 22, denominator: 401 },
			{ sourceRow: 2, area: 'lebenstedt', indicator: 'sgb2-quote', year: 2023, value: 12.1, numerator: 4000, denominator: 33058 }
		]);
	});

	it('refuses rates without a base column: once per year column, with the rows it concerns', () => {
		const r = wide('Stadtteil;2022;2023\r\nDrütte;3,1;3,3\r\nLebenstedt;12,1;12,4\r\n"Groß Mahner";5,5;–\r\n', 'sgb2-quote.csv');
		expect(r.ok).toBe(false);
		expect(problemsOf(r)).toEqual([
			{
				file: 'sgb2-quote.csv',
				row: 1,
				field: '2022',
				value: '3,1',
				key: 'data.noBaseColumn',
				params: { column: '"Nenner 2022" / "2022 Nenner" / "Basis 2022"' },
				note: { key: 'data.rowsCollapsed', params: { n: 3, rows: '1, 2, 3' } }
			},
			{
				file: 'sgb2-quote.csv',
				row: 1,
				field: '2023',
				value: '3,3',
				key: 'data.noBaseColumn',
				params: { column: '"Nenner 2023" / "2023 Nenner" / "Basis 2023"' },
				note: { key: 'data.rowsCollapsed', params: { n: 2, rows: '1, 2' } }
			}
		]);
	});

	it('refuses a rate whose base cell is empty, naming the cell', () => {
		const r = wide('Stadtteil;2023;Nenner 2023\nDrütte;3,1;–\nLebenstedt;12,1;33.058\n', 'sgb2-quote.csv');
		expect(problemsOf(r)).toEqual([{ file: 'sgb2-quote.csv', row: 1, field: '2023', value: '3,1', key: 'data.noBaseCell', params: { column: 'Nenner 2023' } }]);
	});

	it('refuses a rate that no whole count on its base gives', () => {
		const r = wide('Stadtteil;2023;Nenner 2023\nDrütte;12,4;3\n', 'sgb2-quote.csv');
		expect(problemsOf(r)).toEqual([
			{ file: 'sgb2-quote.csv', row: 1, field: '2023', value: '12,4', key: 'data.rateNotWhole', params: { base: 3, n: 0, rate: 0 } }
		]);
	});

	it('refuses counts of a non-rate and columns given twice', () => {
		expect(problemsOf(wide('Stadtteil;Zähler 2023\nDrütte;5\n', 'einwohner.csv'))[0]).toMatchObject({
			row: 1,
			field: 'Zähler 2023',
			key: 'data.notARate'
		});
		expect(problemsOf(wide('Stadtteil;2023;Nenner 2023;Basis 2023\nDrütte;5;6;6\n', 'sgb2-quote.csv'))[0]).toMatchObject({
			row: 0,
			field: 'Basis 2023',
			key: 'data.columnTwiceAs',
			params: { other: 'Nenner 2023' }
		});
	});

	it('takes the indicator from a column, else the form, else the file name (with a note)', () => {
		const text = 'Stadtteil;2023;Basis 2023\nDrütte;25,0;4\n';
		expect(wide(text, 'SGB-II-Quote 2023.csv')).toMatchObject({
			ok: true,
			rows: [{ indicator: 'sgb2-quote' }],
			warnings: [{ field: 'Indikator', value: 'sgb2-quote', severity: 'warning', key: 'data.indicatorFromName' }]
		});
		expect(wide(text, 'sgb2-quote.csv', { indicator: 'sgb2-quote' })).toMatchObject({ ok: true, warnings: [] });
		expect(indicatorFromFileName('export_2023.csv', rates.indicators)).toBeNull();
		expect(indicatorFromFileName('sgb2-quote_einwohner.csv', rates.indicators)).toEqual({ ambiguous: ['sgb2-quote', 'einwohner'] });
		expect(problemsOf(wide(text, 'sgb2-quote_einwohner.csv'))[0]).toMatchObject({ field: 'Indikator', key: 'data.indicatorAmbiguous' });
	});

	it('warns about a column that looks like a year but is not one of the known names', () => {
		const r = wide('Stadtteil;2023;Nenner 2023;Einwohner 2023\nDrütte;25,0;4;900\n', 'sgb2-quote.csv', { indicator: 'sgb2-quote' });
		expect(r).toMatchObject({
			ok: true,
			warnings: [{ row: 0, field: 'Einwohner 2023', severity: 'warning', key: 'data.columnIgnored' }]
		});
	});

	it('reads the real-format wide fixture (Windows-1252, CRLF, quoted names, rates with bases, indicator from the file name)', () => {
		const file = 'arbeitslosenquote_2021-2023_breit.csv';
		const decoded = decodeText(readFileSync(`tests/fixtures/import/${file}`), file);
		expect(decoded).toMatchObject({ ok: true, encoding: 'windows-1252' });
		const stadtteile = readFileSync('geodata/stadtteile.csv', 'utf8')
			.trim()
			.split('\n')
			.slice(1)
			.map((l) => ({ id: l.split(',')[0], name: l.split(',')[1] }));
		const r = parseIndicatorTable(decoded.ok ? decoded.text : '', file, {
			stadtteile,
			totals: [{ id: 'salzgitter', name: 'Salzgitter' }],
			indicators: [...rates.indicators, { id: 'arbeitslosenquote', label: 'Arbeitslosenquote', rate: { scale: 100, decimals: 1 } }]
		});
		expect(r.ok, JSON.stringify(problemsOf(r).slice(0, 3))).toBe(true);
		if (!r.ok) return;
		expect(r.layout).toBe('wide');
		expect(r.rows).toHaveLength(31 * 3);
		expect(new Set(r.rows.map((x) => x.indicator))).toEqual(new Set(['arbeitslosenquote']));
		expect(r.rows.find((x) => x.area === 'gross-mahner' && x.year === 2021)).toMatchObject({ value: 4.7, denominator: 256, numerator: 12 });
		expect(r.rows.find((x) => x.area === 'gebhardshagen' && x.year === 2023)).toMatchObject({ value: 5.1, denominator: 3341 });
		for (const x of r.rows) expect(Math.abs((x.numerator! / x.denominator!) * 100 - x.value!)).toBeLessThanOrEqual(0.051);
		expect(r.warnings.map((w) => w.key)).toEqual(['data.indicatorFromName', 'data.totalRowSkipped']);
	});
});

const square = (x: number, y: number, d: number) => [
	[
		[x, y],
		[x + d, y],
		[x + d, y + d],
		[x, y + d],
		[x, y]
	]
];
const fc = (features: unknown[], extra = {}) => JSON.stringify({ type: 'FeatureCollection', ...extra, features });
const poly = (name: string, coordinates: unknown) => ({ type: 'Feature', properties: { name }, geometry: { type: 'Polygon', coordinates } });
const three = [
	{ id: 'a', name: 'A' },
	{ id: 'b', name: 'B' }
];

describe('parseBoundaries', () => {
	it('reprojects EPSG:25832 found by coordinate ranges', () => {
		const r = parseBoundaries(fc([poly('A', square(600000, 5770000, 1000)), poly('B', square(601000, 5770000, 1000))]), 'g', three);
		expect(r).toMatchObject({ ok: true, crs: 'EPSG:25832', crsFrom: 'coordinate ranges' });
		const [lon, lat] = r.ok ? (r.features[0].geometry.coordinates[0] as number[][])[0] : [0, 0];
		// By hand: 100 km east of the central meridian 9° E, at k0·N·cos φ = 0.9996 · 6391 km · cos 52.07°
		// = 3926 km per radian, is 1.459°; the northing / k0 is a meridian arc of about 52.07°.
		expect(lon).toBeCloseTo(10.459, 2);
		expect(lat).toBeCloseTo(52.07, 1);
	});
	it('matches by id, stadtteil_id or name', () => {
		const r = parseBoundaries(fc([{ ...poly('x', square(10, 52, 0.01)), properties: { stadtteil_id: 'a' } }, poly('B', square(10.01, 52, 0.01))]), 'g', three);
		expect(r.ok && r.features.map((f) => f.properties.id)).toEqual(['a', 'b']);
	});
	it.each([
		['malformed JSON', '{"type":"FeatureCollection",', { key: 'data.invalidJson' }],
		['a Feature instead of a collection', JSON.stringify(poly('A', square(10, 52, 0.01))), { field: 'type', value: 'Feature' }],
		[
			'a Point',
			fc([{ type: 'Feature', properties: { name: 'A' }, geometry: { type: 'Point', coordinates: [10, 52] } }]),
			{ feature: 0, field: 'geometry.type', value: 'Point' }
		],
		[
			'a LineString',
			fc([
				{
					type: 'Feature',
					properties: { name: 'A' },
					geometry: {
						type: 'LineString',
						coordinates: [
							[10, 52],
							[11, 52]
						]
					}
				}
			]),
			{ feature: 0, value: 'LineString' }
		],
		[
			'Infinity from 1e400',
			'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"A"},"geometry":{"type":"Polygon","coordinates":[[[1e400,52],[10,52.1],[10.1,52],[1e400,52]]]}}]}',
			{ feature: 0, key: 'data.badPosition' }
		],
		[
			'null coordinate',
			fc([
				poly('A', [
					[
						[null, 52],
						[10, 52.1],
						[10.1, 52],
						[null, 52]
					]
				])
			]),
			{ feature: 0, key: 'data.badPosition' }
		],
		['absurd coordinates', fc([poly('A', square(1e9, 1e9, 5))]), { key: 'data.coordinatesFitNone' }],
		[
			'an unsupported crs',
			fc([poly('A', square(10, 52, 0.01))], { crs: { type: 'name', properties: { name: 'EPSG:31467' } } }),
			{ field: 'crs', key: 'data.unsupportedCrs' }
		],
		['deep nesting', `{"type":"FeatureCollection","features":${'['.repeat(10000)}${']'.repeat(10000)}}`, { key: 'data.tooDeep', params: { depth: 10001 } }],
		['unknown id', fc([poly('Atlantis', square(10, 52, 0.01))]), { feature: 0, value: 'Atlantis', key: 'data.unknownStadtteil' }],
		['path traversal id', fc([{ ...poly('', square(10, 52, 0.01)), properties: { id: '../../../etc/passwd' } }]), { feature: 0, value: '../../../etc/passwd' }],
		['duplicate id', fc([poly('A', square(10, 52, 0.01)), poly('a', square(10.01, 52, 0.01))]), { feature: 1, key: 'data.duplicateFeature' }],
		['missing Stadtteil', fc([poly('A', square(10, 52, 0.01))]), { value: 'b', key: 'data.noBoundary' }],
		[
			'self-intersection',
			fc([
				poly('A', [
					[
						[10, 52],
						[10.01, 52.01],
						[10.01, 52],
						[10, 52.01],
						[10, 52]
					]
				]),
				poly('B', square(10.02, 52, 0.01))
			]),
			{ feature: 0, key: 'data.selfIntersection' }
		],
		['overlap', fc([poly('A', square(10, 52, 0.01)), poly('B', square(10.005, 52, 0.01))]), { feature: 0, key: 'data.overlaps', params: { id: 'b' } }],
		[
			'gap',
			fc([
				poly('A', [
					[
						[10, 52],
						[10.03, 52],
						[10.03, 52.01],
						[10.02, 52.01],
						[10.02, 52.005],
						[10.01, 52.005],
						[10.01, 52.01],
						[10, 52.01],
						[10, 52]
					]
				]),
				poly('B', [
					[
						[10, 52.01],
						[10.01, 52.01],
						[10.01, 52.006],
						[10.02, 52.006],
						[10.02, 52.01],
						[10.03, 52.01],
						[10.03, 52.02],
						[10, 52.02],
						[10, 52.01]
					]
				])
			]),
			{ key: 'data.gap' }
		]
	])('%s', (_name, text, problem) => {
		const r = parseBoundaries(text, 'g.geojson', three);
		expect(r.ok).toBe(false);
		expect(r.ok ? null : r.problems[0]).toMatchObject({ file: 'g.geojson', ...problem });
	});
	it('refuses one vertex more than the limit before any geometry work', () => {
		const ring = Array.from({ length: MAX_VERTICES }, (_, i) => [10 + Math.cos(i) / 100, 52 + Math.sin(i) / 100]);
		ring.push(ring[0]);
		// The ring crosses itself everywhere and Stadtteil B has no boundary: had any geometry
		// or completeness check run first, it would report that. The vertex count is the only problem.
		const r = parseBoundaries(fc([poly('A', [ring])]), 'g', three);
		expect(r).toMatchObject({ ok: false, problems: [{ key: 'data.tooManyVertices', params: { n: MAX_VERTICES + 1, max: MAX_VERTICES } }] });
	});
	it('measures nesting outside strings only', () => expect(jsonDepth('{"a":"[[[[","b":[[1]]}')).toBe(3));
});
