// The collections the OGC API serves. A collection is one entry: id, title, description, the
// property list and the function that gives its features. A new layer (e.g. catchments) is a new entry.
import { bbox } from '@turf/turf';
import { approximationNote, geometryStatus, type Store } from '../store';
import { areaFeature, areaPropertyDefs, KONTOR_PROPERTIES, kontorFeature, type FlatFeature, type PropertyDef } from './properties';

export interface OgcCollection {
	id: string;
	title: string;
	description: (store: Store) => string;
	/** GeoJSON geometry types of the features, for the HTML page and the OpenAPI document. */
	geometryTypes: string[];
	properties: (store: Store) => PropertyDef[];
	features: (store: Store) => FlatFeature[];
}

/** What the Stadtteil boundaries are: approximated (all, or the named ones) or official. */
function geometryNote(store: Store, all: string, official: string): string {
	const status = geometryStatus(store);
	if (!status.approximated.length) return official;
	return status.approximated.length === status.total ? all : `${approximationNote(store)}.`;
}

function beispieldatenNote(store: Store): string {
	const bsp = store.derived.indicators.filter((m) => m.beispieldaten).map((m) => m.id.replace(/-/g, '_'));
	const real = store.derived.indicators.filter((m) => !m.beispieldaten).map((m) => m.id.replace(/-/g, '_'));
	return (
		`Indikatoren als Eigenschaften, jeweils der letzte Wert mit _jahr und _stand. Echte Werte: ${real.join(', ')}. ` +
		`Beispieldaten (synthetisch, keine Zahlen der Stadt): ${bsp.join(', ')}.`
	);
}

export const COLLECTIONS: OgcCollection[] = [
	{
		id: 'stadtteile',
		title: 'Stadtteile',
		description: (s) =>
			`Die ${s.areasByLevel.stadtteil.length} Stadtteile von Salzgitter. Geometrie: ${geometryNote(s, 'Näherung, keine amtlichen Grenzen (aus den Ortsmittelpunkten und den amtlichen Flächen genähert).', 'amtliche Stadtteilgrenzen.')} ${beispieldatenNote(s)}`,
		geometryTypes: ['Polygon', 'MultiPolygon'],
		properties: areaPropertyDefs,
		features: (s) => s.areasByLevel.stadtteil.map((f) => areaFeature(s, f))
	},
	{
		id: 'ortschaften',
		title: 'Ortschaften',
		description: (s) =>
			`Die ${s.areasByLevel.ortschaft.length} Ortschaften von Salzgitter als Vereinigung ihrer Stadtteile. Geometrie: ${geometryNote(s, 'Näherung, keine amtlichen Grenzen.', 'Vereinigung der amtlichen Stadtteilgrenzen.')} ${beispieldatenNote(s)}`,
		geometryTypes: ['Polygon', 'MultiPolygon'],
		properties: areaPropertyDefs,
		features: (s) => s.areasByLevel.ortschaft.map((f) => areaFeature(s, f))
	},
	{
		id: 'stadtgrenze',
		title: 'Stadtgrenze',
		description: (s) =>
			`Die Stadt Salzgitter als Ganzes. Geometrie: ${s.areasByLevel.stadt[0]?.properties.geometryQuality === 'official' ? 'Vereinigung der amtlichen Stadtteilgrenzen.' : 'Stadtgrenze aus VG250 des BKG (Maßstab 1:250.000), vereinfacht.'} ${beispieldatenNote(s)}`,
		geometryTypes: ['Polygon', 'MultiPolygon'],
		properties: areaPropertyDefs,
		features: (s) => s.areasByLevel.stadt.map((f) => areaFeature(s, f))
	},
	{
		id: 'kontore',
		title: 'Stadtteilkontore',
		description: (s) =>
			`Die ${s.derived.kontore.features.length} Stadtteilkontore mit zentralem Kontakt und Aufgaben. Lage: ungefähr (lage_ungefaehr), solange keine Adresse bekannt ist; platzierung sagt, wie der Punkt gesetzt wurde.`,
		geometryTypes: ['Point'],
		properties: () => KONTOR_PROPERTIES,
		features: (s) => s.derived.kontore.features.map(kontorFeature)
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
		const extent = [
			Math.min(...boxes.map((b) => b[0])),
			Math.min(...boxes.map((b) => b[1])),
			Math.max(...boxes.map((b) => b[2])),
			Math.max(...boxes.map((b) => b[3]))
		];
		p = { features, byId: new Map(features.map((f) => [f.id, f])), boxes, extent };
		byCollection.set(c.id, p);
	}
	return p;
}
