import { describe, expect, it } from 'vitest';
import { OgcError } from './exception';
import { filterByBbox, pageUrl, paginate, parseBbox, parseItemsQuery } from './items';
import type { FlatFeature } from './properties';

const ids = (n: number): FlatFeature[] =>
	Array.from({ length: n }, (_, i) => ({ type: 'Feature', id: `f${i}`, geometry: { type: 'Point', coordinates: [i, 0] }, properties: {} }));

function rejects(fn: () => unknown, status: number, code: string) {
	try {
		fn();
	} catch (e) {
		expect(e).toBeInstanceOf(OgcError);
		expect((e as OgcError).status).toBe(status);
		expect((e as OgcError).code).toBe(code);
		return;
	}
	throw new Error('expected an OgcError');
}

describe('parseBbox', () => {
	it('reads 4 numbers and the 2D part of 6', () => {
		expect(parseBbox('10.2,52.0,10.5,52.3')).toEqual([10.2, 52, 10.5, 52.3]);
		expect(parseBbox('10.2,52.0,0,10.5,52.3,100')).toEqual([10.2, 52, 10.5, 52.3]);
	});
	it.each(['1,2,3', '1,2,3,4,5', '1,2,x,4', '', '1,,3,4', '181,52,182,53', '10,-91,11,0', '10,53,11,52'])('rejects %s with 400', (raw) => {
		rejects(() => parseBbox(raw), 400, 'InvalidParameterValue');
	});
});

describe('parseItemsQuery', () => {
	const q = (s: string) => parseItemsQuery(new URLSearchParams(s));
	it('defaults to limit 10 from the first feature', () => {
		expect(q('')).toEqual({ limit: 10, offset: 0, bbox: null });
	});
	it('accepts limit 1 to 1000', () => {
		expect(q('limit=1').limit).toBe(1);
		expect(q('limit=1000&offset=3').limit).toBe(1000);
	});
	it.each(['limit=0', 'limit=-1', 'limit=1001', 'limit=99999999999', 'limit=2.5', 'limit=abc', 'offset=-1', 'foo=1', 'limit=1&limit=2', 'datetime=yesterday'])(
		'rejects %s with 400',
		(s) => rejects(() => q(s), 400, 'InvalidParameterValue')
	);
	it('accepts RFC 3339 datetime instants and open intervals', () => {
		expect(q('datetime=2023-12-31').limit).toBe(10);
		expect(q('datetime=2020-01-01T00:00:00Z/..').limit).toBe(10);
	});
});

describe('paginate', () => {
	it('first page: next, no prev', () => {
		const p = paginate(ids(31), { limit: 10, offset: 0 });
		expect(p).toMatchObject({ numberMatched: 31, numberReturned: 10, next: 10, prev: null });
		expect(p.features[0].id).toBe('f0');
	});
	it('middle page: both', () => {
		expect(paginate(ids(31), { limit: 10, offset: 10 })).toMatchObject({ numberReturned: 10, next: 20, prev: 0 });
	});
	it('last, partial page: prev, no next', () => {
		const p = paginate(ids(31), { limit: 10, offset: 30 });
		expect(p).toMatchObject({ numberReturned: 1, next: null, prev: 20 });
		expect(p.features.map((f) => f.id)).toEqual(['f30']);
	});
	it('an exact last page has no next', () => {
		expect(paginate(ids(30), { limit: 10, offset: 20 })).toMatchObject({ numberReturned: 10, next: null, prev: 10 });
	});
	it('a page past the end is empty and leads back to the last full page', () => {
		expect(paginate(ids(31), { limit: 10, offset: 50 })).toMatchObject({ numberMatched: 31, numberReturned: 0, next: null, prev: 21 });
	});
	it('prev from an offset smaller than limit goes to 0', () => {
		expect(paginate(ids(31), { limit: 10, offset: 4 }).prev).toBe(0);
	});
	it('nothing matched: empty page without links', () => {
		expect(paginate([], { limit: 10, offset: 0 })).toEqual({ features: [], numberMatched: 0, numberReturned: 0, next: null, prev: null });
		expect(paginate([], { limit: 10, offset: 20 })).toMatchObject({ next: null, prev: null });
	});
});

describe('pageUrl', () => {
	it('keeps the query, replaces offset and f, drops offset 0', () => {
		const params = new URLSearchParams('bbox=1,2,3,4&limit=5&offset=10&f=html');
		expect(pageUrl('http://h/ogc/collections/x/items', params, 15, 'json')).toBe(
			'http://h/ogc/collections/x/items?bbox=1%2C2%2C3%2C4&limit=5&offset=15&f=json'
		);
		expect(pageUrl('http://h/ogc/collections/x/items', params, 0, 'html')).toBe('http://h/ogc/collections/x/items?bbox=1%2C2%2C3%2C4&limit=5&f=html');
	});
});

describe('filterByBbox', () => {
	// Two unit squares: A at [0,1]², B at [2,3]×[0,1].
	const square = (id: string, x: number): FlatFeature => ({
		type: 'Feature',
		id,
		geometry: {
			type: 'Polygon',
			coordinates: [
				[
					[x, 0],
					[x + 1, 0],
					[x + 1, 1],
					[x, 1],
					[x, 0]
				]
			]
		},
		properties: {}
	});
	const features = [square('A', 0), square('B', 2)];
	const boxes = [
		[0, 0, 1, 1],
		[2, 0, 3, 1]
	];
	const hit = (b: [number, number, number, number]) => filterByBbox(features, boxes, b).map((f) => f.id);
	it('keeps features that intersect, touching included', () => {
		expect(hit([0.5, 0.5, 0.6, 0.6])).toEqual(['A']);
		expect(hit([1, 0, 2, 1])).toEqual(['A', 'B']);
		expect(hit([1.2, 0, 1.8, 1])).toEqual([]);
	});
	it('a box across the antimeridian (minLon > maxLon) covers both ends', () => {
		expect(hit([179, 0, 0.5, 1])).toEqual(['A']);
		expect(hit([179, 0, -179, 1])).toEqual([]);
	});
});
