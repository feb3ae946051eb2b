// The activity-text stage: the optional file is read, sorted and checked against the Kontore; a
// bad entry stops the run naming file, entry, field and value; markup in a narrative is kept as text.
import { describe, expect, it } from 'vitest';
import { DataError, formatProblem } from '../problems';
import { activityFileText, paragraphs, type KontorActivity } from '../taetigkeit';
import { ProblemLog } from './log';
import { readActivities } from './taetigkeit';

const entry = (kontor: string, year: number, more: Partial<KontorActivity> = {}): KontorActivity => ({
	kontor,
	year,
	narrative: 'Text',
	offers: 1,
	events: 2,
	participants: 3,
	networkMeetings: null,
	beispieldaten: false,
	updated: '2026-12-05',
	updatedBy: 'redaktion',
	...more
});
const read = (list: unknown) => readActivities(new Map([['kontor_taetigkeit.json', JSON.stringify(list)]]), ['fredenberg', 'kampstrasse'], new ProblemLog());
const problems = (list: unknown) => {
	try {
		read(list);
	} catch (e) {
		if (e instanceof DataError) return e.problems.map((p) => formatProblem(p));
		throw e;
	}
	return [];
};

describe('readActivities', () => {
	it('is empty without the file (stores written before it existed)', () => {
		expect(readActivities(new Map(), ['fredenberg'], new ProblemLog())).toEqual([]);
	});

	it('reads entries sorted by Kontor and year, markup kept as it was typed', () => {
		const hostile = entry('fredenberg', 2024, { narrative: '<script>alert(1)</script>\n\n<b>x</b>' });
		const list = read([entry('kampstrasse', 2023), hostile, entry('fredenberg', 2023)]);
		expect(list.map((a) => `${a.kontor} ${a.year}`)).toEqual(['fredenberg 2023', 'fredenberg 2024', 'kampstrasse 2023']);
		expect(paragraphs(list[1].narrative)).toEqual(['<script>alert(1)</script>', '<b>x</b>']);
		expect(JSON.parse(activityFileText(list))).toEqual(list);
	});

	it('names an unknown Kontor, a year entered twice and a negative figure', () => {
		expect(problems([entry('atlantis', 2024)])).toEqual([
			expect.stringMatching(/kontor_taetigkeit\.json, Feature 1, Feld „kontor“: erlaubt sind nur: fredenberg, kampstrasse/)
		]);
		expect(problems([entry('fredenberg', 2024), entry('fredenberg', 2024)])).toEqual([expect.stringMatching(/Feature 2, Feld „year“: doppelte Kennung/)]);
		expect(problems([entry('fredenberg', 2024, { offers: -1 })])[0]).toMatch(/Feld „0\.offers“/);
		expect(problems([entry('fredenberg', 2024, { narrative: 'x'.repeat(20_001) })])[0]).toMatch(/Feld „0\.narrative“/);
	});
});
