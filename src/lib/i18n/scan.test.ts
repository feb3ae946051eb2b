// No UI text is chosen outside the message layer: no comparison with a locale literal
// (`locale === 'en' ? … : …`) and no hand-built `lang=en` query outside src/lib/i18n/ and tests.
// Texts go into de.ts and en.ts; links keep the language with withLang, langParams or LangInput.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..');
const ROOT = join(SRC, '..');

const RULES: { name: string; pattern: RegExp }[] = [
	{ name: 'comparison with a locale literal', pattern: /[!=]==?\s*['"`](?:de|en)['"`]|['"`](?:de|en)['"`]\s*[!=]==?/ },
	{ name: 'hand-built lang query', pattern: /lang=(?:de|en)\b|['"]lang['"]\s*,\s*['"](?:de|en)['"]|\blang:\s*['"](?:de|en)['"]/ }
];

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const path = join(dir, e.name);
		if (e.isDirectory()) return path === join(SRC, 'lib', 'i18n') ? [] : sources(path);
		return /\.(ts|js|svelte)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [path] : [];
	});
}

export function findings(text: string): string[] {
	return text.split('\n').flatMap((line, i) => RULES.filter((r) => r.pattern.test(line)).map((r) => `${i + 1}: ${r.name}: ${line.trim().slice(0, 120)}`));
}

describe('UI texts only through the message layer', () => {
	it('recognises the patterns it forbids, and leaves other code alone', () => {
		expect(findings(`const s = locale === 'en' ? 'Map' : 'Karte';`)).toHaveLength(1);
		expect(findings(`{#if data.locale !== "de"}`)).toHaveLength(1);
		expect(findings('href="/vergleich?ids={ids}&lang=en"')).toHaveLength(1);
		expect(findings(`q.set('lang', 'en');`)).toHaveLength(1);
		expect(findings(`serialize(view, { lang: 'en' })`)).toHaveLength(1);
		expect(findings(`if (view.lang !== d.lang) p.set('lang', view.lang);`)).toEqual([]);
		expect(findings(`const label = meta.label[locale];`)).toEqual([]);
	});

	it('finds none in src/ outside src/lib/i18n/ and tests', () => {
		const found = sources(SRC)
			.map((path) => relative(ROOT, path))
			.flatMap((path) => findings(readFileSync(join(ROOT, path), 'utf8')).map((f) => `${path}:${f}`));
		expect(found).toEqual([]);
	});
});
