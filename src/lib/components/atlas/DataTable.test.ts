// The area tables rendered on the server (svelte/server): DataTable (small levels, the embed) draws
// every row; AreaGrid, for a level of 12,000 areas, a window of rows with the grid's row count and
// indices and a search box.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { IndicatorMeta } from '$lib/data/contracts';
import type { IndicatorRow } from '$lib/data/responses';
import AreaGrid from './AreaGrid.svelte';
import DataTable from './DataTable.svelte';

const meta: IndicatorMeta = {
	id: 'einwohner',
	label: { de: 'Einwohner', en: 'Residents' },
	description: { de: '', en: '' },
	unit: { de: 'Personen', en: 'people' },
	visibility: 'public',
	domain: 'bevoelkerung',
	polarity: 'neutral',
	aggregation: { method: 'sum' },
	range: [0, 1000],
	decimals: 0,
	datasets: ['test'],
	source: 'test',
	licence: 'test',
	beispieldaten: true,
	years: [2022]
};
const row = (i: number): IndicatorRow => ({
	area: `c${i}`,
	name: `Zelle ${i}`,
	year: 2022,
	stand: null,
	value: i,
	numerator: null,
	denominator: null,
	origin: null,
	suppressed: false,
	rank: null,
	deviation: null
});
const table = (n: number, selection: string[] = []) =>
	render(n >= 1000 ? AreaGrid : DataTable, {
		props: {
			rows: Array.from({ length: n }, (_, i) => ({ ...row(i), rank: n - i })),
			meta,
			colourOf: new Map(),
			selection,
			hovered: null,
			locale: 'de',
			onhover: () => {},
			onselect: () => {}
		}
	}).body;
const drawnRows = (html: string) => [...html.matchAll(/<tr\b[^>]*\bdata-area="([^"]+)"/g)].map((m) => m[1]);

describe('DataTable and AreaGrid', () => {
	it('draws all 31 rows of a small level, without a search box or grid role', () => {
		const html = table(31);
		expect(drawnRows(html)).toHaveLength(31);
		expect(html).not.toContain('type="search"');
		expect(html).not.toContain('role="grid"');
	});

	it('draws a window of a level of 12,000 areas, ranked first, with the full row count for screen readers', () => {
		const html = table(12_000);
		const drawn = drawnRows(html);
		expect(drawn.length).toBeGreaterThan(10);
		expect(drawn.length).toBeLessThan(40);
		// Sorted by rank ascending: rank 1 is the last row of the input.
		expect(drawn[0]).toBe('c11999');
		expect(html).toContain('role="grid"');
		expect(html).toContain('aria-rowcount="12001"');
		expect(html).toMatch(/<tr[^>]*aria-rowindex="2"[^>]*data-area="c11999"/);
		expect(html).toContain('type="search"');
		expect(html).toContain('12.000 Gebiete');
		// The rows below the window are one spacer of their height, not 11,980 rows.
		const spacer = html.match(/class="spacer[^"]*"[^>]*style="height: (\d+)px/);
		expect(Number(spacer?.[1])).toBe((12_000 - drawn.length) * 28);
	});

	it('marks the selection in the grid', () => {
		const html = table(12_000, ['c11998']);
		expect(html).toMatch(/<tr[^>]*aria-selected="true"[^>]*data-area="c11998"/);
	});
});
