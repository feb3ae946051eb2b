import { geometryStatus } from '$lib/server/store';
import { storeOf } from '$lib/server/visibility';
import { mapGeometry, panelData, pickIndicator, relationFallback, requireIndicators, similarData } from '$lib/server/pages';
import { checkCompareIds, comparison } from '$lib/server/profiles';
import { urlLocale } from '$lib/i18n';
import { areaLevels } from '$lib/data/levels';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { url } = event;
	const store = storeOf(event);
	const locale = urlLocale(url);
	requireIndicators(store.derived.indicators, url);
	const raw = url.searchParams.get('ids');
	// The areas to pick from, one group per area level of the profile, finest first.
	const choices = areaLevels(store.levelInfos).map((level) => ({
		level,
		areas: store.areasByLevel[level.id].map((a) => ({ id: a.properties.id, name: a.properties.name })).sort((a, b) => a.name.localeCompare(b.name, 'de'))
	}));
	const checked = checkCompareIds(raw, store);
	if ('reason' in checked) return { locale, choices, problem: checked, result: null };
	const meta = pickIndicator(store, url.searchParams.get('indicator'));
	const relation = pickIndicator(store, url.searchParams.get('relation'), relationFallback(meta));
	return {
		locale,
		choices,
		problem: null,
		result: {
			comparison: comparison(store, checked.ids, checked.level),
			panels: panelData(store, meta, relation, checked.level),
			indicators: store.derived.indicators,
			similar: similarData(store, checked.ids[0], checked.level, url.searchParams.getAll('sim')),
			map: mapGeometry(store, checked.level),
			geometry: geometryStatus(store)
		}
	};
};
