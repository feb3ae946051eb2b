// The grid overlay of the atlas in the URL (`raster=`): a large level (a census grid) drawn as a layer
// over the view's level, whose boundaries stay. Kept out of view.ts, which the embed bundles: the
// embed draws no overlay.
import type { Notice } from './view';

export const OVERLAY_PARAM = 'raster';

/** What the overlay needs to know of a level (LevelInfo). */
interface OverlayLevel {
	id: string;
	large: boolean;
	whole: boolean;
}

/** The large levels that may lie over `level`: every mapped large level but the level itself. */
export const overlayChoices = <L extends OverlayLevel>(levels: L[], level: string): L[] => levels.filter((l) => l.large && !l.whole && l.id !== level);

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
