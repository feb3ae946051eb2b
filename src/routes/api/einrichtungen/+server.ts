import { apiGet, CSV_TYPE, GEOJSON } from '$lib/server/endpoint';
import { ProblemError } from '$lib/server/http';
import { facilitiesCsv, facilityCollection, parseTypeList, selectFacilities } from '$lib/server/facilities/register';
import { localeOf, sendLocalised } from '$lib/server/facilities/respond';

// All facilities as GeoJSON (`?typ=` filters, `?format=csv` for German Excel).
export const GET = apiGet((event, store) => {
	const { url, request } = event;
	const types = parseTypeList(url.searchParams.get('typ'), store);
	const features = selectFacilities(store, types);
	const locale = localeOf(event);
	const format = url.searchParams.get('format') ?? 'geojson';
	if (format === 'csv') {
		const filename = `einrichtungen${types ? `_${types.join('-')}` : ''}.csv`;
		return sendLocalised(request, facilitiesCsv(store, features, locale), CSV_TYPE, { 'content-disposition': `attachment; filename="${filename}"` });
	}
	if (format !== 'geojson' && format !== 'json') {
		throw new ProblemError(400, {
			title: 'fac.problem.format',
			detail: 'fac.problem.format.detail',
			params: { format: format.slice(0, 40) },
			parameter: 'format',
			allowed: ['geojson', 'csv']
		});
	}
	return sendLocalised(request, facilityCollection(store, features, locale), GEOJSON);
});
