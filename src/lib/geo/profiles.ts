// Catchment profiles: the indicators re-aggregated for each catchment with the atlas's own rules
// (src/lib/stats/aggregate.ts). A Stadtteil enters a catchment with the share of its residents
// inside it: its counts, numerators and denominators are scaled by that share, then summed as
// for an Ortschaft (counts summed, rates from summed numerators/denominators, ratios recomputed).
import type { IndicatorMeta, IndicatorValue } from '$lib/data/contracts';
import { aggregateValues } from '$lib/stats/aggregate';

export interface ProfileInput {
	indicators: IndicatorMeta[];
	/** One value per Stadtteil and indicator (the latest, or of a chosen year). */
	values: IndicatorValue[];
}

export interface ProfileValue {
	value: number;
	numerator: number | null;
	denominator: number | null;
}

export type Profile = Record<string, ProfileValue>;

/** Values of different reference years are combined under one placeholder year. */
const PROFILE_YEAR = 0;

/** @param weights catchment id → Stadtteil id → share (0–1) of its residents inside the catchment */
export function catchmentProfiles(input: ProfileInput, weights: Map<string, Map<string, number>>): Map<string, Profile> {
	const scaled: IndicatorValue[] = [];
	const leavesOf = new Map<string, string[]>();
	for (const [catchment, shares] of weights) {
		const leaves: string[] = [];
		for (const [stadtteil, share] of shares) {
			if (!(share > 0)) continue;
			const part = `${catchment}\u0000${stadtteil}`;
			leaves.push(part);
			for (const v of input.values) {
				if (v.area !== stadtteil) continue;
				scaled.push({
					...v,
					area: part,
					year: PROFILE_YEAR,
					value: v.value === null ? null : v.value * share,
					numerator: v.numerator === null ? null : v.numerator * share,
					denominator: v.denominator === null ? null : v.denominator * share
				});
			}
		}
		leavesOf.set(catchment, leaves);
	}
	const { values } = aggregateValues(scaled, input.indicators, leavesOf);
	const out = new Map<string, Profile>([...weights.keys()].map((c) => [c, {}]));
	for (const v of values) {
		const profile = out.get(v.area);
		if (profile && v.value !== null) profile[v.indicator] = { value: v.value, numerator: v.numerator, denominator: v.denominator };
	}
	return out;
}
