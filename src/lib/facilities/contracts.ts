// Data contracts of the facility register (Einrichtungen): the type catalogue
// (geodata/einrichtungstypen.json) and the facilities (geodata/einrichtungen.geojson), as sources and
// as the pipeline carries them in Derived. Custom messages are keys of the `importer`/`facilities` catalogues.
import { z } from 'zod';
import { Id, IsoDate, KontorLocationPrecision, PlainText } from '$lib/data/contracts';

export const FACILITY_FILES = {
	types: 'einrichtungstypen.json',
	facilities: 'einrichtungen.geojson'
} as const;

/** Which figure of an indicator counts the target group: a count's value, or a rate's numerator or base. */
export const TargetMeasure = z.enum(['value', 'numerator', 'denominator']);
export type TargetMeasure = z.infer<typeof TargetMeasure>;

/** The residents a type's capacity serves, counted by an indicator (e.g. residents under 18). */
export const TargetGroup = z.object({
	indicator: Id,
	measure: TargetMeasure,
	label: z.object({ de: PlainText, en: PlainText })
});
export type TargetGroup = z.infer<typeof TargetGroup>;

export const FacilityType = z.object({
	id: Id,
	label: z.object({ de: PlainText, en: PlainText }),
	/** Id of the symbol in the map's sprite. */
	icon: Id,
	/** What a place of capacity is, e.g. "Betreuungsplätze"; null where the type has no capacity. */
	capacityUnit: z.object({ de: PlainText, en: PlainText }).nullable().default(null),
	/** Capacity per facility beyond which a value is absurd (a typo, not a facility). */
	maxCapacity: z.number().int().positive().default(2000),
	/** Target group for supply ratios; null where no indicator counts it (say so in `targetNote`). */
	targetGroup: TargetGroup.nullable().default(null),
	targetNote: z.object({ de: z.string(), en: z.string() }).nullable().default(null)
});
export type FacilityType = z.infer<typeof FacilityType>;

export const FacilityTypeCatalogue = z.array(FacilityType).min(1);

/** Optional source fields are null in the data the app serves ("keine Angabe"). */
const optional = <T extends z.ZodType>(schema: T) => schema.nullable().default(null);

/** A facility's properties as geodata/einrichtungen.geojson gives them. */
export const FacilitySourceProps = z.object({
	id: Id,
	name: PlainText,
	types: z.array(Id).min(1),
	address: optional(PlainText),
	locationPrecision: KontorLocationPrecision,
	capacity: optional(z.number().int('data.zod.notInteger').min(0, 'fac.capacityNegative')),
	/** Whom the capacity is for, as the register says (e.g. "Kinder 1–6 Jahre"). */
	capacityTarget: optional(PlainText),
	openingHours: optional(PlainText),
	/** Kontore whose Netzwerkpartner the facility is (their ids). */
	partnerOf: z.array(Id).default([]),
	source: PlainText,
	asOf: IsoDate,
	beispieldaten: z.boolean()
});
export type FacilitySourceProps = z.output<typeof FacilitySourceProps>;

/** As served: the source properties plus the Stadtteil the point lies in (by the pipeline). */
export const FacilityProps = FacilitySourceProps.extend({ area: Id });
export type FacilityProps = z.output<typeof FacilityProps>;

const Position = z.array(z.number()).min(2).max(3);
export const FacilityCollection = z.object({
	type: z.literal('FeatureCollection'),
	features: z.array(
		z.object({
			type: z.literal('Feature'),
			id: z.string().optional(),
			geometry: z.object({ type: z.literal('Point'), coordinates: Position }),
			properties: FacilityProps
		})
	)
});
export type FacilityCollection = z.output<typeof FacilityCollection>;
export type FacilityFeature = FacilityCollection['features'][number];

export const EMPTY_FACILITIES: FacilityCollection = { type: 'FeatureCollection', features: [] };
