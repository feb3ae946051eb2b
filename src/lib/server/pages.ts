// Data for the profile and comparison pages: the queries of profiles.ts plus what the panels
// beside them need (rows, series and a second indicator), with page parameters parsed leniently
// (an unknown indicator falls back to the default instead of failing the page).
import { error } from '@sveltejs/kit';
import type { MultiPolygon, Point, Polygon } from 'geojson';
import { core, translator, urlLocale } from '$lib/i18n';
import type { IndicatorMeta } from '$lib/data/contracts';
import type { MapGeometry, PanelData, SimilarData } from '$lib/data/responses';
import { indicatorTable } from './api';
import { indicatorSeries, similarAreas, socialIndicators } from './profiles';
import { isAreaLevel } from './levels';
import type { Store } from './store';

const DEFAULT_INDICATOR = 'sgb2-quote';
const DEFAULT_RELATION = 'kinderarmut';

/**
 * A page about indicators answers 404 with its reason when the viewer is served none of those it
 * needs (a city that keeps every indicator internal shows the public this, not a broken page).
 */
export function requireIndicators(indicators: readonly unknown[], url: URL): void {
	if (indicators.length === 0) error(404, translator(urlLocale(url), core)('error.noIndicators'));
}

export function pickIndicator(store: Store, raw: string | null, fallback = DEFAULT_INDICATOR): IndicatorMeta {
	return store.indicatorById.get(raw ?? '') ?? store.indicatorById.get(fallback) ?? store.derived.indicators[0];
}

/** Rows, reference, series and relation for IndicatorPanels, at the latest value per area. */
export function panelData(store: Store, meta: IndicatorMeta, relationMeta: IndicatorMeta, level: string): PanelData {
	const table = indicatorTable(store, meta, level, null);
	const s = indicatorSeries(store, meta, level);
	return {
		indicator: meta,
		rows: table.rows,
		reference: { name: table.reference.name, value: table.reference.value, year: table.reference.year },
		series: { years: s.years, city: s.city, areas: s.areas },
		relation: { indicator: relationMeta, rows: indicatorTable(store, relationMeta, level, null).rows }
	};
}

export function similarData(store: Store, id: string, level: string, raw: string[]): SimilarData {
	const all = socialIndicators(store);
	const chosen = raw.filter((x) => all.includes(x));
	const indicators = chosen.length ? chosen : all;
	return { indicators, choices: all.map((i) => ({ id: i, label: store.indicatorById.get(i)!.label })), areas: similarAreas(store, id, level, indicators) };
}

/** The geometry a small map needs: the areas of the level (the city as a whole: the level below) and the Kontore, no values. */
export function mapGeometry(store: Store, level: string): MapGeometry {
	const shown = isAreaLevel(store, level) ? level : (store.levels.find((l) => l.parent === level)?.id ?? level);
	return {
		areas: store.areasByLevel[shown].map((f) => ({
			type: 'Feature',
			geometry: f.geometry as Polygon | MultiPolygon,
			properties: { id: f.properties.id, name: f.properties.name, parent: f.properties.parent }
		})),
		kontore: store.derived.kontore.features.map((k) => ({
			type: 'Feature',
			geometry: k.geometry as Point,
			properties: { id: k.properties.id, name: k.properties.name, locationPrecision: k.properties.locationPrecision }
		}))
	};
}

export const relationFallback = (meta: IndicatorMeta) => (meta.id === DEFAULT_RELATION ? 'sgb2-quote' : DEFAULT_RELATION);
