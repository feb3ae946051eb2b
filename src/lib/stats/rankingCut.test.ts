// The cut ranking: ends, selection in place, gaps counted by hand.
import { describe, expect, it } from 'vitest';
import { rankingCut } from './rankingCut';

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ area: `a${i}` }));
const shape = (items: ReturnType<typeof rankingCut<{ area: string }>>) => items.map((it) => (it.kind === 'row' ? it.row.area : `…${it.count}`));

describe('rankingCut', () => {
	it('keeps the top and bottom 3 of 10 with one gap of 4', () => {
		expect(shape(rankingCut(rows(10), [], 3))).toEqual(['a0', 'a1', 'a2', '…4', 'a7', 'a8', 'a9']);
	});
	it('keeps a selected area in its place, splitting the gap', () => {
		expect(shape(rankingCut(rows(10), ['a5'], 3))).toEqual(['a0', 'a1', 'a2', '…2', 'a5', '…1', 'a7', 'a8', 'a9']);
	});
	it('needs no gap for a selection next to the top', () => {
		expect(shape(rankingCut(rows(10), ['a3', 'a4'], 3))).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', '…2', 'a7', 'a8', 'a9']);
	});
	it('keeps every row when the ends overlap', () => {
		expect(shape(rankingCut(rows(5), [], 3))).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
	});
	it('cuts 12,000 areas to 20 bars and 2 selected, 3 gaps adding up to the rest', () => {
		const items = rankingCut(rows(12_000), ['a6000', 'a42'], 10);
		expect(items.filter((i) => i.kind === 'row')).toHaveLength(22);
		const gaps = items.flatMap((i) => (i.kind === 'gap' ? [i.count] : []));
		expect(gaps).toEqual([32, 5957, 5989]);
		expect(gaps.reduce((a, b) => a + b, 0)).toBe(12_000 - 22);
	});
	it('ignores selected ids that are not ranked (no value)', () => {
		expect(shape(rankingCut(rows(10), ['x'], 3))).toEqual(['a0', 'a1', 'a2', '…4', 'a7', 'a8', 'a9']);
	});
});
