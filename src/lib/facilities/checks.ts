// The checks every facility passes, from geodata/ through the pipeline or from an upload through the
// importer: coordinates (metres given as degrees, swapped axes, outside the city), known types and
// Kontore, plausible capacity, unique ids and no duplicates. Pure, so both paths report the same problems.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { DataProblem } from '$lib/data/problems';
import { insidePolygon } from '$lib/geo/population';
import type { FacilityFeature, FacilitySourceProps, FacilityType } from './contracts';

/** Two entries of the same name and type closer than this are one facility entered twice. */
export const DUPLICATE_RADIUS_M = 100;

export interface CheckArea {
	id: string;
	geometry: Polygon | MultiPolygon;
	labelPoint: [number, number];
}

export interface CheckContext {
	types: FacilityType[];
	kontorIds: string[];
	/** The city outline: a facility must lie inside it. */
	city: Polygon | MultiPolygon;
	/** The Stadtteile, to say which one a facility lies in. */
	stadtteile: CheckArea[];
	/**
	 * The register as stored, re-derived after another change (official boundaries, a closed
	 * Kontor): what that change made of it is a warning, not a refusal, since the register itself
	 * was checked when it came in. A point now outside the outline stays, in its nearest Stadtteil;
	 * a partnership with a closed Kontor is dropped.
	 */
	stored?: { closedKontorIds: string[] };
}

export interface Candidate {
	/** Where the entry comes from (file and row or feature), for its problems. */
	where: Pick<DataProblem, 'file' | 'row' | 'feature'>;
	/** As given: [lon, lat] in degrees (after any conversion from EPSG:25832). */
	position: Position;
	props: FacilitySourceProps;
}

const rings = (g: Polygon | MultiPolygon): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
export const inside = (g: Polygon | MultiPolygon, x: number, y: number) => rings(g).some((poly) => insidePolygon(x, y, poly));

/** Great-circle distance in metres (haversine, mean earth radius). */
export function distanceM(a: Position, b: Position): number {
	const rad = Math.PI / 180;
	const dLat = (b[1] - a[1]) * rad;
	const dLon = (b[0] - a[0]) * rad;
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
	return 2 * 6371008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const normalName = (s: string) => s.toLocaleLowerCase('de').replace(/\s+/g, ' ').trim();

/** The problems of one position: null when it lies in the city. */
export function positionProblem(position: Position, city: Polygon | MultiPolygon): Pick<DataProblem, 'key' | 'params'> | null {
	const [x, y] = position;
	const params = { x: String(x), y: String(y) };
	if (Math.abs(x) > 180 || Math.abs(y) > 90) return { key: 'fac.metresAsDegrees', params };
	if (inside(city, x, y)) return null;
	if (inside(city, y, x)) return { key: 'fac.swappedAxes', params };
	return { key: 'fac.outsideCity', params };
}

/** The Stadtteil a point lies in; on a border gap of the simplified cells, the one with the nearest label point. */
export function stadtteilOf(position: Position, stadtteile: CheckArea[]): string {
	const hit = stadtteile.find((s) => inside(s.geometry, position[0], position[1]));
	if (hit) return hit.id;
	let best = stadtteile[0];
	for (const s of stadtteile) if (distanceM(position, s.labelPoint) < distanceM(position, best.labelPoint)) best = s;
	return best.id;
}

/** Checks all entries together (duplicates span entries); only entries without problems become features. */
export function checkFacilities(candidates: Candidate[], ctx: CheckContext): { features: FacilityFeature[]; problems: DataProblem[] } {
	const problems: DataProblem[] = [];
	const typeById = new Map(ctx.types.map((t) => [t.id, t]));
	const allowedTypes = ctx.types.map((t) => t.id).join(', ');
	const allowedKontore = ctx.kontorIds.join(', ');
	const seenIds = new Map<string, Candidate>();
	const byName = new Map<string, Candidate[]>();
	const features: FacilityFeature[] = [];

	const errors = () => problems.filter((x) => x.severity !== 'warning').length;
	for (const c of candidates) {
		const before = errors();
		const p = c.props;
		const at = (field: string, value: unknown) => ({ ...c.where, field, value });
		let position = positionProblem(c.position, ctx.city);
		if (position?.key === 'fac.outsideCity' && ctx.stored) {
			problems.push({ ...at('geometry', c.position), ...position, severity: 'warning' });
			position = null;
		}
		if (position) problems.push({ ...at('geometry', c.position), ...position });
		for (const t of p.types) if (!typeById.has(t)) problems.push({ ...at('types', t), key: 'fac.unknownType', params: { type: t, allowed: allowedTypes } });
		if (p.capacity !== null) {
			const limit = Math.min(...p.types.map((t) => typeById.get(t)?.maxCapacity ?? Infinity));
			if (p.capacity > limit) {
				const type = p.types.find((t) => typeById.get(t)?.maxCapacity === limit)!;
				problems.push({ ...at('capacity', p.capacity), key: 'fac.capacityAbsurd', params: { capacity: p.capacity, type, max: limit } });
			}
		}
		const closed = p.partnerOf.filter((k) => ctx.stored?.closedKontorIds.includes(k));
		for (const k of closed) problems.push({ ...at('partnerOf', k), key: 'fac.partnerOfClosed', params: { kontor: k }, severity: 'warning' });
		for (const k of p.partnerOf)
			if (!ctx.kontorIds.includes(k) && !closed.includes(k))
				problems.push({ ...at('partnerOf', k), key: 'fac.unknownKontor', params: { kontor: k, allowed: allowedKontore } });
		const sameId = seenIds.get(p.id);
		if (sameId) problems.push({ ...at('id', p.id), key: 'fac.duplicateId', params: { id: p.id, other: sameId.props.name } });
		else seenIds.set(p.id, c);
		const name = normalName(p.name);
		const twin = (byName.get(name) ?? []).find((o) => o.props.types.some((t) => p.types.includes(t)) && distanceM(o.position, c.position) < DUPLICATE_RADIUS_M);
		if (twin && !position) {
			const distance = Math.round(distanceM(twin.position, c.position));
			problems.push({ ...at('name', p.name), key: 'fac.duplicate', params: { name: p.name, distance, other: twin.props.id } });
		}
		byName.set(name, [...(byName.get(name) ?? []), c]);
		if (errors() > before) continue;
		const coordinates = [c.position[0], c.position[1]];
		const partnerOf = p.partnerOf.filter((k) => !closed.includes(k));
		features.push({
			type: 'Feature',
			id: p.id,
			geometry: { type: 'Point', coordinates },
			properties: { ...p, partnerOf, area: stadtteilOf(coordinates, ctx.stadtteile) }
		});
	}
	return { features, problems };
}
