import { approximationNotice } from '$lib/data/geometryStatus';
import { geometryStatus, getStore } from '$lib/server/store';
import { parseLocale } from '$lib/state/i18n';
import { atlasTranslator } from '$lib/state/messages-atlas';
import type { PageServerLoad } from './$types';

// The boundary notice from the server's geometry status (the atlas derives the same from its
// features): the embed's JS, whose size is budgeted, then carries no code or message for it.
// Depends on the language only, so the embed's own navigation does not reload it.
export const load: PageServerLoad = ({ url }) => ({
	approximation: approximationNotice(geometryStatus(getStore()), atlasTranslator(parseLocale(url.searchParams.get('lang'))))
});
