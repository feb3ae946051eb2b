// Server-rendered SVG of the charts (svelte/server), checked on key attributes: number and order
// of the bars, axis ticks, the reference line at the city value, gaps in lines, r and n.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { IndicatorMeta } from '$lib/data/contracts';
import IndicatorPanels from '$lib/components/panels/IndicatorPanels.svelte';
import DeviationChart from './DeviationChart.svelte';
import RankingChart from './RankingChart.svelte';
import ScatterChart from './ScatterChart.svelte';
import TimeSeriesChart from './TimeSeriesChart.svelte';
import type { PanelRow } from './types';

const meta = (id: string, beispieldaten = true): IndicatorMeta => ({
	id,
	label: { de: id.toUpperCase(), en: id },
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
	beispieldaten,
	years: [2019, 2020, 2021, 2022]
});

const row = (area: string, value: number | null, rank: number | null, ref = 18): PanelRow => ({
	area,
	name: area.toUpperCase(),
	year: 2022,
	stand: null,
	value,
	rank,
	deviation: value === null ? null : { absolute: value - ref, relativePct: ((value - ref) / ref) * 100 }
});
// B 30 > C 20 = E 20 > A 10; D has no value
const rows = [row('a', 10, 4), row('b', 30, 1), row('c', 20, 2), row('d', null, null), row('e', 20, 2)];
const reference = { name: 'Stadt', value: 18, year: 2022 };
const interaction = { hovered: null, selection: ['c'] };

const attrs = (svg: string, tag: string, attr: string) => [...svg.matchAll(new RegExp(`<${tag}\\b[^>]*\\b${attr}="([^"]*)"`, 'g'))].map((m) => m[1]);
const rects = (svg: string) =>
	[...svg.matchAll(/<rect\b([^>]*)>/g)].map((m) => Object.fromEntries([...m[1].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));

describe('RankingChart', () => {
	const { body } = render(RankingChart, {
		props: { id: 'r', meta: meta('q'), rows, reference, breaks: [10, 15, 25, 30], colours: ['#aaaaaa', '#bbbbbb', '#cccccc'], interaction, locale: 'de' }
	});
	const bars = rects(body).filter((r) => r['data-area']);

	it('draws one bar per district with a value, highest first, ties by name', () => {
		expect(bars.map((b) => b['data-area'])).toEqual(['b', 'c', 'e', 'a']);
		expect(body).toContain('Ohne Wert: D.');
	});
	it('scales bars from zero and colours them by map class', () => {
		// x: [0, 30] → [140, 576]
		expect(bars.map((b) => Number(b.width).toFixed(2))).toEqual(['436.00', '290.67', '290.67', '145.33']);
		expect(bars.map((b) => b.x)).toEqual(['140', '140', '140', '140']);
		expect(bars.map((b) => b.fill)).toEqual(['#cccccc', '#bbbbbb', '#bbbbbb', '#aaaaaa']);
		expect(bars.find((b) => b['data-area'] === 'c')!['aria-pressed']).toBe('true');
	});
	it('labels the axis with nice ticks and puts the reference line at the city value', () => {
		expect(attrs(body, 'text', 'data-tick')).toEqual(['0', '5', '10', '15', '20', '25', '30']);
		// 140 + 18/30 · 436 = 401.6
		expect(body).toMatch(/data-reference="18" data-pos="401.60"/);
	});
	it('has a title, a summary, a Beispieldaten badge and a data table', () => {
		expect(body).toContain('Rangfolge: Q');
		expect(body).toContain('4 Gebiete. Höchster Wert: B (30,0 %), niedrigster: A (10,0 %). Stadt: 18,0 %; 3 Gebiete liegen darüber.');
		// The badge renders its text through a snippet, after a hydration marker.
		expect(body).toMatch(/class="badge beispieldaten[^"]*"[^>]*>(<!---->)?Beispieldaten</);
		expect((body.match(/<tr>/g) ?? []).length).toBe(1 + 5);
	});
});

describe('RankingChart with long names', () => {
	const long = [
		{ ...row('g1', 12, 1), name: 'CRS3035RES100mN3227700E4342700' },
		{ ...row('g2', 11, 2), name: 'Warmensteinacher Forst-Nord' },
		{ ...row('g3', 10, 3), name: 'Asbach' }
	];
	const { body } = render(RankingChart, {
		props: { id: 'r', meta: meta('q'), rows: long, reference, breaks: [10, 11, 12], colours: ['#aaaaaa', '#bbbbbb'], interaction, locale: 'de' }
	});
	const names = [...body.matchAll(/<text\b[^>]*text-anchor="end"[^>]*>(?:<!---->)?<title>([^<]*)<\/title>([^<]*)<\/text>/g)].map((m) => [m[1], m[2]]);

	it('cuts a name longer than the margin holds in its middle, keeping its end, and names it whole in its tooltip', () => {
		expect(names).toEqual([
			['CRS3035RES100mN3227700E4342700', 'CRS3035…3227700E4342700'],
			['Warmensteinacher Forst-Nord', 'Warmens…cher Forst-Nord'],
			['Asbach', 'Asbach']
		]);
		for (const [, shown] of names) expect([...shown].length).toBeLessThanOrEqual(23);
	});
});

describe('DeviationChart', () => {
	const { body } = render(DeviationChart, { props: { id: 'd', meta: meta('q'), rows, reference, interaction, locale: 'de' } });
	it('orders diverging bars by deviation and centres the city at zero', () => {
		const bars = rects(body).filter((r) => r['data-area']);
		expect(bars.map((b) => b['data-area'])).toEqual(['b', 'c', 'e', 'a']);
		// deviations +12, +2, +2, −8 → domain [−12, 12] → [140, 584]; zero at 362
		expect(body).toMatch(/data-reference="18" data-pos="362.00"/);
		expect(Number(bars[3].x) + Number(bars[3].width)).toBeCloseTo(362, 6);
		expect(Number(bars[0].x)).toBeCloseTo(362, 6);
		expect(body).toContain('3 Gebiete liegen über, 1 unter dem Wert von Stadt');
	});
});

describe('TimeSeriesChart', () => {
	const years = [2019, 2020, 2021, 2022];
	const series = {
		years,
		city: { area: 'stadt', name: 'Stadt', values: years.map((year, i) => ({ year, value: [10, 11, 12, 13][i], stand: null })) },
		areas: [
			{ area: 'a', name: 'A', values: years.map((year, i) => ({ year, value: [1, null, 3, 4][i], stand: null })) },
			{ area: 'b', name: 'B', values: years.map((year, i) => ({ year, value: [5, 6, 7, 8][i], stand: null })) }
		]
	};
	const { body } = render(TimeSeriesChart, {
		props: { id: 't', meta: meta('q'), series, highlight: ['a'], interaction: { hovered: null, selection: ['a'] }, locale: 'de' }
	});
	const d = (area: string) =>
		body.match(new RegExp(`<path d="([^"]*)"[^>]*data-area="${area}"`))?.[1] ?? body.match(new RegExp(`data-area="${area}" d="([^"]*)"`))![1];
	it('breaks the line at a missing year instead of interpolating', () => {
		expect(d('a').match(/M/g)).toHaveLength(2);
		expect(d('b').match(/M/g)).toHaveLength(1);
		expect(d('stadt').match(/M/g)).toHaveLength(1);
		expect(body).toContain('A: 1,0 % (2019) bis 4,0 % (2022), 1 Jahre ohne Wert.');
	});
	it('labels years as plain integers', () => {
		expect(attrs(body, 'text', 'data-tick').filter((t) => t.length === 4)).toEqual(['2019', '2020', '2021', '2022']);
	});
});

describe('ScatterChart', () => {
	it('states Pearson r and its n over complete pairs', () => {
		const xs = [1, 2, 3, 4, 5, null];
		const ys = [2, 4, 5, 4, 5, 9];
		const { body } = render(ScatterChart, {
			props: {
				id: 's',
				xMeta: meta('x'),
				yMeta: meta('y'),
				xRows: xs.map((v, i) => row(`a${i}`, v, null)),
				yRows: ys.map((v, i) => row(`a${i}`, v, null)),
				interaction,
				locale: 'de'
			}
		});
		expect(body).toContain('r = 0,77, n = 5');
		expect(body).toMatch(/data-correlation="0.7745966\d*" data-n="5"/);
		expect((body.match(/<circle\b/g) ?? []).length).toBe(5);
	});
});

describe('IndicatorPanels', () => {
	it('renders the five panels with their marks, and only those asked for', () => {
		const years = [2021, 2022];
		const series = {
			years,
			city: { area: 's', name: 'Stadt', values: years.map((year) => ({ year, value: 18, stand: null })) },
			areas: rows.map((r) => ({ area: r.area, name: r.name, values: years.map((year) => ({ year, value: r.value, stand: null })) }))
		};
		const props = {
			indicator: meta('q'),
			rows,
			reference,
			series,
			relation: { indicator: meta('p'), rows },
			selection: [],
			hovered: null,
			locale: 'de' as const
		};
		const all = render(IndicatorPanels, { props }).body;
		expect(attrs(all, 'figure', 'data-chart')).toEqual(['panel-ranking', 'panel-distribution', 'panel-deviation', 'panel-timeseries', 'panel-relationship']);
		const two = render(IndicatorPanels, { props: { ...props, panels: ['ranking', 'deviation'] as const } }).body;
		expect(attrs(two, 'figure', 'data-chart')).toEqual(['panel-ranking', 'panel-deviation']);
		// quantile classes by default: 4 values, 5 classes asked
		expect(all).toContain('data-break="0"');
	});
});
