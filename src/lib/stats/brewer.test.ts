import * as chromatic from 'd3-scale-chromatic';
import { describe, expect, it } from 'vitest';
import { BREWER } from './brewer';
import { SCHEMES } from './colours';

describe('BREWER', () => {
	it('holds every scheme the atlas offers, colour for colour as d3-scale-chromatic has it', () => {
		for (const name of SCHEMES) {
			const reference = (chromatic as unknown as Record<string, readonly (readonly string[] | undefined)[]>)[`scheme${name}`];
			expect(
				BREWER[name].map((row) => [...row]),
				name
			).toEqual([...reference].map((row) => (row ? [...row] : [])));
		}
	});
});
