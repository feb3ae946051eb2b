// What the charts take: the rows of `/api/indicators/{id}` and the series of
// `/api/indicators/{id}/series` (structurally; the charts do not depend on the server modules).
import type { IndicatorMeta } from '$lib/data/contracts';
import type { AreaSeries } from '$lib/data/responses';
import type { Locale } from '$lib/i18n';
import type { Deviation } from '$lib/stats/rank';
import type { Interaction } from './interaction';

export type { AreaSeries, SeriesPoint } from '$lib/data/responses';

export interface PanelRow {
	area: string;
	name: string;
	year: number | null;
	stand: string | null;
	value: number | null;
	rank: number | null;
	deviation: Deviation | null;
}

export interface PanelReference {
	name: string;
	value: number | null;
	year: number | null;
}

export interface PanelSeries {
	years: number[];
	city: AreaSeries;
	areas: AreaSeries[];
}

export interface Relation {
	indicator: IndicatorMeta;
	rows: PanelRow[];
}

/** What a chart of one indicator's rows beside the map takes (Deviation). */
export interface IndicatorChartProps {
	id: string;
	meta: IndicatorMeta;
	rows: PanelRow[];
	reference: PanelReference;
	interaction: Interaction;
	locale: Locale;
}

/** …and one drawn in the map's classes and colours (Ranking, Distribution). */
export interface ClassedChartProps extends IndicatorChartProps {
	breaks: number[];
	colours: string[];
}

/** Margins of the plot area inside a chart's viewBox. */
export interface Margin {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

/** The latest reference date among the rows, for "Stand" of real figures. */
export function latestStand(rows: { stand: string | null }[]): string | null {
	const s = rows
		.map((r) => r.stand)
		.filter((x): x is string => x !== null)
		.sort();
	return s.length ? s[s.length - 1] : null;
}
