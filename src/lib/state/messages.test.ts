// No catalogue has an English text for a key it does not define (English may leave out a text
// that reads the same, e.g. the product name); no key is defined twice; the translators fall
// back through the catalogues as documented.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { translator } from './i18n';
import { analysisTranslator } from './messages-analysis';
import { atlasTranslator } from './messages-atlas';

/** The keys of `const de = {…}` and of `const en … = {…}` in a catalogue's source. */
function keysOf(file: string) {
	const src = readFileSync(new URL(file, import.meta.url), 'utf8');
	const block = (start: string) => {
		const from = src.indexOf(start);
		return [...src.slice(from, src.indexOf('\n}', from)).matchAll(/^\t'([^']+)':/gm)].map((m) => m[1]);
	};
	return { de: block('const de = {'), en: block('const en') };
}

describe('message catalogues', () => {
	for (const file of ['./i18n.ts', './messages-atlas.ts', './messages-analysis.ts', './messages-admin.ts']) {
		it(`${file}: English texts only for its own keys, and for most of them`, () => {
			const { de, en } = keysOf(file);
			expect(de.length).toBeGreaterThan(10);
			expect(en.filter((k) => !de.includes(k))).toEqual([]);
			expect(en.length).toBeGreaterThan(de.length * 0.8);
		});
	}

	it('no key is defined in two catalogues', () => {
		const all = ['./i18n.ts', './messages-atlas.ts', './messages-analysis.ts', './messages-admin.ts'].flatMap((f) => keysOf(f).de);
		expect(all.length).toBe(new Set(all).size);
	});

	it('the atlas translator falls back to the analysis messages and the core catalogue', () => {
		const t = atlasTranslator('en');
		expect(t('select.clear')).toBe('Clear selection');
		expect(t('lang.switch')).toBe(translator('en')('lang.switch'));
		expect(t('catch.apply')).toBe(analysisTranslator('en')('catch.apply'));
		expect(atlasTranslator('de')('atlas.method')).toBe('Methode');
	});
});
