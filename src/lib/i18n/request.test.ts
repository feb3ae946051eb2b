// requestLocale: the query wins, then Accept-Language with its weights, German by default.
import { describe, expect, it } from 'vitest';
import { requestLocale } from './request';

const at = (query: string, acceptLanguage?: string) =>
	requestLocale(new URL(`http://atlas.test/api/x${query}`), new Headers(acceptLanguage ? { 'accept-language': acceptLanguage } : {}));

describe('requestLocale', () => {
	it('is German without ?lang= and Accept-Language, and for languages we do not have', () => {
		expect(at('')).toBe('de');
		expect(at('', 'fr-FR, pl;q=0.5')).toBe('de');
	});

	it('follows Accept-Language by its weights', () => {
		expect(at('', 'en-US,en;q=0.9')).toBe('en');
		expect(at('', 'de;q=0.4, en;q=0.8')).toBe('en');
		expect(at('', 'en;q=0.4, de-AT;q=0.8')).toBe('de');
	});

	it('takes ?lang= before the header, and ignores an unknown ?lang=', () => {
		expect(at('?lang=de', 'en')).toBe('de');
		expect(at('?lang=en', 'de')).toBe('en');
		expect(at('?lang=xx', 'en')).toBe('en');
	});
});
