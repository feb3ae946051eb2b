// The levels of areas as the UI and the API speak of them: ids, names and parents from the city
// profile, never from code. Pure, so server, pages and components share it.
import type { Bounds } from '$lib/geo/bounds';
import type { Locale } from '$lib/i18n';
import type { CityProfile, LevelDef } from './profile';

/** From this many areas a level is large (issue #21): served as vector tiles with values joined by id, its table paged, its ranking cut to top and bottom. */
export const LARGE_LEVEL_MIN_AREAS = 1000;

/**
 * What a page needs to know of a level: the profile's definition without its import settings,
 * whether it is the city as a whole (a top level of one area: the reference, not a map level), how
 * many areas it has, whether that makes it large, and where its areas lie.
 */
export type LevelInfo = Pick<LevelDef, 'id' | 'name' | 'parent'> & {
	grid?: { cell: NonNullable<LevelDef['grid']>['cell'] };
	whole: boolean;
	count: number;
	large: boolean;
	/** The bounding box of its areas (rounded outwards to 5 decimals); none for a level without areas. */
	bounds?: Bounds;
};

export function levelInfos(profile: Pick<CityProfile, 'levels'>, areaCount: (id: string) => number, boundsOf?: (id: string) => Bounds | null): LevelInfo[] {
	return profile.levels.map(({ id, name, parent, grid }) => {
		const count = areaCount(id);
		const bounds = count ? boundsOf?.(id) : null;
		return {
			id,
			name,
			parent,
			...(grid && { grid: { cell: grid.cell } }),
			whole: parent === null && count === 1 && profile.levels.length > 1,
			count,
			large: count >= LARGE_LEVEL_MIN_AREAS,
			...(bounds && { bounds: outwards(bounds) })
		};
	});
}

/** A box that still holds every coordinate after rounding to 5 decimals (about a metre). */
const outwards = ([w, s, e, n]: Bounds): Bounds => [Math.floor(w * 1e5) / 1e5, Math.floor(s * 1e5) / 1e5, Math.ceil(e * 1e5) / 1e5, Math.ceil(n * 1e5) / 1e5];

/** A level's name as a heading or label starts: capitalised (English names are written lower-case in the profile). */
export function levelName(levels: LevelInfo[], id: string, locale: Locale, form: 'singular' | 'plural' = 'singular'): string {
	const name = levels.find((l) => l.id === id)?.name[locale][form] ?? id;
	return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/** The same name inside a sentence: as the profile writes it. */
export function levelWord(levels: LevelInfo[], id: string, locale: Locale, form: 'singular' | 'plural' = 'singular'): string {
	return levels.find((l) => l.id === id)?.name[locale][form] ?? id;
}

/** The levels whose areas are mapped, compared and profiled, finest first: all but the city as a whole. */
export const areaLevels = (levels: LevelInfo[]): LevelInfo[] => levels.filter((l) => !l.whole);

/** The level a view that names none shows: the finest mapped level drawn whole, not a census grid (the atlas inlines the same in client/atlasView.ts). */
export const defaultLevel = (levels: LevelInfo[]): LevelInfo | undefined => {
	const mapped = areaLevels(levels);
	return mapped.find((l) => !l.large && !l.grid) ?? mapped[0];
};

/**
 * The level a map without tiles (the SVG map, the embed) draws for `id`: the level itself unless it
 * is large, else the nearest coarser mapped level that is not (a grid cell's Stadtteil level), else
 * the mapped level with the fewest areas. `substituted` says whether the map must say so.
 */
export function drawableLevel(levels: LevelInfo[], id: string): { level: LevelInfo; substituted: boolean } | null {
	const mapped = areaLevels(levels);
	const asked = mapped.find((l) => l.id === id);
	if (!asked) return null;
	if (!asked.large) return { level: asked, substituted: false };
	for (let up = levels.find((l) => l.id === asked.parent); up; up = levels.find((l) => l.id === up!.parent)) {
		if (!up.whole && !up.large) return { level: up, substituted: true };
	}
	const coarsest = [...mapped].sort((a, b) => a.count - b.count)[0];
	return { level: coarsest, substituted: coarsest.id !== asked.id };
}
