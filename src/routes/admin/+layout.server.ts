import { requireSession } from '$lib/server/admin/guard';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
	if (event.url.pathname === '/admin/login') return { admin: null };
	const s = requireSession(event);
	return { admin: { user: s.user, csrf: s.csrf } };
};
