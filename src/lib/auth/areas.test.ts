import { describe, expect, it } from 'vitest';
import { ADMIN_AREAS, kontorScope, mayEditKontor, mayUse } from './areas';
import type { Viewer } from './roles';

const v = (role: Viewer['role'], kontor: string | null = null): Viewer => ({ name: 'x', role, kontor });

describe('admin areas by role', () => {
	it('gives each role the areas of the roles before it, and the admin everything', () => {
		const open = (viewer: Viewer | null) => ADMIN_AREAS.filter((a) => mayUse(viewer, a));
		expect(open(null)).toEqual([]);
		expect(open(v('oeffentlich'))).toEqual([]);
		expect(open(v('kontor', 'fredenberg'))).toEqual(['kontore', 'taetigkeit']);
		expect(open(v('planung'))).toEqual(['berichtsvorlagen']);
		expect(open(v('redaktion'))).toEqual(['versions', 'import', 'katalog', 'kontore', 'einrichtungen', 'taetigkeit', 'berichtsvorlagen', 'reseed']);
		expect(open(v('admin'))).toEqual([...ADMIN_AREAS]);
	});

	it('lets a kontor account edit its own Kontor only, and planung none', () => {
		expect(mayEditKontor(v('kontor', 'fredenberg'), 'fredenberg')).toBe(true);
		expect(mayEditKontor(v('kontor', 'fredenberg'), 'lebenstedt')).toBe(false);
		expect(mayEditKontor(v('kontor'), 'fredenberg')).toBe(false);
		expect(mayEditKontor(v('planung'), 'fredenberg')).toBe(false);
		expect(mayEditKontor(v('redaktion'), 'fredenberg')).toBe(true);
		expect(kontorScope(v('admin'))).toBe('all');
		expect(kontorScope(null)).toBeNull();
	});
});
