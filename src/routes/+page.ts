import type { PanelSeries } from '$lib/components/charts/types';
import { browser } from '$app/environment';
import { keptAnswers } from '$lib/client/answers';
import { jsonGet, loadAtlasView, type JsonGet, type ViewKnown } from '$lib/client/atlasView';
import { indicatorTablePath, seriesPath } from '$lib/data/apiPaths';
import { loadFacilities, unknownTypeNotices } from '$lib/components/facilities/load';
import type { IndicatorTable } from '$lib/data/responses';
import type { ColumnTable } from '$lib/data/tableColumns';
import { keptTable } from '$lib/client/largeView';
import { parseOverlay } from '$lib/state/overlay';
import type { PageLoad } from './$types';

/** What the indicator panels beside the map need (not in the embed), asked for as soon as the view is known. */
function panelAnswers(get: JsonGet, fetch: typeof globalThis.fetch, { view, levels, indicators }: ViewKnown) {
	// The series of the level, and the relation's values for the same year where it has that year, else its latest.
	const relationYears = indicators.find((i) => i.id === view.relation)?.years ?? [];
	// A large level's time series shows the selection and the city, not thousands of lines: only theirs are asked for.
	const large = levels.find((l) => l.id === view.level)?.large;
	// A large level's table comes in columns (a fifth of the bytes), as in loadAtlasView.
	const relationTable = (path: string) => (large ? get<ColumnTable>(`${path}&format=columns`).then(keptTable) : get<IndicatorTable>(path));
	return Promise.all([
		get<PanelSeries>(seriesPath(view.indicator, view.level, large ? view.selection : null)),
		view.relation
			? relationTable(indicatorTablePath(view.relation, view.level, view.year !== null && relationYears.includes(view.year) ? view.year : null))
			: null,
		loadFacilities(fetch, view.facilities, view.lang)
	]);
}

export const load: PageLoad = async ({ fetch, url }) => {
	// In the browser a change of the view reuses the answers it did not change, as the same objects
	// (answers.ts); on the server every request fetches its own.
	const get = browser ? keptAnswers(fetch) : jsonGet(fetch);
	// Asked for alongside the indicator table, not after it. Should the view's load fail, its error is
	// the page's; this one is then nobody's, and is not reported a second time.
	let panels: ReturnType<typeof panelAnswers> | null = null;
	const data = await loadAtlasView(fetch, url, undefined, get, (known) => {
		panels = panelAnswers(get, fetch, known);
		panels.catch(() => {});
	});
	const { view } = data;
	const [series, relation, facilities] = await (panels ?? panelAnswers(get, fetch, { view, levels: data.levels, indicators: data.catalogue.indicators }));
	const { overlay, notices: overlayNotices } = parseOverlay(url.searchParams, data.levels, view.level);
	return { ...data, notices: [...data.notices, ...unknownTypeNotices(view.facilities, facilities), ...overlayNotices], series, relation, facilities, overlay };
};
