import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { defaultView } from '$lib/state/view';
import { buildChoropleth } from '$lib/stats/choropleth';
import { atlasSources, styleParts, type AtlasLayerInput } from './atlasLayers';

const square = (id: string, x: number) => ({
	type: 'Feature' as const,
	properties: { id, name: id, parent: 'p', labelPoint: [x + 0.5, 0.5], areaKm2: 1 },
	geometry: {
		type: 'Polygon' as const,
		coordinates: [
			[
				[x, 0],
				[x + 1, 0],
				[x + 1, 1],
				[x, 1],
				[x, 0]
			]
		]
	}
});
const areas = { type: 'FeatureCollection', features: [square('a', 0), square('b', 1), square('c', 2)] } as unknown as AtlasLayerInput['areas'];
const catalogue = { indicators: [], areaIds: new Set<string>(), defaultIndicator: 'x', levels: ['stadtteil', 'ortschaft'] };
const empty = { type: 'FeatureCollection', features: [] } as FeatureCollection;

function input(
	patch: Partial<AtlasLayerInput> = {},
	rows = [
		{ area: 'a', value: 1 },
		{ area: 'b', value: 2 },
		{ area: 'c', value: null }
	]
): AtlasLayerInput {
	const view = { ...defaultView(catalogue), ...(patch.view ?? {}) };
	return {
		areas,
		groups: areas,
		context: empty as AtlasLayerInput['context'],
		kontore: empty as AtlasLayerInput['kontore'],
		catchments: null,
		catchmentColours: new Map(),
		choropleth: buildChoropleth({ rows, polarity: 'neutral', method: 'quantile', classes: 3, scheme: null, manualBreaks: [], reference: null }),
		beispieldaten: false,
		...patch,
		view
	};
}
const layer = (sources: ReturnType<typeof atlasSources>, id: string) => sources.flatMap((s) => s.layers).find((l) => l.id === id)!;

describe('atlasSources', () => {
	it('colours each area with a value by its class, and shows the no-data hatching only where a value is missing', () => {
		const sources = atlasSources(input());
		const fill = layer(sources, 'choropleth').paint['fill-color'] as unknown[];
		expect(fill.slice(0, 2)).toEqual(['match', ['get', 'id']]);
		expect(fill).toContain('a');
		expect(fill).not.toContain('c');
		expect(layer(sources, 'nodata')).toMatchObject({ visible: true, filter: ['in', ['get', 'id'], ['literal', ['c']]] });
		expect(layer(sources, 'suppressed').visible).toBe(false);
		expect(layer(sources, 'beispiel').visible).toBe(false);
		expect(layer(sources, 'beispiel').filter).toEqual(['in', ['get', 'id'], ['literal', ['a', 'b']]]);
	});

	it('follows the view: hidden layers, opacity, selection, level; hover by feature-state', () => {
		const sources = atlasSources(
			input({
				view: { ...defaultView(catalogue), hidden: ['kontore', 'catchments'], opacity: { choropleth: 50 }, selection: ['b'], level: 'ortschaft' },
				// The coarser level's parent is the city as a whole: no group outlines.
				groups: { type: 'FeatureCollection', features: [] }
			})
		);
		expect(layer(sources, 'kontore').visible).toBe(false);
		expect(layer(sources, 'choropleth').paint['fill-opacity']).toBe(0.5);
		expect(layer(sources, 'selected').filter).toEqual(['in', ['get', 'id'], ['literal', ['b']]]);
		// The hovered area is a feature-state, not a filter: no layout of the tiles per pointer move.
		expect(layer(sources, 'hover').filter).toBeUndefined();
		// Hidden until the first hover (AtlasMapLayers shows it): no shader program for it in the first drawing.
		expect(layer(sources, 'hover').visible).toBe(false);
		expect(layer(sources, 'hover').paint['line-opacity']).toEqual(['case', ['boolean', ['feature-state', 'hover'], false], 1, 0]);
		expect(layer(sources, 'group-boundaries').visible).toBe(false);
	});

	it('has a catchment source only when there are catchments, drawn below the Kontore', () => {
		expect(atlasSources(input()).map((s) => s.id)).toEqual(['context', 'areas', 'group-lines', 'kontore']);
		const withCatchments = atlasSources(input({ catchments: empty as AtlasLayerInput['catchments'], catchmentColours: new Map([[500, '#111111']]) }));
		expect(withCatchments.map((s) => s.id)).toEqual(['context', 'areas', 'group-lines', 'catchments', 'kontore']);
		expect(layer(withCatchments, 'catchment-rings').paint['fill-color']).toEqual(['match', ['get', 'distance'], 500, '#111111', '#ffffff']);
		// Without colours (the embed before its palette has loaded): a plain colour, never an empty match.
		expect(layer(atlasSources(input({ catchments: empty as AtlasLayerInput['catchments'] })), 'catchment-rings').paint['fill-color']).toBe('#ffffff');
	});
});

describe('styleParts', () => {
	it('gives MapLibre every layer once, in order, with its source, visibility and filter', () => {
		const parts = styleParts(atlasSources(input({ view: { ...defaultView(catalogue), hidden: ['labels', 'catchments', 'context'] } })));
		const ids = parts.layers.map((l) => l.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(Object.keys(parts.sources)).toEqual(['context', 'areas', 'group-lines', 'kontore']);
		expect(parts.sources.areas).toMatchObject({ type: 'geojson', promoteId: 'id' });
		const outline = parts.layers.find((l) => l.id === 'city-outline')!;
		expect(outline).toMatchObject({ source: 'context', layout: { visibility: 'visible' }, filter: ['==', ['get', 'kind'], 'stadtgrenze'] });
		expect(parts.layers.find((l) => l.id === 'context-fill')!.layout).toEqual({ visibility: 'none' });
		expect('filter' in parts.layers.find((l) => l.id === 'choropleth')!).toBe(false);
	});
});
