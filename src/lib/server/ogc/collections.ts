// The collections the OGC API serves. A collection is one entry: id, title and description (in the
// request's language), the property list and the function that gives its features. A new layer (e.g. catchments) is a new entry.
import { bbox } from '@turf/turf';
import { approximationNote, geometryStatus, type Store } from '../store';
import type { Locale } from '$lib/i18n';
import type { OgcKey, OgcT } from '$lib/i18n/ogc';
import { areaFeature, areaPropertyDefs, KONTOR_PROPERTIES, kontorFeature, type FlatFeature, type PropertyDef } from './properties';
import { FACILITY_PROPERTIES, facilityCollectionText, facilityCollectionTitle, facilityFeature } from '../facilities/ogc';

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
}

/** What the Stadtteil boundaries are: approximated (all, or the named ones) or official. */
function geometryNote(store: Store, t: OgcT, all: OgcKey, official: OgcKey): string {
	const status = geometryStatus(store);
	if (!status.approximated.length) return t(official);
	return status.approximated.length === status.total ? t(all) : `${approximationNote(store, t.locale)}.`;
}

function indicatorNote(store: Store, t: OgcT): string {
	const bsp = store.derived.indicators.filter((m) => m.beispieldaten).map((m) => m.id.replace(/-/g, '_'));
	const real = store.derived.indicators.filter((m) => !m.beispieldaten).map((m) => m.id.replace(/-/g, '_'));
	return t('ogc.collection.indicators', { real: real.join(', '), synthetic: bsp.join(', ') });
}

export const COLLECTIONS: OgcCollection[] = [
	{
		id: 'stadtteile',
		title: (t) => t('ogc.collection.stadtteile'),
		description: (s, t) =>
			`${t('ogc.collection.stadtteileText', {
				count: s.areasByLevel.stadtteil.length,
				geometry: geometryNote(s, t, 'ogc.collection.stadtteileApproximated', 'ogc.collection.stadtteileOfficial')
			})} ${indicatorNote(s, t)}`,
		geometryTypes: ['Polygon', 'MultiPolygon'],
		properties: areaPropertyDefs,
		features: (s) => s.areasByLevel.stadtteil.map((f) => areaFeature(s, f))
	},
	{
		id: 'ortschaften',
		title: (t) => t('ogc.collection.ortschaften'),
		description: (s, t) =>
			`${t('ogc.collection.ortschaftenText', {
				count: s.areasByLevel.ortschaft.length,
				geometry: geometryNote(s, t, 'ogc.collection.ortschaftenApproximated', 'ogc.collection.unionOfficial')
			})} ${indicatorNote(s, t)}`,
		geometryTypes: ['Polygon', 'MultiPolygon'],
		properties: areaPropertyDefs,
		features: (s) => s.areasByLevel.ortschaft.map((f) => areaFeature(s, f))
	},
	{
		id: 'stadtgrenze',
		title: (t) => t('ogc.collection.stadtgrenze'),
		description: (s, t) =>
			`${t('ogc.collection.stadtgrenzeText', {
				geometry: t(s.areasByLevel.stadt[0]?.properties.geometryQuality === 'official' ? 'ogc.collection.unionOfficial' : 'ogc.collection.stadtgrenzeVg250')
			})} ${indicatorNote(s, t)}`,
		geometryTypes: ['Polygon', 'MultiPolygon'],
		properties: areaPropertyDefs,
		features: (s) => s.areasByLevel.stadt.map((f) => areaFeature(s, f))
	},
	{
		id: 'kontore',
		title: (t) => t('ogc.collection.kontore'),
		description: (s, t) => t('ogc.collection.kontoreText', { count: s.derived.kontore.features.length }),
		geometryTypes: ['Point'],
		properties: () => KONTOR_PROPERTIES,
		features: (s) => s.derived.kontore.features.map(kontorFeature)
	},
	{
		id: 'einrichtungen',
		title: (t) => facilityCollectionTitle(t.locale),
		description: (s, t) => facilityCollectionText(s, t.locale),
		geometryTypes: ['Point'],
		properties: () => FACILITY_PROPERTIES,
		features: (s) => s.derived.facilities.features.map((f) => facilityFeature(s, f))
	}
];

export const collectionById = new Map(COLLECTIONS.map((c) => [c.id, c]));

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
		if (!boxes.length) boxes.push(...store.areasByLevel.stadt.map((f) => bbox(f) as number[]));
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
