// Nothing city-specific in src/: no file outside the tests names the current profile's city, its
// official key (AGS) or its offices' name; those come from geodata/stadt.json at run time. Read
// from the profile, so the test holds for any city. Each list below is one kind of literal; a new
// kind (the levels' ids and names) is one more entry in LITERALS.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CityProfile, PROFILE_FILE } from '$lib/data/profile';

const profile = CityProfile.parse(JSON.parse(readFileSync(join(process.env.KONTORATLAS_GEODATA || 'geodata', PROFILE_FILE), 'utf8')));

/** The literals that must come from the profile, by kind. Matched case-insensitively (file names and ids too). */
const LITERALS: Record<string, string[]> = {
	city: [profile.name, profile.ags],
	offices: [...new Set([profile.office.de.singular, profile.office.en.singular])]
};

/** Where a literal may stay, and why: the file, the exact text on the line that holds it, the reason. None is needed today. */
type Allowed = { file: string; text: string; reason: string }[];
const ALLOWED: Allowed = [];

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
		const path = `${dir}/${d.name}`;
		if (d.isDirectory()) return sourceFiles(path);
		return /\.(ts|js|svelte|html|css|json)$/.test(d.name) && !/\.test\.ts$/.test(d.name) ? [path] : [];
	});
}

const files = sourceFiles('src');

/** The lines of `texts` (file → text) that hold any of `literals`, except allowed ones. */
function findLiterals(texts: Map<string, string>, literals: string[], allowed: Allowed = ALLOWED): string[] {
	const found: string[] = [];
	for (const [file, text] of texts)
		text.split('\n').forEach((line, i) => {
			const lower = line.toLowerCase();
			if (!literals.some((l) => lower.includes(l.toLowerCase()))) return;
			if (allowed.some((a) => a.file === file && line.includes(a.text))) return;
			found.push(`${file}:${i + 1}: ${line.trim().slice(0, 120)}`);
		});
	return found;
}

describe('no city literals in src/', () => {
	const texts = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
	for (const [kind, literals] of Object.entries(LITERALS)) {
		it(`names no ${kind} of the profile (${literals.join(', ')}) outside the allow-list`, () => {
			expect(findLiterals(texts, literals)).toEqual([]);
		});
	}

	it('finds a literal in any case, and spares only the allowed line', () => {
		const allowed: Allowed = [{ file: 'src/y.ts', text: 'const spared', reason: 'planted' }];
		const planted = new Map([
			['src/x.ts', `const a = '${profile.name.toUpperCase()}';\n// ${profile.ags}`],
			['src/y.ts', `const spared = '${profile.name}';\n'${profile.name}'`]
		]);
		expect(findLiterals(planted, LITERALS.city, allowed)).toEqual([
			`src/x.ts:1: const a = '${profile.name.toUpperCase()}';`,
			`src/x.ts:2: // ${profile.ags}`,
			`src/y.ts:2: '${profile.name}'`
		]);
	});

	it('keeps no allow-list entry that is no longer needed', () => {
		const all = Object.values(LITERALS).flat();
		const stale = ALLOWED.filter(
			(a) => !(texts.get(a.file) ?? '').split('\n').some((l) => l.includes(a.text) && all.some((x) => l.toLowerCase().includes(x.toLowerCase())))
		);
		expect(stale.map((a) => `${a.file}: ${a.text}`)).toEqual([]);
	});
});
