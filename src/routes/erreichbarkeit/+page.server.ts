import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { AreaProps, KontorProps } from '$lib/data/contracts';
import { areaCollection } from '$lib/server/api';
import { catchmentsFor, defaultScenario } from '$lib/server/catchments';
import { storeOf } from '$lib/server/visibility';
import { urlLocale } from '$lib/i18n';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { url } = event;
	const store = storeOf(event);
	const { inputs } = catchmentsFor(store);
	return {
		locale: urlLocale(url),
		// The finest level's areas (named neutrally: the page is the same for any city's levels).
		areas: areaCollection(store, store.finest, store.indicatorById.has('einwohner') ? ['einwohner'] : [], null) as FeatureCollection<
			Polygon | MultiPolygon,
			AreaProps & Record<string, unknown>
		>,
		kontore: store.derived.kontore as FeatureCollection<Point, KontorProps>,
		inputs,
		indicators: store.derived.indicators.map((m) => ({ id: m.id, label: m.label, unit: m.unit, decimals: m.decimals, beispieldaten: m.beispieldaten })),
		// The default view's figures at first paint; the page's worker computes what the user changes.
		initial: await defaultScenario(store)
	};
};
