// The catalogue as DCAT-AP.de in JSON-LD, so open-data portals (GovData and the Länder portals,
// CKAN/piveau harvesters) can harvest it. Identifiers are absolute URLs of this server.
import type { Store } from '../store';
import { catalog, type PublishedDataset } from './catalog';

const CONTEXT = {
	dcat: 'http://www.w3.org/ns/dcat#',
	dct: 'http://purl.org/dc/terms/',
	dcatde: 'http://dcat-ap.de/def/dcatde/',
	foaf: 'http://xmlns.com/foaf/0.1/',
	vcard: 'http://www.w3.org/2006/vcard/ns#',
	xsd: 'http://www.w3.org/2001/XMLSchema#',
	rdfs: 'http://www.w3.org/2000/01/rdf-schema#'
};

const FILE_TYPE = (code: string) => `http://publications.europa.eu/resource/authority/file-type/${code}`;
const MEDIA = (type: string) => `https://www.iana.org/assignments/media-types/${type}`;
const id = (uri: string) => ({ '@id': uri });

/**
 * Every licence of a dataset with the parts it covers, as one rights statement: a distribution
 * names one licence (`dct:license`, the strictest), the statement says which part is under which.
 */
function rights(d: PublishedDataset) {
	return {
		'@type': 'dct:RightsStatement',
		'rdfs:label': {
			'@value': d.licences.map((l) => `${l.part}: ${l.licence.name} (${l.licence.uri}), Namensnennung: ${l.attribution}`).join(' · '),
			'@language': 'de'
		}
	};
}

export function dcatCatalog(store: Store, origin: string) {
	// The catalogue is German (dct:language DEU); the city's key (AGS) places every dataset for dcatde:politicalGeocodingURI.
	const { ags, titles } = store.profile;
	const publisherName = titles.site.de;
	const publisher = { '@type': 'foaf:Agent', 'foaf:name': publisherName, 'foaf:homepage': id(`${origin}/`) };
	const datasets = catalog(store).map((d) => ({
		'@id': `${origin}/daten#${d.id}`,
		'@type': 'dcat:Dataset',
		'dct:identifier': d.id,
		'dct:title': { '@value': d.title, '@language': 'de' },
		'dct:description': {
			'@value': `${d.description} Status: ${d.status.map((s) => `${s.label} (${s.detail})`).join('; ')}. Stichtag: ${d.referenceDate}.`,
			'@language': 'de'
		},
		'dct:publisher': publisher,
		'dcat:contactPoint': { '@type': 'vcard:Organization', 'vcard:fn': publisherName, 'vcard:hasURL': id(`${origin}/daten`) },
		'dct:modified': { '@value': d.modified, '@type': d.modified.length === 10 ? 'xsd:date' : 'xsd:gYearMonth' },
		'dct:license': [...new Set(d.licences.map((l) => l.licence.uri))].map(id),
		'dct:rights': rights(d),
		'dcat:keyword': d.keywords,
		'dcat:theme': d.themes.map(id),
		'dcat:landingPage': id(`${origin}/daten#${d.id}`),
		'dct:language': id('http://publications.europa.eu/resource/authority/language/DEU'),
		'dct:spatial': id(`http://dcat-ap.de/def/politicalGeocoding/municipalityKey/${ags}`),
		'dcatde:politicalGeocodingURI': id(`http://dcat-ap.de/def/politicalGeocoding/municipalityKey/${ags}`),
		'dcatde:politicalGeocodingLevelURI': id('http://dcat-ap.de/def/politicalGeocoding/Level/municipality'),
		'dct:source': [...new Set(d.sources.flatMap((s) => s.source.flatMap((x) => (x.url ? [x.url] : []))))].map(id),
		...(d.years
			? {
					'dct:temporal': {
						'@type': 'dct:PeriodOfTime',
						'dcat:startDate': { '@value': `${d.years[0]}-01-01`, '@type': 'xsd:date' },
						'dcat:endDate': { '@value': `${d.years[1]}-12-31`, '@type': 'xsd:date' }
					}
				}
			: {}),
		'dcat:distribution': d.distributions.map((x) => ({
			'@id': `${origin}${x.path}`,
			'@type': 'dcat:Distribution',
			'dct:title': { '@value': x.title, '@language': 'de' },
			'dcat:accessURL': id(`${origin}${x.path}`),
			...(x.kind === 'download' ? { 'dcat:downloadURL': id(`${origin}${x.path}`) } : {}),
			'dcat:mediaType': id(MEDIA(x.mediaType)),
			'dct:format': id(FILE_TYPE(x.format)),
			'dct:license': id(d.licence.uri),
			'dct:rights': rights(d),
			'dcatde:licenseAttributionByText': d.attribution
		}))
	}));
	return {
		'@context': CONTEXT,
		'@id': `${origin}/daten/katalog.jsonld`,
		'@type': 'dcat:Catalog',
		'dct:title': { '@value': titles.dcat.title.de, '@language': 'de' },
		'dct:description': { '@value': titles.dcat.description.de, '@language': 'de' },
		'dct:publisher': publisher,
		'dcat:keyword': titles.dcat.keywords,
		'foaf:homepage': id(`${origin}/daten`),
		'dct:language': id('http://publications.europa.eu/resource/authority/language/DEU'),
		'dcat:dataset': datasets
	};
}
