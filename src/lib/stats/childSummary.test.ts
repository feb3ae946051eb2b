// The summary of a large child level: the count, the inhabited children (a withheld count is a
// small one, so inhabited), the ends of the ranking without overlap, and the atlas link.
import { describe, expect, it } from 'vitest';
import { atlasPath, summariseChildren, type ChildInput } from './childSummary';

const camera = { zoom: 14.2, lat: 52.1, lon: 10.4 };
/** Children c0 … c11: value i (c3 none), residents 10·i (c0 none, c1 withheld). */
const kids: ChildInput[] = Array.from({ length: 12 }, (_, i) => ({
	id: `c${i}`,
	name: `Zelle ${i}`,
	value: i === 3 ? null : i,
	residents: i === 0 || i === 1 ? (i === 0 ? 0 : null) : 10 * i,
	withheld: i === 1
}));

describe('summariseChildren', () => {
	it('counts the children and the inhabited ones, a withheld count among them', () => {
		const s = summariseChildren('block', 'quote', kids, true, camera);
		expect(s).toMatchObject({ level: 'block', count: 12, inhabited: 11, indicator: 'quote', ranked: 11, camera });
		expect(summariseChildren('block', 'quote', kids, false, camera).inhabited).toBeNull();
	});
	it('keeps the n highest and the n lowest, highest first, lowest last', () => {
		const s = summariseChildren('block', 'quote', kids, true, camera, 3);
		expect(s.top.map((c) => c.id)).toEqual(['c11', 'c10', 'c9']);
		expect(s.bottom.map((c) => c.id)).toEqual(['c2', 'c1', 'c0']);
		expect(s.top[0]).toEqual({ id: 'c11', name: 'Zelle 11', value: 11 });
	});
	it('never lists a child at both ends: a short list is all top', () => {
		const few = kids.slice(0, 7);
		const s = summariseChildren('block', 'quote', few, true, camera, 5);
		expect(s.top.map((c) => c.id)).toEqual(['c6', 'c5', 'c4', 'c2', 'c1']);
		expect(s.bottom.map((c) => c.id)).toEqual(['c0']);
		expect(summariseChildren('block', 'quote', few.slice(0, 4), true, camera, 5).bottom).toEqual([]);
	});
	it('ranks equal values by name and has no ranking where no child has a value', () => {
		const tied = [
			{ id: 'b', name: 'Beta', value: 1, residents: 1 },
			{ id: 'a', name: 'Alpha', value: 1, residents: 1 }
		];
		expect(summariseChildren('block', 'q', tied, true, camera).top.map((c) => c.id)).toEqual(['a', 'b']);
		const none = summariseChildren('block', 'q', [{ id: 'a', name: 'A', value: null, residents: 3 }], true, camera);
		expect(none).toMatchObject({ indicator: null, ranked: 0, top: [], bottom: [], count: 1, inhabited: 1 });
	});
});

describe('atlasPath', () => {
	it('opens the atlas at the child level, coloured by the ranking indicator, on the area', () => {
		const s = summariseChildren('gitter-100m', 'einwohner-gitter', kids, true, camera);
		expect(atlasPath(s, 'sgb2-quote')).toBe('/?level=gitter-100m&indicator=einwohner-gitter&map=14.2/52.1/10.4');
		expect(atlasPath({ ...s, indicator: null }, 'sgb2-quote')).toBe('/?level=gitter-100m&indicator=sgb2-quote&map=14.2/52.1/10.4');
	});
});
