import { loadProfile } from '$lib/server/profilePage';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => loadProfile(params.id, params.level, url);
