// A large level on the map (issue #21): its areas come as vector tiles (/tiles/…), its values from
// one compact request per indicator and year (/api/werte/…), joined by feature-state: each tile
// feature's id is its area's position in the level, and its state holds the class to draw.
import type { ExpressionSpecification } from 'maplibre-gl';
import { classOf } from '$lib/stats/classify';
import { NO_DATA_COLOUR, NO_DATA_PATTERN_COLOUR } from '$lib/stats/colours';

/** What /api/werte/{level} answers (src/lib/server/tilesValues.ts). */
export interface LevelValues {
	level: string;
	indicator: string;
	year: number | null;
	ids: string[];
	values: (number | null)[];
	suppressed: number[];
}

/** The feature-state class of an area without a value, and of one withheld by disclosure control. */
export const NO_VALUE = -1;
export const WITHHELD = -2;

/** The vector tile source's URL template and the values request of a level. */
export const tileUrl = (origin: string, level: string) => `${origin}/tiles/${encodeURIComponent(level)}/{z}/{x}/{y}.mvt`;
export const valuesPath = (level: string, indicator: string, year: number | null) =>
	`/api/werte/${encodeURIComponent(level)}?indikator=${encodeURIComponent(indicator)}${year === null ? '' : `&jahr=${year}`}`;

/** The class of every area, in tile-feature order, for the choropleth's breaks: what feature-state `c` holds. */
export function classStates(values: LevelValues, breaks: number[]): Int8Array {
	const states = new Int8Array(values.ids.length);
	const withheld = new Set(values.suppressed);
	values.values.forEach((v, i) => {
		states[i] = withheld.has(i) ? WITHHELD : v === null || !Number.isFinite(v) ? NO_VALUE : classOf(v, breaks);
	});
	return states;
}

/**
 * The fill colour by feature-state: the class's colour, no data in the no-data colour and withheld
 * values in the pattern's grey (fill patterns cannot follow feature-state, so the two are told apart
 * by colour here; the legend names both).
 */
export function stateFillColour(colours: string[]): ExpressionSpecification {
	return [
		'match',
		['coalesce', ['feature-state', 'c'], NO_VALUE],
		...colours.flatMap((colour, i) => [i, colour]),
		WITHHELD,
		NO_DATA_PATTERN_COLOUR,
		NO_DATA_COLOUR
	] as unknown as ExpressionSpecification;
}
