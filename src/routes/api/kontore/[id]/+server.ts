import { ProblemError } from '$lib/server/http';
import { apiGet, GEOJSON, sendJson } from '$lib/server/endpoint';

export const GET = apiGet(({ request, params }, store) => {
	const kontor = store.derived.kontore.features.find((f) => f.properties.id === params.id);
	if (!kontor) {
		throw new ProblemError(404, {
			title: 'problem.kontor',
			detail: 'problem.kontor.detail',
			params: { id: params.id!.slice(0, 60) },
			parameter: 'id',
			allowed: store.derived.kontore.features.map((f) => f.properties.id)
		});
	}
	return sendJson(request, kontor, GEOJSON);
});
