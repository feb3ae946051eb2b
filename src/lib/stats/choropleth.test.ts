import { schemeOrRd } from 'd3-scale-chromatic';
import { describe, expect, it } from 'vitest';
import { buildChoropleth } from './choropleth';

describe('buildChoropleth', () => {
	const rows = [
		{ area: 'a', value: 1 },
		{ area: 'b', value: 5 },
		{ area: 'c', value: 9 },
		{ area: 'd', value: null },
		{ area: 'e', value: 10 }
	];
	it('colours each area by its class and lists areas without value', () => {
		const c = buildChoropleth({ rows, polarity: 'higher-worse', method: 'equal', classes: 3, scheme: null, manualBreaks: [], reference: null });
		// equal intervals over 1…10: breaks 1, 4, 7, 10
		expect(c.breaks).toEqual([1, 4, 7, 10]);
		expect(c.counts).toEqual([1, 1, 2]);
		expect(c.scheme).toBe('OrRd');
		expect(c.colourOf.get('a')).toBe(schemeOrRd[3][0]);
		expect(c.colourOf.get('e')).toBe(schemeOrRd[3][2]);
		expect(c.noData).toEqual(['d']);
		expect(c.counts.reduce((s, n) => s + n, 0) + c.noData.length).toBe(rows.length);
	});
});
