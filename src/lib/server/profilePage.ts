// The load of /[level]/[id], the profile of an area of any of the profile's area levels.
import { error } from '@sveltejs/kit';
import type { ProfilePage } from '$lib/data/responses';
import { translator, urlLocale } from '$lib/i18n';
import { problems } from '$lib/i18n/problems';
import { ProblemError } from './http';
import { mapGeometry, panelData, pickIndicator, relationFallback, requireIndicators, similarData } from './pages';
import { isAreaLevel } from './levels';
import { areaProfile } from './profiles';
import { geometryStatus, type Store } from './store';
import { largeChildren } from './profileChildren';
import type { ChildSummary } from '$lib/stats/childSummary';

/** The profile page's data; a large child level is summarised in `childSummaries`, not listed among the children. */
export type ProfilePageData = ProfilePage & { childSummaries: ChildSummary[] };

export function loadProfile(store: Store, id: string, level: string, url: URL): ProfilePageData {
	const locale = urlLocale(url);
	requireIndicators(store.derived.indicators, url);
	let profile;
	try {
		// The city as a whole has no profile page (it is every page's reference).
		if (!isAreaLevel(store, level)) error(404, translator(locale, problems)('page.areaMissing'));
		profile = areaProfile(store, id, level);
	} catch (e) {
		if (e instanceof ProblemError) error(404, translator(locale, problems)('page.areaMissing'));
		throw e;
	}
	const meta = pickIndicator(store, url.searchParams.get('indicator'));
	const relation = pickIndicator(store, url.searchParams.get('relation'), relationFallback(meta));
	const childSummaries = largeChildren(store, id, level, meta.id);
	const summarised = new Set(childSummaries.map((s) => s.level));
	return {
		locale,
		profile: { ...profile, children: profile.children.filter((c) => !summarised.has(store.areaById.get(c.id)?.properties.level ?? '')) },
		childSummaries,
		panels: panelData(store, meta, relation, level),
		indicators: store.derived.indicators,
		similar: similarData(store, id, level, url.searchParams.getAll('sim')),
		map: mapGeometry(store, level),
		geometry: geometryStatus(store),
		levels: store.levelInfos
	};
}
