// The load of /stadtteil/[id] and /ortschaft/[id]: one function for both levels.
import { error } from '@sveltejs/kit';
import type { Level } from '$lib/data/contracts';
import type { ProfilePage } from '$lib/data/responses';
import { translator, urlLocale } from '$lib/i18n';
import { problems } from '$lib/i18n/problems';
import { ProblemError } from './http';
import { mapGeometry, panelData, pickIndicator, relationFallback, similarData } from './pages';
import { areaProfile } from './profiles';
import { geometryStatus, type Store } from './store';

export function loadProfile(store: Store, id: string, level: Level, url: URL): ProfilePage {
	const locale = urlLocale(url);
	let profile;
	try {
		profile = areaProfile(store, id, level);
	} catch (e) {
		if (e instanceof ProblemError) error(404, translator(locale, problems)('page.areaMissing'));
		throw e;
	}
	const meta = pickIndicator(store, url.searchParams.get('indicator'));
	const relation = pickIndicator(store, url.searchParams.get('relation'), relationFallback(meta));
	return {
		locale,
		profile,
		panels: panelData(store, meta, relation, level),
		indicators: store.derived.indicators,
		similar: similarData(store, id, level, url.searchParams.getAll('sim')),
		map: mapGeometry(store, level),
		geometry: geometryStatus(store)
	};
}
