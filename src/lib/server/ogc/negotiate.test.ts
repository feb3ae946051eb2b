import { describe, expect, it } from 'vitest';
import { OgcError } from './exception';
import { chooseFormat } from './negotiate';

const u = (q = '') => new URL(`http://h/ogc${q}`);

describe('chooseFormat', () => {
	it('f wins over Accept', () => {
		expect(chooseFormat(u('?f=json'), 'text/html')).toBe('json');
		expect(chooseFormat(u('?f=html'), 'application/json')).toBe('html');
	});
	it('browsers get HTML, GDAL and plain clients JSON', () => {
		expect(chooseFormat(u(), 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe('html');
		expect(chooseFormat(u(), 'application/geo+json, application/json')).toBe('json');
		expect(chooseFormat(u(), 'application/vnd.oai.openapi+json;version=3.0')).toBe('json');
		expect(chooseFormat(u(), null)).toBe('json');
		expect(chooseFormat(u(), '*/*')).toBe('json');
	});
	it('weighs q values', () => {
		expect(chooseFormat(u(), 'text/html;q=0.5, application/json')).toBe('json');
		expect(chooseFormat(u(), 'text/html, application/json;q=0.5')).toBe('html');
		expect(chooseFormat(u(), 'text/html;q=0, */*')).toBe('json');
		expect(chooseFormat(u(), 'application/json;q=0, text/*')).toBe('html');
	});
	it("breaks ties by the client's order, and falls back to JSON when nothing we have is acceptable", () => {
		expect(chooseFormat(u(), 'text/html, application/json')).toBe('html');
		expect(chooseFormat(u(), 'application/json, text/html')).toBe('json');
		expect(chooseFormat(u(), 'image/png')).toBe('json');
		expect(chooseFormat(u(), 'TEXT/HTML')).toBe('html');
	});
	it('an unknown f is a 400 InvalidParameterValue', () => {
		expect(() => chooseFormat(u('?f=xml'), null)).toThrow(OgcError);
	});
});
