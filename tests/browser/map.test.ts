// The first page in real headless Chromium: the map becomes idle, district fills and Kontor
// markers are drawn (checked from the screenshot's pixels and from the rendered features).
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../chromium';

const base = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
	browser = await launchChromium();
	page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
});
afterAll(async () => {
	await browser?.close();
});

const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
/** A fill of colour c at opacity a over the map background, as the screen shows it. */
const blend = (c: number[], a: number, bg = hex('#eef0ea')) => c.map((x, i) => Math.round(a * x + (1 - a) * bg[i]));

function countNear(png: PNG, colour: number[], tolerance = 10): number {
	let n = 0;
	for (let i = 0; i < png.data.length; i += 4) {
		if (
			Math.abs(png.data[i] - colour[0]) <= tolerance &&
			Math.abs(png.data[i + 1] - colour[1]) <= tolerance &&
			Math.abs(png.data[i + 2] - colour[2]) <= tolerance
		)
			n++;
	}
	return n;
}

describe('the atlas page', () => {
	it('loads the map until idle and draws district fills and Kontor markers', async () => {
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await page.goto(base + '/');
		await page.waitForSelector('[data-map-idle]', { timeout: 30_000 });
		// Idle once more after the sources are in, so every layer has been drawn.
		await page.waitForFunction(() => {
			const map = (window as unknown as { kontoratlasMap: import('maplibre-gl').Map }).kontoratlasMap;
			return map.loaded() && map.getLayer('kontore') && map.queryRenderedFeatures({ layers: ['kontore'] }).length > 0 && map.areTilesLoaded();
		});
		const rendered = await page.evaluate(() => {
			const map = (window as unknown as { kontoratlasMap: import('maplibre-gl').Map }).kontoratlasMap;
			const ids = (layer: string) => [...new Set(map.queryRenderedFeatures({ layers: [layer] }).map((f) => f.properties.id))].sort();
			return { stadtteile: ids('choropleth'), kontore: ids('kontore') };
		});
		expect(rendered.stadtteile).toHaveLength(31);
		expect(rendered.kontore).toEqual(['berliner-strasse', 'fredenberg', 'gebhardshagen', 'kampstrasse', 'salzgitter-bad', 'suthwiesenstrasse']);

		const shot = PNG.sync.read(await page.locator('.map').screenshot());
		// Every class colour of the legend covers a visible area of the map (fills at 80 % opacity).
		const swatches = await page.$$eval('.legend .classes .swatch:not(.nodata):not(.beispiel)', (els) => els.map((e) => getComputedStyle(e).backgroundColor));
		expect(swatches.length).toBeGreaterThanOrEqual(3);
		for (const css of swatches) {
			const rgb = css.match(/\d+/g)!.slice(0, 3).map(Number);
			expect(countNear(shot, blend(rgb, 0.8), 6), `pixels of class colour ${css}`).toBeGreaterThan(1500);
		}
		// The six markers: solid purple discs of radius 7 px (~150 px each, minus overlaps).
		expect(countNear(shot, hex('#6a1b9a'), 12)).toBeGreaterThan(6 * 60);
		expect(errors).toEqual([]);
	});

	it('names the districts and says that boundaries are approximated', async () => {
		expect(await page.locator('.labels .label', { hasText: /^Lebenstedt$/ }).isVisible()).toBe(true);
		expect(await page.locator('.labels .label').count()).toBeGreaterThan(15);
		expect(await page.getByText('Näherung, keine amtlichen Grenzen').first().isVisible()).toBe(true);
	});

	it('opens a Kontor card with "ungefähre Lage" when its marker is clicked', async () => {
		const point = await page.evaluate(() => {
			const map = (window as unknown as { kontoratlasMap: import('maplibre-gl').Map }).kontoratlasMap;
			const f = map.queryRenderedFeatures({ layers: ['kontore'] }).find((x) => x.properties.id === 'gebhardshagen')!;
			const p = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
			const rect = map.getCanvas().getBoundingClientRect();
			return { x: rect.left + p.x, y: rect.top + p.y };
		});
		await page.mouse.click(point.x, point.y);
		const card = page.getByRole('article').filter({ hasText: 'Stadtteilkontor Gebhardshagen' });
		await card.waitFor();
		expect(await card.textContent()).toContain('ungefähre Lage');
		expect(await card.textContent()).toContain('stadtteilkontore@stadt.salzgitter.de');
	});
});
