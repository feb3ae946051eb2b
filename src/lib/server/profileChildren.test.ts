// A profile's large child levels, summarised (issue #21): a Stadtteil's 100 m grid cells counted,
// the inhabited ones among them, the ends ranked by the asked indicator or, where it has no values
// on the grid, by the grid's residents; no summary where the child level is small.
import { describe, expect, it } from 'vitest';
import { valueFor } from './api';
import { largeChildren } from './profileChildren';
import { loadStore } from './store';

const store = loadStore('derived');
const cells = store.areasByLevel['gitter-100m'].filter((a) => a.properties.parent === 'lebenstedt').map((a) => a.properties.id);

describe('large child levels of a profile', () => {
	it("counts a Stadtteil's grid cells and the inhabited ones", () => {
		const [s, ...more] = largeChildren(store, 'lebenstedt', 'stadtteil', 'einwohner-gitter');
		expect(more).toEqual([]);
		expect(s.level).toBe('gitter-100m');
		expect(cells.length).toBeGreaterThan(100);
		expect(s.count).toBe(cells.length);
		const inhabited = cells.filter((id) => {
			const v = valueFor(store, 'einwohner-gitter', id, null);
			return v?.suppressed || (v?.value ?? 0) > 0;
		});
		expect(s.inhabited).toBe(inhabited.length);
	});
	it('lists the five most and least populous cells by their figures', () => {
		const [s] = largeChildren(store, 'lebenstedt', 'stadtteil', 'einwohner-gitter');
		const values = cells
			.map((id) => valueFor(store, 'einwohner-gitter', id, null)?.value)
			.filter((v): v is number => typeof v === 'number')
			.sort((a, b) => b - a);
		expect(s.indicator).toBe('einwohner-gitter');
		expect(s.ranked).toBe(values.length);
		expect(s.top.map((c) => c.value)).toEqual(values.slice(0, 5));
		expect(s.bottom.map((c) => c.value)).toEqual(values.slice(-5));
		for (const c of [...s.top, ...s.bottom]) expect(cells).toContain(c.id);
	});
	it('ranks by the grid residents where the asked indicator has no values on the grid, and zooms to the Stadtteil', () => {
		const [s] = largeChildren(store, 'lebenstedt', 'stadtteil', 'sgb2-quote');
		expect(s.indicator).toBe('einwohner-gitter');
		const [lon, lat] = store.areaById.get('lebenstedt')!.properties.labelPoint;
		expect(Math.abs(s.camera.lon - lon)).toBeLessThan(0.05);
		expect(Math.abs(s.camera.lat - lat)).toBeLessThan(0.05);
		expect(s.camera.zoom).toBeGreaterThan(11);
	});
	it('has no summary where the child level is small (an Ortschaft lists its Stadtteile)', () => {
		expect(largeChildren(store, 'nord', 'ortschaft', 'sgb2-quote')).toEqual([]);
	});
});
