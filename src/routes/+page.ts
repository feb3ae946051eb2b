import type { PanelSeries } from '$lib/components/charts/types';
import { browser } from '$app/environment';
import { keptAnswers } from '$lib/client/answers';
import { jsonGet, loadAtlasView } from '$lib/client/atlasView';
import { loadFacilities, unknownTypeNotices } from '$lib/components/facilities/load';
import type { IndicatorTable } from '$lib/data/responses';
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
	const [series, relation, facilities] = await Promise.all([
		get<PanelSeries>(`/api/indicators/${encodeURIComponent(view.indicator)}/series?level=${view.level}`),
		view.relation
			? get<IndicatorTable>(
					`/api/indicators/${encodeURIComponent(view.relation)}?level=${view.level}${view.year !== null && relationYears.includes(view.year) ? yearParam : ''}`
				)
			: null,
		loadFacilities(fetch, view.facilities, view.lang)
	]);
	const { overlay, notices: overlayNotices } = parseOverlay(url.searchParams, data.levels, view.level);
	return { ...data, notices: [...data.notices, ...unknownTypeNotices(view.facilities, facilities), ...overlayNotices], series, relation, facilities, overlay };
};
