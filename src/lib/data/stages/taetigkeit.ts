// Pipeline stage: the Kontor activity texts (kontor_taetigkeit.json, optional), validated and
// checked against the Kontore, so Derived carries them for the report and the Kontor card.
import { ActivityFile, sortActivities, TAETIGKEIT_FILE, type KontorActivity } from '../taetigkeit';
import { parseJson } from '../sources';
import type { ProblemLog } from './log';
import type { SourceFiles } from './read';

export function readActivities(files: SourceFiles, kontorIds: string[], log: ProblemLog): KontorActivity[] {
	const text = files.get(TAETIGKEIT_FILE);
	if (text === undefined) return [];
	const parsed = parseJson(text, TAETIGKEIT_FILE, ActivityFile);
	if (!parsed.ok) {
		log.push(...parsed.problems);
		log.stop();
		return [];
	}
	const list = parsed.rows[0];
	const seen = new Set<string>();
	list.forEach((a, i) => {
		if (!kontorIds.includes(a.kontor))
			log.push({ file: TAETIGKEIT_FILE, feature: i + 1, field: 'kontor', value: a.kontor, key: 'data.zod.oneOf', params: { options: kontorIds.join(', ') } });
		const key = `${a.kontor} ${a.year}`;
		if (seen.has(key)) log.push({ file: TAETIGKEIT_FILE, feature: i + 1, field: 'year', value: a.year, key: 'data.duplicateId' });
		seen.add(key);
	});
	log.stop();
	return sortActivities(list);
}
