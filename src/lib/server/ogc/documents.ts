// The JSON resources of the OGC API: landing page, conformance, collections, one collection,
// a page of items and one item. Links are absolute, built from the request's origin; titles and
// descriptions are in the request's language (`t`), field names, relations and ids are not.
import { approximationNote, type Store } from '../store';
import { collectionById, collectionsOf, prepare, type OgcCollection } from './collections';
import { notFound, clip } from './exception';
import { filterByBbox, pageUrl, paginate, type ItemsQuery, type Link, type Page } from './items';
import type { FlatFeature } from './properties';
import type { OgcT } from '$lib/i18n/ogc';

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

/** The service's title, from the city profile. */
export const serviceTitle = (store: Store, t: OgcT): string => store.profile.titles.ogc.title[t.locale];

/** The service description: the profile's, then what the served geometry says about the Stadtteil boundaries. */
export function serviceDescription(store: Store, t: OgcT): string {
	return t('ogc.description', {
		intro: store.profile.titles.ogc.description[t.locale],
		boundaries: approximationNote(store, t.locale) ?? t('ogc.officialBoundaries')
	});
}

const link = (href: string, rel: string, type: string, title: string): Link => ({ href, rel, type, title });

/** JSON self link plus its HTML alternate (or the other way round), for any OGC path. */
function selfLinks(root: string, path: string, jsonType: string, what: string, t: OgcT): Link[] {
	return [
		link(`${root}${path}?f=json`, 'self', jsonType, t('ogc.asJson', { what })),
		link(`${root}${path}?f=html`, 'alternate', TYPES.html, t('ogc.asHtml', { what }))
	];
}

export function landing(store: Store, root: string, t: OgcT) {
	return {
		title: serviceTitle(store, t),
		description: serviceDescription(store, t),
		links: [
			...selfLinks(root, '', TYPES.json, t('ogc.thisPage'), t),
			link(`${root}/api?f=json`, 'service-desc', TYPES.openapi, t('ogc.apiDescription')),
			link(`${root}/api?f=html`, 'service-doc', TYPES.html, t('ogc.apiDocs')),
			link(`${root}/conformance?f=json`, 'conformance', TYPES.json, t('ogc.conformanceClasses')),
			link(`${root}/collections?f=json`, 'data', TYPES.json, t('ogc.collections')),
			link(`${new URL(root).origin}/daten`, 'describedby', TYPES.html, t('ogc.openData'))
		]
	};
}

export function conformance(root: string, t: OgcT) {
	return { conformsTo: CONFORMANCE, links: selfLinks(root, '/conformance', TYPES.json, t('ogc.conformance'), t) };
}

export function collection(store: Store, root: string, c: OgcCollection, t: OgcT, withSelf = true) {
	const { extent } = prepare(store, c);
	const base = `/collections/${c.id}`;
	const title = c.title(t);
	return {
		id: c.id,
		title,
		description: c.description(store, t),
		itemType: 'feature',
		crs: [CRS84],
		extent: { spatial: { bbox: [extent.map((x) => Math.round(x * 1e6) / 1e6)], crs: CRS84 } },
		links: [
			...(withSelf ? selfLinks(root, base, TYPES.json, title, t) : [link(`${root}${base}?f=json`, 'self', TYPES.json, title)]),
			link(`${root}${base}/items?f=json`, 'items', TYPES.geojson, t('ogc.itemsAsGeojson', { title })),
			link(`${root}${base}/items?f=html`, 'items', TYPES.html, t('ogc.itemsAsHtml', { title })),
			link(`${new URL(root).origin}/daten#${c.id}`, 'license', TYPES.html, t('ogc.license'))
		]
	};
}

export function collections(store: Store, root: string, t: OgcT) {
	return {
		links: selfLinks(root, '/collections', TYPES.json, t('ogc.collections'), t),
		collections: collectionsOf(store).map((c) => collection(store, root, c, t, false))
	};
}

export function getCollection(store: Store, id: string): OgcCollection {
	const c = collectionById(store, id);
	if (!c)
		throw notFound('ogc.noCollection', {
			id: clip(id),
			ids: collectionsOf(store)
				.map((x) => x.id)
				.join(', ')
		});
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

export function itemsDocument(root: string, c: OgcCollection, page: Page, q: ItemsQuery, params: URLSearchParams, t: OgcT) {
	const items = `${root}/collections/${c.id}/items`;
	const links: Link[] = [
		link(pageUrl(items, params, q.offset, 'json'), 'self', TYPES.geojson, t('ogc.thisPage')),
		link(pageUrl(items, params, q.offset, 'html'), 'alternate', TYPES.html, t('ogc.asHtml', { what: t('ogc.thisPage') }))
	];
	if (page.next !== null) links.push(link(pageUrl(items, params, page.next, 'json'), 'next', TYPES.geojson, t('ogc.nextPage')));
	if (page.prev !== null) links.push(link(pageUrl(items, params, page.prev, 'json'), 'prev', TYPES.geojson, t('ogc.prevPage')));
	links.push(link(`${root}/collections/${c.id}?f=json`, 'collection', TYPES.json, c.title(t)));
	return {
		type: 'FeatureCollection',
		numberMatched: page.numberMatched,
		numberReturned: page.numberReturned,
		features: page.features,
		links
	};
}

export function itemDocument(root: string, c: OgcCollection, f: FlatFeature, t: OgcT) {
	const path = `/collections/${c.id}/items/${encodeURIComponent(f.id)}`;
	return {
		...f,
		links: [...selfLinks(root, path, TYPES.geojson, f.id, t), link(`${root}/collections/${c.id}?f=json`, 'collection', TYPES.json, c.title(t))]
	};
}
