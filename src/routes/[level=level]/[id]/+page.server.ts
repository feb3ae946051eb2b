import { loadProfile } from '$lib/server/profilePage';
import { storeOf } from '$lib/server/visibility';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadProfile(storeOf(event), event.params.id, event.params.level, event.url);
