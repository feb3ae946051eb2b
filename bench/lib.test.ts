import { describe, expect, it } from 'vitest';
import { formatTable, median, percent, rowsFromOutput, times, type BenchRow } from './lib';

const row = (figure: string, pass: boolean | null): BenchRow => ({ figure, value: '812 ms', baseline: '700 ms', ratio: '1.16×', target: '≤ 1.20×', pass });

describe('median', () => {
	it('takes the middle value of an odd count and the mean of the two middle ones of an even count', () => {
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([7])).toBe(7);
	});
	it('leaves its input unsorted', () => {
		const xs = [3, 1, 2];
		median(xs);
		expect(xs).toEqual([3, 1, 2]);
	});
	it('refuses an empty list', () => {
		expect(() => median([])).toThrow();
	});
});

describe('formatters', () => {
	it('write ratios and shares with their unit', () => {
		expect(times(812 / 700)).toBe('1.16×');
		expect(percent(0.3125)).toBe('31.3 %');
	});
});

describe('formatTable', () => {
	it('writes a Markdown table with padded columns and pass, FAIL or a dash', () => {
		const table = formatTable([row('map load', true), row('API', false), row('size', null)]);
		expect(table.split('\n')).toEqual([
			'| figure   | value  | baseline | ratio | target  | result |',
			'| -------- | ------ | -------- | ----- | ------- | ------ |',
			'| map load | 812 ms | 700 ms   | 1.16× | ≤ 1.20× | pass   |',
			'| API      | 812 ms | 700 ms   | 1.16× | ≤ 1.20× | FAIL   |',
			'| size     | 812 ms | 700 ms   | 1.16× | ≤ 1.20× | —      |'
		]);
	});
	it('escapes pipes inside cells', () => {
		expect(formatTable([{ ...row('a|b', true) }])).toContain('a\\|b');
	});
});

describe('rowsFromOutput', () => {
	it('finds the last line of rows in a sub-bench output, bare or as { rows }', () => {
		const rows = [row('catchments', true)];
		expect(rowsFromOutput(`catchments bench: …\n  ratio: 200×\n${JSON.stringify({ rows, naiveMs: 7000 })}\n`)).toEqual(rows);
		expect(rowsFromOutput(`${JSON.stringify([row('old', false)])}\n${JSON.stringify(rows)}`)).toEqual(rows);
	});
	it('gives null for output without rows', () => {
		expect(rowsFromOutput('size of /embed: 41 kB\n{"bytes": 41000}\n[1, 2]')).toBeNull();
		expect(rowsFromOutput('')).toBeNull();
	});
});
