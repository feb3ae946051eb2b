import { describe, expect, it } from 'vitest';
import { defaultView, parseCatchmentView, scenarioSites, serializeCatchmentView } from './catchmentView';

const ctx = { kontorIds: ['a', 'b'], inside: ([lon, lat]: [number, number]) => lon > 10 && lon < 11 && lat > 52 && lat < 53 };
const parse = (qs: string) => parseCatchmentView(new URLSearchParams(qs), ctx);

describe('catchment URL state', () => {
	it('an empty URL is the default view and serialises back to nothing', () => {
		expect(parse('')).toEqual({ view: defaultView(), notices: [] });
		expect(serializeCatchmentView(defaultView())).toBe('');
	});

	it('round-trips a what-if scenario', () => {
		const qs = '?mode=nearest&distances=300,800&view=each&reach=300&add=10.5,52.5;10.25,52.1&move=a:10.3,52.2&remove=b&kontor=neu-1';
		const { view, notices } = parse(qs.slice(1));
		expect(notices).toEqual([]);
		expect(view).toEqual({
			mode: 'nearest',
			distances: [300, 800],
			view: 'each',
			reach: 300,
			add: [
				[10.5, 52.5],
				[10.25, 52.1]
			],
			move: { a: [10.3, 52.2] },
			remove: ['b'],
			kontor: 'neu-1'
		});
		expect(serializeCatchmentView(view)).toBe(qs);
	});

	it('falls back to defaults with a notice naming each bad parameter', () => {
		const { view, notices } = parse('mode=walk&distances=0,500&add=9,52&move=zz:10.5,52.5&remove=q');
		expect(view).toEqual(defaultView());
		expect(notices.map((n) => n.split(':')[0])).toEqual(['mode', 'distances', 'add', 'move', 'remove']);
		expect(parse('distances=25000').notices[0]).toContain('20000');
		expect(parse('distances=1,2,3,4,5,6,7,8,9,10,11').notices[0]).toContain('at most 10');
		expect(parse('add=abc,52').notices[0]).toContain('not a point');
	});

	it('applies removals, moves and additions to the Kontore', () => {
		const base = [
			{ id: 'a', name: 'A', lonLat: [10.1, 52.1] as [number, number] },
			{ id: 'b', name: 'B', lonLat: [10.2, 52.2] as [number, number] }
		];
		const view = { ...defaultView(), remove: ['b'], move: { a: [10.4, 52.4] as [number, number] }, add: [[10.6, 52.6] as [number, number]] };
		expect(scenarioSites(base, view, (n) => `Neu ${n}`)).toEqual([
			{ id: 'a', name: 'A', lonLat: [10.4, 52.4] },
			{ id: 'neu-1', name: 'Neu 1', lonLat: [10.6, 52.6], hypothetical: true }
		]);
	});
});
