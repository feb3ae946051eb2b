// The facility register's read queries: filtering by type, the collection with type labels in the
// request's language, the German Excel CSV export, the type list with counts, and a Kontor's
// facilities (in its catchment and its network partners). Bad parameters become 400 naming them.
import type { Feature, FeatureCollection, Point } from 'geojson';
import { DEFAULT_DISTANCES } from '$lib/geo/catchmentDefaults';
import { distanceM } from '$lib/facilities/checks';
import type { FacilityFeature, FacilityProps, FacilityType } from '$lib/facilities/contracts';
import { translator, type Locale } from '$lib/i18n';
import { facilities as facilitiesSection } from '$lib/i18n/facilities';
import { toGermanCsv } from '../csv';
import { ProblemError } from '../http';
import type { Store } from '../store';

const MAX_TYPES = 30;

/** `?typ=kita,apotheke`: null for all types; unknown ids are a 400 that lists the known ones. */
export function parseTypeList(raw: string | null, store: Store): string[] | null {
	if (raw === null || raw.trim() === '') return null;
	const known = store.derived.facilityTypes.map((t) => t.id);
	const ids = [...new Set(raw.split(',').map((s) => s.trim()))].slice(0, MAX_TYPES + 1);
	const unknown = ids.filter((id) => !known.includes(id));
	if (unknown.length || ids.length > MAX_TYPES) {
		throw new ProblemError(400, {
			title: 'fac.problem.type',
			detail: 'fac.problem.type.detail',
			params: { ids: unknown.map((s) => s.slice(0, 40)).join(', ') },
			parameter: 'typ',
			allowed: known
		});
	}
	return ids;
}

/** Exactly one type (the analyses): absent or unknown is a 400. */
export function parseOneType(raw: string | null, store: Store): FacilityType {
	const ids = parseTypeList(raw, store);
	const known = store.derived.facilityTypes.map((t) => t.id);
	if (!ids || ids.length !== 1) {
		throw new ProblemError(400, { title: 'fac.problem.type', detail: 'fac.problem.type.detail', params: { ids: raw ?? '' }, parameter: 'typ', allowed: known });
	}
	return store.derived.facilityTypes.find((t) => t.id === ids[0])!;
}

export function selectFacilities(store: Store, types: string[] | null): FacilityFeature[] {
	const all = store.derived.facilities.features;
	return types === null ? all : all.filter((f) => f.properties.types.some((t) => types.includes(t)));
}

export type ServedFacility = Feature<Point, FacilityProps & { typeLabels: string[] }>;

/** The features with `typeLabels` in the reader's language (facmap shows them as they are). */
export function facilityCollection(
	store: Store,
	features: FacilityFeature[],
	locale: Locale
): FeatureCollection<Point, FacilityProps & { typeLabels: string[] }> {
	const label = typeLabeller(store, locale);
	return {
		type: 'FeatureCollection',
		features: features.map((f) => ({
			type: 'Feature',
			id: f.properties.id,
			geometry: { type: 'Point', coordinates: f.geometry.coordinates },
			properties: { ...f.properties, typeLabels: f.properties.types.map(label) }
		}))
	};
}

export function typeLabeller(store: Store, locale: Locale): (id: string) => string {
	const labels = new Map(store.derived.facilityTypes.map((t) => [t.id, t.label[locale]]));
	return (id) => labels.get(id) ?? id;
}

/** German Excel CSV (as the other exports), with coordinates in WGS84; headers in the reader's language. */
export function facilitiesCsv(store: Store, features: FacilityFeature[], locale: Locale): string {
	const t = translator(locale, facilitiesSection);
	const label = typeLabeller(store, locale);
	const header = [
		'id',
		t('fac.csv.name'),
		t('fac.csv.types'),
		t('fac.csv.typeLabels'),
		t('fac.csv.address'),
		t('fac.csv.area'),
		t('fac.csv.lat'),
		t('fac.csv.lon'),
		t('fac.csv.precision'),
		t('fac.csv.capacity'),
		t('fac.csv.capacityTarget'),
		t('fac.csv.hours'),
		t('fac.csv.partnerOf'),
		t('fac.csv.source'),
		t('fac.csv.asOf'),
		t('fac.csv.beispieldaten')
	];
	const areaName = (id: string) => store.areaById.get(id)?.properties.name ?? id;
	const rows = features.map((f) => {
		const p = f.properties;
		return [
			p.id,
			p.name,
			p.types.join(', '),
			p.types.map(label).join(', '),
			p.address,
			areaName(p.area),
			f.geometry.coordinates[1],
			f.geometry.coordinates[0],
			p.locationPrecision,
			p.capacity,
			p.capacityTarget,
			p.openingHours,
			p.partnerOf.join(', '),
			p.source,
			p.asOf,
			p.beispieldaten ? t('fac.yes') : t('fac.no')
		];
	});
	return toGermanCsv(header, rows);
}

export interface TypeSummary {
	id: string;
	label: string;
	icon: string;
	count: number;
	capacityUnit: string | null;
	targetGroup: string | null;
}

export function typeSummaries(store: Store, locale: Locale): TypeSummary[] {
	const counts = new Map<string, number>();
	for (const f of store.derived.facilities.features) for (const t of f.properties.types) counts.set(t, (counts.get(t) ?? 0) + 1);
	return store.derived.facilityTypes.map((t) => ({
		id: t.id,
		label: t.label[locale],
		icon: t.icon,
		count: counts.get(t.id) ?? 0,
		capacityUnit: t.capacityUnit?.[locale] ?? null,
		targetGroup: t.targetGroup?.label[locale] ?? null
	}));
}

export interface KontorFacility {
	id: string;
	name: string;
	types: string[];
	typeLabels: string[];
	/** Straight-line distance from the Kontor (m). */
	distanceM: number;
	beispieldaten: boolean;
}

/**
 * A Kontor's facilities: those within `radius` (default: the outermost catchment ring) straight-line
 * of it, nearest first, and its Netzwerkpartner wherever they are.
 */
export function kontorNetwork(store: Store, kontorId: string, radius: number, locale: Locale) {
	const kontor = store.derived.kontore.features.find((k) => k.properties.id === kontorId);
	if (!kontor) {
		throw new ProblemError(404, {
			title: 'problem.kontor',
			detail: 'problem.kontor.detail',
			params: { id: kontorId.slice(0, 60) },
			parameter: 'id',
			allowed: store.derived.kontore.features.map((f) => f.properties.id)
		});
	}
	const label = typeLabeller(store, locale);
	const at = kontor.geometry.coordinates;
	const entry = (f: FacilityFeature): KontorFacility => ({
		id: f.properties.id,
		name: f.properties.name,
		types: f.properties.types,
		typeLabels: f.properties.types.map(label),
		distanceM: Math.round(distanceM(at, f.geometry.coordinates)),
		beispieldaten: f.properties.beispieldaten
	});
	const all = store.derived.facilities.features.map((f) => ({ f, e: entry(f) }));
	const byDistance = (a: KontorFacility, b: KontorFacility) => a.distanceM - b.distanceM || a.id.localeCompare(b.id);
	return {
		kontor: kontorId,
		radiusM: radius,
		inCatchment: all
			.filter((x) => x.e.distanceM <= radius)
			.map((x) => x.e)
			.sort(byDistance),
		partners: all
			.filter((x) => x.f.properties.partnerOf.includes(kontorId))
			.map((x) => x.e)
			.sort(byDistance),
		beispieldaten: store.derived.facilities.features.some((f) => f.properties.beispieldaten)
	};
}

export const DEFAULT_NETWORK_RADIUS_M = Math.max(...DEFAULT_DISTANCES);
