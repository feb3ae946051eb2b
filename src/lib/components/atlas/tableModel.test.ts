// The area table's model on a level of 12,000 areas: sorting with missing values last, the search
// (words, diacritics, ids), the drawn window and the keys of grid navigation.
import { describe, expect, it } from 'vitest';
import { keyTarget, scrollToShow, searchRows, searchable, sortRows, visibleWindow, type TableRow } from './tableModel';

const row = (area: string, name: string, value: number | null, rank: number | null = null): TableRow => ({
	area,
	name,
	value,
	rank,
	deviation: value === null ? null : { absolute: value - 10, relativePct: (value - 10) * 10 }
});
/** 12,000 cells named like census cells; value i % 97, every 50th without a value. */
const large = Array.from({ length: 12_000 }, (_, i) => row(`c${i}`, `Zelle ${i}`, i % 50 === 0 ? null : i % 97));

describe('sortRows', () => {
	const rows = [row('a', 'Alt', 3), row('b', 'Bad', null), row('c', 'Über', 1), row('d', 'Dorf', 3)];
	it('sorts by value either way with missing values last and ties by name', () => {
		expect(sortRows(rows, 'value', true).map((r) => r.area)).toEqual(['c', 'a', 'd', 'b']);
		expect(sortRows(rows, 'value', false).map((r) => r.area)).toEqual(['a', 'd', 'c', 'b']);
	});
	it('sorts names by the German collation (Ü with U, not after Z)', () => {
		expect(sortRows(rows, 'name', true).map((r) => r.name)).toEqual(['Alt', 'Bad', 'Dorf', 'Über']);
	});
	it('sorts 12,000 rows and keeps the 240 without a value at the end', () => {
		const sorted = sortRows(large, 'value', false);
		expect(sorted).toHaveLength(12_000);
		expect(sorted[0].value).toBe(96);
		expect(sorted.slice(-240).every((r) => r.value === null)).toBe(true);
		expect(sorted[11_759].value).toBe(0);
	});
});

describe('searchRows', () => {
	const rows = [row('n1', 'Lebenstedt-Süd', 1), row('n2', 'Straßenfeld', 2), row('CRS3035RES100mN3260000E4380000', 'Rasterzelle', 3)];
	it('ignores case and diacritics and reads ß as ss', () => {
		expect(searchable('Süd STRASSE Straße')).toBe('sud strasse strasse');
		expect(searchRows(rows, 'sud').map((r) => r.area)).toEqual(['n1']);
		expect(searchRows(rows, 'STRASSEN').map((r) => r.area)).toEqual(['n2']);
	});
	it('needs every word and finds ids too', () => {
		expect(searchRows(rows, 'leben süd').map((r) => r.area)).toEqual(['n1']);
		expect(searchRows(rows, 'leben nord')).toEqual([]);
		expect(searchRows(rows, 'n3260000e438').map((r) => r.name)).toEqual(['Rasterzelle']);
	});
	it('keeps every row for an empty query', () => {
		expect(searchRows(rows, '  ')).toHaveLength(3);
	});
	it('finds the cells whose name contains 1234 among 12,000 (1234 and 11234; 1234x would be past 11999)', () => {
		expect(searchRows(large, '1234').map((r) => r.area)).toEqual(['c1234', 'c11234']);
		expect(searchRows(large, 'zelle 999')).toHaveLength(1 + 10 + 10);
	});
});

describe('visibleWindow', () => {
	it('draws the rows in view plus the overscan, clamped to the table', () => {
		expect(visibleWindow(0, 280, 12_000, 28, 8)).toEqual({ start: 0, end: 18 });
		expect(visibleWindow(28 * 5000, 280, 12_000, 28, 8)).toEqual({ start: 4992, end: 5018 });
		expect(visibleWindow(28 * 11_995, 280, 12_000, 28, 8)).toEqual({ start: 11_987, end: 12_000 });
		expect(visibleWindow(0, 280, 3, 28, 8)).toEqual({ start: 0, end: 3 });
	});
	it('draws far fewer rows than the level has', () => {
		const { start, end } = visibleWindow(123_456, 400, 12_000);
		expect(end - start).toBeLessThan(40);
	});
});

describe('keyTarget', () => {
	it('moves by one, by a page and to the ends, clamped', () => {
		expect(keyTarget('ArrowDown', 4, 12_000, 10)).toBe(5);
		expect(keyTarget('ArrowUp', 0, 12_000, 10)).toBe(0);
		expect(keyTarget('PageDown', 4, 12_000, 10)).toBe(14);
		expect(keyTarget('PageUp', 4, 12_000, 10)).toBe(0);
		expect(keyTarget('End', 4, 12_000, 10)).toBe(11_999);
		expect(keyTarget('Home', 4, 12_000, 10)).toBe(0);
		expect(keyTarget('PageDown', 11_995, 12_000, 10)).toBe(11_999);
	});
	it('ignores other keys and empty tables', () => {
		expect(keyTarget('a', 4, 12_000, 10)).toBeNull();
		expect(keyTarget('ArrowDown', 0, 0, 10)).toBeNull();
	});
});

describe('scrollToShow', () => {
	it('scrolls only as far as needed', () => {
		expect(scrollToShow(5, 0, 280, 28)).toBe(0);
		expect(scrollToShow(10, 0, 280, 28)).toBe(28);
		expect(scrollToShow(2, 280, 280, 28)).toBe(56);
	});
});
