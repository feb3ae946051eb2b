// Every page gets the city's name, its offices' name, the site title and the attribution from the
// current version's profile (the texts' {city}/{office}/{site} placeholders are filled from it), and
// who is signed in, for the header's "Anmelden/Abmelden" (name, role, and the CSRF token its
// sign-out form posts): null for the public, and always for /embed, whose requests never read the
// session cookie (hooks.server.ts).
import { pageCity } from '$lib/data/profile';
import { getStore } from '$lib/server/store';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	const s = locals.session;
	return { city: pageCity(getStore().profile), account: s ? { name: s.user, role: s.role, csrf: s.csrf } : null };
};
