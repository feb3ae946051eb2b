import { describe, expect, it } from 'vitest';
import { defuseText } from '$lib/data/csv';
import { toGermanCsv } from './csv';

describe('toGermanCsv', () => {
	it('writes a BOM, semicolons, decimal commas and CRLF', () => {
		expect(
			toGermanCsv(
				['Gebiet', 'Wert'],
				[
					['Salder', 12.5],
					['Lesse', 3]
				]
			)
		).toBe('\uFEFFGebiet;Wert\r\nSalder;12,5\r\nLesse;3\r\n');
	});
	it('quotes separators, quotes and line breaks', () => {
		expect(toGermanCsv(['a'], [['x;y'], ['say "hi"'], ['two\nlines']])).toBe('\uFEFFa\r\n"x;y"\r\n"say ""hi"""\r\n"two\nlines"\r\n');
	});
	it('leaves missing values empty and defuses formulas', () => {
		expect(toGermanCsv(['a', 'b', 'c'], [[null, '=HYPERLINK("x")', -3.25]])).toBe('\uFEFFa;b;c\r\n;"\'=HYPERLINK(""x"")";-3,25\r\n');
	});
	it.each(['=1+1', '+49 5341', '-Liste', '@SUM(A1)', '\t=cmd', '\r=cmd'])('defuses text starting like a formula: %j', (text) => {
		expect(defuseText(text)).toBe(`'${text}`);
		// The header too: the apostrophe comes first, inside the quotes where the cell needs them.
		expect(toGermanCsv([text], [])).toMatch(/^\uFEFF"?'/);
	});
	it('leaves ordinary text and negative numbers alone', () => {
		expect(defuseText('Lebenstedt')).toBe('Lebenstedt');
		expect(defuseText('3-Zimmer')).toBe('3-Zimmer');
		expect(toGermanCsv(['Wert'], [[-12.5]])).toBe('\uFEFFWert\r\n-12,5\r\n');
	});
});
