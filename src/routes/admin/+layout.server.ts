import { urlLocale } from '$lib/i18n';
import { ADMIN_AREAS, mayUse, type AdminArea } from '$lib/auth/areas';
import { requireSession } from '$lib/server/admin/guard';
import { sessionViewer } from '$lib/server/admin/session';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
	const locale = urlLocale(event.url);
	if (event.url.pathname === '/admin/login') return { admin: null, areas: [] as AdminArea[], locale };
	const s = requireSession(event);
	// The navigation offers only the areas the server would let this account use.
	const viewer = sessionViewer(s);
	return { admin: { user: s.user, role: s.role, kontor: s.kontor, csrf: s.csrf }, areas: ADMIN_AREAS.filter((a) => mayUse(viewer, a)), locale };
};
