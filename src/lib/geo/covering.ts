// "Best next location": maximal covering on a candidate grid, greedy. Each step picks the
// candidate whose circle of the chosen distance holds the most residents no Kontor reaches yet.
// Circles here are exact (plane distance); the rings drawn are 64-gons, 0.16 % smaller in area,
// so the gain after accepting a suggestion can differ from the estimate by about that much.
import { bbox } from '@turf/bbox';
import type { Feature } from 'geojson';
import type { Area, KontorSite } from './catchments';
import type { PopulationIndex } from './coverage';
import { insidePolygon } from './population';

export interface Suggestion {
	lonLat: [number, number];
	/** Residents newly reached within the distance. */
	gain: number;
}

export interface CoveringOptions {
	/** How many locations to add, one after another (greedy). */
	count?: number;
	/** Candidate grid spacing in metres; by default 250 m, coarser for long distances. */
	spacing?: number;
}

export function bestNextLocations(
	pop: PopulationIndex,
	sites: KontorSite[],
	distance: number,
	outline: Feature<Area>,
	options: CoveringOptions = {}
): Suggestion[] {
	const { surface, index } = pop;
	const count = options.count ?? 1;
	const spacing = options.spacing ?? Math.max(250, distance / 4);
	const covered = new Uint8Array(surface.weight.length);
	const r2 = distance * distance;
	const within = (x: number, y: number, visit: (i: number) => void) => {
		for (const i of index.search(x - distance, y - distance, x + distance, y + distance)) {
			if ((surface.x[i] - x) ** 2 + (surface.y[i] - y) ** 2 <= r2) visit(i);
		}
	};
	for (const s of sites) {
		const [x, y] = surface.plane.toXY(s.lonLat);
		within(x, y, (i) => (covered[i] = 1));
	}

	const polygons = outline.geometry.type === 'Polygon' ? [outline.geometry.coordinates] : outline.geometry.coordinates;
	const [w, s, e, n] = bbox(outline);
	const [x0, y0] = surface.plane.toXY([w, s]);
	const [x1, y1] = surface.plane.toXY([e, n]);
	const candidates: [number, number][] = [];
	for (let y = y0 + spacing / 2; y < y1; y += spacing) {
		for (let x = x0 + spacing / 2; x < x1; x += spacing) {
			const [lon, lat] = surface.plane.toLonLat([x, y]);
			if (polygons.some((p) => insidePolygon(lon, lat, p))) candidates.push([x, y]);
		}
	}

	const out: Suggestion[] = [];
	for (let step = 0; step < count; step++) {
		let best = -1;
		let bestGain = 0;
		candidates.forEach(([x, y], c) => {
			let gain = 0;
			within(x, y, (i) => {
				if (!covered[i]) gain += surface.weight[i];
			});
			if (gain > bestGain) {
				bestGain = gain;
				best = c;
			}
		});
		if (best < 0) break;
		const [bx, by] = candidates[best];
		within(bx, by, (i) => (covered[i] = 1));
		const [lon, lat] = surface.plane.toLonLat([bx, by]);
		out.push({ lonLat: [round6(lon), round6(lat)], gain: bestGain });
	}
	return out;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
