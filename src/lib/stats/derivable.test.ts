import { describe, expect, it } from 'vitest';
import { derivableCells } from './derivable';

describe('derivableCells', () => {
	const nord = { parent: 'nord', children: ['a', 'b', 'c'] };
	it('finds a single hidden child of a published total', () => {
		expect(derivableCells(['a'], [nord])).toEqual(['a']);
	});
	it('two hidden children of a published total protect each other', () => {
		expect(derivableCells(['a', 'b'], [nord])).toEqual([]);
	});
	it('a hidden parent with one hidden child falls when the parent follows from another relation', () => {
		const city = { parent: 'stadt', children: ['nord', 'sued'] };
		expect(derivableCells(['nord', 'a'], [nord, city]).sort()).toEqual(['a', 'nord']);
		expect(derivableCells(['nord', 'sued', 'a', 'd'], [nord, city, { parent: 'sued', children: ['d', 'e'] }])).toEqual([]);
	});
});
