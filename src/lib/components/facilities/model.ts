// What the facility layer, list, card and filter derive from the register's API answers
// (/api/einrichtungen, /api/einrichtungen/typen): the facilities a type filter shows, the icon each
// is drawn with, the rows of the accessible list with their Stadtteil, and their sorting.
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { compareNames } from '$lib/i18n';

/** One facility as /api/einrichtungen answers it (properties of a Point feature). */
export interface FacilityProps {
	id: string;
	name: string;
	/** Type ids; a facility may be of several types (a Familienzentrum that is also a Kita). */
	types: string[];
	/** The types' labels in the request's language, in the order of `types`. */
	typeLabels: string[];
	address: string | null;
	/** 'address' where the position is the address's; anything else is shown as "ungefähre Lage". */
	locationPrecision: string;
	capacity?: number | null;
	/** Whom the capacity is for (e.g. "Kinder unter 6 Jahren"). */
	capacityTarget?: string | null;
	openingHours?: string | null;
	/** Ids of the Kontore the facility is a network partner of. */
	partnerOf?: string[];
	/** The id of its area on the finest level, where the API gives it; otherwise found from the geometry. */
	area?: string | null;
	source: string;
	asOf: string;
	beispieldaten: boolean;
}
export type Facility = Feature<Point, FacilityProps>;
export type Facilities = FeatureCollection<Point, FacilityProps>;

/** One type of the register as /api/einrichtungen/typen answers it. */
export interface FacilityType {
	id: string;
	label: string;
	/** Sprite symbol id (icons.ts). */
	icon: string;
	count: number;
}

/** The type filter of the view: every type, or the listed ones. */
export type TypeFilter = string[] | 'alle';

export const shownTypes = (filter: TypeFilter, types: FacilityType[]): string[] => (filter === 'alle' ? types.map((t) => t.id) : filter);

/** The facilities of at least one shown type. */
export function filterFacilities(facilities: Facility[], filter: TypeFilter): Facility[] {
	if (filter === 'alle') return facilities;
	const shown = new Set(filter);
	return facilities.filter((f) => f.properties.types.some((t) => shown.has(t)));
}

/**
 * The icon a facility is drawn with: its first type that the filter shows (a Familienzentrum with
 * a Kita shows the Kita icon when only Kitas are shown), the first of its types otherwise.
 */
export function iconOf(facility: FacilityProps, filter: TypeFilter, types: FacilityType[]): string {
	const type = filter === 'alle' ? facility.types[0] : (facility.types.find((t) => filter.includes(t)) ?? facility.types[0]);
	return types.find((t) => t.id === type)?.icon ?? type ?? '';
}

/** The GeoJSON the map's source gets: the shown facilities with their icon as a property. */
export function layerData(facilities: Facility[], filter: TypeFilter, types: FacilityType[]): FeatureCollection<Point, { id: string; icon: string }> {
	return {
		type: 'FeatureCollection',
		features: filterFacilities(facilities, filter).map((f) => ({
			type: 'Feature',
			geometry: f.geometry,
			properties: { id: f.properties.id, icon: iconOf(f.properties, filter, types) }
		}))
	};
}

type AreaFeature = Feature<Polygon | MultiPolygon, { id: string; name: string }>;

/** The Stadtteil a facility lies in: the API's, else the area whose polygon holds its point. */
export function stadtteilOf(facility: Facility, stadtteile: AreaFeature[]): AreaFeature | undefined {
	const id = facility.properties.area;
	if (id) return stadtteile.find((s) => s.properties.id === id);
	return stadtteile.find((s) => booleanPointInPolygon(facility.geometry.coordinates, s));
}

export interface FacilityRow {
	id: string;
	name: string;
	/** The labels of the facility's types, joined. */
	type: string;
	icon: string;
	area: string;
	lonLat: [number, number];
}

export function facilityRows(facilities: Facility[], filter: TypeFilter, types: FacilityType[], stadtteile: AreaFeature[]): FacilityRow[] {
	return filterFacilities(facilities, filter).map((f) => ({
		id: f.properties.id,
		name: f.properties.name,
		type: f.properties.typeLabels.join(', '),
		icon: iconOf(f.properties, filter, types),
		area: stadtteilOf(f, stadtteile)?.properties.name ?? '',
		lonLat: f.geometry.coordinates as [number, number]
	}));
}

export type SortKey = 'name' | 'type' | 'area';

/** Rows sorted by a column in German alphabetical order; ties by name, so the order is stable. */
export function sortRows(rows: FacilityRow[], key: SortKey, descending = false): FacilityRow[] {
	const sign = descending ? -1 : 1;
	return [...rows].sort((a, b) => sign * (compareNames(a[key], b[key]) || compareNames(a.name, b.name)) || compareNames(a.id, b.id));
}

/** Counts per type (in the catalogue's order, types without facilities left out). */
export function countByType(facilities: Pick<FacilityProps, 'types'>[], types: FacilityType[]): { type: FacilityType; count: number }[] {
	return types.map((type) => ({ type, count: facilities.filter((f) => f.types.includes(type.id)).length })).filter((c) => c.count > 0);
}
