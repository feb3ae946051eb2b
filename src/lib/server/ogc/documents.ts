// The JSON resources of the OGC API: landing page, conformance, collections, one collection,
// a page of items and one item. Links are absolute, built from the request's origin.
import { approximationNote, type Store } from '../store';
import { collectionById, COLLECTIONS, prepare, type OgcCollection } from './collections';
import { notFound, clip } from './exception';
import { filterByBbox, pageUrl, paginate, type ItemsQuery, type Link, type Page } from './items';
import type { FlatFeature } from './properties';

export const OGC_PATH = '/ogc';
export const TYPES = {
	json: 'application/json',
	geojson: 'application/geo+json',
	html: 'text/html',
	openapi: 'application/vnd.oai.openapi+json;version=3.0'
} as const;

export const CONFORMANCE = [
	'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
	'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
	'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
	'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson'
];

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

export const TITLE = 'Kontoratlas Salzgitter – OGC API Features';
/** The service description; what it says about the Stadtteil boundaries follows the served geometry. */
export function serviceDescription(store: Store): string {
	return (
		'Stadtteile, Ortschaften, Stadtgrenze und Stadtteilkontore von Salzgitter mit Indikatorwerten, für Desktop-GIS (QGIS, ArcGIS) und Geoportale. ' +
		`Stadtteilgrenzen: ${approximationNote(store) ?? 'amtliche Grenzen'}. Sozialindikatoren: Beispieldaten (synthetisch).`
	);
}

const link = (href: string, rel: string, type: string, title: string): Link => ({ href, rel, type, title });

/** JSON self link plus its HTML alternate (or the other way round), for any OGC path. */
function selfLinks(root: string, path: string, jsonType: string, what: string): Link[] {
	return [link(`${root}${path}?f=json`, 'self', jsonType, `${what} als JSON`), link(`${root}${path}?f=html`, 'alternate', TYPES.html, `${what} als HTML`)];
}

export function landing(store: Store, root: string) {
	return {
		title: TITLE,
		description: serviceDescription(store),
		links: [
			...selfLinks(root, '', TYPES.json, 'Diese Seite'),
			link(`${root}/api?f=json`, 'service-desc', TYPES.openapi, 'API-Beschreibung (OpenAPI 3.0)'),
			link(`${root}/api?f=html`, 'service-doc', TYPES.html, 'API-Dokumentation'),
			link(`${root}/conformance?f=json`, 'conformance', TYPES.json, 'Erfüllte Konformitätsklassen'),
			link(`${root}/collections?f=json`, 'data', TYPES.json, 'Sammlungen'),
			link(`${new URL(root).origin}/daten`, 'describedby', TYPES.html, 'Offene Daten: Datensätze, Herkunft, Lizenzen')
		]
	};
}

export function conformance(root: string) {
	return { conformsTo: CONFORMANCE, links: selfLinks(root, '/conformance', TYPES.json, 'Konformität') };
}

export function collection(store: Store, root: string, c: OgcCollection, withSelf = true) {
	const { extent } = prepare(store, c);
	const base = `/collections/${c.id}`;
	return {
		id: c.id,
		title: c.title,
		description: c.description(store),
		itemType: 'feature',
		crs: [CRS84],
		extent: { spatial: { bbox: [extent.map((x) => Math.round(x * 1e6) / 1e6)], crs: CRS84 } },
		links: [
			...(withSelf ? selfLinks(root, base, TYPES.json, c.title) : [link(`${root}${base}?f=json`, 'self', TYPES.json, c.title)]),
			link(`${root}${base}/items?f=json`, 'items', TYPES.geojson, `${c.title}: Objekte als GeoJSON`),
			link(`${root}${base}/items?f=html`, 'items', TYPES.html, `${c.title}: Objekte als HTML`),
			link(`${new URL(root).origin}/daten#${c.id}`, 'license', TYPES.html, 'Herkunft und Lizenz')
		]
	};
}

export function collections(store: Store, root: string) {
	return {
		links: selfLinks(root, '/collections', TYPES.json, 'Sammlungen'),
		collections: COLLECTIONS.map((c) => collection(store, root, c, false))
	};
}

export function getCollection(id: string): OgcCollection {
	const c = collectionById.get(id);
	if (!c) throw notFound('ogc.noCollection', { id: clip(id), ids: [...collectionById.keys()].join(', ') });
	return c;
}

export function getItem(store: Store, c: OgcCollection, featureId: string): FlatFeature {
	const f = prepare(store, c).byId.get(featureId);
	if (!f) throw notFound('ogc.noFeature', { id: clip(featureId), collection: c.id });
	return f;
}

export function itemsPage(store: Store, c: OgcCollection, q: ItemsQuery): Page {
	const { features, boxes } = prepare(store, c);
	return paginate(filterByBbox(features, boxes, q.bbox), q);
}

export function itemsDocument(root: string, c: OgcCollection, page: Page, q: ItemsQuery, params: URLSearchParams) {
	const items = `${root}/collections/${c.id}/items`;
	const links: Link[] = [
		link(pageUrl(items, params, q.offset, 'json'), 'self', TYPES.geojson, 'Diese Seite'),
		link(pageUrl(items, params, q.offset, 'html'), 'alternate', TYPES.html, 'Diese Seite als HTML')
	];
	if (page.next !== null) links.push(link(pageUrl(items, params, page.next, 'json'), 'next', TYPES.geojson, 'Nächste Seite'));
	if (page.prev !== null) links.push(link(pageUrl(items, params, page.prev, 'json'), 'prev', TYPES.geojson, 'Vorige Seite'));
	links.push(link(`${root}/collections/${c.id}?f=json`, 'collection', TYPES.json, c.title));
	return {
		type: 'FeatureCollection',
		numberMatched: page.numberMatched,
		numberReturned: page.numberReturned,
		features: page.features,
		links
	};
}

export function itemDocument(root: string, c: OgcCollection, f: FlatFeature) {
	const path = `/collections/${c.id}/items/${encodeURIComponent(f.id)}`;
	return {
		...f,
		links: [...selfLinks(root, path, TYPES.geojson, f.id), link(`${root}/collections/${c.id}?f=json`, 'collection', TYPES.json, c.title)]
	};
}
