import { localisedProblem, respondAsync } from '$lib/server/http';
import { CSV_TYPE, GEOJSON } from '$lib/server/endpoint';
import { layerCsv, layerGeojson, valuesCsv } from '$lib/server/opendata/downloads';
import { openStore } from '$lib/server/visibility';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, request, url }) => {
	const store = openStore();
	const match = /^([a-z0-9-]+)\.(geojson|csv)$/.exec(params.datei);
	const attachment = (name: string) => ({ 'content-disposition': `attachment; filename="kontoratlas_${name}"` });
	if (match) {
		const [, id, ext] = match;
		if (ext === 'geojson') {
			const fc = layerGeojson(store, id);
			if (fc) return respondAsync(request, JSON.stringify(fc), GEOJSON, attachment(params.datei));
		} else {
			const csv = layerCsv(store, id) ?? valuesCsv(store, id);
			if (csv) return respondAsync(request, csv, CSV_TYPE, attachment(params.datei));
		}
	}
	return localisedProblem(
		404,
		{ title: 'problem.download', detail: 'problem.download.detail', params: { file: params.datei.slice(0, 60) } },
		request,
		url.pathname
	);
};
