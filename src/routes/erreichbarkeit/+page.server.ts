import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { AreaProps, KontorProps } from '$lib/data/contracts';
import { areaCollection } from '$lib/server/api';
import { catchmentsFor, defaultScenario } from '$lib/server/catchments';
import { getStore } from '$lib/server/store';
import { urlLocale } from '$lib/i18n';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const store = getStore();
	const { inputs } = catchmentsFor(store);
	return {
		locale: urlLocale(url),
		stadtteile: areaCollection(store, store.finest, ['einwohner'], null) as FeatureCollection<Polygon | MultiPolygon, AreaProps & Record<string, unknown>>,
		kontore: store.derived.kontore as FeatureCollection<Point, KontorProps>,
		inputs,
		indicators: store.derived.indicators.map((m) => ({ id: m.id, label: m.label, unit: m.unit, decimals: m.decimals, beispieldaten: m.beispieldaten })),
		// The default view's figures at first paint; the page's worker computes what the user changes.
		initial: await defaultScenario(store)
	};
};
