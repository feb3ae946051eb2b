// Which admin areas each role may use (#19): one table for the server's guards and the admin's
// navigation, so the menu never offers what the server would refuse.
import { atLeast, type Role, type Viewer } from './roles';

export const ADMIN_AREAS = [
	'versions',
	'import',
	'katalog',
	'kontore',
	'einrichtungen',
	'taetigkeit',
	'berichtsvorlagen',
	'reseed',
	'konten',
	'rollback'
] as const;
export type AdminArea = (typeof ADMIN_AREAS)[number];

/** The lowest role of each area; `kontor` areas are also closed to `planung` (see mayUse). */
const MIN: Record<AdminArea, Role> = {
	versions: 'redaktion',
	import: 'redaktion',
	katalog: 'redaktion',
	kontore: 'kontor',
	einrichtungen: 'redaktion',
	taetigkeit: 'kontor',
	berichtsvorlagen: 'planung',
	reseed: 'redaktion',
	konten: 'admin',
	rollback: 'admin'
};

/**
 * Whether `viewer` may use `area`. Each role includes the ones before it, except that a Kontor's
 * own pages (its profile, its activity texts) are for its `kontor` account and from `redaktion` up:
 * `planung` has no Kontor of its own.
 */
export function mayUse(viewer: Viewer | null | undefined, area: AdminArea): boolean {
	if (!viewer) return false;
	if (MIN[area] === 'kontor') return viewer.role === 'kontor' ? viewer.kontor !== null : atLeast(viewer.role, 'redaktion');
	return atLeast(viewer.role, MIN[area]);
}

/** The Kontore `viewer` may edit: all from `redaktion` up, its own for a `kontor` account, none else. */
export function kontorScope(viewer: Viewer | null | undefined): 'all' | string | null {
	if (!viewer) return null;
	if (atLeast(viewer.role, 'redaktion')) return 'all';
	return viewer.role === 'kontor' ? viewer.kontor : null;
}

export const mayEditKontor = (viewer: Viewer | null | undefined, id: string): boolean => {
	const scope = kontorScope(viewer);
	return scope === 'all' || (scope !== null && scope === id);
};
