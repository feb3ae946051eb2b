// Walking time as an explicitly labelled approximation: straight-line distance times a detour
// factor at a walking speed. No street network is available offline, so this is never an isochrone.

export interface WalkingModel {
	/** Ratio of the walked path to the straight line (1.3 is a common planning assumption). */
	detour: number;
	speedKmh: number;
}

export const WALKING_DEFAULTS: WalkingModel = { detour: 1.3, speedKmh: 4.8 };

export function walkingMinutes(distanceM: number, model: WalkingModel = WALKING_DEFAULTS): number {
	return (distanceM * model.detour) / ((model.speedKmh * 1000) / 60);
}
