// Unit tests of the import parsers: German numbers, encodings, header names, GeoJSON boundaries (the
// table importer's own tests, with the pipeline, are in src/lib/server/tableImport.test.ts).
// Hostile inputs here assert the reason's catalogue key (what) and where; tests/admin/ repeats the worst of them
// against the server and checks that the store stays unchanged.
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode';
import { jsonDepth, MAX_VERTICES, parseBoundaries } from './boundaries';
import { indicatorFromFileName, wideColumn } from './germanCsv';
import { parseGermanNumber } from './germanNumber';

const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => ({ ä: 0xe4, ö: 0xf6, ü: 0xfc, ß: 0xdf, Ä: 0xc4, Ö: 0xd6, Ü: 0xdc })[c] ?? c.charCodeAt(0)));

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

describe('header names of the wide layout and indicators in file names', () => {
	const indicators = [
		{ id: 'sgb2-quote', label: 'SGB-II-Quote' },
		{ id: 'einwohner', label: 'Einwohner' }
	];
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
	it('finds the indicator a file is named after', () => {
		expect(indicatorFromFileName('SGB-II-Quote 2023.csv', indicators)).toEqual({ id: 'sgb2-quote' });
		expect(indicatorFromFileName('export_2023.csv', indicators)).toBeNull();
		expect(indicatorFromFileName('sgb2-quote_einwohner.csv', indicators)).toEqual({ ambiguous: ['sgb2-quote', 'einwohner'] });
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
