// Residents within reach of the nearest facility, from the population surface (the catchments'
// grid): straight-line distance and the walking-time approximation of $lib/geo/walking, summed per
// Stadtteil; areas above the Stadtteile add their Stadtteile up. Pure.
import type { PopulationSurface } from '$lib/geo/population';
import { WALKING_DEFAULTS, type WalkingModel } from '$lib/geo/walking';
import { NearestIndex, type Nearest } from './nearest';

/** Per Stadtteil (in the surface's area order): residents, those within the distance, within the walk, and Σ residents × distance. */
export interface ReachSums {
	population: number[];
	withinDistance: number[];
	withinWalking: number[];
	distanceSum: number[];
}

/** The straight-line distance that a walk of `minutes` covers in the model (detour and speed). */
export const walkingReachM = (minutes: number, model: WalkingModel = WALKING_DEFAULTS) => (minutes * model.speedKmh * 1000) / 60 / model.detour;

/** `scratch` (arrays of the surface's length) holds the nearest facilities while they are summed: one per surface serves every set. */
export function reachSums(surface: PopulationSurface, facilities: [number, number][], distanceM: number, walkingM: number, scratch?: Nearest): ReachSums {
	const k = surface.areaIds.length;
	const sums: ReachSums = {
		population: new Array(k).fill(0),
		withinDistance: new Array(k).fill(0),
		withinWalking: new Array(k).fill(0),
		distanceSum: new Array(k).fill(0)
	};
	const fx = new Float64Array(facilities.length);
	const fy = new Float64Array(facilities.length);
	facilities.forEach((lonLat, i) => {
		[fx[i], fy[i]] = surface.plane.toXY(lonLat);
	});
	const { distance } = new NearestIndex(fx, fy).nearest(surface.x, surface.y, scratch);
	for (let p = 0; p < distance.length; p++) {
		const a = surface.area[p];
		const w = surface.weight[p];
		const d = distance[p];
		sums.population[a] += w;
		if (d <= distanceM) sums.withinDistance[a] += w;
		if (d <= walkingM) sums.withinWalking[a] += w;
		if (Number.isFinite(d)) sums.distanceSum[a] += w * d;
	}
	return sums;
}

export interface ReachRow {
	area: string;
	name: string;
	population: number;
	withinDistance: number;
	/** % of residents. */
	shareDistance: number | null;
	withinWalking: number;
	shareWalking: number | null;
	/** Mean straight-line distance to the nearest facility, weighted by residents (m). */
	meanDistanceM: number | null;
}

/** Rows for areas made of Stadtteile (ids as in the surface). */
export function reachRows(sums: ReachSums, areaIds: string[], areas: { id: string; name: string; stadtteile: string[] }[], hasFacilities: boolean): ReachRow[] {
	const at = new Map(areaIds.map((id, i) => [id, i]));
	return areas.map((a) => {
		const idx = a.stadtteile.map((s) => at.get(s)).filter((i): i is number => i !== undefined);
		const add = (xs: number[]) => idx.reduce((s, i) => s + xs[i], 0);
		const population = add(sums.population);
		const withinDistance = add(sums.withinDistance);
		const withinWalking = add(sums.withinWalking);
		const pct = (x: number) => (population > 0 ? Math.round((x / population) * 1000) / 10 : null);
		return {
			area: a.id,
			name: a.name,
			population: Math.round(population),
			withinDistance: Math.round(withinDistance),
			shareDistance: pct(withinDistance),
			withinWalking: Math.round(withinWalking),
			shareWalking: pct(withinWalking),
			meanDistanceM: population > 0 && hasFacilities ? Math.round(add(sums.distanceSum) / population) : null
		};
	});
}
