// The first page in real headless Chromium: the map becomes idle, district fills and Kontor
// markers are drawn (checked from the screenshot's pixels and from the rendered features), and a
// Beispieldaten indicator is dotted everywhere from its first drawing. Each test opens its own page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../chromium';
import { blend, hex, mapShot, openMap, project, renderedIds } from './helpers';

const base = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let consoleMessages: string[];

beforeAll(async () => {
	browser = await launchChromium();
	// The shipped Chromium runs single-process, where closing a browser context ends the browser:
	// one context stays open for the whole file and each test gets a fresh page in it.
	context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
});
afterAll(async () => {
	await browser?.close();
});
beforeEach(async () => {
	page = await context.newPage();
	errors = [];
	consoleMessages = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => consoleMessages.push(`${m.type()}: ${m.text()}`));
});
afterEach(async () => {
	await page.close();
	expect(errors).toEqual([]);
});

type WindowWithMap = Window & { kontoratlasMap: import('maplibre-gl').Map };

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

/** Pixels of a (2r+1)² block around (x, y) that differ between two screenshots by more than 24 in a channel. */
function changedAround(a: PNG, b: PNG, x: number, y: number, r = 12): number {
	let n = 0;
	for (let dy = -r; dy <= r; dy++) {
		for (let dx = -r; dx <= r; dx++) {
			const i = (Math.round(y + dy) * a.width + Math.round(x + dx)) * 4;
			if ([0, 1, 2].some((k) => Math.abs(a.data[i + k] - b.data[i + k]) > 24)) n++;
		}
	}
	return n;
}

describe('the atlas page', () => {
	it('loads the map until idle and draws district fills and Kontor markers', async () => {
		await openMap(page, base + '/', 'kontore');
		expect(await renderedIds(page, 'choropleth')).toHaveLength(31);
		expect(await renderedIds(page, 'kontore')).toEqual([
			'berliner-strasse',
			'fredenberg',
			'gebhardshagen',
			'kampstrasse',
			'salzgitter-bad',
			'suthwiesenstrasse'
		]);

		const shot = await mapShot(page);
		// Every class colour of the legend covers a visible area of the map (fills at 80 % opacity).
		const swatches = await page.$$eval('.legend .classes .swatch:not(.nodata):not(.beispiel)', (els) => els.map((e) => getComputedStyle(e).backgroundColor));
		expect(swatches.length).toBeGreaterThanOrEqual(3);
		for (const css of swatches) {
			const rgb = css.match(/\d+/g)!.slice(0, 3).map(Number);
			expect(countNear(shot, blend(rgb, 0.8), 6), `pixels of class colour ${css}`).toBeGreaterThan(1500);
		}
		// The six markers: solid purple discs of radius 7 px (~150 px each, minus overlaps).
		expect(countNear(shot, hex('#6a1b9a'), 12)).toBeGreaterThan(6 * 60);
	});

	it('names the districts and says that boundaries are approximated', async () => {
		await openMap(page, base + '/');
		expect(await page.locator('.labels .label', { hasText: /^Lebenstedt$/ }).isVisible()).toBe(true);
		expect(await page.locator('.labels .label').count()).toBeGreaterThan(15);
		expect(await page.getByText('Näherung, keine amtlichen Grenzen').first().isVisible()).toBe(true);
	});

	it('opens a Kontor card with "ungefähre Lage" when its marker is clicked', async () => {
		await openMap(page, base + '/', 'kontore');
		const point = await page.evaluate(() => {
			const map = (window as unknown as WindowWithMap).kontoratlasMap;
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

describe('the Beispieldaten pattern', () => {
	it('is there from the first drawing: no missing-image warning, dots on every Stadtteil', async () => {
		// Labels and Kontore hidden, so that nothing covers the dots around the points looked at.
		await openMap(page, base + '/?indicator=sgb2-quote&hide=labels,kontore', 'beispiel');
		expect(consoleMessages.filter((m) => /could not be loaded/.test(m))).toEqual([]);
		expect(await page.evaluate(() => (window as unknown as WindowWithMap).kontoratlasMap.hasImage('pattern-beispiel'))).toBe(true);

		// The dots as first drawn: the map with the pattern layer against the same map without it.
		const ids = await renderedIds(page, 'beispiel');
		expect(ids).toHaveLength(31);
		const dotted = await mapShot(page);
		await page.evaluate(() => (window as unknown as WindowWithMap).kontoratlasMap.setLayoutProperty('beispiel', 'visibility', 'none'));
		await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
		const plain = await mapShot(page);
		const stadtteile = (
			(await (await fetch(`${base}/api/areas?level=stadtteil`)).json()) as { features: { id: string; properties: { labelPoint: [number, number] } }[] }
		).features;
		const points = await project(
			page,
			stadtteile.map((s) => s.properties.labelPoint)
		);
		// A 25 × 25 px block holds about a dozen dots (two per 10 × 10 px tile of the pattern).
		const undotted = stadtteile.filter((_, i) => changedAround(dotted, plain, points[i].x, points[i].y) < 4).map((s) => s.id);
		expect(undotted).toEqual([]);
	});
});
