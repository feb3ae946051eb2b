import type { LayoutServerLoad } from './$types';

/**
 * Who is signed in, for the header's "Anmelden/Abmelden" (name, role, and the CSRF token its
 * sign-out form posts). Null for the public, and always for /embed, whose requests never read the
 * session cookie (hooks.server.ts).
 */
export const load: LayoutServerLoad = ({ locals }) => {
	const s = locals.session;
	return { account: s ? { name: s.user, role: s.role, csrf: s.csrf } : null };
};
