// The area profile beside the census grid: a Stadtteil's grid sum against its official residents, no
// grid cells among its children.
import { describe, expect, it } from 'vitest';
import { valueFor } from './api';
import { areaProfile } from './profiles';
import { loadStore } from './store';

const store = loadStore('derived');

describe('area profile with the 100 m grid', () => {
	it("compares a Stadtteil's grid sum with its official residents (Beispieldaten: equal by construction)", () => {
		const p = areaProfile(store, 'lebenstedt', 'stadtteil');
		expect(p.grid).toEqual({ cell: '100m', sum: valueFor(store, 'einwohner', 'lebenstedt', null)!.value, official: 45945, beispieldaten: true });
		expect(p.children).toEqual([]);
		expect(areaProfile(store, 'nord', 'ortschaft').children.map((c) => c.id)).toContain('lebenstedt');
		expect(areaProfile(store, 'nord', 'ortschaft').grid?.sum).toBe(valueFor(store, 'einwohner-gitter', 'nord', null)!.value);
	});

	it('a grid cell has no comparison of its own', () => {
		const cell = store.areasByLevel['gitter-100m'][0].properties;
		expect(areaProfile(store, cell.id, 'gitter-100m').grid).toBeUndefined();
	});
});
