// Colour schemes for classified maps: ColorBrewer schemes (as in d3-scale-chromatic), all marked
// colour-blind safe by ColorBrewer, chosen by the indicator's polarity so that the worse end is
// always the stronger colour.
import { BREWER } from './brewer';
import type { Polarity } from '$lib/data/contracts';
import type { Method } from './classify';

export const SEQUENTIAL = ['OrRd', 'YlOrRd', 'Reds', 'Blues', 'Greens', 'Purples', 'YlGnBu', 'PuBu'] as const;
export const DIVERGING = ['RdBu', 'PuOr', 'BrBG', 'PRGn', 'RdYlBu'] as const;
export type SchemeName = (typeof SEQUENTIAL)[number] | (typeof DIVERGING)[number];
export const SCHEMES: readonly SchemeName[] = [...SEQUENTIAL, ...DIVERGING];

export const isDiverging = (s: SchemeName) => (DIVERGING as readonly string[]).includes(s);

/** Standard deviations around the city value are read both ways: they get a diverging scheme. */
export function defaultScheme(polarity: Polarity, method: Method): SchemeName {
	if (method === 'stddev') return polarity === 'neutral' ? 'PuOr' : 'RdBu';
	return polarity === 'higher-better' ? 'Blues' : polarity === 'higher-worse' ? 'OrRd' : 'Purples';
}

/**
 * k colours from light/low to strong/high, ordered so that class 0 is the lowest values.
 * Sequential: higher-better reverses the ramp (low values, the worse ones, are strongest).
 * Diverging (red … blue in ColorBrewer's order for RdBu, RdYlBu): higher-worse puts red on the
 * high side; higher-better keeps red on the low side; neutral keeps the scheme as it is.
 */
export function classColours(scheme: SchemeName, k: number, polarity: Polarity): string[] {
	const table = BREWER[scheme];
	const n = Math.max(3, Math.min(9, k));
	let colours = [...table[n]];
	if (k < 3) colours = colours.slice(0, k);
	const reverse = isDiverging(scheme) ? polarity === 'higher-worse' : polarity === 'higher-better';
	return reverse ? colours.reverse() : colours;
}

/** Distinct styles for what is not a value; the legend explains each. */
export const NO_DATA_COLOUR = '#ffffff';
export const NO_DATA_PATTERN_COLOUR = '#9aa0a6';
