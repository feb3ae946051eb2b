// The derived data that `npm run data` writes and the server loads: file names and schemas.
// The server validates it once at start-up, so a corrupt file fails loudly instead of serving junk.
import { z } from 'zod';
import { EMPTY_FACILITIES, FacilityCollection, FacilityType } from '$lib/facilities/contracts';
import { AreaProps, DatasetFields, Id, IndicatorMeta, IndicatorValue, KontorProps, withProvenanceNames } from './contracts';
import { CityProfile, polygonLevels } from './profile';
import { KontorActivity } from './taetigkeit';

export const DERIVED_FILES = {
	manifest: 'manifest.json',
	context: 'context.geojson',
	kontore: 'kontore.geojson',
	facilities: 'facilities.geojson',
	facilityTypes: 'facility-types.json',
	indicators: 'indicators.json',
	values: 'values.json',
	datasets: 'datasets.json',
	report: 'report.json',
	taetigkeit: 'taetigkeit.json',
	profile: 'profile.json'
} as const;

/** The derived file of one level's areas (one per level of the profile; the manifest lists them). */
export const areasFile = (levelId: string) => `areas-${levelId}.geojson`;

/** A GeoJSON position (number[] as in @types/geojson), lon/lat with an optional height. */
const isPosition = (p: unknown): p is number[] => Array.isArray(p) && (p.length === 2 || p.length === 3) && p.every((n) => typeof n === 'number');
const Position = z.custom<number[]>(isPosition, { message: 'expected a position [lon, lat]' });
/**
 * A linear ring, its positions checked in one loop: with a schema per position and per number,
 * checking a stored version (some 100,000 coordinates) was about a third of an import preview's time.
 */
const Ring = z.custom<number[][]>((r) => Array.isArray(r) && r.length >= 4 && r.every(isPosition), {
	message: 'expected a ring of at least 4 positions [lon, lat]'
});
export const PolygonGeometry = z.discriminatedUnion('type', [
	z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }),
	z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) })
]);
const PointGeometry = z.object({ type: z.literal('Point'), coordinates: Position });

const featureCollection = <G extends z.ZodType, P extends z.ZodType>(geometry: G, properties: P) =>
	z.object({
		type: z.literal('FeatureCollection'),
		features: z.array(z.object({ type: z.literal('Feature'), id: z.string().optional(), geometry, properties }))
	});

export const AreaCollection = featureCollection(PolygonGeometry, AreaProps);
export type AreaCollection = z.infer<typeof AreaCollection>;
export type AreaFeature = AreaCollection['features'][number];

export const KontorCollection = featureCollection(PointGeometry, KontorProps);
export type KontorCollection = z.infer<typeof KontorCollection>;
export type KontorFeature = KontorCollection['features'][number];

export const ContextCollection = featureCollection(
	PolygonGeometry,
	z.object({ id: z.string(), name: z.string(), kind: z.enum(['nachbarkreis', 'stadtgrenze']) })
);
export type ContextCollection = z.infer<typeof ContextCollection>;

export const DatasetEntry = z.preprocess(withProvenanceNames, DatasetFields.extend({ files: z.array(z.string()).min(1) }));
export type DatasetEntry = z.infer<typeof DatasetEntry>;

export const CellReport = z.object({
	id: z.string(),
	name: z.string(),
	areaKm2: z.number(),
	officialAreaKm2: z.number().nullable(),
	/** Against the official area. */
	errorPct: z.number().nullable(),
	/** Against the target the fit could reach (official area scaled to the outline). */
	fitErrorPct: z.number(),
	seedMoved: z.object({ from: z.tuple([z.number(), z.number()]), to: z.tuple([z.number(), z.number()]), distanceM: z.number() }).nullable()
});

export const BuildReport = z.object({
	cells: z.array(CellReport),
	errorPct: z.object({ max: z.number(), median: z.number() }),
	fitErrorPct: z.object({ max: z.number(), median: z.number() }),
	fitIterations: z.number().int(),
	targetScale: z.number(),
	tiling: z.object({ sumKm2: z.number(), outlineKm2: z.number(), gapKm2: z.number(), overlapKm2: z.number() }),
	vertices: z.object({ before: z.number().int(), after: z.number().int(), toleranceM: z.number() }),
	warnings: z.array(z.string())
});
export type BuildReport = z.infer<typeof BuildReport>;

export const Manifest = z.object({
	inputsHash: z.string(),
	pipelineVersion: z.number().int(),
	files: z.record(z.string(), z.object({ bytes: z.number().int(), sha256: z.string() }))
});
export type Manifest = z.infer<typeof Manifest>;

const DerivedShape = z
	.object({
		/** Each level's areas, keyed by the profile's level ids. */
		areas: z.record(Id, AreaCollection),
		context: ContextCollection,
		kontore: KontorCollection,
		/** The facility register; versions stored before it existed have none. */
		facilities: FacilityCollection.default(EMPTY_FACILITIES),
		facilityTypes: z.array(FacilityType).default([]),
		indicators: z.array(IndicatorMeta),
		values: z.array(IndicatorValue),
		datasets: z.array(DatasetEntry),
		profile: CityProfile,
		report: BuildReport,
		/** The Kontore's activity texts per year; versions stored before they existed have none. */
		taetigkeit: z.array(KontorActivity).default([])
	})
	.superRefine((d, ctx) => {
		const ids = d.profile.levels.map((l) => l.id);
		for (const id of ids) if (!d.areas[id]) ctx.addIssue({ code: 'custom', path: ['areas', id], message: `no areas for the profile's level "${id}"` });
		for (const id of Object.keys(d.areas))
			if (!ids.includes(id)) ctx.addIssue({ code: 'custom', path: ['areas', id], message: `"${id}" is no level of the profile` });
		for (const id of ids)
			for (const f of d.areas[id]?.features ?? [])
				if (f.properties.level !== id)
					ctx.addIssue({ code: 'custom', path: ['areas', id], message: `area "${f.properties.id}" says level "${f.properties.level}"` });
	});

/**
 * Versions stored before city profiles keyed their three levels by name and carried no profile.
 * This maps them to `areas` by the shipped profile's levels in order (finest, middle, top): the
 * only place the old key names remain, because those stored versions keep them forever.
 */
const LEGACY_AREA_KEYS = ['stadtteile', 'ortschaften', 'stadt'] as const;

export function upgradeDerived(raw: unknown, shipped: () => CityProfile): unknown {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw) || 'areas' in raw) return raw;
	const old = raw as Record<string, unknown>;
	if (!LEGACY_AREA_KEYS.every((k) => k in old)) return raw;
	const rest = Object.fromEntries(Object.entries(old).filter(([k]) => !(LEGACY_AREA_KEYS as readonly string[]).includes(k)));
	const profile = CityProfile.safeParse(old.profile).data ?? shipped();
	const levels = polygonLevels(profile.levels);
	if (levels.length !== LEGACY_AREA_KEYS.length) {
		throw new Error(`A version stored before city profiles has ${LEGACY_AREA_KEYS.length} levels; the profile has ${levels.length}`);
	}
	// Such a version had no grid: a grid level of the shipped profile is empty in it.
	const grids = profile.levels.filter((l) => l.grid).map((l) => [l.id, { type: 'FeatureCollection', features: [] }]);
	return { ...rest, profile, areas: Object.fromEntries([...grids, ...levels.map((l, i) => [l.id, old[LEGACY_AREA_KEYS[i]]])]) };
}

/** The derived data of a version; `parseDerived` also reads versions stored before profiles. */
export const Derived = DerivedShape;
export type Derived = z.infer<typeof DerivedShape>;

export function parseDerived(raw: unknown, shipped: () => CityProfile): Derived {
	return Derived.parse(upgradeOfficeAreas(upgradeDerived(raw, shipped)));
}

/**
 * Versions stored before the Kontor's and the facility's area was named neutrally carry it under
 * the shipped city's finest level id (and that with "Verified"): read as `area` (and `areaVerified`).
 * The old names stay here only, because those stored versions keep them forever.
 */
const LEGACY_AREA_PROPS = [
	['stadtteil', 'area'],
	['stadtteilVerified', 'areaVerified']
] as const;

/** The location precision "placed in its area" had that old name as its value too (kontore.csv, einrichtungen.geojson, stored versions). */
export const upgradePrecision = (value: unknown): unknown => (value === LEGACY_AREA_PROPS[0][0] ? LEGACY_AREA_PROPS[0][1] : value);

function renamed(features: unknown): unknown {
	if (!Array.isArray(features)) return features;
	return features.map((f) => {
		const props = f?.properties;
		if (!props || typeof props !== 'object') return f;
		const entries = Object.entries(props as Record<string, unknown>).map(([k, v]) => [
			'area' in props ? k : (LEGACY_AREA_PROPS.find(([from]) => from === k)?.[1] ?? k),
			k === 'locationPrecision' ? upgradePrecision(v) : v
		]);
		return { ...f, properties: Object.fromEntries(entries) };
	});
}

export function upgradeOfficeAreas(raw: unknown): unknown {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
	const d = raw as Record<string, { features?: unknown } | undefined>;
	const upgraded = (key: string) => (d[key] && typeof d[key] === 'object' ? { [key]: { ...d[key], features: renamed(d[key].features) } } : {});
	return { ...d, ...upgraded('kontore'), ...upgraded('facilities') };
}

/** The profile's level ids, finest first. */
export const levelIds = (d: Pick<Derived, 'profile'>) => d.profile.levels.map((l) => l.id);
/** The finest polygon level (a census grid level is finer, but made of cells, not areas of the city's own): catchments, facilities, geometry status. */
export const finestLevel = (d: Pick<Derived, 'profile'>) => polygonLevels(d.profile.levels)[0].id;
/** The top level (the city as one area). */
export const topLevel = (d: Pick<Derived, 'profile'>) => d.profile.levels[d.profile.levels.length - 1].id;

/**
 * A version's areas by the role of their level: the finest, every level between, and the top
 * (with one level, finest and top are the same areas).
 */
export function areasByRole(d: Pick<Derived, 'profile' | 'areas'>): { finest: AreaFeature[]; middle: AreaFeature[]; top: AreaFeature[]; all: AreaFeature[] } {
	const ids = polygonLevels(d.profile.levels).map((l) => l.id);
	const of = (id: string) => d.areas[id].features;
	const grids = d.profile.levels.filter((l) => l.grid).flatMap((l) => of(l.id));
	return { finest: of(ids[0]), middle: ids.slice(1, -1).flatMap(of), top: of(ids[ids.length - 1]), all: [...grids, ...ids.flatMap(of)] };
}
