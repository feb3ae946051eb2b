import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './returnTo';

describe('safeReturnTo', () => {
	it('keeps a path on this site with its query and fragment', () => {
		expect(safeReturnTo('/')).toBe('/');
		expect(safeReturnTo('/stadtteil/lebenstedt?lang=en#karte')).toBe('/stadtteil/lebenstedt?lang=en#karte');
		expect(safeReturnTo('/bericht?art=kontor&kontor=fredenberg')).toBe('/bericht?art=kontor&kontor=fredenberg');
		// Encoded slashes stay encoded: the browser requests that path on this site.
		expect(safeReturnTo('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
	});

	it.each([
		['//evil.example'],
		['///evil.example'],
		['/\\evil.example'],
		['\\/evil.example'],
		['https://evil.example'],
		['http:evil.example'],
		['javascript:alert(1)'],
		['evil.example'],
		[' /\\evil.example'],
		['/\t/evil.example'],
		['/\n/evil.example'],
		['/./\\evil.example'],
		['/.//evil.example'],
		['%2F%2Fevil.example'],
		['/%09/evil.example'.replace('%09', '\t')],
		[''],
		[null],
		['/' + 'a'.repeat(2100)]
	])('refuses %j', (raw) => {
		expect(safeReturnTo(raw)).toBeNull();
	});
});
