import { apiGet, sendJson } from '$lib/server/endpoint';
import { checkCompareIds, compareProblemError, comparison } from '$lib/server/profiles';

export const GET = apiGet(({ url, request }, store) => {
	const checked = checkCompareIds(url.searchParams.get('ids'), store);
	if ('reason' in checked) throw compareProblemError(checked);
	return sendJson(request, comparison(store, checked.ids, checked.level));
});
