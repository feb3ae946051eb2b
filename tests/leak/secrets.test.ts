// The leak scan on hand-made bodies: what it must find (ids as keys and in OGC spelling, labels,
// values as JSON, German and English numbers, a leaked column) and what it must let pass.
import { describe, expect, it } from 'vitest';
import { normalise, numberTokens, Secrets, stripGeometry, type ServedValue } from './secrets';

const indicators = [
	{
		id: 'sgb2-quote',
		label: { de: 'Testquote Leistungsbezug', en: 'Test benefit rate' },
		description: { de: 'Anteil der Testpersonen im Leistungsbezug je 100 Testpersonen.', en: 'Share of test persons on benefits per 100 test persons.' },
		decimals: 1
	},
	{
		id: 'testbevoelkerung',
		label: { de: 'Testbevölkerung', en: 'Test population' },
		description: { de: 'Gezählte Testbevölkerung am Stichtag.', en: 'Counted test population on the reference date.' },
		decimals: 0
	}
];
// Eight areas with rates 11.1 … 18.8 and populations 40123 … 47123.
const values: ServedValue[] = Array.from({ length: 8 }, (_, i) => [
	{ indicator: 'sgb2-quote', area: `a${i}`, level: 'stadtteil', year: 2023, value: 11.1 * (1 + i / 10), numerator: null, denominator: null },
	{ indicator: 'testbevoelkerung', area: `a${i}`, level: 'stadtteil', year: 2023, value: 40123 + i * 1000 }
]).flat();
for (const v of values) v.value = Math.round(v.value! * 10) / 10;
const secrets = new Secrets(indicators, values);
const kinds = (body: string, echo: string[] = []) => secrets.scan(body, new Set(echo)).map((f) => `${f.kind} ${f.what.split(' (')[0]}`);

describe('the leak scan', () => {
	it('finds ids as JSON keys and values, in OGC spelling, and not inside other words', () => {
		expect(kinds('{"sgb2-quote":12.2}')).toContain('id sgb2-quote');
		expect(kinds('{"sgb2_quote_jahr":2023}')).toContain('id sgb2_quote');
		expect(kinds('<option value="testbevoelkerung">')).toContain('id testbevoelkerung');
		expect(kinds('{"testbevoelkerung-zeitreihe":1,"x":"testbevoelkerungsdichte"}')).toEqual([]);
	});

	it('lets a problem repeat the id the request named', () => {
		expect(kinds('{"detail":"Unbekannter Indikator: sgb2-quote"}', ['sgb2-quote'])).toEqual([]);
	});

	it('finds labels and descriptions, also behind HTML entities and JSON escapes', () => {
		expect(kinds('<h1>Testbev&ouml;lkerung</h1>')).toContain('label Testbevölkerung');
		expect(kinds('{"t":"Test\\u0062enefit rate? no: Test benefit rate"}')).toContain('label Test benefit rate');
		expect(kinds('<p>Gezählte Testbevölkerung am Stichtag.</p>')).toContain('description Gezählte Testbevölkerung am Stichtag.');
	});

	it('finds a distinctive value in JSON, German and English spelling', () => {
		expect(kinds('{"value":40123}')).toContain('value 40123');
		expect(kinds('<td>40.123 Personen</td>')).toContain('value 40.123');
		expect(kinds('<td>40,123 persons</td>')).toContain('value 40,123');
		// Part of a longer number, a hash or a coordinate is no value.
		expect(kinds('{"n":401234,"h":"ab40123c","g":{"type":"Point","coordinates":[40123.5,1]}}')).toEqual([]);
	});

	it('finds a leaked column of short values, but not a few of them by chance', () => {
		const column = values.filter((v) => v.indicator === 'sgb2-quote').map((v) => String(v.value).replace('.', ','));
		expect(kinds(`<table>${column.map((c) => `<td>${c} %</td>`).join('')}</table>`)).toContain(
			'series values of sgb2-quote over the stadtteil areas in 2023 [1]'
		);
		expect(
			kinds(
				`<table>${column
					.slice(0, 3)
					.map((c) => `<td>${c} %</td>`)
					.join('')}</table>`
			)
		).toEqual([]);
	});

	it('leaves public facts out', () => {
		const withFacts = new Secrets(indicators, values, numberTokens('Die Stadt hatte 40123 Einwohner (Quelle).'));
		expect(withFacts.scan('{"population":40123}', new Set())).toEqual([]);
	});
});

describe('reading bodies', () => {
	it('decodes entities, JSON escapes and %-escapes', () => {
		expect(normalise('a&amp;b &#228; \\u00e4 %C3%A4 &unknown;')).toBe('a&b ä ä ä &unknown;');
	});

	it('reads numbers whole and split at commas', () => {
		expect([...numberTokens('[1.5,2.5] 40.123,5 x12 3')]).toEqual(['1.5,2.5', '1.5', '2.5', '40.123,5', '40.123', '5', '3']);
		// A German decimal in a `;`-separated CSV cell is one number; the same digits in JSON or a comma CSV are two.
		expect([...numberTokens('a;10,3325;52,17074\nb;16,1;x')]).toEqual(['10,3325', '52,17074', '16,1']);
		expect([...numberTokens('a,52,17074')]).toEqual(['52,17074', '52', '17074']);
	});

	it('drops coordinates and SVG path data', () => {
		expect(stripGeometry('{"coordinates":[[1,2],[3,4]],"v":5} <path d="M1 2L3 4"/>')).toBe('{"geometry-removed":0,"v":5} <path />');
		// The area measured from the served shape goes too, in JSON, escaped JSON and page data; the official size stays.
		expect(stripGeometry('{"areaKm2":4.475,"officialAreaKm2":4.481} \\"areaKm2\\":4.475 areaKm2:4.475')).toBe(
			'{"areaKm2":0,"officialAreaKm2":4.481} \\"areaKm2\\":0 areaKm2:0'
		);
	});
});
