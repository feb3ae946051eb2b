// The camera that fits a bounding box: centred on it, the box filling the map but for the padding.
import { describe, expect, it } from 'vitest';
import { fitCamera } from './camera';

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
/** The box's size in pixels at a zoom (256-pixel tiles). */
const pixels = (b: number[], zoom: number) => ({
	w: ((b[2] - b[0]) / 360) * 256 * 2 ** zoom,
	h: ((mercatorY(b[3]) - mercatorY(b[1])) / (2 * Math.PI)) * 256 * 2 ** zoom
});

describe('fitCamera', () => {
	it('fits a wide box by its width and a tall one by its height, with 10 % padding each side', () => {
		const wide: [number, number, number, number] = [10.3, 52.1, 10.5, 52.12];
		const c = fitCamera(wide, 800, 600);
		expect(pixels(wide, c.zoom).w).toBeCloseTo(640, -1);
		expect(pixels(wide, c.zoom).h).toBeLessThan(480);
		expect(c.lon).toBeCloseTo(10.4, 5);
		expect(c.lat).toBeGreaterThan(52.1);
		expect(c.lat).toBeLessThan(52.12);
		const tall: [number, number, number, number] = [10.3, 52.0, 10.31, 52.2];
		const t = fitCamera(tall, 800, 600);
		expect(pixels(tall, t.zoom).h).toBeCloseTo(480, -1);
		expect(pixels(tall, t.zoom).w).toBeLessThan(640);
	});
	it('gives a point the zoom of a street, not infinity', () => {
		expect(fitCamera([10.4, 52.1, 10.4, 52.1])).toEqual({ zoom: 17, lat: 52.1, lon: 10.4 });
	});
});
