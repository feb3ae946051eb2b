import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { AreaProps, DatasetMeta, IndicatorMeta, KontorProps } from '$lib/data/contracts';
import type { IndicatorTable } from '$lib/data/responses';
import type { PanelSeries } from '$lib/components/charts/types';
import type { CoverageFigures } from '$lib/geo/scenario';
import { parseView } from '$lib/state/view';
import type { PageLoad } from './$types';

type Areas = FeatureCollection<Polygon | MultiPolygon, AreaProps>;

/** The indicator shown when the URL names none: real data, not Beispieldaten. */
const DEFAULT_INDICATOR = 'einwohnerdichte';
const CATCHMENT_DISTANCES = '500,1000,1500';

export const load: PageLoad = async ({ fetch, url }) => {
	const get = async <T>(path: string): Promise<T> => {
		const res = await fetch(path);
		if (!res.ok) throw new Error(`${path}: ${res.status}`);
		return res.json();
	};
	// Geometry and catalogue do not depend on the view; the browser's HTTP cache (ETag,
	// max-age) keeps these requests cheap when the view changes.
	const [catalogue, stadtteile, ortschaften, kontore, context] = await Promise.all([
		get<{ indicators: IndicatorMeta[]; datasets: Pick<DatasetMeta, 'id' | 'title' | 'licence' | 'attribution' | 'referenceDate' | 'beispieldaten'>[] }>('/api/indicators'),
		get<Areas>('/api/areas?level=stadtteil'),
		get<Areas>('/api/areas?level=ortschaft'),
		get<FeatureCollection<Point, KontorProps>>('/api/kontore'),
		get<FeatureCollection<Polygon | MultiPolygon, { id: string; name: string; kind: string }>>('/api/context')
	]);
	const { view, notices } = parseView(url.searchParams, {
		indicators: catalogue.indicators,
		areaIds: new Set([...stadtteile.features, ...ortschaften.features].map((f) => f.properties.id)),
		defaultIndicator: DEFAULT_INDICATOR
	});
	const catchmentsShown = !view.hidden.includes('catchments');
	const yearParam = view.year === null ? '' : `&year=${view.year}`;
	const [table, series, relation, catchments, coverage] = await Promise.all([
		get<IndicatorTable>(`/api/indicators/${encodeURIComponent(view.indicator)}?level=${view.level}${yearParam}`),
		get<PanelSeries>(`/api/indicators/${encodeURIComponent(view.indicator)}/series?level=${view.level}`),
		// The relation's own latest values when the year is not one of its years.
		view.relation ? get<IndicatorTable>(`/api/indicators/${encodeURIComponent(view.relation)}?level=${view.level}${view.year !== null && catalogue.indicators.find((i) => i.id === view.relation)?.years.includes(view.year) ? yearParam : ''}`) : null,
		// The atlas shows the catchments of the existing Kontore at the default distances; the
		// what-if analysis has its own page (/erreichbarkeit).
		catchmentsShown ? get<FeatureCollection<Polygon | MultiPolygon, { kind: string; kontor?: string; distance: number; walkingMinutes?: number }>>(`/api/catchments?mode=rings&distances=${CATCHMENT_DISTANCES}`) : null,
		catchmentsShown ? get<CoverageFigures>(`/api/coverage?distances=${CATCHMENT_DISTANCES}`) : null
	]);
	return { catalogue, stadtteile, ortschaften, kontore, context, view, notices, table, series, relation, catchments, coverage, defaultIndicator: DEFAULT_INDICATOR };
};
