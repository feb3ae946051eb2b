// The OpenAPI 3.0 definition of the OGC API (requirement class oas30): every path, parameter and
// response the server answers, so clients such as GDAL read the limit bounds from it. Summaries and
// descriptions are in the request's language; ids, tags and schemas are not.
import type { Store } from '../store';
import { collectionsOf } from './collections';
import { serviceDescription, serviceTitle } from './documents';
import { LIMIT_DEFAULT, LIMIT_MAX } from './items';
import type { OgcT } from '$lib/i18n/ogc';

const ref = (name: string) => ({ $ref: `#/components/${name}` });

function ok(description: string, jsonType: string, schema: object) {
	return {
		description,
		content: { [jsonType]: { schema }, 'text/html': { schema: { type: 'string' } } }
	};
}

export function openApi(store: Store, root: string, t: OgcT) {
	const collectionIds = collectionsOf(store).map((c) => c.id);
	const errors = { '400': ref('responses/Exception400'), '404': ref('responses/Exception404') };
	return {
		openapi: '3.0.3',
		info: {
			title: serviceTitle(store, t),
			version: '1.0.0',
			description: serviceDescription(store, t),
			license: { name: t('ogc.oas.license') }
		},
		servers: [{ url: root, description: t('ogc.oas.server') }],
		tags: [{ name: 'Capabilities' }, { name: 'Data' }],
		paths: {
			'/': {
				get: {
					tags: ['Capabilities'],
					summary: t('ogc.oas.landing'),
					operationId: 'getLandingPage',
					parameters: [ref('parameters/f')],
					responses: { '200': ok(t('ogc.oas.landingOk'), 'application/json', ref('schemas/landingPage')), '400': errors['400'] }
				}
			},
			'/conformance': {
				get: {
					tags: ['Capabilities'],
					summary: t('ogc.oas.conformance'),
					operationId: 'getConformance',
					parameters: [ref('parameters/f')],
					responses: { '200': ok(t('ogc.oas.conformance'), 'application/json', ref('schemas/confClasses')), '400': errors['400'] }
				}
			},
			'/api': {
				get: {
					tags: ['Capabilities'],
					summary: t('ogc.oas.api'),
					operationId: 'getApi',
					parameters: [ref('parameters/f')],
					responses: { '200': ok(t('ogc.oas.apiOk'), 'application/vnd.oai.openapi+json;version=3.0', { type: 'object' }), '400': errors['400'] }
				}
			},
			'/collections': {
				get: {
					tags: ['Capabilities'],
					summary: t('ogc.oas.collections'),
					operationId: 'getCollections',
					parameters: [ref('parameters/f')],
					responses: { '200': ok(t('ogc.oas.collectionsOk'), 'application/json', ref('schemas/collections')), '400': errors['400'] }
				}
			},
			'/collections/{collectionId}': {
				get: {
					tags: ['Capabilities'],
					summary: t('ogc.oas.collection'),
					operationId: 'describeCollection',
					parameters: [ref('parameters/collectionId'), ref('parameters/f')],
					responses: { '200': ok(t('ogc.oas.collectionOk'), 'application/json', ref('schemas/collection')), ...errors }
				}
			},
			'/collections/{collectionId}/items': {
				get: {
					tags: ['Data'],
					summary: t('ogc.oas.items'),
					operationId: 'getFeatures',
					parameters: [
						ref('parameters/collectionId'),
						ref('parameters/limit'),
						ref('parameters/offset'),
						ref('parameters/bbox'),
						ref('parameters/datetime'),
						ref('parameters/f')
					],
					responses: { '200': ok(t('ogc.oas.itemsOk'), 'application/geo+json', ref('schemas/featureCollectionGeoJSON')), ...errors }
				}
			},
			'/collections/{collectionId}/items/{featureId}': {
				get: {
					tags: ['Data'],
					summary: t('ogc.oas.item'),
					operationId: 'getFeature',
					parameters: [ref('parameters/collectionId'), ref('parameters/featureId'), ref('parameters/f')],
					responses: { '200': ok(t('ogc.oas.itemOk'), 'application/geo+json', ref('schemas/featureGeoJSON')), ...errors }
				}
			}
		},
		components: {
			parameters: {
				f: {
					name: 'f',
					in: 'query',
					required: false,
					description: t('ogc.oas.f'),
					schema: { type: 'string', enum: ['json', 'html'] }
				},
				collectionId: {
					name: 'collectionId',
					in: 'path',
					required: true,
					description: t('ogc.oas.collectionId'),
					schema: { type: 'string', enum: collectionIds }
				},
				featureId: { name: 'featureId', in: 'path', required: true, description: t('ogc.oas.featureId'), schema: { type: 'string' } },
				limit: {
					name: 'limit',
					in: 'query',
					required: false,
					style: 'form',
					explode: false,
					description: t('ogc.oas.limit'),
					schema: { type: 'integer', minimum: 1, maximum: LIMIT_MAX, default: LIMIT_DEFAULT }
				},
				offset: {
					name: 'offset',
					in: 'query',
					required: false,
					description: t('ogc.oas.offset'),
					schema: { type: 'integer', minimum: 0, default: 0 }
				},
				bbox: {
					name: 'bbox',
					in: 'query',
					required: false,
					style: 'form',
					explode: false,
					description: t('ogc.oas.bbox'),
					schema: { type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } }
				},
				datetime: {
					name: 'datetime',
					in: 'query',
					required: false,
					style: 'form',
					explode: false,
					description: t('ogc.oas.datetime'),
					schema: { type: 'string' }
				}
			},
			schemas: {
				exception: { type: 'object', required: ['code'], properties: { code: { type: 'string' }, description: { type: 'string' } } },
				link: {
					type: 'object',
					required: ['href'],
					properties: { href: { type: 'string' }, rel: { type: 'string' }, type: { type: 'string' }, title: { type: 'string' } }
				},
				landingPage: {
					type: 'object',
					required: ['links'],
					properties: { title: { type: 'string' }, description: { type: 'string' }, links: { type: 'array', items: ref('schemas/link') } }
				},
				confClasses: { type: 'object', required: ['conformsTo'], properties: { conformsTo: { type: 'array', items: { type: 'string' } } } },
				collection: {
					type: 'object',
					required: ['id', 'links'],
					properties: {
						id: { type: 'string' },
						title: { type: 'string' },
						description: { type: 'string' },
						itemType: { type: 'string' },
						crs: { type: 'array', items: { type: 'string' } },
						extent: { type: 'object' },
						links: { type: 'array', items: ref('schemas/link') }
					}
				},
				collections: {
					type: 'object',
					required: ['links', 'collections'],
					properties: { links: { type: 'array', items: ref('schemas/link') }, collections: { type: 'array', items: ref('schemas/collection') } }
				},
				featureGeoJSON: {
					type: 'object',
					required: ['type', 'geometry', 'properties'],
					properties: {
						type: { type: 'string', enum: ['Feature'] },
						id: { type: 'string' },
						geometry: { type: 'object', nullable: true },
						properties: { type: 'object', nullable: true },
						links: { type: 'array', items: ref('schemas/link') }
					}
				},
				featureCollectionGeoJSON: {
					type: 'object',
					required: ['type', 'features'],
					properties: {
						type: { type: 'string', enum: ['FeatureCollection'] },
						features: { type: 'array', items: ref('schemas/featureGeoJSON') },
						links: { type: 'array', items: ref('schemas/link') },
						numberMatched: { type: 'integer', minimum: 0 },
						numberReturned: { type: 'integer', minimum: 0 }
					}
				}
			},
			responses: {
				Exception400: {
					description: t('ogc.oas.exception400'),
					content: { 'application/json': { schema: ref('schemas/exception') }, 'text/html': { schema: { type: 'string' } } }
				},
				Exception404: {
					description: t('ogc.oas.exception404'),
					content: { 'application/json': { schema: ref('schemas/exception') }, 'text/html': { schema: { type: 'string' } } }
				}
			}
		}
	};
}
