import { apiGet } from '$lib/server/endpoint';
import { typeSummaries } from '$lib/server/facilities/register';
import { localeOf, sendLocalised } from '$lib/server/facilities/respond';

// The type catalogue with the number of facilities of each type.
export const GET = apiGet((event, store) => sendLocalised(event.request, typeSummaries(store, localeOf(event))));
