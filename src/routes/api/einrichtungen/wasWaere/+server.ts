import { parseLevel } from '$lib/server/api';
import { apiGet } from '$lib/server/endpoint';
import { parseWholeNumber, REACH_LIMITS } from '$lib/server/facilities/analysis';
import { parseOneType } from '$lib/server/facilities/register';
import { localeOf, sendLocalised } from '$lib/server/facilities/respond';
import { parseWhatIf, whatIf } from '$lib/server/facilities/whatIf';
import { ProblemError } from '$lib/server/http';

/** Larger bodies are not a what-if but an import. */
const MAX_BODY = 64 * 1024;

// What-if: body { add: [{ type, lon, lat, capacity }], remove: [ids] }; `?level=`, `?m=`, `?min=`,
// `?typ=` as for the analyses. Nothing is stored.
export const POST = apiGet(async (event, store) => {
	const { url, request } = event;
	const locale = localeOf(event);
	const text = await request.text();
	let raw: unknown;
	try {
		if (text.length > MAX_BODY) throw new Error(`> ${MAX_BODY} bytes`);
		raw = JSON.parse(text);
	} catch (e) {
		throw new ProblemError(400, {
			title: 'fac.problem.body',
			detail: 'fac.problem.body.detail',
			params: { detail: (e as Error).message.slice(0, 200) },
			parameter: 'body'
		});
	}
	const body = parseWhatIf(raw, store, locale);
	const only = url.searchParams.has('typ') ? parseOneType(url.searchParams.get('typ'), store).id : null;
	const level = parseLevel(url.searchParams.get('level'), store);
	const distanceM = parseWholeNumber(url.searchParams.get('m'), 'm', REACH_LIMITS.distance);
	const minutes = parseWholeNumber(url.searchParams.get('min'), 'min', REACH_LIMITS.minutes);
	const answer = await whatIf(store, body, level, distanceM, minutes, locale, only);
	return sendLocalised(request, answer, undefined, { 'cache-control': 'no-store' });
});
