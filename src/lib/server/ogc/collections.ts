// The collections the OGC API serves. A collection is one entry: id, title and description (in the
// request's language), the property list and the function that gives its features: one per level of
// the city profile, then the fixed layers. A new layer (e.g. catchments) is a new entry in FIXED.
import { bbox } from '@turf/bbox';
import { approximateShare, kontorLocationStatus } from '$lib/data/kontorStatus';
import { approximationNote, geometryStatus, type Store } from '../store';
import { translator, type Locale } from '$lib/i18n';
import { census } from '$lib/i18n/census';
import { levelName, levelWord } from '$lib/data/levels';
import type { LevelDef } from '$lib/data/profile';
import { slug } from '$lib/data/pipeline';
import type { OgcKey, OgcT } from '$lib/i18n/ogc';
import { areaFeature, areaPropertyDefs, KONTOR_PROPERTIES, kontorFeature, type FlatFeature, type PropertyDef } from './properties';
import { FACILITY_PROPERTIES, facilityCollectionText, facilityCollectionTitle, facilityFeature } from '../facilities/ogc';
import { POINT_LAYERS, type LayerRef } from '../db/postgis';

export interface OgcCollection {
	id: string;
	/** Title and description in the request's language (the id stays the same in every language). */
	title: (t: OgcT) => string;
	description: (store: Store, t: OgcT) => string;
	/** GeoJSON geometry types of the features, for the HTML page and the OpenAPI document. */
	geometryTypes: string[];
	/** The properties, indicator titles in the given language (German unless asked). */
	properties: (store: Store, locale?: Locale) => PropertyDef[];
	features: (store: Store) => FlatFeature[];
	/** The layer of the version's geometry in PostGIS (db/postgis.ts) that holds these features in the same order. */
	layer: LayerRef;
}

/** What the finest level's boundaries are: approximated (all, or the named ones) or official. */
function geometryNote(store: Store, t: OgcT, all: OgcKey, official: OgcKey): string {
	const status = geometryStatus(store);
	const names = { finest: levelWord(store.levelInfos, store.finest, t.locale, 'plural') };
	if (!status.approximated.length) return t(official, names);
	return status.approximated.length === status.total ? t(all, names) : `${approximationNote(store, t.locale)}.`;
}

function indicatorNote(store: Store, t: OgcT): string {
	const bsp = store.derived.indicators.filter((m) => m.beispieldaten).map((m) => m.id.replace(/-/g, '_'));
	const real = store.derived.indicators.filter((m) => !m.beispieldaten).map((m) => m.id.replace(/-/g, '_'));
	return t('ogc.collection.indicators', { real: real.join(', '), synthetic: bsp.join(', ') });
}

/**
 * The OGC id of a level's collection: its German plural as a slug (e.g. `bezirke`),
 * so the ids come from the profile and stay what they were before levels were data.
 */
export const levelCollectionId = (level: LevelDef) => slug(level.name.de.plural);

/** One collection per level of the profile; the city as a whole is its boundary (stadtgrenze). */
function levelCollections(store: Store): OgcCollection[] {
	const levels = store.levels;
	const finest = levels.find((l) => l.id === store.finest)!;
	return levels.map((level, i): OgcCollection => {
		const whole = store.levelInfos[i].whole;
		const features = (s: Store) => s.areasByLevel[level.id].map((f) => areaFeature(s, f));
		const layer: LayerRef = { kind: 'area', layer: level.id };
		const params = (t: OgcT) => ({
			levels: levelWord(store.levelInfos, level.id, t.locale, 'plural'),
			finest: levelWord(store.levelInfos, finest.id, t.locale, 'plural'),
			city: store.derived.profile.name
		});
		if (whole)
			return {
				id: 'stadtgrenze',
				title: (t) => t('ogc.collection.stadtgrenze'),
				description: (s, t) =>
					`${t('ogc.collection.stadtgrenzeText', {
						...params(t),
						geometry: t(
							s.areasByLevel[level.id][0]?.properties.geometryQuality === 'official' ? 'ogc.collection.unionOfficial' : 'ogc.collection.stadtgrenzeVg250',
							params(t)
						)
					})} ${indicatorNote(s, t)}`,
				geometryTypes: ['Polygon', 'MultiPolygon'],
				properties: areaPropertyDefs,
				features,
				layer
			};
		const grid = level.grid;
		if (grid)
			return {
				id: levelCollectionId(level),
				title: (t) => levelName(store.levelInfos, level.id, t.locale, 'plural'),
				description: (s, t) =>
					`${translator(t.locale, census)('census.ogc.gridText', { ...params(t), count: s.areasByLevel[level.id].length, cell: translator(t.locale, census)(`census.cell.${grid.cell}`) })} ${indicatorNote(s, t)}`,
				geometryTypes: ['Polygon', 'MultiPolygon'],
				properties: areaPropertyDefs,
				features,
				layer
			};
		return {
			id: levelCollectionId(level),
			title: (t) => levelName(store.levelInfos, level.id, t.locale, 'plural'),
			description: (s, t) =>
				`${t(level === finest ? 'ogc.collection.finestText' : 'ogc.collection.unionText', {
					...params(t),
					count: s.areasByLevel[level.id].length,
					geometry:
						level === finest
							? geometryNote(s, t, 'ogc.collection.finestApproximated', 'ogc.collection.finestOfficial')
							: geometryNote(s, t, 'ogc.collection.unionApproximated', 'ogc.collection.unionOfficial')
				})} ${indicatorNote(s, t)}`,
			geometryTypes: ['Polygon', 'MultiPolygon'],
			properties: areaPropertyDefs,
			features,
			layer
		};
	});
}

const FIXED: OgcCollection[] = [
	{
		id: 'kontore',
		title: (t) => t('ogc.collection.kontore'),
		description: (s, t) => {
			const status = kontorLocationStatus(s.derived.kontore.features);
			const count = status.total;
			const share = approximateShare(status);
			if (share === 'all') return t('ogc.collection.kontoreText', { count });
			if (share === 'none') return t('ogc.collection.kontoreExact', { count });
			return t('ogc.collection.kontoreSome', { count, n: count - status.approximate.length, names: status.approximate.join(', ') });
		},
		geometryTypes: ['Point'],
		properties: () => KONTOR_PROPERTIES,
		features: (s) => s.derived.kontore.features.map(kontorFeature),
		layer: { kind: 'point', layer: POINT_LAYERS.kontore }
	},
	{
		id: 'einrichtungen',
		title: (t) => facilityCollectionTitle(t.locale),
		description: (s, t) => facilityCollectionText(s, t.locale),
		geometryTypes: ['Point'],
		properties: () => FACILITY_PROPERTIES,
		features: (s) => s.derived.facilities.features.map((f) => facilityFeature(s, f)),
		layer: { kind: 'point', layer: POINT_LAYERS.facilities }
	}
];

const byStore = new WeakMap<Store, OgcCollection[]>();

/** The collections of the store's version: its levels (from the profile), the Kontore and the facilities. */
export function collectionsOf(store: Store): OgcCollection[] {
	let list = byStore.get(store);
	if (!list) byStore.set(store, (list = [...levelCollections(store), ...FIXED]));
	return list;
}

export const collectionById = (store: Store, id: string): OgcCollection | undefined => collectionsOf(store).find((c) => c.id === id);

interface Prepared {
	features: FlatFeature[];
	byId: Map<string, FlatFeature>;
	/** [minLon, minLat, maxLon, maxLat] per feature, for a cheap bbox pre-filter. */
	boxes: number[][];
	extent: number[];
}

/** Features are built once per store (the data change only with a rebuild), not per request. */
const prepared = new WeakMap<Store, Map<string, Prepared>>();

export function prepare(store: Store, c: OgcCollection): Prepared {
	let byCollection = prepared.get(store);
	if (!byCollection) prepared.set(store, (byCollection = new Map()));
	let p = byCollection.get(c.id);
	if (!p) {
		const features = c.features(store);
		const boxes = features.map((f) => bbox(f) as number[]);
		// An empty collection (a city without a register) has the city's extent.
		if (!boxes.length) boxes.push(...store.areasByLevel[store.levels[store.levels.length - 1].id].map((f) => bbox(f) as number[]));
		const extent = [
			Math.min(...boxes.map((b) => b[0])),
			Math.min(...boxes.map((b) => b[1])),
			Math.max(...boxes.map((b) => b[2])),
			Math.max(...boxes.map((b) => b[3]))
		];
		p = { features, byId: new Map(features.map((f) => [f.id, f])), boxes: boxes.slice(0, features.length), extent };
		byCollection.set(c.id, p);
	}
	return p;
}
