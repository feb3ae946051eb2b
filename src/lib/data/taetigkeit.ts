// The Kontor activity texts: per Kontor and year the team's narrative and key activity figures,
// one versioned source file (kontor_taetigkeit.json) that the pipeline carries into Derived.
import { z } from 'zod';
import { Id, Year } from './contracts';

export const TAETIGKEIT_FILE = 'kontor_taetigkeit.json';

/** A narrative of this length is some ten printed pages: enough for a yearly report, small enough for every store version. */
export const MAX_NARRATIVE = 20_000;
/** No Kontor counts beyond this many participants, events, … in a year: larger is a typing error. */
export const MAX_FIGURE = 1_000_000;

export const ACTIVITY_FIGURES = ['offers', 'events', 'participants', 'networkMeetings'] as const;
export type ActivityFigure = (typeof ACTIVITY_FIGURES)[number];

const Figure = z.number().int().min(0).max(MAX_FIGURE).nullable();

/**
 * One Kontor's year. The narrative is plain text: paragraphs separated by blank lines; whatever
 * looks like markup stays literal text (every output escapes it), so it is not refused.
 */
export const KontorActivity = z.object({
	kontor: Id,
	year: Year,
	narrative: z.string().max(MAX_NARRATIVE),
	offers: Figure,
	events: Figure,
	participants: Figure,
	networkMeetings: Figure,
	/** Synthetic example entries shipped for the demo; an entry saved by a Kontor team is not. */
	beispieldaten: z.boolean(),
	/** When and by whom the entry was last saved (ISO date). */
	updated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
	updatedBy: z.string().max(100)
});
export type KontorActivity = z.infer<typeof KontorActivity>;

export const ActivityFile = z.array(KontorActivity);

/** Sorted by Kontor and year, so the file's text (and a version's diff) is stable. */
export function sortActivities(list: KontorActivity[]): KontorActivity[] {
	return [...list].sort((a, b) => a.kontor.localeCompare(b.kontor) || a.year - b.year);
}

export const activityFileText = (list: KontorActivity[]) => JSON.stringify(sortActivities(list), null, '\t') + '\n';

/** Paragraphs of a narrative: separated by blank lines, single line breaks kept inside. */
export function paragraphs(narrative: string): string[] {
	return narrative
		.replace(/\r\n?/g, '\n')
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter((p) => p !== '');
}

/** The answer of `/api/kontore/{id}/taetigkeit`. */
export interface KontorActivityAnswer {
	kontor: string;
	entries: Omit<KontorActivity, 'kontor' | 'updatedBy'>[];
	source: { attribution: string; date: string; beispieldaten: boolean } | null;
}
