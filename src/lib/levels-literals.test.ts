// No level of the shipped city is named in code: its level ids come from the city profile
// (geodata/stadt.json) at run time. Fails when src/ outside tests holds one of them as a string
// literal ('…', "…" or `…` with nothing else inside). The city name and office names are the
// profile helper's half of the no-literals rule.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = import.meta.dirname.replace(/\/lib$/, '');
const ROOT = join(SRC, '..');
const ids: string[] = JSON.parse(readFileSync(join(ROOT, 'geodata', 'stadt.json'), 'utf8')).levels.map((l: { id: string }) => l.id);

/**
 * Lines allowed to hold one, with the reason. Each entry is a file and a fragment of the line;
 * an entry that matches nothing fails the test, so the list cannot go stale.
 */
const KONTOR_FIELD =
	'the kontore.csv column `stadtteil` (and the admin form field named after it): a source column name, not a level id; the served property is `area`';
const HEADER_WORD = 'a German header word the table import recognises, not a level id';
const ALLOWED: { file: string; line: string; why: string }[] = [
	{ file: 'src/lib/data/derived.ts', line: 'LEGACY_AREA_KEYS', why: 'the keys of versions stored before profiles, which keep them forever' },
	{ file: 'src/lib/server/kontorEdit.ts', line: "'stadtteil',", why: KONTOR_FIELD },
	{ file: 'src/lib/server/kontorEdit.ts', line: "field: 'stadtteil'", why: KONTOR_FIELD },
	{ file: 'src/routes/admin/kontore/+page.svelte', line: "field('stadtteil')", why: KONTOR_FIELD },
	{ file: 'src/routes/admin/kontore/+page.svelte', line: 'name="stadtteil"', why: KONTOR_FIELD },
	{ file: 'src/lib/data/stages/read.ts', line: "kontore.csv names each office's area in `stadtteil`", why: KONTOR_FIELD },
	{ file: 'src/lib/data/stages/references.ts', line: "field: 'stadtteil'", why: KONTOR_FIELD },
	{
		file: 'src/lib/data/derived.ts',
		line: "['stadtteil', 'area'],",
		why: 'the property name of Kontore and facilities in versions stored before it was `area`'
	},
	{ file: 'src/lib/import/recognise.ts', line: "area: ['gebiet',", why: HEADER_WORD },
	{ file: 'src/lib/import/recognise.ts', line: "for (const k of ['stadt',", why: HEADER_WORD },
	{ file: 'src/lib/facilities/csv.ts', line: "city: ['ort', 'stadt', 'city']", why: HEADER_WORD },
	{ file: 'src/lib/components/facilities/FacilitySupply.svelte', line: 'data-area="stadt"', why: 'a test hook naming the whole-city row, not a level' }
];

/**
 * Not yet level-agnostic (each entry is work to do, and the test fails when one is done but still
 * listed). Empty: what was pending at the end of the levels session (the source stages, the
 * Beispieldaten generator, the report definitions) now reads its levels from the profile.
 */
const PENDING: { file: string; line: string }[] = [];

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const path = join(dir, e.name);
		if (e.isDirectory()) return sources(path);
		return /\.(ts|js|svelte)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [path] : [];
	});
}

export function literals(text: string, levelIds: string[]): { line: number; text: string }[] {
	const pattern = new RegExp(`(['"\`])(?:${levelIds.join('|')})\\1`);
	return text.split('\n').flatMap((line, i) => (pattern.test(line) ? [{ line: i + 1, text: line.trim() }] : []));
}

describe('no level id of the shipped city in src/', () => {
	it('reads the ids from the profile and recognises them as literals only', () => {
		expect(ids.length).toBeGreaterThan(0);
		const id = ids[0];
		expect(literals(`if (level === '${id}') x();`, ids)).toHaveLength(1);
		expect(literals(`const l = "${id}";`, ids)).toHaveLength(1);
		expect(literals('const u = `' + id + '`;', ids)).toHaveLength(1);
		expect(literals(`const u = \`/${id}/\${a}\`;`, ids)).toEqual([]);
		expect(literals(`const file = '${id}e.csv'; // ${id}`, ids)).toEqual([]);
	});

	it('finds none outside tests (except the allow-list, each entry used)', () => {
		const found = sources(SRC).flatMap((path) => literals(readFileSync(path, 'utf8'), ids).map((l) => ({ file: relative(ROOT, path), ...l })));
		const listed = [...ALLOWED, ...PENDING];
		const allowed = (f: { file: string; text: string }) => listed.some((a) => a.file === f.file && f.text.includes(a.line));
		expect(found.filter((f) => !allowed(f)).map((f) => `${f.file}:${f.line}: ${f.text}`)).toEqual([]);
		expect(listed.filter((a) => !found.some((f) => f.file === a.file && f.text.includes(a.line)))).toEqual([]);
	});
});
