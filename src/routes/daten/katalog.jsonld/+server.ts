import { respondAsync } from '$lib/server/http';
import { dcatCatalog } from '$lib/server/opendata/dcat';
import { publicOrigin } from '$lib/server/origin';
import { openStore } from '$lib/server/visibility';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request, url }) =>
	respondAsync(request, JSON.stringify(dcatCatalog(openStore(), publicOrigin(url))), 'application/ld+json; charset=utf-8');
