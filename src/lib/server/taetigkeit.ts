// Admin edits of the Kontor activity texts: a form's fields checked with messages in the editor's
// language, then the whole activity file (and its sidecar) as the next version's file, through the
// same preview → confirm path as an import.
import { sidecarOf, sidecarText, type DatasetMeta } from '$lib/data/contracts';
import type { CityProfile } from '$lib/data/profile';
import {
	ACTIVITY_FIGURES,
	activityFileText,
	MAX_FIGURE,
	MAX_NARRATIVE,
	TAETIGKEIT_FILE,
	type ActivityFigure,
	type KontorActivity,
	type KontorActivityAnswer
} from '$lib/data/taetigkeit';
import { formatNumber, translator, type Locale } from '$lib/i18n';
import { report } from '$lib/i18n/report';
import { previewFileEdit, type PreviewResult } from './importer';
import type { Store } from './store';

export interface ActivityForm {
	kontor: string;
	year: string;
	narrative: string;
	offers: string;
	events: string;
	participants: string;
	networkMeetings: string;
}

export type CheckedActivity =
	{ ok: true; entry: Omit<KontorActivity, 'updated' | 'updatedBy' | 'beispieldaten'> } | { ok: false; problems: { field: string; message: string }[] };

/** The first year a Kontor may report on, and the last: the current one. */
export const FIRST_YEAR = 2000;

export function checkActivityForm(f: ActivityForm, store: Store, locale: Locale, now = new Date()): CheckedActivity {
	const t = translator(locale, report);
	const problems: { field: string; message: string }[] = [];
	const kontore = store.derived.kontore.features.map((k) => k.properties.id);
	if (!kontore.includes(f.kontor)) problems.push({ field: 'kontor', message: t('report.act.problem.kontor', { value: f.kontor.slice(0, 40) }) });
	const year = Number(f.year);
	const lastYear = now.getFullYear();
	if (!/^\d{4}$/.test(f.year.trim()) || year < FIRST_YEAR || year > lastYear)
		problems.push({ field: 'year', message: t('report.act.problem.year', { value: f.year.slice(0, 10), from: FIRST_YEAR, to: lastYear }) });
	const narrative = f.narrative.replace(/\r\n?/g, '\n').trim();
	if (narrative.length > MAX_NARRATIVE)
		problems.push({
			field: 'narrative',
			message: t('report.act.problem.tooLong', { n: formatNumber(locale, narrative.length), max: formatNumber(locale, MAX_NARRATIVE) })
		});
	const figures = {} as Record<ActivityFigure, number | null>;
	for (const key of ACTIVITY_FIGURES) {
		const raw = f[key].trim().replace(/[.\s]/g, '');
		if (raw === '') figures[key] = null;
		else if (!/^\d+$/.test(raw) || Number(raw) > MAX_FIGURE) {
			problems.push({
				field: key,
				message: t('report.act.problem.figure', { field: t(`report.act.${key}`), value: f[key].slice(0, 20), max: formatNumber(locale, MAX_FIGURE) })
			});
			figures[key] = null;
		} else figures[key] = Number(raw);
	}
	if (problems.length) return { ok: false, problems };
	return { ok: true, entry: { kontor: f.kontor, year, narrative, ...figures } };
}

/** The sidecar of the first activity report stored, in the profile's words for the city and its offices. */
function newSidecar({ name, office }: CityProfile): Omit<DatasetMeta, 'beispieldaten' | 'collected'> {
	return {
		id: 'kontor-taetigkeit',
		title: { de: `Tätigkeitsberichte der ${office.de.plural}`, en: `Activity reports of the ${office.en.plural}` },
		description: {
			de: 'Je Kontor und Jahr der Tätigkeitsbericht des Teams (Text) und seine Kennzahlen: Angebote, Veranstaltungen, Teilnehmende, Netzwerktreffen.',
			en: 'Per Kontor and year the team’s activity report (text) and its key figures: offers, events, participants, network meetings.'
		},
		source: [{ name: `${office.de.plural} der Stadt ${name} (eigene Angaben)` }],
		licence: 'Alle Rechte vorbehalten',
		attribution: `${office.de.plural} der Stadt ${name}`,
		date: '',
		caveats: []
	};
}

/** The next version's activity file and sidecar with `entry` saved (replacing that Kontor's year), as a preview. */
export function previewActivity(store: Store, entry: Extract<CheckedActivity, { ok: true }>['entry'], user: string, today: string): Promise<PreviewResult> {
	const saved: KontorActivity = { ...entry, beispieldaten: false, updated: today, updatedBy: user.slice(0, 100) };
	const list = [...store.derived.taetigkeit.filter((a) => !(a.kontor === entry.kontor && a.year === entry.year)), saved];
	const old = store.derived.datasets.find((d) => d.files.includes(TAETIGKEIT_FILE));
	const { files: _files, ...base } = old ?? { ...newSidecar(store.profile), beispieldaten: false, collected: today, files: [] };
	const years = list.map((a) => a.year);
	const examples = list.some((a) => a.beispieldaten);
	const meta: DatasetMeta = {
		...base,
		// The file is Beispieldaten while any entry still is one; each entry says which.
		beispieldaten: examples,
		collected: today,
		date: `${Math.min(...years)}–${Math.max(...years)}${examples ? ' (mit Beispieldaten)' : ''}`
	};
	const name = store.derived.kontore.features.find((k) => k.properties.id === entry.kontor)?.properties.name ?? entry.kontor;
	const summary = `Tätigkeitsbericht ${name} ${entry.year}`;
	return previewFileEdit(
		{ kind: 'edit-texts', summary, set: { [TAETIGKEIT_FILE]: activityFileText(list), [sidecarOf(TAETIGKEIT_FILE)]: sidecarText(meta) } },
		summary,
		user
	);
}

/** `/api/kontore/{id}/taetigkeit`: the Kontor's entries by year with the dataset's provenance; null for an unknown Kontor. */
export function activityAnswer(store: Store, kontor: string): KontorActivityAnswer | null {
	if (!store.derived.kontore.features.some((k) => k.properties.id === kontor)) return null;
	const dataset = store.derived.datasets.find((d) => d.files.includes(TAETIGKEIT_FILE));
	return {
		kontor,
		entries: store.derived.taetigkeit.filter((a) => a.kontor === kontor).map(({ kontor: _k, updatedBy: _u, ...rest }) => rest),
		source: dataset ? { attribution: dataset.attribution, date: dataset.date, beispieldaten: dataset.beispieldaten } : null
	};
}
