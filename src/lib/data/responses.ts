// Shapes of the API's JSON answers and of the profile and comparison pages' data, shared by the
// server that builds them and the pages and components that read them (which never import the server).
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import type { LevelInfo } from './levels';
import type { AreaProps, DatasetMeta, IndicatorMeta, IndicatorValue, KontorProps } from './contracts';
import type { GeometryStatus } from './geometryStatus';
import type { Deviation } from '$lib/stats/rank';
import type { Neighbour } from '$lib/stats/similarity';
import type { Locale } from '$lib/i18n';

export interface IndicatorRow {
	area: string;
	name: string;
	year: number | null;
	stand: string | null;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	origin: IndicatorValue['origin'] | null;
	/** Withheld by disclosure control ("aus Datenschutzgründen unterdrückt"). */
	suppressed: boolean;
	rank: number | null;
	deviation: Deviation | null;
}

export interface IndicatorTable {
	indicator: IndicatorMeta;
	level: string;
	/** The requested year, or null for "latest value per area". */
	year: number | null;
	beispieldaten: boolean;
	reference: { area: string; name: string; year: number | null; value: number | null };
	rows: IndicatorRow[];
}

/** One year of an area's series: null where there is no value (charts leave a gap, never interpolate). */
export interface SeriesPoint {
	year: number;
	value: number | null;
	stand: string | null;
}

export interface AreaSeries {
	area: string;
	name: string;
	values: SeriesPoint[];
}

export type KontorSummary = Pick<KontorProps, 'id' | 'name' | 'area' | 'locationPrecision' | 'knownLocation'> & { areaName: string };

export interface ProfileIndicator {
	indicator: IndicatorMeta;
	row: IndicatorRow | null;
	/** Areas of the level with a value (the "of n" of the rank). */
	ranked: number;
	/** The city's latest value, the reference of the row's deviation (as /api/indicators answers). */
	reference: number | null;
	/** (value − city) / σ of the level's areas. */
	z: number | null;
	series: SeriesPoint[];
	citySeries: SeriesPoint[];
}

export interface AreaProfile {
	area: AreaProps;
	cityName: string;
	parent: { id: string; name: string } | null;
	children: { id: string; name: string }[];
	/** The Kontore in the area (for an Ortschaft: in its Stadtteile). */
	kontore: KontorSummary[];
	/** Where the area has none: the Kontore of its Ortschaft. */
	nearbyKontore: KontorSummary[];
	indicators: ProfileIndicator[];
	datasets: DatasetMeta[];
	/**
	 * The census grid's residents in the area beside its official figure, where the profile has a grid
	 * level under its level (`sum` null when a cell's figure is kept secret).
	 */
	grid?: { cell: '100m' | '1km'; sum: number | null; official: number | null; beispieldaten: boolean };
}

export interface ComparisonIndicator {
	indicator: IndicatorMeta;
	/** Per compared area, in the order of ids. */
	rows: (IndicatorRow | null)[];
	/** (value − city) / σ of all areas of the level. */
	z: (number | null)[];
	reference: { year: number | null; value: number | null };
	series: AreaSeries[];
	citySeries: AreaSeries;
	years: number[];
}

export interface Comparison {
	level: string;
	areas: { id: string; name: string }[];
	cityName: string;
	indicators: ComparisonIndicator[];
}

export type MapArea = Feature<Polygon | MultiPolygon, { id: string; name: string; parent: string | null }>;
export type MapKontor = Feature<Point, Pick<KontorProps, 'id' | 'name' | 'locationPrecision'>>;

/** The geometry a small map needs: the Stadtteile (or Ortschaften) and the Kontore, no values. */
export interface MapGeometry {
	areas: MapArea[];
	kontore: MapKontor[];
}

/** Rows, reference, series and relation for IndicatorPanels, at the latest value per area. */
export interface PanelData {
	indicator: IndicatorMeta;
	rows: IndicatorRow[];
	reference: { name: string; value: number | null; year: number | null };
	series: { years: number[]; city: AreaSeries; areas: AreaSeries[] };
	relation: { indicator: IndicatorMeta; rows: IndicatorRow[] };
}

/** The areas most similar to one area in the chosen indicators, and the indicators to choose from. */
export interface SimilarData {
	indicators: string[];
	choices: { id: string; label: IndicatorMeta['label'] }[];
	areas: Neighbour[];
}

/** The data of /stadtteil/[id] and /ortschaft/[id]. */
export interface ProfilePage {
	locale: Locale;
	profile: AreaProfile;
	panels: PanelData;
	indicators: IndicatorMeta[];
	similar: SimilarData;
	map: MapGeometry;
	geometry: GeometryStatus;
	/** The city profile's levels: names for headings and links. */
	levels: LevelInfo[];
}

/** What /api/werte/{level} answers (src/lib/server/tilesValues.ts): one indicator and year of a large level, in tile-feature order. */
export interface LevelValues {
	level: string;
	indicator: string;
	/** The year asked for; null: each area's latest value (`years` then says which). */
	year: number | null;
	/** Area ids; the position is the tile feature's id. */
	ids: string[];
	/** The value of each area in that order; null where there is none or it is suppressed. */
	values: (number | null)[];
	/** Positions whose value exists but is withheld by disclosure control (never shown as no data). */
	suppressed: number[];
	/** With `year` null: the year of each value (null where there is none). */
	years?: (number | null)[];
}
