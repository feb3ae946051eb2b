// A data problem reads in the reader's language: German by default, English on request, with
// where (file, row, feature, field), value and any note in the same language.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Id } from './contracts';
import { formatProblem, problemReason, zodReason, type DataProblem } from './problems';

const problem: DataProblem = {
	file: 'werte.csv',
	row: 3,
	field: 'Wert',
	value: '12.5',
	key: 'data.decimalPoint',
	note: { key: 'data.previousVersion' }
};

describe('formatProblem', () => {
	it('says where, what and which value in German by default', () => {
		expect(formatProblem(problem)).toBe(
			'werte.csv, Zeile 3, Feld „Wert“: sieht nach einem Dezimalpunkt aus; deutsche Dateien schreiben ein Dezimalkomma (12,5) und Tausenderpunkte (1.234) (vorhandene Daten der vorigen Version) (Wert: "12.5")'
		);
	});

	it('says the same in English', () => {
		expect(formatProblem(problem, 'en')).toBe(
			'werte.csv, row 3, field "Wert": looks like a decimal point; German files use a decimal comma (12,5) and thousands dots (1.234) (existing data of the previous version) (value: "12.5")'
		);
	});

	it('fills the parameters of the reason', () => {
		expect(problemReason({ file: 'f', key: 'data.tooManyRows', params: { n: 60000, max: 50000 } }, 'en')).toBe(
			'too many rows (60000; at most 50000 per import)'
		);
		expect(problemReason({ file: 'f', key: 'data.tooManyRows', params: { n: 60000, max: 50000 } })).toBe('zu viele Zeilen (60000; höchstens 50000 je Import)');
	});
});

describe('zodReason', () => {
	const schema = z.object({ n: z.number().int().min(0), mode: z.enum(['merge', 'replace']), id: Id, name: z.string().max(3) });
	const reasons = (input: Record<string, unknown>) =>
		schema.safeParse(input).error!.issues.map((i) => problemReason({ file: 'f', ...zodReason(i, input[String(i.path[0])]) }));

	it("puts the common zod issues and the schemas' own catalogue keys into German, not zod's English", () => {
		expect(reasons({ n: 'viele', mode: 'x', id: 'Groß', name: 'abcd' })).toEqual([
			'erwartet ist eine Zahl',
			'erlaubt sind nur: merge, replace',
			'muss eine Kennung aus Kleinbuchstaben sein (a-z, 0-9, -)',
			'zu lang: höchstens 3 Zeichen'
		]);
		expect(reasons({ n: -1, mode: 'merge', id: 'a' })).toEqual(['zu klein: mindestens 0', 'Pflichtfeld fehlt']);
	});
});
