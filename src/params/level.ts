// An area profile's level segment (/{level}/{id}). Matchers also run in the browser, which has no
// city profile, so this accepts any level-id shape; the page's load answers 404 for an id that is
// no level of the profile. Fixed routes (/vergleich, /daten, …) always win over this one.
import type { ParamMatcher } from '@sveltejs/kit';

export const match: ParamMatcher = (param) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(param);
