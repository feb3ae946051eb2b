import { describe, expect, it } from 'vitest';
import { servingDe, servingEn, servingText } from './serving';

describe('serving texts', () => {
	it('have every key in both languages, prefixed http., with the same placeholders', () => {
		expect(Object.keys(servingEn).sort()).toEqual(Object.keys(servingDe).sort());
		for (const [key, de] of Object.entries(servingDe)) {
			expect(key).toMatch(/^http\./);
			const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
			expect(placeholders(servingEn[key as keyof typeof servingDe]), key).toEqual(placeholders(de));
		}
	});
	it('fill placeholders in the chosen language', () => {
		expect(servingText('de', 'http.ready.ok', { version: 3 })).toBe('Bereit: Version 3 des Datenbestands wird ausgeliefert.');
		expect(servingText('en', 'http.ready.ok', { version: 3 })).toBe('Ready: serving version 3 of the data.');
	});
});
