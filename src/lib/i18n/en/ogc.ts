// English texts of the OGC API's exceptions and their page: `Texts` makes a missing or an extra key a type error.
import type { Texts } from '../index';
import type { ogc as de } from '../de/ogc';

export const ogc: Texts<typeof de> = {
	'ogc.method': '{method} is not supported; the OGC API is read-only (GET, HEAD)',
	'ogc.noResource': 'no OGC API resource at {path}',
	'ogc.parameter': '{parameter}: {detail}',
	'ogc.integer': 'must be an integer from {min} to {max}, not "{raw}"',
	'ogc.bbox': 'must be 4 (or 6, with heights) comma-separated numbers: minLon,minLat,maxLon,maxLat in CRS84; got "{raw}"',
	'ogc.bboxLongitude': 'longitudes must lie in [-180, 180]',
	'ogc.bboxLatitude': 'latitudes must lie in [-90, 90]',
	'ogc.bboxOrder': 'the lower latitude must not exceed the upper one',
	'ogc.datetime': 'must be an RFC 3339 date-time or interval, not "{raw}"',
	'ogc.unknownParameter': 'unknown parameter; allowed: {allowed}',
	'ogc.repeated': 'given more than once',
	'ogc.format': 'unknown format "{format}"; allowed: {allowed}',
	'ogc.noCollection': 'no collection "{id}"; collections: {ids}',
	'ogc.noFeature': 'no feature "{id}" in collection "{collection}"',

	'ogc.page.notFound': 'Not found',
	'ogc.page.badRequest': 'Bad request',
	'ogc.page.error': 'Error',
	'ogc.page.status': 'Status {status}, code',
	'ogc.page.toCollections': 'To the collections'
};
