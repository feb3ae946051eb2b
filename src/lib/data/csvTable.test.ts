import { describe, expect, it } from 'vitest';
import { csvRecords, csvRows, csvText } from './csvTable';

describe('csvRows and csvText (geodata/ CSV: commas, RFC 4180 quotes)', () => {
	it('reads quoted commas, doubled quotes and line breaks in quotes, with or without BOM and CRLF', () => {
		const text = '\uFEFFa,b\r\n"x,y","say ""hi"""\r\n"two\nlines",\r\n';
		expect(csvRows(text)).toEqual([
			['a', 'b'],
			['x,y', 'say "hi"'],
			['two\nlines', '']
		]);
	});

	it('takes a final line end as the end of the last row, not as an empty row', () => {
		expect(csvRows('a\n1\n')).toEqual([['a'], ['1']]);
		expect(csvRows('a\n1')).toEqual([['a'], ['1']]);
		expect(csvRows('')).toEqual([]);
	});

	it('keys records by the header, filling short rows with empty cells', () => {
		expect(csvRecords('id,name,n\nx,"A, B"\ny,C,3,extra\n')).toEqual({
			columns: ['id', 'name', 'n'],
			records: [
				{ id: 'x', name: 'A, B', n: '' },
				{ id: 'y', name: 'C', n: '3' }
			]
		});
	});

	it('writes what it reads, quoting only where a cell needs it', () => {
		const rows = [
			['area_id', 'value'],
			['thiede', '12.5'],
			['a,b', 'say "hi"']
		];
		expect(csvText(rows)).toBe('area_id,value\nthiede,12.5\n"a,b","say ""hi"""');
		expect(csvRows(csvText(rows))).toEqual(rows);
	});
});
