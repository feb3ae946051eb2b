import { describe, expect, it } from 'vitest';
import { toColumns } from '$lib/data/tableColumns';
import { indicatorColumns, indicatorTable } from './api';
import { loadStore } from './store';

const store = loadStore('derived');

describe('indicatorColumns', () => {
	it('is the table in columns, for every indicator and level, latest and by year', () => {
		let tables = 0;
		for (const meta of store.derived.indicators)
			for (const level of store.levels.map((l) => l.id))
				for (const year of [null, meta.years.at(-1) ?? null]) {
					const columns = indicatorColumns(store, meta, level, year);
					// The same JSON text: the same ETag as the answer made from the rows.
					expect(JSON.stringify(columns)).toBe(JSON.stringify(toColumns(indicatorTable(store, meta, level, year))));
					tables++;
				}
		expect(tables).toBeGreaterThan(20);
	});
});
