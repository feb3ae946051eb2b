// The map's sentence rendered on the server (svelte/server): the highest and the lowest area, the
// same whatever order the rows come in (a large level's come in the level's own, not by name).
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { IndicatorMeta } from '$lib/data/contracts';
import type { IndicatorRow } from '$lib/data/responses';
import MapSummary from './MapSummary.svelte';

const meta = { id: 'quote', label: { de: 'Quote', en: 'Rate' }, unit: { de: '%', en: '%' }, decimals: 1 } as IndicatorMeta;
const row = (name: string, value: number | null) => ({ area: name.toLowerCase(), name, value }) as IndicatorRow;

describe('MapSummary', () => {
	it('names the highest (of equal ones the first by name) and the lowest (the last by name), in any row order', () => {
		const rows = [row('Mitte', 5), row('Zentrum', 9), row('Aue', 9), row('Ost', null), row('Berg', 1), row('Tal', 1)];
		for (const order of [rows, [...rows].reverse(), [rows[3], rows[5], rows[1], rows[0], rows[4], rows[2]]]) {
			const { body } = render(MapSummary, { props: { rows: order, meta, reference: 4, locale: 'de' } });
			expect(body.replace(/<!--[^>]*-->/g, '').replace(/\s+/g, ' ')).toContain(
				'Quote: Höchster Wert 9,0 % (Aue), niedrigster Wert 1,0 % (Tal); Wert der Stadt 4,0 %.'
			);
		}
	});
});
