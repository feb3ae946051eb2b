// Aggregation of Stadtteil values to Ortschaft and city by each indicator's own rule:
// counts are summed, rates are summed numerators over summed denominators (never a mean of
// rates), ratios (e.g. density) are recomputed from their two indicators at every level.
import type { IndicatorMeta, IndicatorValue } from '$lib/data/contracts';

export interface AggregationResult {
	values: IndicatorValue[];
	/** Source values at a higher level that disagree with the sum of their parts. */
	warnings: string[];
}

const key = (area: string, indicator: string, year: number) => `${area}\u0000${indicator}\u0000${year}`;

/** Relative difference above which a published total and the sum of its parts are reported. */
export const DISAGREEMENT = 0.005;

/**
 * @param leavesOf for every parent area (Ortschaft, city), the ids of the Stadtteile it consists of.
 * A parent gets a value for a year only where every one of its Stadtteile has one: an incomplete
 * sum would be a wrong figure, so it stays missing. A value the sources give for the parent itself
 * wins over the aggregate; a disagreement of more than 0.5 % is reported. Where a part is suppressed
 * (kept secret by the source), the aggregate is suppressed too.
 */
export function aggregateValues(values: IndicatorValue[], indicators: IndicatorMeta[], leavesOf: Map<string, string[]>): AggregationResult {
	const byKey = new Map(values.map((v) => [key(v.area, v.indicator, v.year), v]));
	const out = new Map(byKey);
	const warnings: string[] = [];
	const years = [...new Set(values.map((v) => v.year))].sort((a, b) => a - b);

	const combine = (meta: IndicatorMeta, parts: IndicatorValue[], year: number, area: string): IndicatorValue | null => {
		const agg = meta.aggregation;
		const base = { area, indicator: meta.id, year, stand: commonStand(parts), origin: 'aggregate' as const };
		if (agg.method === 'sum') {
			return { ...base, value: sum(parts.map((p) => p.value!)), numerator: null, denominator: null };
		}
		if (agg.method === 'rate') {
			if (parts.some((p) => p.numerator === null || p.denominator === null)) return null;
			const numerator = sum(parts.map((p) => p.numerator!));
			const denominator = sum(parts.map((p) => p.denominator!));
			return { ...base, value: round((numerator / denominator) * agg.scale, meta.decimals + 2), numerator, denominator };
		}
		if (agg.method === 'weighted-mean') {
			const weights = parts.map((p) => byKey.get(key(p.area, agg.weightIndicator, year))?.value ?? null);
			if (weights.some((w) => w === null)) return null;
			const total = sum(weights as number[]);
			if (total === 0) return null;
			const value = sum(parts.map((p, i) => p.value! * (weights[i] as number))) / total;
			return { ...base, value: round(value, meta.decimals + 2), numerator: null, denominator: null };
		}
		return null; // ratios are derived afterwards from their own indicators
	};

	for (const meta of indicators) {
		if (meta.aggregation.method === 'ratio') continue;
		for (const [parent, leaves] of leavesOf) {
			for (const year of years) {
				const parts = leaves.map((id) => byKey.get(key(id, meta.id, year)));
				if (parts.some((p) => p === undefined)) continue;
				const k = key(parent, meta.id, year);
				// A part kept secret (a census cell "–") keeps the total secret too: a sum without it would be a wrong figure.
				if (parts.some((p) => p!.suppressed)) {
					if (!byKey.has(k))
						out.set(k, {
							area: parent,
							indicator: meta.id,
							year,
							stand: commonStand(parts as IndicatorValue[]),
							value: null,
							numerator: null,
							denominator: null,
							origin: 'aggregate',
							suppressed: true
						});
					continue;
				}
				if (parts.some((p) => p!.value === null)) continue;
				const aggregate = combine(meta, parts as IndicatorValue[], year, parent);
				if (!aggregate) continue;
				const published = byKey.get(k);
				if (published?.value != null && aggregate.value !== null) {
					const diff = Math.abs(published.value - aggregate.value) / Math.max(Math.abs(published.value), 1e-9);
					if (diff > DISAGREEMENT) {
						warnings.push(
							`${meta.id} ${parent} ${year}: published ${published.value} differs from the sum of its Stadtteile ${aggregate.value} (${(diff * 100).toFixed(1)} %); the published value is kept`
						);
					}
					continue;
				}
				out.set(k, aggregate);
			}
		}
	}

	for (const meta of indicators) {
		const agg = meta.aggregation;
		if (agg.method !== 'ratio') continue;
		for (const num of [...out.values()].filter((v) => v.indicator === agg.numerator)) {
			const den = out.get(key(num.area, agg.denominator, num.year));
			if (num.value === null || !den || den.value === null || den.value === 0) continue;
			out.set(key(num.area, meta.id, num.year), {
				area: num.area,
				indicator: meta.id,
				year: num.year,
				stand: num.stand ?? den.stand,
				value: round(num.value / den.value, meta.decimals + 2),
				numerator: num.value,
				denominator: den.value,
				origin: 'derived'
			});
		}
	}

	return { values: sortValues([...out.values()]), warnings };
}

export function sortValues(values: IndicatorValue[]): IndicatorValue[] {
	return values.sort(
		(a, b) => (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0) || (a.area < b.area ? -1 : a.area > b.area ? 1 : 0) || a.year - b.year
	);
}

function sum(xs: number[]): number {
	// Integers stay exact; for fractional parts (areas) round away binary noise.
	return round(
		xs.reduce((s, x) => s + x, 0),
		6
	);
}

function round(x: number, decimals: number): number {
	const f = 10 ** decimals;
	return Math.round(x * f) / f;
}

/** The parts' reference date when they all share it, else null (the year still applies). */
function commonStand(parts: IndicatorValue[]): string | null {
	const stands = new Set(parts.map((p) => p.stand));
	return stands.size === 1 ? [...stands][0] : null;
}
