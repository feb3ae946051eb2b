// The server side of reports: what the pure report builder reads, taken from the store with the
// API's own functions (indicatorTable, the store's series after disclosure control, the default
// catchment scenario of /erreichbarkeit), and the context report definitions are checked against.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { DefinitionContext } from '$lib/report/definition';
import type { ReportData, ReportFacilities } from '$lib/report/build';
import { indicatorTable } from './api';
import { defaultScenario } from './catchments';
import { versionInfo } from './db/database';
import { getDatabase } from './db/current';
import { disclosureMinBase, geometryStatus, type Store } from './store';

export function definitionContext(store: Store, now = new Date()): DefinitionContext {
	const years = [...new Set(store.derived.indicators.flatMap((m) => m.years))].sort((a, b) => a - b);
	return {
		kontore: store.derived.kontore.features.map((k) => k.properties.id),
		areas: new Map([...store.areaById].map(([id, f]) => [id, f.properties.level])),
		indicators: store.derived.indicators.map((m) => m.id),
		years,
		maxYear: Math.max(now.getFullYear(), years.at(-1) ?? 0)
	};
}

/**
 * Facilities, where the store's Derived carries a facility register (a FeatureCollection of points
 * with a type and a Stadtteil, plus a catalogue of types); null otherwise, and the report leaves
 * the chapter out.
 */
export function facilitiesOf(store: Store): ReportFacilities | null {
	const d = store.derived as unknown as Record<string, unknown>;
	const register = d.einrichtungen as
		| { features?: { properties?: { type?: unknown; typ?: unknown; stadtteil?: unknown } }[]; types?: { id: string; label: { de: string; en: string } }[] }
		| undefined;
	if (!register || !Array.isArray(register.features) || !Array.isArray(register.types)) return null;
	const items = register.features.flatMap((f) => {
		const type = f.properties?.type ?? f.properties?.typ;
		const stadtteil = f.properties?.stadtteil;
		return typeof type === 'string' && typeof stadtteil === 'string' ? [{ type, stadtteil }] : [];
	});
	const dataset = store.derived.datasets.find((s) => s.files.some((f) => f.startsWith('einrichtungen')));
	return {
		types: register.types,
		items,
		source: dataset?.attribution ?? '–',
		asOf: dataset?.date ?? '–',
		beispieldaten: dataset?.beispieldaten ?? true
	};
}

/**
 * Everything a report of the store's current version is built from. The catchment scenario (computed
 * once per version in the analysis pool) only where the report needs it: reports on a Kontor.
 */
export async function reportData(store: Store, now = new Date(), catchment = true): Promise<ReportData> {
	const scenario = catchment ? await defaultScenario(store) : null;
	const info = store.version > 0 ? versionInfo(getDatabase(), store.version) : null;
	return {
		cityId: store.cityId,
		stadtteile: store.areasByLevel.stadtteil,
		ortschaften: store.areasByLevel.ortschaft,
		stadt: store.areasByLevel.stadt[0],
		kontore: store.derived.kontore.features,
		indicators: store.derived.indicators,
		datasets: store.derived.datasets,
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
