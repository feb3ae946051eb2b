import { describe, expect, it } from 'vitest';
import { defaultView } from '$lib/state/view';
import { HOVER_FILL_COLOUR, NO_VALUE, setClassStates, STATE_FILL_COLOUR, stateColour, tilesLayers, TILES_SOURCE, WITHHELD } from './largeLevel';
import { layerSpecification } from './mapSetup';

const catalogue = { indicators: [], areaIds: new Set<string>(), defaultIndicator: 'x', levels: ['grid', 'stadtteil'] };
const layer = (layers: ReturnType<typeof tilesLayers>, id: string) => layers.find((l) => l.id === id)!;

describe("a large level's layers", () => {
	it('lay out no outline that would be drawn transparent: boundaries from zoom 11, the selection only while there is one', () => {
		const none = tilesLayers('grid', { ...defaultView(catalogue), level: 'grid' });
		expect(layer(none, 'tiles-boundaries').minzoom).toBe(11);
		expect(layerSpecification(layer(none, 'tiles-boundaries'), TILES_SOURCE)).toMatchObject({ minzoom: 11, 'source-layer': 'grid' });
		expect(layer(none, 'tiles-selected').visible).toBe(false);
		// Hover is the fill's own (a feature-state of the fill layer): no layer lays out every outline for it.
		expect(none.map((l) => l.id)).toEqual(['tiles-choropleth', 'tiles-boundaries', 'tiles-selected']);

		const some = tilesLayers('grid', { ...defaultView(catalogue), level: 'grid', selection: ['g1'] });
		expect(layer(some, 'tiles-selected').visible).toBe(true);
		// Other layers carry no minzoom.
		expect(layerSpecification(layer(some, 'tiles-choropleth'), TILES_SOURCE)).not.toHaveProperty('minzoom');
	});
});

describe("a large level's feature states", () => {
	/** The map's part setClassStates uses: the states it was given, in order. */
	const recorder = () => {
		const set: { id: number; state: Record<string, unknown> }[] = [];
		const map = { setFeatureState: (f: { id: number }, state: Record<string, unknown>) => set.push({ id: f.id, state }) };
		return { map: map as unknown as import('maplibre-gl').Map, set };
	};
	const colours = ['#eeeeee', '#999999', '#333333'];

	it('set every feature its class and colour first, then only the features whose class or colour changed', () => {
		const first = recorder();
		const shown = setClassStates(first.map, 'grid', { states: Int8Array.from([0, 2, NO_VALUE, WITHHELD]), colours }, null);
		expect(first.set).toEqual([
			{ id: 0, state: { c: 0, fill: '#eeeeee' } },
			{ id: 1, state: { c: 2, fill: '#333333' } },
			{ id: 2, state: { c: NO_VALUE, fill: stateColour(NO_VALUE, colours) } },
			{ id: 3, state: { c: WITHHELD, fill: stateColour(WITHHELD, colours) } }
		]);
		expect(stateColour(NO_VALUE, colours)).not.toBe(stateColour(WITHHELD, colours));

		// A new classification: one area changes class.
		const second = recorder();
		const next = setClassStates(second.map, 'grid', { states: Int8Array.from([1, 2, NO_VALUE, WITHHELD]), colours }, shown);
		expect(second.set).toEqual([{ id: 0, state: { c: 1, fill: '#999999' } }]);

		// A new scheme: the same classes in other colours; the areas without a value keep theirs.
		const third = recorder();
		setClassStates(third.map, 'grid', { states: next.states, colours: ['#ffeeee', '#ff9999', '#ff3333'] }, next);
		expect(third.set.map((s) => s.id)).toEqual([0, 1]);
	});

	it('colour the fill from the state alone: the layer is the same for every indicator and classification', () => {
		const view = { ...defaultView(catalogue), level: 'grid' };
		const fill = (v: typeof view) => layer(tilesLayers('grid', v), 'tiles-choropleth').paint!['fill-color'];
		expect(fill(view)).toEqual(HOVER_FILL_COLOUR);
		expect(fill({ ...view, indicator: 'other', method: 'jenks', classes: 7 })).toEqual(HOVER_FILL_COLOUR);
	});

	it('tell the hovered area apart by the fill colour alone: no outline pass drawn in every frame', () => {
		const paint = layer(tilesLayers('grid', { ...defaultView(catalogue), level: 'grid' }), 'tiles-choropleth').paint!;
		expect(paint['fill-antialias']).toBe(false);
		expect(paint).not.toHaveProperty('fill-outline-color');
		expect(HOVER_FILL_COLOUR).toEqual(['case', ['boolean', ['feature-state', 'hover'], false], expect.anything(), STATE_FILL_COLOUR]);
	});
});
