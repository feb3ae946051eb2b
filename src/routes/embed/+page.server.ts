import { approximationNotice } from '$lib/data/geometryStatus';
import { areaLevels, drawableLevel } from '$lib/data/levels';
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
	const asked = url.searchParams.get('level') ?? areaLevels(store.levelInfos)[0]?.id ?? '';
	const drawn = drawableLevel(store.levelInfos, asked);
	return {
		approximation: approximationNotice(geometryStatus(store), translator(locale, atlas, analysis)),
		level: drawn?.substituted ? drawn.level.id : null,
		levelNote: drawn?.substituted ? coarserNote(store, asked, locale) : null
	};
};
