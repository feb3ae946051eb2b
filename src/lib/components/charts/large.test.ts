// The ranking and the distribution of a level of 12,000 areas, rendered on the server: the ranking
// draws the top and bottom 10 and the selection with gaps counted; the distribution draws a
// histogram split at the class breaks instead of 12,000 dots; the scatter chart draws its dots as
// one path and finds the hovered one by an index. Small levels are charts.test.ts's.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { IndicatorMeta } from '$lib/data/contracts';
import DeviationChart from './DeviationChart.svelte';
import DistributionChart from './DistributionChart.svelte';
import RankingChart from './RankingChart.svelte';
import ScatterChart from './ScatterChart.svelte';
import { nearestPoint, pointIndex, scatterPairs } from './scatterPoints';
import type { PanelRow } from './types';

const meta: IndicatorMeta = {
	id: 'quote',
	label: { de: 'Quote', en: 'Rate' },
	description: { de: '', en: '' },
	unit: { de: '%', en: '%' },
	visibility: 'public',
	domain: 'soziales',
	polarity: 'higher-worse',
	aggregation: { method: 'rate', scale: 100 },
	range: [0, 100],
	decimals: 1,
	datasets: ['test'],
	source: 'test',
	licence: 'test',
	beispieldaten: true,
	years: [2022]
};
/** Cell i has value i / 120 (0 … 99.99), cell 5 none; rank 1 is the highest value. */
const rows: PanelRow[] = Array.from({ length: 12_000 }, (_, i) => ({
	area: `c${i}`,
	name: `Zelle ${i}`,
	year: 2022,
	stand: null,
	value: i === 5 ? null : i / 120,
	rank: i === 5 ? null : 12_000 - i,
	deviation: i === 5 ? null : { absolute: i / 120 - 50, relativePct: ((i / 120 - 50) / 50) * 100 }
}));
const reference = { name: 'Stadt', value: 50, year: 2022 };
const breaks = [0, 25, 50, 75, 99.99166666666666];
const colours = ['#c1', '#c2', '#c3', '#c4'].map((c) => c.replace('c', 'aaaa'));
const props = (selection: string[]) => ({ id: 'x', meta, rows, reference, breaks, colours, interaction: { hovered: null, selection }, locale: 'de' as const });
const areasOf = (svg: string) => [...svg.matchAll(/<rect\b[^>]*\bdata-area="([^"]+)"/g)].map((m) => m[1]);

describe('RankingChart of a large level', () => {
	const { body } = render(RankingChart, { props: props(['c6000', 'c42']) });
	it('draws the top and bottom 10 and the two selected areas in their places', () => {
		const bars = areasOf(body);
		const top = Array.from({ length: 10 }, (_, i) => `c${11_999 - i}`);
		const bottom = ['c9', 'c8', 'c7', 'c6', 'c4', 'c3', 'c2', 'c1', 'c0'];
		// Ranked by value, highest first: c11999 … c11990, gap, c6000, gap, c42, gap, c10, c9, …, c0 (c5 has no value).
		expect(bars).toEqual([...top, 'c6000', 'c42', 'c10', ...bottom]);
	});
	it('says how many areas each gap leaves out', () => {
		// 11,999 ranked: positions 10…5998 (5,989), 6000…11956 (5,957), 11958…11988 (31) are left out.
		expect(body).toContain('… 5.989 weitere …');
		expect(body).toContain('… 5.957 weitere …');
		expect(body).toContain('… 31 weitere …');
		expect(body).toContain('Gezeigt: die obersten und untersten 10 von 11.999 Gebieten und die Auswahl.');
		expect(body).toContain('Ohne Wert: 1 Gebiete.');
	});
	it('keeps the page free of a 12,000-row table', () => {
		expect(body.match(/<tr>/g)?.length ?? 0).toBeLessThan(30);
	});
});

describe('DistributionChart of a large level', () => {
	const { body } = render(DistributionChart, { props: props(['c6000']) });
	const bins = [...body.matchAll(/<rect\b[^>]*\bdata-count="(\d+)"[^>]*\bfill="([^"]+)"|<rect\b[^>]*\bfill="([^"]+)"[^>]*\bdata-count="(\d+)"/g)].map((m) => ({
		count: Number(m[1] ?? m[4]),
		fill: m[2] ?? m[3]
	}));
	it('draws a few dozen bins, not 12,000 dots, holding every value once', () => {
		expect(body).not.toMatch(/<circle\b[^>]*data-area/);
		expect(bins.length).toBeGreaterThan(10);
		expect(bins.length).toBeLessThan(60);
		expect(bins.reduce((s, b) => s + b.count, 0)).toBe(11_999);
	});
	it('colours the bins by class: a quarter of the values in each', () => {
		const perColour = new Map<string, number>();
		for (const b of bins) perColour.set(b.fill, (perColour.get(b.fill) ?? 0) + b.count);
		// Values below 25 are cells 0…2999 less cell 5: 2,999.
		expect([...perColour.entries()]).toEqual([
			['#aaaa1', 2999],
			['#aaaa2', 3000],
			['#aaaa3', 3000],
			['#aaaa4', 3000]
		]);
	});
	it('marks the class breaks and the selected area', () => {
		expect(body.match(/data-break=/g)).toHaveLength(5);
		expect(body).toMatch(/<line\b[^>]*data-area="c6000"/);
		expect(body).toContain('Histogramm von 11.999 Werten');
	});
});

describe('DeviationChart of a large level', () => {
	const { body } = render(DeviationChart, { props: props(['c42']) });
	it('draws both ends and the selection, with the gaps counted', () => {
		const bars = areasOf(body);
		expect(bars).toHaveLength(21);
		expect(bars.slice(0, 2)).toEqual(['c11999', 'c11998']);
		expect(bars).toContain('c42');
		expect(bars[bars.length - 1]).toBe('c0');
		// Between c11990 (position 9) and c42 (11,957): 11,947 left out; then c10 … (31).
		expect(body).toContain('… 11.947 weitere …');
		expect(body).toContain('… 31 weitere …');
	});
});

describe('ScatterChart of a large level', () => {
	/** y of cell i: its x mirrored with a wobble, in reverse order (the join is by id, not position). */
	const yRows = rows.map((r, i) => ({ ...r, value: i === 7 ? null : 100 - i / 120 + (i % 13) })).reverse();
	const { body } = render(ScatterChart, {
		props: {
			id: 's',
			xMeta: meta,
			yMeta: { ...meta, id: 'other' },
			xRows: rows,
			yRows,
			interaction: { hovered: 'c300', selection: ['c42'] },
			locale: 'de' as const
		}
	});
	it('draws the 11,998 complete pairs as one path, with only the selected and the hovered dot as marks', () => {
		expect(body).toMatch(/<path\b[^>]*data-points="11998"/);
		expect([...body.matchAll(/<circle\b[^>]*data-area="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual(['c300', 'c42']);
		expect(body).toContain('data-n="11998"');
		expect(body).toContain('11.998 Punkte; die Tabelle enthält die ausgewählten Gebiete.');
		// The table holds the selection, not 12,000 rows.
		expect(body.match(/<tr>/g)?.length).toBe(2);
	});
	it('joins the pairs by area id', () => {
		const pairs = scatterPairs(rows, yRows);
		expect(pairs[42]).toMatchObject({ row: { area: 'c42' }, y: 100 - 42 / 120 + (42 % 13) });
		expect(pairs[7].y).toBeNull();
		expect(scatterPairs(rows, yRows.slice(0, -1))[0].y).toBeNull();
	});
});

describe("the scatter chart's hover lookup", () => {
	// 10,000 points scattered over a 640 × 360 chart, the same each run.
	let seed = 7;
	const rnd = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
	const points = Array.from({ length: 10_000 }, (_, i) => ({ id: `p${i}`, cx: 64 + rnd() * 556, cy: 24 + rnd() * 292 }));
	const index = pointIndex(points);
	const brute = (x: number, y: number) => points.reduce((best, p) => ((p.cx - x) ** 2 + (p.cy - y) ** 2 < (best.cx - x) ** 2 + (best.cy - y) ** 2 ? p : best));
	it('finds the nearest point, as a search over all points does', () => {
		let last = 0;
		for (let k = 0; k < 500; k++) {
			const [x, y] = [64 + rnd() * 556, 24 + rnd() * 292];
			const found = nearestPoint(index, x, y, Infinity, last)!;
			expect(found.id).toBe(brute(x, y).id);
			last = found.i;
		}
	});
	it('finds nothing beyond its reach: a pointer over empty chart hovers no point', () => {
		const sparse = pointIndex([
			{ id: 'a', cx: 100, cy: 100 },
			{ id: 'b', cx: 300, cy: 200 }
		]);
		expect(nearestPoint(sparse, 108, 100, 12)).toEqual({ id: 'a', i: 0 });
		expect(nearestPoint(sparse, 200, 150, 12)).toBeNull();
		expect(nearestPoint(sparse, 295, 205, 12, 1)?.id).toBe('b');
		expect(nearestPoint(pointIndex([]), 1, 1, 12)).toBeNull();
	});
});
