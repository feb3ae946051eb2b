// "Similar districts" in indicator space, as Hamburg's CoSI offers comparable areas: each chosen
// indicator is standardised over all areas of the level (z with σ), and areas are ranked by the
// Euclidean distance of their z-vectors to the target. Areas lacking a chosen value are left out.
import { zScores } from './zscore';

export interface AreaVector {
	id: string;
	name: string;
	/** indicator id → value */
	values: Record<string, number | null>;
}

export interface Neighbour {
	id: string;
	name: string;
	distance: number;
	/** Per indicator: z of the neighbour − z of the target. */
	differences: Record<string, number>;
}

export function standardisedVectors(areas: AreaVector[], indicators: string[]): Map<string, Record<string, number | null>> {
	const out = new Map<string, Record<string, number | null>>(areas.map((a) => [a.id, {}]));
	for (const ind of indicators) {
		const z = zScores(areas.map((a) => a.values[ind] ?? null));
		areas.forEach((a, i) => (out.get(a.id)![ind] = z[i]));
	}
	return out;
}

/**
 * The k nearest areas to `target` (itself excluded), nearest first; equal distances are ordered
 * by name. Indicators without variation (σ = 0) carry no information and are skipped.
 */
export function nearestNeighbours(areas: AreaVector[], target: string, indicators: string[], k = 5): Neighbour[] {
	const z = standardisedVectors(areas, indicators);
	const usable = indicators.filter((ind) => areas.some((a) => z.get(a.id)![ind] !== null));
	const t = z.get(target);
	if (!t || usable.length === 0 || usable.some((ind) => t[ind] === null)) return [];
	const result: Neighbour[] = [];
	for (const a of areas) {
		if (a.id === target) continue;
		const za = z.get(a.id)!;
		if (usable.some((ind) => za[ind] === null)) continue;
		const differences: Record<string, number> = {};
		let sum = 0;
		for (const ind of usable) {
			const d = za[ind]! - t[ind]!;
			differences[ind] = d;
			sum += d * d;
		}
		result.push({ id: a.id, name: a.name, distance: Math.sqrt(sum), differences });
	}
	return result.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name, 'de')).slice(0, k);
}
