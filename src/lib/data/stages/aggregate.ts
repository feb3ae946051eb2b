// Stage 4 of the pipeline, aggregation and catalogue: the values of every coarser level's areas
// from their finest areas by each indicator's rule (stats/aggregate.ts), and the catalogue with the years each
// indicator has values for.
import type { IndicatorMeta, IndicatorValue } from '../contracts';
import type { Derived } from '../derived';
import { aggregateValues } from '$lib/stats/aggregate';
import type { GridLevel } from './grid';
import type { References } from './references';

/** The finest areas each coarser area consists of, through the parent chain (coarser levels in profile order). */
export function leavesOf(refs: Pick<References, 'levels' | 'areaById'>): Map<string, string[]> {
	const [finest, ...coarser] = refs.levels;
	const ancestors = new Map(
		finest.areas.map((a) => {
			const chain: string[] = [];
			for (let p = a.parent; p !== null; p = refs.areaById.get(p)!.parent) chain.push(p);
			return [a.row.id, chain];
		})
	);
	// Every coarser area in profile order, then each finest area added to its ancestors' lists in table order.
	const leaves = new Map<string, string[]>();
	for (const { areas } of coarser) for (const a of areas) leaves.set(a.row.id, []);
	for (const f of finest.areas) for (const p of new Set(ancestors.get(f.row.id))) leaves.get(p)?.push(f.row.id);
	return leaves;
}

export function aggregate(
	values: IndicatorValue[],
	catalogue: IndicatorMeta[],
	leaves: Map<string, string[]>
): { values: IndicatorValue[]; indicators: Derived['indicators']; warnings: string[] } {
	const aggregated = aggregateValues(values, catalogue, leaves);
	const indicators = catalogue.map((m) => ({
		...m,
		years: [...new Set(aggregated.values.filter((v) => v.indicator === m.id && v.value !== null).map((v) => v.year))].sort((a, b) => a - b)
	}));
	return { values: aggregated.values, indicators, warnings: aggregated.warnings };
}

/**
 * The values with those of the census grid levels and their sums (or weighted means) for every
 * polygon area: a value the sources give for an area itself wins. Aggregated from the grid's own
 * values and years only, so no other indicator or year is touched.
 */
export function withGridValues(values: IndicatorValue[], grids: GridLevel[], catalogue: IndicatorMeta[]): IndicatorValue[] {
	const key = (v: IndicatorValue) => `${v.area}/${v.indicator}/${v.year}`;
	const given = new Set(values.map(key));
	const out = [...values];
	for (const g of grids) {
		const ids = new Set(g.values.map((v) => v.indicator));
		const { values: combined } = aggregateValues(
			g.values,
			catalogue.filter((m) => ids.has(m.id)),
			g.leaves
		);
		for (const v of combined) if (!given.has(key(v))) out.push(v);
	}
	return out;
}
