import { loadAtlasView } from '$lib/client/atlasView';
import { parseEmbedOptions } from '$lib/state/embed';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, data: server }) => {
	const embed = parseEmbedOptions(url.searchParams);
	// In a frame, profile links open a new tab; the SVG map's height follows the embed's.
	// Anonymous whoever embeds it: no cookie goes along, so the API answers what the public sees.
	const anonymous: typeof fetch = (input, init) => fetch(input, { ...init, credentials: 'omit' });
	// A large level is drawn at the coarser level the server named (server.levelNote says so).
	const view = new URL(url);
	if (server.level) view.searchParams.set('level', server.level);
	const data = await loadAtlasView(anonymous, view, `legend=0&target=_blank&height=${embed.height}`);
	return { ...data, embed, approximation: server.approximation, levelNote: server.levelNote };
};
