import { urlLocale } from '$lib/i18n';
import { requireSession } from '$lib/server/admin/guard';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
	const locale = urlLocale(event.url);
	if (event.url.pathname === '/admin/login') return { admin: null, locale };
	const s = requireSession(event);
	return { admin: { user: s.user, csrf: s.csrf }, locale };
};
