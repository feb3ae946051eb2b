// The Erreichbarkeit page in real headless Chromium: the catchment layers render, a
// hypothetical Kontor placed on the map changes the figures, and the URL reproduces it.
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../chromium';

const base = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
	browser = await launchChromium();
	page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
});
afterAll(async () => {
	await browser?.close();
});

type MapWindow = { kontoratlasMap: import('maplibre-gl').Map };

async function ready(p: Page) {
	await p.waitForSelector('[data-map-idle]', { timeout: 30_000 });
	await p.waitForSelector('[data-computing="false"] >> text=/ms/', { timeout: 30_000 });
	await p.waitForFunction(() => {
		const map = (window as unknown as MapWindow).kontoratlasMap;
		return map.loaded() && map.getLayer('catchment-sites') && map.queryRenderedFeatures({ layers: ['catchment-sites'] }).length > 0;
	});
}
const figure = async (p: Page, name: string) => Number((await p.locator(`[data-value="${name}"]`).textContent())!.replace(/\./g, ''));

describe('the Erreichbarkeit page', () => {
	it('draws the dissolved rings, the uncovered area and the six Kontore', async () => {
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await page.goto(base + '/erreichbarkeit');
		await ready(page);
		const rendered = await page.evaluate(() => {
			const map = (window as unknown as MapWindow).kontoratlasMap;
			const props = (layer: string) => map.queryRenderedFeatures({ layers: [layer] }).map((f) => f.properties);
			return {
				rings: [...new Set(props('catchment-rings-fill').map((p) => `${p.kontor}:${p.distance}`))].sort(),
				uncovered: props('catchment-uncovered-fill').length,
				sites: [...new Set(props('catchment-sites').map((p) => p.id))].sort()
			};
		});
		expect(rendered.rings).toEqual(['*:1000', '*:1500', '*:500']);
		expect(rendered.uncovered).toBeGreaterThan(0);
		expect(rendered.sites).toHaveLength(6);
		// The uncovered fill (#d7301f at 0.22 over the light Stadtteil fill) covers much of the city.
		const shot = PNG.sync.read(await page.locator('.map').screenshot());
		let reddish = 0;
		for (let i = 0; i < shot.data.length; i += 4)
			if (shot.data[i] > 220 && shot.data[i + 1] > 170 && shot.data[i + 1] < 215 && shot.data[i + 2] < 200) reddish++;
		expect(reddish).toBeGreaterThan(5000);
		expect(await page.getByText('Einwohner nach letztem Stand je Stadtteil').first().isVisible()).toBe(true);
		expect(await page.getByText('ungefähre Lage').first().isVisible()).toBe(true);
		expect(
			await page
				.getByText(/kein Wegenetz/)
				.first()
				.isVisible()
		).toBe(true);
		expect(errors).toEqual([]);
	});

	it('a Kontor placed on the map raises the residents reached, shown before and after', async () => {
		const before = await figure(page, 'any-points');
		await page.getByRole('button', { name: 'Kontor auf der Karte setzen' }).click();
		// An uncovered spot: the north-west of Lebenstedt, 2.5 km from the Kontore there.
		const point = await page.evaluate(() => {
			const map = (window as unknown as MapWindow).kontoratlasMap;
			const p = map.project([10.2963, 52.1533]);
			const rect = map.getCanvas().getBoundingClientRect();
			return { x: rect.left + p.x, y: rect.top + p.y };
		});
		await page.mouse.click(point.x, point.y);
		await page.waitForFunction(() => new URL(location.href).searchParams.has('add'));
		await ready(page);
		await page.waitForSelector('[data-value="any-change"]');
		const after = await figure(page, 'any-points');
		expect(after).toBeGreaterThan(before + 1000);
		expect(await page.locator('[data-value="any-change"]').textContent()).toMatch(/^\+/);
		const sites = await page.evaluate(() =>
			(window as unknown as MapWindow).kontoratlasMap.querySourceFeatures('catchment-sites-source').map((f) => f.properties.id)
		);
		expect(sites).toContain('neu-1');

		// The URL reproduces the scenario in a fresh page.
		const url = page.url();
		await page.goto(base + '/erreichbarkeit');
		await ready(page);
		expect(await figure(page, 'any-points')).toBe(before);
		await page.goto(url);
		await ready(page);
		expect(await figure(page, 'any-points')).toBe(after);
	});

	it('refuses invalid distances with a message and keeps the figures', async () => {
		const before = await figure(page, 'any-points');
		await page.getByLabel('Entfernungen in Metern').fill('500, 0');
		await page.getByRole('button', { name: 'Übernehmen' }).first().click();
		expect(await page.locator('#catch-distances-error').textContent()).toContain('Ungültige Entfernungen');
		expect(await figure(page, 'any-points')).toBe(before);
		expect(new URL(page.url()).searchParams.has('distances')).toBe(false);
	});

	it('replaces invalid URL values by defaults with a visible notice', async () => {
		await page.goto(base + '/erreichbarkeit?distances=0,500&add=1,1');
		await ready(page);
		const alert = page.getByRole('alert').filter({ hasText: 'ungültig' });
		expect(await alert.textContent()).toContain('distances');
		expect(await alert.textContent()).toContain('add');
		expect(await page.getByLabel('Entfernungen in Metern').inputValue()).toBe('500, 1000, 1500');
	});

	it('shows the default figures at first paint: in the server-rendered HTML, and before the worker has answered', async () => {
		const coverage = await (await fetch(base + '/api/coverage?distances=500,1000,1500')).json();
		const expected = Math.round(coverage.reached.find((r: { kontor: string; distance: number }) => r.kontor === '*' && r.distance === 1000).points);
		expect(expected).toBeGreaterThan(0);
		const html = await (await fetch(base + '/erreichbarkeit')).text();
		const rendered = /data-value="any-points"[^>]*>([^<]+)</.exec(html);
		expect(rendered, 'figures in the HTML').not.toBeNull();
		expect(Number(rendered![1].replace(/\./g, ''))).toBe(expected);

		// The page's worker script never arrives: whatever shows came with the page.
		const held = await browser.newPage({ viewport: { width: 1280, height: 860 } });
		let workerAsked = false;
		await held.route(/catchments\.worker/, () => {
			workerAsked = true;
		});
		await held.goto(base + '/erreichbarkeit');
		await held.waitForSelector('[data-map-idle]', { timeout: 30_000 });
		expect(await figure(held, 'any-points')).toBe(expected);
		expect(await held.locator('[data-value="none-points"]').isVisible()).toBe(true);
		expect(workerAsked).toBe(true);
		await held.unrouteAll({ behavior: 'ignoreErrors' });
	});
});
