import { loadAtlasView } from '$lib/client/atlasView';
import { parseEmbedOptions } from '$lib/state/embed';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, data: server }) => {
	const embed = parseEmbedOptions(url.searchParams);
	// In a frame, profile links open a new tab; the SVG map's height follows the embed's.
	const data = await loadAtlasView(fetch, url, `legend=0&target=_blank&height=${embed.height}`);
	return { ...data, embed, approximation: server.approximation };
};
