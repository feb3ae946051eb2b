// The grid overlay of the atlas in the URL (`raster=`): a large level (a census grid) drawn as a layer
// over the view's level, whose boundaries stay. Kept out of view.ts, which the embed bundles: the
// embed draws no overlay.
import type { Polarity } from '$lib/data/contracts';
import { buildChoropleth, type Choropleth } from '$lib/stats/choropleth';
import { DEFAULT_CLASSIFICATION } from '$lib/stats/classify';
import type { Notice, ViewState } from './view';

export const OVERLAY_PARAM = 'raster';

/** What the overlay needs to know of a level (LevelInfo). */
interface OverlayLevel {
	id: string;
	large: boolean;
	whole: boolean;
}

/** The large levels that may lie over `level`: every mapped large level, none over a large level (drawn from tiles itself). */
export const overlayChoices = <L extends OverlayLevel>(levels: L[], level: string): L[] =>
	levels.some((l) => l.id === level && l.large) ? [] : levels.filter((l) => l.large && !l.whole);

/** `raster=` read and checked: a large level other than the one shown, else null with a notice. */
export function parseOverlay(params: URLSearchParams, levels: OverlayLevel[], level: string): { overlay: string | null; notices: Notice[] } {
	const raw = params.get(OVERLAY_PARAM);
	if (raw === null || raw === '') return { overlay: null, notices: [] };
	if (overlayChoices(levels, level).some((l) => l.id === raw)) return { overlay: raw, notices: [] };
	return { overlay: null, notices: [{ param: OVERLAY_PARAM, value: raw.slice(0, 60), message: 'unknown' }] };
}

/** The view's parameters with the overlay added (or left out). */
export function withOverlay(params: URLSearchParams, overlay: string | null): URLSearchParams {
	if (overlay) params.set(OVERLAY_PARAM, overlay);
	else params.delete(OVERLAY_PARAM);
	return params;
}

/** The compact values of a level (/api/werte/{level}): ids, values and withheld positions, in tile-feature order. */
export interface OverlayValues {
	ids: string[];
	values: (number | null)[];
	suppressed: number[];
}

/**
 * The overlay's own classes: the view's method, number of classes and scheme over the grid's values
 * (manual breaks are the view level's, so the default method stands in for them).
 */
export function overlayChoropleth(values: OverlayValues, view: Pick<ViewState, 'method' | 'classes' | 'scheme'>, polarity: Polarity): Choropleth {
	const withheld = new Set(values.suppressed);
	return buildChoropleth({
		rows: values.ids.map((area, i) => ({ area, value: withheld.has(i) ? null : values.values[i], suppressed: withheld.has(i) })),
		polarity,
		method: view.method === 'manual' ? DEFAULT_CLASSIFICATION.method : view.method,
		classes: view.classes,
		scheme: view.scheme,
		manualBreaks: [],
		reference: null
	});
}
