import { apiGet, sendJson } from '$lib/server/endpoint';
import { ProblemError } from '$lib/server/http';
import { activityAnswer } from '$lib/server/taetigkeit';

/** A Kontor's activity texts and figures per year (the Kontor card's time series; the report's chapter). */
export const GET = apiGet(({ request, params }, store) => {
	const answer = activityAnswer(store, params.id!);
	if (!answer) {
		throw new ProblemError(404, {
			title: 'problem.kontor',
			detail: 'problem.kontor.detail',
			params: { id: params.id!.slice(0, 60) },
			parameter: 'id',
			allowed: store.derived.kontore.features.map((f) => f.properties.id)
		});
	}
	return sendJson(request, answer);
});
