import { describe, expect, it } from 'vitest';
import { defaultView } from '$lib/state/view';
import { tilesLayers, TILES_SOURCE } from './largeLevel';
import { layerSpecification } from './mapSetup';

const catalogue = { indicators: [], areaIds: new Set<string>(), defaultIndicator: 'x', levels: ['grid', 'stadtteil'] };
const colours = ['#eeeeee', '#999999', '#333333'];
const layer = (layers: ReturnType<typeof tilesLayers>, id: string) => layers.find((l) => l.id === id)!;

describe("a large level's layers", () => {
	it('lay out no outline that would be drawn transparent: boundaries from zoom 11, the selection only while there is one', () => {
		const none = tilesLayers('grid', { ...defaultView(catalogue), level: 'grid' }, colours);
		expect(layer(none, 'tiles-boundaries').minzoom).toBe(11);
		expect(layerSpecification(layer(none, 'tiles-boundaries'), TILES_SOURCE)).toMatchObject({ minzoom: 11, 'source-layer': 'grid' });
		expect(layer(none, 'tiles-selected').visible).toBe(false);
		// Hover stays by feature-state on a layer that is always there: showing a layer lays the tiles out again.
		expect(layer(none, 'tiles-hover').visible).toBe(true);

		const some = tilesLayers('grid', { ...defaultView(catalogue), level: 'grid', selection: ['g1'] }, colours);
		expect(layer(some, 'tiles-selected').visible).toBe(true);
		// Other layers carry no minzoom.
		expect(layerSpecification(layer(some, 'tiles-choropleth'), TILES_SOURCE)).not.toHaveProperty('minzoom');
	});
});
