// Data contracts of Kontoratlas: zod schemas for everything that crosses a boundary
// (geodata/ sources, the derived data the server loads, API responses), and their types.
import { z } from 'zod';

// Custom messages of these schemas are keys of the `importer` catalogue (sources.ts `zodReason`).

/** Lower-case ASCII slug ids: stable in URLs, CSV files and feature ids. */
export const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'data.zod.slug');

/** ISO date (YYYY-MM-DD) or month (YYYY-MM), as the sources give reference dates. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'data.zod.isoDate');

/** Free text from sources and users is shown in the UI: refuse markup outright. */
export const PlainText = z
	.string()
	.trim()
	.min(1)
	.max(500)
	.refine((s) => !/[<>]/.test(s), 'data.angleBrackets');

/** Who may see an indicator or a level: everyone, or signed-in users from role `kontor` up. */
export const Visibility = z.enum(['public', 'internal']);
export type Visibility = z.infer<typeof Visibility>;

export const GeometryQuality = z.enum(['official', 'approximated', 'generalised']);
export type GeometryQuality = z.infer<typeof GeometryQuality>;

/**
 * The provenance sidecar of a data file: its full name plus `.meta.json` (as GIS sidecars such as
 * `.aux.xml` are named), so `x.csv` and `x.geojson` never share one.
 */
export const sidecarOf = (file: string) => `${file}.meta.json`;
export const isSidecar = (file: string) => file.endsWith('.meta.json');

/** Provenance sidecar (see sidecarOf) that every file in geodata/ has: source, licence and date. */
export const DatasetFields = z.object({
	id: Id,
	title: z.object({ de: PlainText, en: PlainText }),
	description: z.object({ de: z.string().min(1), en: z.string().min(1) }),
	/** The works the data comes from, each with a link where there is one. */
	source: z.array(z.object({ name: PlainText, url: z.url().optional() })).min(1),
	licence: PlainText,
	attribution: PlainText,
	/** The date the data refers to (Stand), as the source gives it: a day, a month, a range. */
	date: z.string().min(4),
	/** When it was collected for Kontoratlas. */
	collected: IsoDate,
	beispieldaten: z.boolean(),
	caveats: z.array(z.string()).default([])
});
export type DatasetMeta = z.infer<typeof DatasetFields>;

/**
 * Sidecars and stored versions written before the fields were named as the provenance rule names
 * them (`sources`, `referenceDate`) still load.
 */
export function withProvenanceNames(value: unknown): unknown {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
	const { sources, referenceDate, ...rest } = value as Record<string, unknown>;
	return { ...(sources === undefined ? {} : { source: sources }), ...(referenceDate === undefined ? {} : { date: referenceDate }), ...rest };
}
export const DatasetMeta = z.preprocess(withProvenanceNames, DatasetFields);

/** A sidecar file's text (tab-indented JSON, as the ones in geodata/). */
export const sidecarText = (meta: DatasetMeta) => JSON.stringify(meta, null, '\t') + '\n';

export const AreaProps = z.object({
	id: Id,
	name: PlainText,
	/** A level id of the city profile. */
	level: Id,
	parent: Id.nullable(),
	geometryQuality: GeometryQuality,
	/** Interior point for the label (polylabel), [lon, lat]. */
	labelPoint: z.tuple([z.number(), z.number()]),
	/** Area of the served geometry in km² (geodesic). */
	areaKm2: z.number().positive(),
	/** Official area in km² where a source gives one, else null ("keine Angabe"). */
	officialAreaKm2: z.number().positive().nullable(),
	/** (cell area - official area) / official area in %, for approximated cells. */
	areaErrorPct: z.number().nullable(),
	/** What was done to fit this area into the geometry, in plain German, e.g. a moved seed. */
	geometryNote: z.string().nullable()
});
export type AreaProps = z.infer<typeof AreaProps>;

export const KontorLocationPrecision = z.enum(['address', 'street', 'quarter', 'area']);
export type KontorLocationPrecision = z.infer<typeof KontorLocationPrecision>;

export const KONTOR_TASKS = ['informieren', 'koordinieren', 'vernetzen', 'evaluieren'] as const;

export const KontorProps = z.object({
	id: Id,
	name: PlainText,
	/** The office's area on the profile's finest polygon level (id). */
	area: Id,
	areaVerified: z.boolean(),
	/** How precisely the point is known; anything but 'address' is shown as "ungefähre Lage" (see kontorExact). */
	locationPrecision: KontorLocationPrecision,
	knownLocation: PlainText,
	/** Exact street address, once an administrator knows it. */
	address: PlainText.nullable(),
	/** How the point was placed, e.g. "label point of Stadtteil Gebhardshagen". */
	placement: PlainText,
	contact: z.object({
		organisation: PlainText,
		street: PlainText,
		postcode: z.string().regex(/^\d{5}$/),
		city: PlainText,
		phone: PlainText,
		email: z.email(),
		asOf: IsoDate
	}),
	tasks: z.array(z.enum(KONTOR_TASKS)).length(4),
	source: PlainText,
	note: z.string().nullable(),
	// The Kontor's own details, entered in the admin; versions stored before they existed read as unknown.
	openingHours: PlainText.nullable().default(null),
	phone: PlainText.nullable().default(null),
	email: z.email().nullable().default(null),
	offers: z.array(PlainText).default([]),
	/** Opening date; a closed Kontor is not in the derived data at all (its row stays in the version's kontore.csv). */
	opened: IsoDate.nullable().default(null)
});
export type KontorProps = z.infer<typeof KontorProps>;

/** A Kontor at its exact position: no "ungefähre Lage" anywhere (map, card, embed, OGC, /daten, catchments). */
export const kontorExact = (k: Pick<KontorProps, 'locationPrecision'>): boolean => k.locationPrecision === 'address';

export const Polarity = z.enum(['higher-better', 'higher-worse', 'neutral']);
export type Polarity = z.infer<typeof Polarity>;

/**
 * How Stadtteil values combine into Ortschaft and city values:
 * - sum: counts (residents, area) are added;
 * - rate: summed numerators over summed denominators, times `scale` (100 for %);
 * - ratio: like rate, used for densities (numerator per denominator unit, e.g. residents per km²);
 * - weighted-mean: mean of the values weighted by `weightIndicator` (e.g. residents).
 * Never an unweighted mean of rates.
 */
export const Aggregation = z.discriminatedUnion('method', [
	z.object({ method: z.literal('sum') }),
	z.object({ method: z.literal('rate'), scale: z.number().positive() }),
	z.object({ method: z.literal('ratio'), numerator: Id, denominator: Id }),
	z.object({ method: z.literal('weighted-mean'), weightIndicator: Id })
]);
export type Aggregation = z.infer<typeof Aggregation>;

export const IndicatorMeta = z.object({
	id: Id,
	label: z.object({ de: PlainText, en: PlainText }),
	description: z.object({ de: z.string(), en: z.string() }),
	unit: z.object({ de: z.string().max(20), en: z.string().max(20) }),
	domain: z.enum(['bevoelkerung', 'flaeche', 'soziales', 'arbeit', 'familie', 'migration', 'wohnen']),
	polarity: Polarity,
	aggregation: Aggregation,
	/** Plausible range; values outside it are rejected by the pipeline. */
	range: z.tuple([z.number(), z.number()]),
	decimals: z.number().int().min(0).max(3),
	/** Ids of the geodata datasets (sidecars) the values come from; empty for an entry made in the admin before any values. */
	datasets: z.array(Id),
	source: PlainText,
	licence: PlainText,
	beispieldaten: z.boolean(),
	/**
	 * Disclosure control: rates with a base count (denominator) below this are suppressed, and so are
	 * counts under `disclosureControl` from 1 up to below it; default 5.
	 */
	disclosureMinBase: z.number().int().min(0).optional(),
	/**
	 * Sum indicators only: the figure is a count of persons or households (e.g. recipients of a
	 * benefit) and is subject to disclosure control like the base of a rate. Residents and areas are
	 * published figures and leave it unset; rates are always subject to it.
	 */
	disclosureControl: z.boolean().optional(),
	/**
	 * Date the entry was retired in the admin: it stays in the file and in history (values
	 * included) but is no longer served as a current layer (store.ts).
	 */
	retired: IsoDate.optional(),
	/**
	 * Internal indicators are served only to signed-in users from role `kontor` up (issue #19); the
	 * default keeps every catalogue written before it public.
	 */
	visibility: Visibility.default('public'),
	/**
	 * The per-level override of an internal entry: the levels (ids of the city profile) at which its
	 * values are public all the same, e.g. the two coarser levels for a figure published for the coarse
	 * areas but kept internal per finest area. Without it an internal entry is internal at every
	 * level, its aggregates included; for a public entry it means nothing.
	 */
	publicLevels: z.array(Id).optional(),
	/** Filled in by the pipeline from the values. */
	years: z.array(z.number().int()).default([])
});
export type IndicatorMeta = z.infer<typeof IndicatorMeta>;

export const Year = z.number().int().min(1900).max(2100);

export const IndicatorValue = z.object({
	area: Id,
	indicator: Id,
	year: Year,
	/** Reference date when the source gives one (populations: 31 Dec or a month). */
	stand: IsoDate.nullable(),
	value: z.number().finite().nullable(),
	numerator: z.number().finite().nonnegative().nullable(),
	denominator: z.number().finite().positive().nullable(),
	/** Where the value comes from: a source table, or an aggregate of the children computed by the pipeline. */
	origin: z.enum(['source', 'aggregate', 'derived']),
	/** Set by disclosure control in the store: value, numerator and denominator are withheld. */
	suppressed: z.literal(true).optional()
});
export type IndicatorValue = z.infer<typeof IndicatorValue>;
