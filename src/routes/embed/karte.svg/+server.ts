// The map of a view as a standalone SVG (same URL parameters as the atlas, plus legend, height,
// target): the map without WebGL, and an image host pages may use directly. The server computes
// the map's props; the component is rendered here, where data meets the view, as in a page.
import { render } from 'svelte/server';
import SvgMap from '$lib/components/map/SvgMap.svelte';
import { respondAsync } from '$lib/server/http';
import { apiGet } from '$lib/server/endpoint';
import { svgMapProps } from '$lib/server/svgMap';
import { loadMethod } from '$lib/stats/classify';

export const GET = apiGet(async ({ url, request }, store) => {
	// The view may classify by natural breaks or stddev, whose code loads on first use.
	await Promise.all([loadMethod('jenks'), loadMethod('stddev')]);
	const { body } = render(SvgMap, { props: svgMapProps(store, url.searchParams) });
	// Svelte's hydration markers are of no use in a standalone image.
	return respondAsync(request, body.replace(/<!--[^>]*-->/g, ''), 'image/svg+xml; charset=utf-8');
});
