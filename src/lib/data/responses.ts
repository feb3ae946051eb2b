// Shapes of the API's JSON answers, shared by the server that builds them and the pages that read them.
import type { IndicatorMeta, IndicatorValue, Level } from './contracts';
import type { Deviation } from '$lib/stats/rank';

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
	level: Level;
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
