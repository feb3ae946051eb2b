import { describe, expect, it } from 'vitest';
import { fromColumns, levelValuesOf } from '$lib/data/tableColumns';
import { nameOrder } from '$lib/i18n/nameOrder';
import { indicatorColumns, indicatorTable } from './api';
import { loadStore } from './store';
import { levelValues } from './tilesValues';

const store = loadStore('derived');

describe('indicatorColumns', () => {
	it("is the table in columns in the level's order, for every indicator and level, latest and by year", () => {
		let tables = 0;
		for (const meta of store.derived.indicators)
			for (const level of store.levels.map((l) => l.id))
				for (const year of [null, meta.years.at(-1) ?? null]) {
					const columns = indicatorColumns(store, meta, level, year);
					// The rows again, in the level's order: put in name order, the very table the API lists.
					const back = fromColumns(columns);
					const order = nameOrder(back.rows);
					expect({ ...back, rows: [...back.rows].sort((a, b) => order.get(a)! - order.get(b)!) }).toEqual(indicatorTable(store, meta, level, year));
					expect(columns.columns.area).toEqual(store.areasByLevel[level].map((f) => f.properties.id));
					tables++;
				}
		expect(tables).toBeGreaterThan(20);
	});

	it('holds what the values for the map answer, for every indicator with values on a level', () => {
		let compared = 0;
		for (const meta of store.derived.indicators)
			for (const level of store.levels.map((l) => l.id))
				for (const year of [null, meta.years.at(-1) ?? null]) {
					let values;
					try {
						values = levelValues(store, level, meta.id, year === null ? null : String(year));
					} catch {
						continue;
					}
					expect(levelValuesOf(indicatorColumns(store, meta, level, year))).toEqual(values);
					compared++;
				}
		expect(compared).toBeGreaterThan(20);
	});
});
