// The city profile (geodata/stadt.json): what makes an installation one city's atlas. Its name and
// official key, its levels of areas in order, what its offices are called, attribution, contact,
// defaults and the titles of pages, the OGC landing page and the DCAT catalogue. The code names no
// city and no level: it reads them from here.
import { z } from 'zod';
import { Id, PlainText, Visibility } from './contracts';

export const PROFILE_FILE = 'stadt.json';

const Names = z.object({ singular: PlainText, plural: PlainText });
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
	visibility: Visibility.default('public')
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
	titles: z.object({
		site: Localised(PlainText),
		ogc: z.object({ title: Localised(PlainText), description: Localised(PlainText) }),
		dcat: z.object({ title: Localised(PlainText), description: Localised(PlainText), keywords: z.array(PlainText) })
	})
});
export type CityProfile = z.infer<typeof CityProfile>;
