// The city profile (geodata/stadt.json): what makes an installation one city's atlas. Its name and
// official key, its levels of areas in order, what its offices are called, attribution, contact,
// defaults and the titles of pages, the OGC landing page and the DCAT catalogue. The code names no
// city and no level: it reads them from here.
import { z } from 'zod';
import { Id, PlainText, Visibility } from './contracts';

export const PROFILE_FILE = 'stadt.json';

const Names = z.object({ singular: PlainText, plural: PlainText });

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
const Localised = <T extends z.ZodType>(t: T) => z.object({ de: t, en: t });

export const LevelDef = z.object({
	/** Stable id: URLs (/{id}/{area}), OGC collection ids, CSV columns. */
	id: Id,
	name: Localised(Names),
	/** The next coarser level (null: the top). Areas of this level name their parent area. */
	parent: Id.nullable(),
	/** Whether areas of this level carry official numbers (Gebietsschlüssel) that imports may match by. */
	officialNumbers: z.boolean().default(false),
	/** Internal levels are served only to signed-in users from role `kontor` up (issue #19). */
	visibility: Visibility.default('public'),
	/** The table of this level's areas; absent: `gebiete_{id}.csv` (see LevelSource). */
	source: LevelSource.optional()
});
export type LevelDef = z.infer<typeof LevelDef>;

export const CityProfile = z.object({
	name: PlainText,
	/** Amtlicher Gemeindeschlüssel, 8 digits. */
	ags: z.string().regex(/^\d{8}$/, 'data.zod.ags'),
	/** Finest first; the last is the top (parent null). */
	levels: z.array(LevelDef).min(1).max(5),
	/** What the offices are called ("Stadtteilkontor", "Quartiersbüro"). */
	office: Localised(Names),
	attribution: z.array(PlainText).min(1),
	contact: z.object({ organisation: PlainText, email: z.email().optional(), url: z.url().optional(), phone: PlainText.optional() }),
	defaults: z.object({ indicator: Id, level: Id, year: z.number().int().optional() }),
	/** Outline, boundaries, seed points and context files; absent: the conventional names. */
	geometry: GeometrySources.default(GeometrySources.parse({})),
	titles: z.object({
		site: Localised(PlainText),
		ogc: z.object({ title: Localised(PlainText), description: Localised(PlainText) }),
		dcat: z.object({ title: Localised(PlainText), description: Localised(PlainText), keywords: z.array(PlainText) })
	})
});
export type CityProfile = z.infer<typeof CityProfile>;

/** The table a level's areas are read from: the profile's, or the convention. */
export function levelSource(level: LevelDef): LevelSource {
	return level.source ?? LevelSource.parse({ file: `gebiete_${level.id}.csv` });
}
