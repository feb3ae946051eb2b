// The grid overlay's URL parameter: only a large level other than the one shown, round trip.
import { describe, expect, it } from 'vitest';
import { overlayChoices, overlayChoropleth, parseOverlay, withOverlay } from './overlay';

const levels = [
	{ id: 'raster', large: true, whole: false },
	{ id: 'bezirk', large: false, whole: false },
	{ id: 'stadt', large: false, whole: true }
];
const parse = (q: string, level = 'bezirk') => parseOverlay(new URLSearchParams(q), levels, level);

describe('grid overlay state', () => {
	it('offers the large levels over a small one, none over the grid itself', () => {
		expect(overlayChoices(levels, 'bezirk').map((l) => l.id)).toEqual(['raster']);
		expect(overlayChoices(levels, 'raster')).toEqual([]);
		expect(overlayChoices([...levels, { id: 'block', large: true, whole: false }], 'raster')).toEqual([]);
	});
	it('reads a large level and refuses anything else with a notice', () => {
		expect(parse('raster=raster')).toEqual({ overlay: 'raster', notices: [] });
		expect(parse('')).toEqual({ overlay: null, notices: [] });
		expect(parse('raster=bezirk')).toEqual({ overlay: null, notices: [{ param: 'raster', value: 'bezirk', message: 'unknown' }] });
		expect(parse('raster=raster', 'raster').overlay).toBeNull();
	});
	it('writes what it reads', () => {
		const p = withOverlay(new URLSearchParams('level=bezirk'), 'raster');
		expect(p.toString()).toBe('level=bezirk&raster=raster');
		expect(parse(p.toString()).overlay).toBe('raster');
		expect(withOverlay(p, null).toString()).toBe('level=bezirk');
	});
});

describe('overlayChoropleth', () => {
	const values = { ids: ['a', 'b', 'c', 'd', 'e', 'f'], values: [1, 2, 3, 4, null, null], suppressed: [5] };
	it('classes the grid’s own values, withheld apart from missing', () => {
		const c = overlayChoropleth(values, { method: 'equal', classes: 3, scheme: null }, 'neutral');
		expect(c.breaks).toEqual([1, 2, 3, 4]);
		expect(c.counts).toEqual([1, 1, 2]);
		expect(c.noData).toEqual(['e']);
		expect(c.suppressed).toEqual(['f']);
	});
	it('uses the default method instead of the view level’s manual breaks', () => {
		// Quantiles of 1, 2, 3, 4 in three classes: positions 1 and 2 of the sorted values.
		const c = overlayChoropleth(values, { method: 'manual', classes: 3, scheme: null }, 'neutral');
		expect(c.breaks).toEqual([1, 2, 3, 4]);
		expect(c.counts.reduce((a, b) => a + b, 0)).toBe(4);
	});
});
