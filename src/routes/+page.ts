import { loadAtlasView } from '$lib/data/atlasView';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, url }) => loadAtlasView(fetch, url);
