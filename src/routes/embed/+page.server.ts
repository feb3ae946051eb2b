import { approximationNotice } from '$lib/data/geometryStatus';
import { geometryStatus } from '$lib/server/store';
import { openStore } from '$lib/server/visibility';
import { urlLocale, translator } from '$lib/i18n';
import { analysis } from '$lib/i18n/analysis';
import { atlas } from '$lib/i18n/atlas';
import type { PageServerLoad } from './$types';

// The boundary notice from the server's geometry status (the atlas derives the same from its
// features): the embed's JS, whose size is budgeted, then carries no code or message for it.
// Depends on the language only, so the embed's own navigation does not reload it.
export const load: PageServerLoad = ({ url }) => ({
	approximation: approximationNotice(geometryStatus(openStore()), translator(urlLocale(url), atlas, analysis))
});
