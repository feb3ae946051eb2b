// Loads the derived data once, validates it against the contracts and indexes it for the API.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { env } from '$env/dynamic/private';
import type { IndicatorMeta, IndicatorValue, Level } from '$lib/data/contracts';
import { DERIVED_FILES, Derived, type AreaFeature } from '$lib/data/derived';

export interface Store {
	derived: Derived;
	areasByLevel: Record<Level, AreaFeature[]>;
	areaById: Map<string, AreaFeature>;
	indicatorById: Map<string, IndicatorMeta>;
	/** indicator → area → values sorted by year */
	series: Map<string, Map<string, IndicatorValue[]>>;
	cityId: string;
}

let current: Store | null = null;

export function dataDir(): string {
	return resolve(env.KONTORATLAS_DATA_DIR || 'derived');
}

export function getStore(): Store {
	current ??= loadStore(dataDir());
	return current;
}

export function loadStore(dir: string): Store {
	if (!existsSync(join(dir, DERIVED_FILES.manifest))) {
		throw new Error(`Kontoratlas: no derived data in ${dir}; run "npm run data" first (or set KONTORATLAS_DATA_DIR)`);
	}
	const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
	const derived = Derived.parse({
		stadtteile: read(DERIVED_FILES.stadtteile),
		ortschaften: read(DERIVED_FILES.ortschaften),
		stadt: read(DERIVED_FILES.stadt),
		context: read(DERIVED_FILES.context),
		kontore: read(DERIVED_FILES.kontore),
		indicators: read(DERIVED_FILES.indicators),
		values: read(DERIVED_FILES.values),
		datasets: read(DERIVED_FILES.datasets),
		report: read(DERIVED_FILES.report)
	});
	const areasByLevel = {
		stadtteil: derived.stadtteile.features,
		ortschaft: derived.ortschaften.features,
		stadt: derived.stadt.features
	};
	const series = new Map<string, Map<string, IndicatorValue[]>>();
	for (const v of derived.values) {
		const byArea = series.get(v.indicator) ?? new Map<string, IndicatorValue[]>();
		series.set(v.indicator, byArea);
		byArea.set(v.area, [...(byArea.get(v.area) ?? []), v]);
	}
	for (const byArea of series.values()) for (const list of byArea.values()) list.sort((a, b) => a.year - b.year);
	return {
		derived,
		areasByLevel,
		areaById: new Map([...areasByLevel.stadtteil, ...areasByLevel.ortschaft, ...areasByLevel.stadt].map((f) => [f.properties.id, f])),
		indicatorById: new Map(derived.indicators.map((m) => [m.id, m])),
		series,
		cityId: derived.stadt.features[0].properties.id
	};
}
