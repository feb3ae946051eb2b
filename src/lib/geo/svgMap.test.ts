import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildSvgMap, mercatorScale } from './svgMap';

// Two unit squares side by side, 0.1° each, on the equator: Mercator is (nearly) square there.
const square = (id: string, x0: number): Feature<Polygon, { id: string; name: string; labelPoint: [number, number]; areaKm2: number }> => ({
	type: 'Feature',
	properties: { id, name: id.toUpperCase(), labelPoint: [x0 + 0.05, 0.05], areaKm2: 1 },
	geometry: {
		type: 'Polygon',
		coordinates: [
			[
				[x0, 0],
				[x0 + 0.1, 0],
				[x0 + 0.1, 0.1],
				[x0, 0.1],
				[x0, 0]
			]
		]
	}
});

describe('buildSvgMap', () => {
	it('fits the areas into the box with 24 px padding', () => {
		const m = buildSvgMap({ areas: [square('a', 0), square('b', 0.1)], groups: [], outline: null, kontore: [], camera: null, width: 448, height: 400 });
		// 0.2° wide and 0.1° high into 400×352 px: width is the limit, 2 px per 0.001°.
		const xs = m.areas.flatMap((a) => [...a.d.matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map((p) => Number(p[1])));
		const ys = m.areas.flatMap((a) => [...a.d.matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map((p) => Number(p[2])));
		expect(Math.min(...xs)).toBeCloseTo(24, 0);
		expect(Math.max(...xs)).toBeCloseTo(424, 0);
		// Height 0.1° ≈ 200 px, centred vertically in 400 px.
		expect(Math.max(...ys) - Math.min(...ys)).toBeCloseTo(200, 0);
		expect((Math.max(...ys) + Math.min(...ys)) / 2).toBeCloseTo(200, 0);
		expect(m.areas.map((a) => a.id)).toEqual(['a', 'b']);
		expect(m.labels.map((l) => l.text).sort()).toEqual(['A', 'B']);
	});

	it('places a camera like MapLibre: the centre in the middle, 512·2^z px per world', () => {
		expect(mercatorScale(0) * 2 * Math.PI).toBeCloseTo(512, 6);
		const kontor = { type: 'Feature' as const, properties: { id: 'k', name: 'K' }, geometry: { type: 'Point' as const, coordinates: [0.1, 0] } };
		const m = buildSvgMap({
			areas: [square('a', 0)],
			groups: [],
			outline: null,
			kontore: [kontor],
			camera: { zoom: 10, lat: 0, lon: 0 },
			width: 800,
			height: 600
		});
		// 0.1° east at zoom 10: 512·1024·0.1/360 = 145.6 px right of the centre.
		expect(m.kontore).toEqual([{ id: 'k', name: 'K', x: 545.6, y: 300 }]);
	});

	it('keeps labels apart as a wide bold system font draws them', () => {
		// The SVG is laid out on the server, where text cannot be measured. DejaVu Sans Bold 13 px
		// (system-ui of Chromium on Linux) draws "Watenstedt" 86 px and "Immendorf" 80 px wide
		// (measured in Chromium). With their points 80 px apart, both centred would overlap by 3 px.
		const named = (id: string, x0: number, name: string) => {
			const f = square(id, x0);
			return { ...f, properties: { ...f.properties, name } };
		};
		const m = buildSvgMap({
			areas: [named('w', 0, 'Watenstedt'), named('i', 0.1, 'Immendorf')],
			groups: [],
			outline: null,
			kontore: [],
			// 0.1° = 512 · 2^z · 0.1 / 360 px = 80 px
			camera: { zoom: Math.log2((80 * 3600) / 512), lat: 0.05, lon: 0.1 },
			width: 400,
			height: 300
		});
		const drawn: Record<string, number> = { Watenstedt: 86, Immendorf: 80 };
		const [a, b] = m.labels.map((l) => ({ x0: l.x - drawn[l.text] / 2, x1: l.x + drawn[l.text] / 2, y0: l.y - 8, y1: l.y + 8 }));
		expect(m.labels.map((l) => l.text).sort()).toEqual(['Immendorf', 'Watenstedt']);
		expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).toBe(false);
	});

	it('drops what lies outside the view', () => {
		const far = { type: 'Feature' as const, properties: { id: 'far', name: 'Far' }, geometry: { type: 'Point' as const, coordinates: [5, 5] } };
		const m = buildSvgMap({
			areas: [square('a', 0), square('z', 3)],
			groups: [],
			outline: null,
			kontore: [far],
			camera: { zoom: 12, lat: 0.05, lon: 0.05 },
			width: 400,
			height: 300
		});
		expect(m.areas.map((a) => a.id)).toEqual(['a']);
		expect(m.kontore).toEqual([]);
	});
});

describe('forD3', () => {
	it('turns RFC 7946 exteriors clockwise and holes counter-clockwise, and leaves d3-ready rings alone', async () => {
		const { forD3 } = await import('./svgMap');
		const ccw = [
			[0, 0],
			[1, 0],
			[1, 1],
			[0, 1],
			[0, 0]
		];
		const cw = [...ccw].reverse();
		const f = { type: 'Feature' as const, properties: {}, geometry: { type: 'Polygon' as const, coordinates: [ccw, cw] } };
		expect(forD3(f).geometry.coordinates).toEqual([cw, ccw]);
		expect(forD3(forD3(f)).geometry.coordinates).toEqual([cw, ccw]);
	});
});
