// The derived data that `npm run data` writes and the server loads: file names and schemas.
// The server validates it once at start-up, so a corrupt file fails loudly instead of serving junk.
import { z } from 'zod';
import { EMPTY_FACILITIES, FacilityCollection, FacilityType } from '$lib/facilities/contracts';
import { AreaProps, DatasetFields, IndicatorMeta, IndicatorValue, KontorProps, withProvenanceNames } from './contracts';
import { CityProfile } from './profile';
import { KontorActivity } from './taetigkeit';

export const DERIVED_FILES = {
	manifest: 'manifest.json',
	stadtteile: 'areas-stadtteil.geojson',
	ortschaften: 'areas-ortschaft.geojson',
	stadt: 'areas-stadt.geojson',
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

/** A GeoJSON position (number[] as in @types/geojson), lon/lat with an optional height. */
const Position = z.array(z.number()).min(2).max(3);
const Ring = z.array(Position).min(4);
export const PolygonGeometry = z.union([
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

export const Derived = z.object({
	stadtteile: AreaCollection,
	ortschaften: AreaCollection,
	stadt: AreaCollection,
	context: ContextCollection,
	kontore: KontorCollection,
	/** The facility register; versions stored before it existed have none. */
	facilities: FacilityCollection.default(EMPTY_FACILITIES),
	facilityTypes: z.array(FacilityType).default([]),
	indicators: z.array(IndicatorMeta),
	values: z.array(IndicatorValue),
	datasets: z.array(DatasetEntry),
	/** The city profile; versions stored before profiles existed have none (the server then reads the shipped one). */
	profile: CityProfile.optional(),
	report: BuildReport,
	/** The Kontore's activity texts per year; versions stored before they existed have none. */
	taetigkeit: z.array(KontorActivity).default([])
});
export type Derived = z.infer<typeof Derived>;
