import { describe, expect, it } from 'vitest';
import { matches, negotiateEncoding, reduceAcceptEncoding, refusesIdentity } from './negotiation';

describe('negotiateEncoding', () => {
	it('takes br where the client ranks it no lower than gzip, whatever the order it lists them in', () => {
		expect(negotiateEncoding('gzip, deflate, br')).toBe('br');
		expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
		expect(negotiateEncoding('br')).toBe('br');
		expect(negotiateEncoding('*')).toBe('br');
		expect(negotiateEncoding('BR, GZIP')).toBe('br');
	});
	it('follows q-values', () => {
		expect(negotiateEncoding('br;q=0.5, gzip')).toBe('gzip');
		expect(negotiateEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
		expect(negotiateEncoding('br;q=1.0, gzip;q=0.8')).toBe('br');
		expect(negotiateEncoding('gzip;q=0.2, *;q=0.1')).toBe('gzip');
		// identity ranked above both: no coding
		expect(negotiateEncoding('identity, br;q=0.5, gzip;q=0.5')).toBe('identity');
	});
	it('q=0 refuses a coding', () => {
		expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
		expect(negotiateEncoding('br;q=0, gzip;q=0')).toBe('identity');
		expect(negotiateEncoding('*, br;q=0')).toBe('gzip');
		expect(negotiateEncoding('gzip;q=0.000')).toBe('identity');
	});
	it('no header, an empty one, or codings we do not have: identity', () => {
		expect(negotiateEncoding(null)).toBe('identity');
		expect(negotiateEncoding(undefined)).toBe('identity');
		expect(negotiateEncoding('')).toBe('identity');
		expect(negotiateEncoding('deflate, zstd')).toBe('identity');
		expect(negotiateEncoding('identity')).toBe('identity');
	});
	it('identity;q=0 with a coding we have: that coding; everything refused: identity all the same (no 406)', () => {
		expect(negotiateEncoding('identity;q=0, gzip')).toBe('gzip');
		expect(negotiateEncoding('*;q=0, gzip')).toBe('gzip');
		expect(negotiateEncoding('*;q=0')).toBe('identity');
		expect(negotiateEncoding('identity;q=0, br;q=0, gzip;q=0')).toBe('identity');
	});
});

describe('refusesIdentity', () => {
	it('only an explicit identity;q=0, or *;q=0 without an identity entry', () => {
		expect(refusesIdentity('identity;q=0, gzip')).toBe(true);
		expect(refusesIdentity('*;q=0, br')).toBe(true);
		expect(refusesIdentity('*;q=0, identity')).toBe(false);
		expect(refusesIdentity('br;q=0, gzip;q=0')).toBe(false);
		expect(refusesIdentity('gzip, br')).toBe(false);
		expect(refusesIdentity('')).toBe(false);
		expect(refusesIdentity(null)).toBe(false);
	});
});

describe('matches (If-None-Match, weak comparison)', () => {
	const tag = '"abc"';
	it('matches the same tag, strong or weak on either side', () => {
		expect(matches('"abc"', tag)).toBe(true);
		expect(matches('W/"abc"', tag)).toBe(true);
		expect(matches('"abc"', 'W/"abc"')).toBe(true);
		expect(matches('W/"abc"', 'W/"abc"')).toBe(true);
	});
	it('matches one tag of a list, with or without spaces', () => {
		expect(matches('"x", "abc"', tag)).toBe(true);
		expect(matches('"x","abc"', tag)).toBe(true);
		expect(matches('"x", W/"abc", "y"', tag)).toBe(true);
		expect(matches('"x", "y"', tag)).toBe(false);
	});
	it('* matches any current representation', () => {
		expect(matches('*', tag)).toBe(true);
		expect(matches(' * ', tag)).toBe(true);
	});
	it('does not match other tags, a prefix or an unquoted value', () => {
		expect(matches('"abcd"', tag)).toBe(false);
		expect(matches('"ab"', tag)).toBe(false);
		expect(matches('abc', tag)).toBe(false);
		expect(matches('W/"abc-br"', tag)).toBe(false);
	});
	it('no header or an empty one: no match', () => {
		expect(matches(null, tag)).toBe(false);
		expect(matches(undefined, tag)).toBe(false);
		expect(matches('', tag)).toBe(false);
		expect(matches('  ', tag)).toBe(false);
	});
});

describe('reduceAcceptEncoding (for the static file handler)', () => {
	it('names only the negotiated coding, so that a refused one is not found by name', () => {
		expect(reduceAcceptEncoding('br;q=0, gzip')).toBe('gzip');
		expect(reduceAcceptEncoding('gzip, deflate, br')).toBe('br');
		expect(reduceAcceptEncoding('br;q=0, gzip;q=0')).toBe('');
		expect(reduceAcceptEncoding('identity;q=0, gzip')).toBe('gzip, identity;q=0');
		expect(reduceAcceptEncoding('*;q=0')).toBe('identity;q=0');
	});
	it('negotiates to the same coding as the header it replaces', () => {
		for (const header of ['br;q=0, gzip', 'gzip, deflate, br', '*', 'deflate', 'identity;q=0, br', 'br;q=0.5, gzip;q=0.9', '*;q=0']) {
			const reduced = reduceAcceptEncoding(header);
			expect(negotiateEncoding(reduced), header).toBe(negotiateEncoding(header));
			expect(refusesIdentity(reduced), header).toBe(refusesIdentity(header));
		}
	});
});
