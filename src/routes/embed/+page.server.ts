import { approximationNotice } from '$lib/data/geometryStatus';
import { defaultLevel, drawableLevel } from '$lib/data/levels';
import { geometryStatus } from '$lib/server/store';
import { coarserNote } from '$lib/server/svgMap';
import { openStore } from '$lib/server/visibility';
import { urlLocale, translator } from '$lib/i18n';
import { analysis } from '$lib/i18n/analysis';
import { atlas } from '$lib/i18n/atlas';
import type { PageServerLoad } from './$types';

// The boundary notice from the server's geometry status (the atlas derives the same from its
// features): the embed's JS, whose size is budgeted, then carries no code or message for it.
// Likewise the level: a large level (a census grid) is embedded at its nearest coarser level, and
// the server names that level and writes the note saying so.
export const load: PageServerLoad = ({ url }) => {
	const store = openStore();
	const locale = urlLocale(url);
	// A view that names no level shows the default one (no note); a grid asked for by name gets the note.
	const asked = url.searchParams.get('level') ?? defaultLevel(store.levelInfos)?.id ?? '';
	const drawn = drawableLevel(store.levelInfos, asked);
	return {
		approximation: approximationNotice(geometryStatus(store), translator(locale, atlas, analysis)),
		level: drawn?.substituted ? drawn.level.id : null,
		levelNote: drawn?.substituted ? coarserNote(store, asked, locale) : null
	};
};
