// A vector tile of a level's areas (issue #21): /tiles/{level}/{z}/{x}/{y}.mvt, as the viewer may see them.
import { problemFrom } from '$lib/server/http';
import { tileResponse } from '$lib/server/tiles';
import type { RequestHandler } from './$types';
import { storeOf } from '$lib/server/visibility';

export const GET: RequestHandler = async (event) => {
	const { level, z, x, y } = event.params;
	try {
		return await tileResponse(event.request, storeOf(event), level, z, x, y);
	} catch (e) {
		return problemFrom(e, event.url.pathname, event.request);
	}
};
