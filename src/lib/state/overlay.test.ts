// The grid overlay's URL parameter: only a large level other than the one shown, round trip.
import { describe, expect, it } from 'vitest';
import { overlayChoices, parseOverlay, withOverlay } from './overlay';

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
