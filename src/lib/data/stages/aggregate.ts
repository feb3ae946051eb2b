// Stage 4 of the pipeline, aggregation and catalogue: Ortschaft and city values from their
// Stadtteile by each indicator's rule (stats/aggregate.ts), and the catalogue with the years each
// indicator has values for.
import type { IndicatorMeta, IndicatorValue } from '../contracts';
import type { Derived } from '../derived';
import type { Gebiete, StadtteilRow } from '../sources';
import { aggregateValues } from '$lib/stats/aggregate';

/** The Stadtteile each Ortschaft and the city consist of. */
export function leavesOf(gebiete: Gebiete, stadtteile: StadtteilRow[]): Map<string, string[]> {
	const leaves = new Map<string, string[]>();
	for (const o of gebiete.ortschaften)
		leaves.set(
			o.id,
			stadtteile.filter((s) => s.ortschaft === o.name).map((s) => s.stadtteil_id)
		);
	leaves.set(
		gebiete.stadt.id,
		stadtteile.map((s) => s.stadtteil_id)
	);
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
