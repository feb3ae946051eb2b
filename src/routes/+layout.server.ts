// Every page gets the city's name, its offices' name, the site title and the attribution from the
// current version's profile: the texts' {city}/{office}/{site} placeholders are filled from it.
import { pageCity } from '$lib/data/profile';
import { getStore } from '$lib/server/store';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = () => ({ city: pageCity(getStore().profile) });
