// The data the API serves: the current version's derived data (from the versioned store, see
// db/current.ts), validated against the contracts, passed through disclosure control and indexed.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { env } from '$env/dynamic/private';
import type { IndicatorMeta, IndicatorValue } from '$lib/data/contracts';
import { DERIVED_FILES, areasFile, finestLevel, topLevel, type AreaFeature, type Derived } from '$lib/data/derived';
import { levelInfos, type LevelInfo } from '$lib/data/levels';
import { boundsOf } from '$lib/geo/bounds';
import { CityProfile, pageCity, type LevelDef } from '$lib/data/profile';
import { cityTexts } from '$lib/i18n/city';
import { approximatedNames, approximationNotice, geometryStatus as statusOf, type GeometryStatus } from '$lib/data/geometryStatus';
import { setCityTexts, translator, core, type Locale } from '$lib/i18n';
import { analysis } from '$lib/i18n/analysis';
import { atlas } from '$lib/i18n/atlas';
import { DEFAULT_MIN_BASE, hierarchyOf, suppressValues } from '$lib/stats/disclosure';
import { currentDerivedSync } from './db/current';
import { clearEncodedBodies } from './http';
import { responseCache } from './responseCache';
import { parseStoredDerived } from './storedDerived';

export interface Store {
	/** As built by the pipeline, except that `values` has passed disclosure control. */
	derived: Derived;
	/** The city profile of this version (the shipped one for a version stored before profiles, see storedDerived.ts). */
	profile: CityProfile;
	/** The profile's levels, finest first (`derived.profile.levels`). */
	levels: LevelDef[];
	/** Areas by level id; every level of the profile has an entry. */
	areasByLevel: Record<string, AreaFeature[]>;
	/** The finest level's id (catchments, facilities, geometry status). */
	finest: string;
	/** The levels as pages and components know them; `areaLevels(levelInfos)` are the mapped ones. */
	levelInfos: LevelInfo[];
	areaById: Map<string, AreaFeature>;
	indicatorById: Map<string, IndicatorMeta>;
	/** Entries retired in the admin: not in `derived` (neither they nor their values), listed only where asked for. */
	retired: IndicatorMeta[];
	/** indicator → area → values sorted by year */
	series: Map<string, Map<string, IndicatorValue[]>>;
	/** The area of the top level (the city as a whole): the reference of every comparison. */
	cityId: string;
	/** The store version it was indexed from (0 for a folder read outside the store): caches of derived answers key by it. */
	version: number;
	/** `all` for the store as indexed; `public` for the view the anonymous public is served (visibility.ts). */
	audience: 'all' | 'public';
	/** Source datasets (sidecar ids) left out of this view because only internal entries come from them. */
	withheldDatasets: Set<string>;
}

let current: { version: number; store: Store } | null = null;

export function dataDir(): string {
	return resolve(env.KONTORATLAS_DATA_DIR || 'derived');
}

/** Threshold for rates and controlled counts without their own `disclosureMinBase` (KONTORATLAS_DISCLOSURE_MIN_BASE, default 5). */
export function disclosureMinBase(): number {
	const raw = env.KONTORATLAS_DISCLOSURE_MIN_BASE;
	const n = raw === undefined || raw === '' ? DEFAULT_MIN_BASE : Number(raw);
	if (!Number.isInteger(n) || n < 0) throw new Error(`KONTORATLAS_DISCLOSURE_MIN_BASE must be a whole number ≥ 0, not "${raw}"`);
	return n;
}

/**
 * The store of the current version, held in memory (db/current.ts loads it at startup and after
 * every commit: refreshCurrent). With SQLite, any request that goes past the cache also notices a
 * version another process wrote.
 */
export function getStore(): Store {
	const latest = currentDerivedSync(current?.version ?? null);
	if (latest && current?.version !== latest.version) installStore(latest.version, latest.derived);
	if (!current) throw new Error('Kontoratlas: the store is not loaded yet (the server loads it at startup)');
	return current.store;
}

/** The version the served Store was indexed from, or null before the first load. */
export function heldVersion(): number | null {
	return current?.version ?? null;
}

/**
 * Serves a version from now on. This is the one place where the served data changes, so it also
 * empties the response cache (and the encoded bodies; the analyses' caches key by `Store.version`).
 */
export function installStore(version: number, derived: unknown): void {
	const store = indexStore(parseStoredDerived(derived), disclosureMinBase(), version);
	if (current) {
		responseCache().invalidate();
		clearEncodedBodies();
	}
	current = { version, store };
}

/** Reads a derived/ folder as `npm run data` writes it (the seed of a fresh database). */
export function readDerivedDir(dir: string): Derived {
	if (!existsSync(join(dir, DERIVED_FILES.manifest))) {
		throw new Error(`Kontoratlas: no derived data in ${dir}; run "npm run data" first (or set KONTORATLAS_DATA_DIR)`);
	}
	const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
	const profile = CityProfile.parse(read(DERIVED_FILES.profile));
	return parseStoredDerived({
		areas: Object.fromEntries(profile.levels.map((l) => [l.id, read(areasFile(l.id))])),
		context: read(DERIVED_FILES.context),
		kontore: read(DERIVED_FILES.kontore),
		facilities: read(DERIVED_FILES.facilities),
		facilityTypes: read(DERIVED_FILES.facilityTypes),
		indicators: read(DERIVED_FILES.indicators),
		values: read(DERIVED_FILES.values),
		datasets: read(DERIVED_FILES.datasets),
		report: read(DERIVED_FILES.report),
		// Absent in a derived/ written before the activity texts existed.
		taetigkeit: existsSync(join(dir, DERIVED_FILES.taetigkeit)) ? read(DERIVED_FILES.taetigkeit) : [],
		profile
	});
}

export function loadStore(dir: string, minBase = DEFAULT_MIN_BASE): Store {
	return indexStore(readDerivedDir(dir), minBase);
}

export function indexStore(all: Derived, minBase: number, version = 0): Store {
	const profile = all.profile;
	setCityTexts(cityTexts(pageCity(profile)));
	// A retired entry keeps its values in the version (history, rollback) but is no current layer.
	const retired = all.indicators.filter((m) => m.retired !== undefined);
	const gone = new Set(retired.map((m) => m.id));
	const built = gone.size
		? { ...all, indicators: all.indicators.filter((m) => !gone.has(m.id)), values: all.values.filter((v) => !gone.has(v.indicator)) }
		: all;
	const levels = built.profile.levels;
	const areasByLevel = Object.fromEntries(levels.map((l) => [l.id, built.areas[l.id].features]));
	const allAreas = levels.flatMap((l) => areasByLevel[l.id]);
	const values = suppressValues(built.values, built.indicators, hierarchyOf(allAreas.map((f) => f.properties)), { defaultMinBase: minBase });
	const derived = { ...built, values };
	const series = new Map<string, Map<string, IndicatorValue[]>>();
	for (const v of derived.values) {
		const byArea = series.get(v.indicator) ?? new Map<string, IndicatorValue[]>();
		series.set(v.indicator, byArea);
		byArea.set(v.area, [...(byArea.get(v.area) ?? []), v]);
	}
	for (const byArea of series.values()) for (const list of byArea.values()) list.sort((a, b) => a.year - b.year);
	return {
		derived,
		profile,
		levels,
		areasByLevel,
		finest: finestLevel(built),
		levelInfos: levelInfos(
			built.profile,
			(id) => areasByLevel[id].length,
			(id) => boundsOf({ type: 'FeatureCollection', features: areasByLevel[id] })
		),
		areaById: new Map(allAreas.map((f) => [f.properties.id, f])),
		indicatorById: new Map(derived.indicators.map((m) => [m.id, m])),
		retired,
		series,
		cityId: areasByLevel[topLevel(built)][0].properties.id,
		version,
		audience: 'all',
		withheldDatasets: new Set()
	};
}

const statusCache = new WeakMap<Store, GeometryStatus>();

/**
 * Which served Stadtteil boundaries are approximated: the one source of every server-side
 * "Näherung" notice (pages, SVG map, OGC, open-data catalogue, coverage API).
 */
export function geometryStatus(store: Store): GeometryStatus {
	let status = statusCache.get(store);
	if (!status) statusCache.set(store, (status = statusOf(store.areasByLevel[store.finest], (id) => store.areaById.get(id)?.properties.parent ?? null)));
	return status;
}

/**
 * The same notice for the server's own texts (OGC descriptions in the request's language; the German
 * open-data catalogue and coverage caveats): null when every boundary is official; after a partial
 * import it counts the approximated Stadtteile and names them.
 */
export function approximationNote(store: Store, locale: Locale = 'de'): string | null {
	const status = geometryStatus(store);
	const notice = approximationNotice(status, translator(locale, atlas, analysis, core));
	if (!notice) return null;
	return status.approximated.length === status.total ? notice.text : `${notice.text} (${approximatedNames(status)})`;
}
