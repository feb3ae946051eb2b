import { describe, expect, it } from 'vitest';
import { servingDe, servingEn, servingLocale, servingText } from './serving';

describe('serving texts', () => {
	it('has every key in both languages, with the same placeholders', () => {
		expect(Object.keys(servingEn).sort()).toEqual(Object.keys(servingDe).sort());
		const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const key of Object.keys(servingDe) as (keyof typeof servingDe)[]) expect(placeholders(servingEn[key]), key).toEqual(placeholders(servingDe[key]));
	});

	it('fills placeholders and picks English only for ?lang=en', () => {
		expect(servingText('de', 'pool.busy.detail', { seconds: 2 })).toBe('Zu viele Berechnungen warten gerade; bitte in 2 s erneut versuchen.');
		expect(servingText('en', 'pool.busy.title')).toBe('Server busy');
		expect(servingLocale(new URL('http://x/api/coverage?lang=en'))).toBe('en');
		expect(servingLocale(new URL('http://x/api/coverage?lang=fr'))).toBe('de');
		expect(servingLocale(new URL('http://x/api/coverage'))).toBe('de');
	});
});
