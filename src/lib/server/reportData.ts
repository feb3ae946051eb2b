// The server side of reports: what the pure report builder reads, taken from the store with the
// API's own functions (indicatorTable, the store's series after disclosure control, the default
// catchment scenario of /erreichbarkeit), and the context report definitions are checked against.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { DefinitionContext } from '$lib/report/definition';
import type { ReportData, ReportFacilities } from '$lib/report/build';
import { areaLevels, levelName } from '$lib/data/levels';
import { indicatorTable } from './api';
import { defaultScenario } from './catchments';
import { getBackend } from './db/current';
import { disclosureMinBase, geometryStatus, type Store } from './store';

export function definitionContext(store: Store, now = new Date()): DefinitionContext {
	const years = [...new Set(store.derived.indicators.flatMap((m) => m.years))].sort((a, b) => a - b);
	return {
		kontore: store.derived.kontore.features.map((k) => k.properties.id),
		levels: areaLevels(store.levelInfos).map((l) => l.id),
		areas: new Map([...store.areaById].map(([id, f]) => [id, f.properties.level])),
		indicators: store.derived.indicators.map((m) => m.id),
		years,
		maxYear: Math.max(now.getFullYear(), years.at(-1) ?? 0)
	};
}

interface FacilityRegister {
	facilities?: {
		features?: { properties?: { name?: unknown; types?: unknown; area?: unknown; partnerOf?: unknown; beispieldaten?: unknown } }[];
	};
	facilityTypes?: { id: string; label: { de: string; en: string } }[];
}

/**
 * Facilities, where the store's Derived carries a facility register (`facilities`, a point
 * collection with types, Stadtteil and Kontor partnerships, and `facilityTypes`); null without
 * one, and the report leaves its chapter out. Read structurally, so reports work with or without it.
 */
export function facilitiesOf(store: Store): ReportFacilities | null {
	const { facilities, facilityTypes } = store.derived as unknown as FacilityRegister;
	if (!Array.isArray(facilities?.features) || !facilities.features.length || !Array.isArray(facilityTypes)) return null;
	const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
	const items = facilities.features.flatMap(({ properties: p }) =>
		p && typeof p.name === 'string' && typeof p.area === 'string'
			? [{ name: p.name, types: strings(p.types), area: p.area, partnerOf: strings(p.partnerOf), beispieldaten: p.beispieldaten !== false }]
			: []
	);
	const dataset = store.derived.datasets.find((s) => s.files.some((f) => f.startsWith('einrichtungen')));
	return {
		types: facilityTypes.map((t) => ({ id: t.id, label: t.label })),
		items,
		source: dataset ? (dataset.beispieldaten ? `${dataset.attribution} (Beispieldaten)` : dataset.attribution) : '–',
		asOf: dataset?.date ?? '–'
	};
}

/**
 * Everything a report of the store's current version is built from. The catchment scenario (computed
 * once per version in the analysis pool) only where the report needs it: reports on a Kontor.
 */
export async function reportData(store: Store, now = new Date(), catchment = true): Promise<ReportData> {
	const scenario = catchment ? await defaultScenario(store) : null;
	const info = store.version > 0 ? await (await getBackend()).versionInfo(store.version) : null;
	return {
		cityId: store.cityId,
		levelName: (level, locale) => levelName(store.levelInfos, level, locale),
		stadtteile: store.areasByLevel[store.finest],
		// The levels between the finest and the city as a whole (e.g. a city's boroughs).
		ortschaften: store.levelInfos
			.slice(1)
			.filter((l) => !l.whole)
			.flatMap((l) => store.areasByLevel[l.id]),
		stadt: store.areaById.get(store.cityId)!,
		kontore: store.derived.kontore.features,
		indicators: store.derived.indicators,
		datasets: store.derived.datasets,
		outlineDataset: store.derived.datasets.find((d) => d.files.includes(store.profile.geometry.outline))?.id ?? null,
		table: (meta, level, year) => indicatorTable(store, meta, level, year),
		series: (indicator, area) => store.series.get(indicator)?.get(area) ?? [],
		catchment: scenario
			? {
					figures: scenario.scenario.figures,
					cells: scenario.scenario.geometry.nearest.features as Feature<Polygon | MultiPolygon, { kontor: string }>[]
				}
			: null,
		activities: store.derived.taetigkeit,
		facilities: facilitiesOf(store),
		geometry: geometryStatus(store),
		minBase: disclosureMinBase(),
		version: { id: store.version, createdAt: info?.createdAt ?? null },
		generatedAt: now.toISOString()
	};
}
