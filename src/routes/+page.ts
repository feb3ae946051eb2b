import type { PanelSeries } from '$lib/components/charts/types';
import { browser } from '$app/environment';
import { keptAnswers } from '$lib/client/answers';
import { jsonGet, loadAtlasView } from '$lib/client/atlasView';
import { loadFacilities, unknownTypeNotices } from '$lib/components/facilities/load';
import type { IndicatorTable } from '$lib/data/responses';
import type { ColumnTable } from '$lib/data/tableColumns';
import { keptTable } from '$lib/client/largeView';
import { parseOverlay } from '$lib/state/overlay';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
	// In the browser a change of the view reuses the answers it did not change, as the same objects
	// (answers.ts); on the server every request fetches its own.
	const get = browser ? keptAnswers(fetch) : jsonGet(fetch);
	const data = await loadAtlasView(fetch, url, undefined, get);
	const { view, catalogue } = data;
	// The indicator panels beside the map (not in the embed): the series of the level, and the
	// relation's values for the same year where it has that year, else its latest.
	const yearParam = view.year === null ? '' : `&year=${view.year}`;
	const relationYears = catalogue.indicators.find((i) => i.id === view.relation)?.years ?? [];
	// A large level's time series shows the selection and the city, not thousands of lines: only theirs are asked for.
	const large = data.levels.find((l) => l.id === view.level)?.large;
	const only = large ? `&areas=${view.selection.map(encodeURIComponent).join(',')}` : '';
	// A large level's table comes in columns (a fifth of the bytes), as in loadAtlasView.
	const relationTable = (path: string) => (large ? get<ColumnTable>(`${path}&format=columns`).then(keptTable) : get<IndicatorTable>(path));
	const [series, relation, facilities] = await Promise.all([
		get<PanelSeries>(`/api/indicators/${encodeURIComponent(view.indicator)}/series?level=${view.level}${only}`),
		view.relation
			? relationTable(
					`/api/indicators/${encodeURIComponent(view.relation)}?level=${view.level}${view.year !== null && relationYears.includes(view.year) ? yearParam : ''}`
				)
			: null,
		loadFacilities(fetch, view.facilities, view.lang)
	]);
	const { overlay, notices: overlayNotices } = parseOverlay(url.searchParams, data.levels, view.level);
	return { ...data, notices: [...data.notices, ...unknownTypeNotices(view.facilities, facilities), ...overlayNotices], series, relation, facilities, overlay };
};
