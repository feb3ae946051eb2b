// One catchment scenario from start to end — rings, nearest-Kontor areas, uncovered areas,
// residents reached by both methods, catchment profiles. The server (API) and the browser (Web
// Worker) both call this, so they give the same figures.
import { area } from '@turf/area';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { ANY_KONTOR, dissolvedRings, kontorRings, uncoveredArea, type Area, type KontorSite, type RingFeature, type UncoveredProps } from './catchments';
import { arealReached, arealShares, PopulationIndex } from './coverage';
import { nearestKontorAreas, voronoiCells, type NearestProps } from './nearest';
import { populationSurface, type PopulationArea } from './population';
import { catchmentProfiles, type Profile, type ProfileInput } from './profiles';

export interface CatchmentModel {
	areas: PopulationArea[];
	outline: Feature<Area>;
	pop: PopulationIndex;
	profileInput: ProfileInput;
	cityPopulation: number;
	cityAreaKm2: number;
}

export function catchmentModel(areas: PopulationArea[], outline: Feature<Area>, profileInput: ProfileInput, spacing?: number): CatchmentModel {
	return {
		areas,
		outline,
		pop: new PopulationIndex(populationSurface(areas, spacing)),
		profileInput,
		cityPopulation: areas.reduce((s, a) => s + a.population, 0),
		cityAreaKm2: area(outline) / 1e6
	};
}

export interface ReachedRow {
	/** A Kontor id, or "*" for any Kontor. */
	kontor: string;
	distance: number;
	areal: number;
	points: number;
}

export interface NearestRow {
	kontor: string;
	areaKm2: number;
	areal: number;
	points: number;
}

export interface CoverageFigures {
	cityPopulation: number;
	cityAreaKm2: number;
	distances: number[];
	reached: ReachedRow[];
	/** Residents no Kontor reaches within each distance (city minus "any Kontor"). */
	uncovered: { distance: number; areal: number; points: number }[];
	nearest: NearestRow[];
	/** Indicators re-aggregated for each Kontor's nearest area, and for the city ("*"). */
	profiles: Record<string, Profile>;
}

export interface CatchmentGeometry {
	rings: FeatureCollection<Area, RingFeature['properties']>;
	nearest: FeatureCollection<Area, NearestProps & { areaKm2: number }>;
	uncovered: FeatureCollection<Area, UncoveredProps>;
}

export interface Scenario {
	geometry: CatchmentGeometry;
	figures: CoverageFigures;
}

export const CITY = ANY_KONTOR;

export function computeScenario(model: CatchmentModel, sites: KontorSite[], distances: number[]): Scenario {
	const { areas, outline, pop } = model;
	const perKontor = kontorRings(sites, distances);
	const dissolved = dissolvedRings(perKontor, distances);
	const counts = sites.length ? pop.countRings(sites, perKontor, distances) : { byKontor: new Map<string, number[]>(), any: distances.map(() => 0) };

	const reached: ReachedRow[] = [];
	for (const ring of [...perKontor, ...dissolved]) {
		const { kontor, distance } = ring.properties;
		const k = distances.indexOf(distance);
		const points = kontor === ANY_KONTOR ? counts.any[k] : counts.byKontor.get(kontor)![k];
		// A single ring is convex; a dissolved ring is the union of the convex rings of its distance.
		const parts = kontor === ANY_KONTOR ? perKontor.filter((r) => r.properties.distance === distance) : [ring];
		reached.push({ kontor, distance, areal: arealReached(areas, arealShares(areas, ring, parts as Feature<Polygon>[])), points });
	}
	if (sites.length === 0) for (const distance of distances) reached.push({ kontor: ANY_KONTOR, distance, areal: 0, points: 0 });
	const anyRow = (d: number) => reached.find((r) => r.kontor === ANY_KONTOR && r.distance === d)!;
	const uncovered = distances.map((distance) => ({
		distance,
		areal: Math.max(0, model.cityPopulation - anyRow(distance).areal),
		points: Math.max(0, model.cityPopulation - anyRow(distance).points)
	}));
	const uncoveredFeatures = distances.flatMap((d) => {
		const f = uncoveredArea(
			outline,
			dissolved.find((r) => r.properties.distance === d),
			d
		);
		return f ? [f] : [];
	});

	const cells = nearestKontorAreas(sites, outline);
	// Every Stadtteil lies inside the outline, so its share of a clipped cell is its share of the convex cell.
	const convexCells = new Map(voronoiCells(sites, outline).map((c) => [c.properties.kontor, c]));
	const byPoints = pop.countNearest(sites);
	const weights = new Map<string, Map<string, number>>([[CITY, new Map(areas.map((a) => [a.id, 1]))]]);
	const nearest: NearestRow[] = [];
	for (const cell of cells) {
		const shares = arealShares(areas, cell, [convexCells.get(cell.properties.kontor)!]);
		weights.set(cell.properties.kontor, shares);
		nearest.push({
			kontor: cell.properties.kontor,
			areaKm2: area(cell) / 1e6,
			areal: arealReached(areas, shares),
			points: byPoints.get(cell.properties.kontor) ?? 0
		});
	}
	const profiles = Object.fromEntries(catchmentProfiles(model.profileInput, weights));

	return {
		geometry: {
			// Largest rings first, so smaller ones are drawn on top.
			rings: { type: 'FeatureCollection', features: [...dissolved, ...perKontor].sort((a, b) => b.properties.distance - a.properties.distance) },
			nearest: { type: 'FeatureCollection', features: cells.map((c, i) => ({ ...c, properties: { ...c.properties, areaKm2: nearest[i].areaKm2 } })) },
			uncovered: { type: 'FeatureCollection', features: uncoveredFeatures }
		},
		figures: { cityPopulation: model.cityPopulation, cityAreaKm2: model.cityAreaKm2, distances, reached, uncovered, nearest, profiles }
	};
}
