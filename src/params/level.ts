// An area profile's level segment (/{level}/{id}). Matchers also run in the browser, which has no
// city profile, so this accepts any level-id shape except the app's own top-level routes (a
// profile may not use those as level ids); the page's load answers 404 for any other id that is no
// level of the profile.
import type { ParamMatcher } from '@sveltejs/kit';
import { ROUTE_FOLDERS } from '$lib/data/routeFolders';

export { ROUTE_FOLDERS };

export const match: ParamMatcher = (param) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(param) && !ROUTE_FOLDERS.includes(param);
