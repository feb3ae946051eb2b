// The city profile (geodata/stadt.json): what makes an installation one city's atlas. Its name and
// official key, its levels of areas in order, what its offices are called, attribution, contact,
// defaults and the titles of pages, the OGC landing page and the DCAT catalogue. The code names no
// city and no level: it reads them from here.
import { z } from 'zod';
import { ROUTE_FOLDERS } from './routeFolders';
import type { PageCity } from '$lib/i18n/city';
import { Id, IsoDate, PlainText, Visibility } from './contracts';

export const PROFILE_FILE = 'stadt.json';

/** A file in the data folder, named in the profile: a plain relative path, never outside the folder. */
const FileName = z.string().regex(/^(?!\/)(?!.*\.\.)[A-Za-z0-9_./-]+\.(csv|json|geojson)$/, 'data.zod.fileName');

/** The columns (or JSON members) an area table has: id, name and parent are required, the figures optional. */
export const AREA_COLUMNS = ['id', 'name', 'parent', 'einwohner', 'einwohner_stand', 'flaeche_km2', 'flaeche_jahr'] as const;
export type AreaColumn = (typeof AREA_COLUMNS)[number];

/**
 * Where a level's areas are listed. By convention a CSV `gebiete_{level id}.csv` with the columns of
 * AREA_COLUMNS; a profile names another file, a JSON member (`key`: a list of objects, or one object
 * for a single area) and its own column names. Rows name their parent area by id, or by name
 * (`parentBy`); the parent column may be left out where the parent level has a single area.
 */
export const LevelSource = z.object({
	file: FileName,
	key: z.string().min(1).optional(),
	columns: z.partialRecord(z.enum(AREA_COLUMNS), z.string().min(1)).default({}),
	parentBy: z.enum(['id', 'name']).default('id')
});
export type LevelSource = z.infer<typeof LevelSource>;

/**
 * The geometry sources, each with a conventional name: the city's outline (required), official
 * boundaries of the finest level (optional: without them the finest areas are generated as cells
 * around seed points inside the outline, labelled approximated), the seed points (`id`, `lat`, `lon`;
 * needed only without boundaries) and the neighbouring districts drawn as context.
 */
export const GeometrySources = z.object({
	outline: FileName.default('umriss.geojson'),
	boundaries: FileName.default('grenzen.geojson'),
	seeds: z.object({ file: FileName, id: z.string().min(1).default('id') }).default({ file: 'mittelpunkte.csv', id: 'id' }),
	context: FileName.default('context_kreise.geojson')
});
export type GeometrySources = z.infer<typeof GeometrySources>;

/** A missing object reads "has no names" rather than "required field is missing". */
const namesMissing = (iss: { input: unknown }) => (iss.input === undefined ? 'data.profile.noNames' : undefined);
const Names = z.object({ singular: PlainText, plural: PlainText }, { error: namesMissing });
const Localised = <T extends z.ZodType>(t: T) => z.object({ de: t, en: t });
const LocalisedNames = z.object({ de: Names, en: Names }, { error: namesMissing });

/** Level ids that would clash with the app's own pages (/{level}/{area}). */
export const RESERVED_IDS = ROUTE_FOLDERS;

export const LevelDef = z.object({
	/** Stable id: URLs (/{id}/{area}), OGC collection ids, CSV columns. */
	id: Id,
	name: LocalisedNames,
	/** The next coarser level (null: the top). Areas of this level name their parent area. */
	parent: Id.nullable(),
	/** Whether areas of this level carry official numbers (Gebietsschlüssel) that imports may match by. */
	officialNumbers: z.boolean().default(false),
	/** Internal levels are served only to signed-in users from role `kontor` up (issue #19). */
	visibility: Visibility.default('public'),
	/** The table of this level's areas; absent: `gebiete_{id}.csv` (see LevelSource). */
	source: LevelSource.optional(),
	/**
	 * A census grid level (issue #21): INSPIRE cells of this size (EPSG:3035, ids as the census writes
	 * them), clipped to the city; its areas come from the grid, not from a table, and each cell's parent
	 * is the area of the parent level that holds its centre.
	 */
	grid: z
		.object({
			cell: z.enum(['100m', '1km']),
			/**
			 * The census grid files of this level, as published (import/census.ts), each with its reference
			 * date and the indicator each value column goes to (`{ "Einwohner": "einwohner-zensus" }`); the
			 * column `Einwohner` is the residents that catchments count. The cells are those the files list
			 * (the census lists populated cells only); without files the level has every cell of the city.
			 */
			files: z.array(z.object({ file: FileName, stand: IsoDate, columns: z.record(z.string().min(1), Id) })).default([])
		})
		.optional()
});
export type LevelDef = z.infer<typeof LevelDef>;

/** The census column holding residents: catchments count residents from the indicator it goes to. */
export const CENSUS_RESIDENTS = 'Einwohner';

/** The levels whose areas are polygons of the city's own (all but census grid levels), finest first. */
export const polygonLevels = <L extends Pick<LevelDef, 'grid'>>(levels: L[]): L[] => levels.filter((l) => !l.grid);

export const CityProfile = z
	.object({
		name: PlainText,
		/** The short form tables may write in area names ("HS-Süd" for "Hausen-Süd"), matched by the table import. */
		abbreviation: PlainText.optional(),
		/** Amtlicher Gemeindeschlüssel, 8 digits. */
		ags: z.string().regex(/^\d{8}$/, 'data.zod.ags'),
		/** Finest first; the last is the top (parent null). */
		levels: z.array(LevelDef).min(1).max(5).superRefine(checkHierarchy),
		/** What the offices are called ("Quartiersbüro", "Stadtteilbüro"). */
		office: LocalisedNames,
		/** Who the map's data come from, joined into its attribution line ("Daten: …; …"), in German like that line. */
		attribution: z.array(PlainText).min(1),
		contact: z.object({ organisation: PlainText, email: z.email().optional(), url: z.url().optional(), phone: PlainText.optional() }),
		defaults: z.object({ indicator: Id, level: Id, year: z.number().int().optional() }),
		/** Outline, boundaries, seed points and context files; absent: the conventional names. */
		geometry: GeometrySources.default(GeometrySources.parse({})),
		titles: z.object({
			/** The site's title ({site}): page titles, headings, report footers, the DCAT publisher. */
			site: Localised(PlainText),
			/** The OGC landing page: its title, and the description the served boundaries' status follows. */
			ogc: z.object({ title: Localised(PlainText), description: Localised(PlainText) }),
			dcat: z.object({ title: Localised(PlainText), description: Localised(PlainText), keywords: z.array(PlainText) })
		})
	})
	.superRefine((p, ctx) => {
		if (!p.levels.some((l) => l.id === p.defaults.level)) {
			ctx.addIssue({
				code: 'custom',
				path: ['defaults', 'level'],
				message: 'data.profile.unknownLevel',
				params: { ids: p.levels.map((l) => l.id).join(', ') }
			});
		}
	});
export type CityProfile = z.infer<typeof CityProfile>;

/**
 * The levels form one chain of parents ending in exactly one top: ids unique and free (no page of
 * the app), every parent a listed level, no cycle, and each level listed before its parent (finest
 * first). Runs on whatever parsed, so a level with a broken name still gets its hierarchy checked.
 */
function checkHierarchy(levels: { id?: unknown; parent?: unknown }[], ctx: z.RefinementCtx) {
	const issue = (i: number, field: string, message: string, params: Record<string, string | number>) =>
		ctx.addIssue({ code: 'custom', path: [i, field], message, params });
	const ids = levels.map((l) => (typeof l?.id === 'string' ? l.id : null));
	const listed = ids.filter((id) => id !== null).join(', ');
	const reserved: readonly string[] = RESERVED_IDS;
	ids.forEach((id, i) => {
		if (id === null) return;
		if (ids.indexOf(id) !== i) issue(i, 'id', 'data.profile.duplicateLevel', { id, n: ids.indexOf(id) });
		if (reserved.includes(id)) issue(i, 'id', 'data.profile.reservedId', { id, reserved: RESERVED_IDS.join(', ') });
	});
	const parents = new Map<string, string | null>();
	levels.forEach((l, i) => {
		if (ids[i] === null || (l?.parent !== null && typeof l?.parent !== 'string')) return;
		if (l.parent !== null && !ids.includes(l.parent)) issue(i, 'parent', 'data.profile.unknownParent', { parent: l.parent, ids: listed });
		else if (l.parent === ids[i]) issue(i, 'parent', 'data.profile.ownParent', { id: l.parent });
		parents.set(ids[i]!, l.parent);
	});
	const tops = levels.flatMap((l, i) => (l?.parent === null && ids[i] !== null ? [ids[i]!] : []));
	// Named at the field to change: each further top's parent, or the last level's when none is.
	if (tops.length === 0 && levels.length) issue(levels.length - 1, 'parent', 'data.profile.noTop', {});
	for (const top of tops.slice(1)) issue(ids.indexOf(top), 'parent', 'data.profile.manyTops', { ids: tops.join(', ') });
	// A cycle: following parents from a level comes back to it without reaching the top.
	const reported = new Set<string>();
	ids.forEach((id, i) => {
		if (id === null || reported.has(id)) return;
		const path = [id];
		let next = parents.get(id);
		while (typeof next === 'string' && parents.has(next) && !path.includes(next)) {
			path.push(next);
			next = parents.get(next);
		}
		if (next === id) {
			path.forEach((p) => reported.add(p));
			if (path.length > 1) issue(i, 'parent', 'data.profile.cycle', { path: [...path, id].join(' → ') });
		}
	});
	if (reported.size) return;
	levels.forEach((l, i) => {
		const at = typeof l?.parent === 'string' ? ids.indexOf(l.parent) : -1;
		if (at !== -1 && at < i) issue(i, 'parent', 'data.profile.parentOrder', { id: ids[i]!, parent: l.parent as string });
	});
}

/**
 * A German plural in the dative ("in 3 von 31 Stadtteilen", "Statistischen Bezirken"): each word
 * ending in -e, -el or -er takes an -n; plurals in -n or -s stay. (English has no dative form.)
 */
export function dativePlural(plural: string): string {
	return plural.replace(/(e|el|er)(?=\s|$)/g, '$1n');
}

/**
 * What pages need of the profile (root layout data): small, so that the embed stays light (the dative is made here, not in the browser).
 * Its level words are the finest polygon level's and its parent's (a census grid level is no area of the city's own).
 */
export function pageCity(profile: CityProfile): PageCity {
	const [finest, parent] = polygonLevels(profile.levels);
	return {
		name: profile.name,
		office: profile.office,
		site: profile.titles.site,
		attribution: profile.attribution,
		levels: {
			area: {
				de: { ...finest.name.de, dative: dativePlural(finest.name.de.plural) },
				en: { ...finest.name.en, dative: finest.name.en.plural }
			},
			group: (parent ?? finest).name
		}
	};
}

/** The table a level's areas are read from: the profile's, or the convention. */
export function levelSource(level: LevelDef): LevelSource {
	return level.source ?? LevelSource.parse({ file: `gebiete_${level.id}.csv` });
}

/** What a generated sidecar cites: the city (from its profile) and the pages its real figures come from. */
export interface Calibration {
	city: string;
	/** The offices' common name in the plural, per language. */
	offices: { de: string; en: string };
	/** Where the residents per area come from (the first linked source of stadtteile.csv's sidecar). */
	populationUrl: string;
	/** Where the population trends come from (the first linked source of einwohner_zeitreihe.csv's sidecar). */
	trendUrl: string;
}

/** The calibration of the data folder, read through `read` (a file's text by name). */
export function calibrationOf(read: (file: string) => string): Calibration {
	const firstUrl = (file: string) => {
		const url = (JSON.parse(read(`${file}.meta.json`)) as { source: { url?: string }[] }).source.find((s) => s.url)?.url;
		if (!url) throw new Error(`${file}.meta.json names no linked source to cite`);
		return url;
	};
	const profile = JSON.parse(read('stadt.json')) as { name: string; office: Record<'de' | 'en', { plural: string }> };
	return {
		city: profile.name,
		offices: { de: profile.office.de.plural, en: profile.office.en.plural },
		populationUrl: firstUrl('stadtteile.csv'),
		trendUrl: firstUrl('einwohner_zeitreihe.csv')
	};
}
