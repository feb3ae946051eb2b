// Colours of the catchment layers: a sequential ramp for distances (nearest darkest), categorical
// colours for Kontore, one colour for what no Kontor reaches.
import { interpolatePurples, schemeTableau10 } from 'd3-scale-chromatic';

export const UNCOVERED_COLOUR = '#d7301f';
export const HYPOTHETICAL_COLOUR = '#e66101';
export const KONTOR_COLOUR = '#6a1b9a';

export function distanceColours(distances: number[]): Map<number, string> {
	const n = distances.length;
	return new Map(distances.map((d, i) => [d, interpolatePurples(n === 1 ? 0.7 : 0.85 - (0.55 * i) / (n - 1))]));
}

export function kontorColours(ids: string[]): Map<string, string> {
	return new Map(ids.map((id, i) => [id, schemeTableau10[i % schemeTableau10.length]]));
}
