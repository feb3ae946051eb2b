// The map of a view as a standalone SVG (same URL parameters as the atlas, plus legend, height,
// target): the map without WebGL, and an image host pages may use directly.
import { respondAsync } from '$lib/server/http';
import { apiGet } from '$lib/server/endpoint';
import { renderSvgMap } from '$lib/server/svgMap';

export const GET = apiGet(({ url, request }, store) => respondAsync(request, renderSvgMap(store, url.searchParams), 'image/svg+xml; charset=utf-8'));
