import { apiGet, sendJson } from '$lib/server/endpoint';

/** Retired entries only on request (`?retired=1`), each with its `retired` date; the profile's levels with their names. */
export const GET = apiGet(({ request, url }, store) =>
	sendJson(request, {
		indicators: url.searchParams.get('retired') === '1' ? [...store.derived.indicators, ...store.retired] : store.derived.indicators,
		datasets: store.derived.datasets.map(({ id, title, licence, attribution, date, beispieldaten, source }) => ({
			id,
			title,
			licence,
			attribution,
			date,
			beispieldaten,
			source
		})),
		levels: store.levelInfos
	})
);
