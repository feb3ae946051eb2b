import { apiGet, sendJson } from '$lib/server/endpoint';

export const GET = apiGet(({ request }, store) =>
	sendJson(request, {
		indicators: store.derived.indicators,
		datasets: store.derived.datasets.map(({ id, title, licence, attribution, date, beispieldaten, source }) => ({
			id,
			title,
			licence,
			attribution,
			date,
			beispieldaten,
			source
		}))
	})
);
