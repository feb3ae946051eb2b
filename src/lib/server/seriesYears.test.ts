import { describe, expect, it } from 'vitest';
import { indicatorSeries } from './profiles';
import { loadStore } from './store';

const store = loadStore('derived');

describe("a series' years", () => {
	it('are the years in which the city or an area of the level has a value, for every indicator and level', () => {
		let compared = 0;
		for (const meta of store.derived.indicators)
			for (const { id: level } of store.levels) {
				const byArea = store.series.get(meta.id);
				const years = new Set<number>();
				for (const id of [store.cityId, ...store.areasByLevel[level].map((a) => a.properties.id)])
					for (const v of byArea?.get(id) ?? []) if (v.value !== null) years.add(v.year);
				const series = indicatorSeries(store, meta, level, []);
				expect(series.years).toEqual([...years].sort((a, b) => a - b));
				expect(series.areas).toEqual([]);
				compared += years.size ? 1 : 0;
			}
		expect(compared).toBeGreaterThan(20);
	});
});
