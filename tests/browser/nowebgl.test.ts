// Chromium without WebGL (started with --disable-webgl --disable-3d-apis): the atlas and the embed
// switch to the server-rendered SVG map of the same view, whose districts are links to their
// profiles that the keyboard reaches; it stays under the 60 KB gzip budget.
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../chromium';
import { axeViolations } from './helpers';

const base = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
	browser = await launchChromium({ webgl: false });
	page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
});
afterAll(async () => {
	await browser?.close();
});

const svgMap = (p: Page) => p.locator('svg[data-renderer="svg"]');

describe('without WebGL', () => {
	it('really has no WebGL', async () => {
		await page.goto(`${base}/daten`);
		const contexts = await page.evaluate(() => {
			const c = document.createElement('canvas');
			return [c.getContext('webgl2'), c.getContext('webgl'), c.getContext('experimental-webgl')].map((x) => x !== null);
		});
		expect(contexts).toEqual([false, false, false]);
	});

	it('shows the SVG map on the atlas: every district, coloured by class, linked to its profile', async () => {
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await page.goto(`${base}/?indicator=sgb2-quote&year=2023&sel=thiede`);
		await page.waitForURL(/renderer=svg/);
		await svgMap(page).waitFor();
		const links = svgMap(page).locator('a[data-id]');
		expect(await links.count()).toBe(31);
		expect(await svgMap(page).locator('a[data-id="thiede"]').getAttribute('href')).toBe('/stadtteil/thiede');
		// Colours: the same as the legend's swatches, one per class, counted like the legend.
		const swatches = await page.$$eval('.legend .classes .swatch:not(.nodata):not(.beispiel)', (els) => els.map((e) => getComputedStyle(e).backgroundColor));
		const fills = await svgMap(page)
			.locator('a[data-id] path')
			.evaluateAll((els) => els.map((e) => getComputedStyle(e).fill));
		const counts = await page.$$eval('.legend .classes li .count', (els) => els.map((e) => Number(e.textContent)));
		expect(swatches.map((s) => fills.filter((f) => f === s).length)).toEqual(counts.slice(0, swatches.length));
		// The district's title carries name and value, as in the table.
		const value = (await (await fetch(`${base}/api/indicators/sgb2-quote?level=stadtteil&year=2023`)).json()).rows.find(
			(r: { area: string }) => r.area === 'thiede'
		).value as number;
		expect(await svgMap(page).locator('a[data-id="thiede"] title').textContent()).toBe(
			`Thiede: ${value.toLocaleString('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`
		);
		expect(await svgMap(page).locator('.ka-kontore title').count()).toBe(6);
		// The table still drives the view: choosing another indicator redraws the SVG.
		await page.selectOption('#indicator-select', 'kinderarmut');
		await page.waitForURL((u) => u.search.includes('indicator=kinderarmut') && u.search.includes('renderer=svg'));
		await page.waitForFunction(() => document.querySelector('svg[data-renderer="svg"] title')?.textContent?.includes('Kinderarmut'));
		expect(errors).toEqual([]);
	});

	it('reaches the districts with the keyboard', async () => {
		await page.goto(`${base}/?renderer=svg`);
		await svgMap(page).waitFor();
		let focused: string | null = null;
		for (let i = 0; i < 40 && !focused; i++) {
			await page.keyboard.press('Tab');
			focused = await page.evaluate(() => document.activeElement?.closest('svg[data-renderer="svg"] a')?.getAttribute('data-id') ?? null);
		}
		expect(focused).not.toBeNull();
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.closest('svg a')?.getAttribute('href'))).toMatch(/^\/stadtteil\/[a-z-]+$/);
	});

	it('shows the SVG map in the embed, with profile links opening outside the frame', async () => {
		await page.goto(`${base}/embed?indicator=einwohner&level=ortschaft`);
		await page.waitForURL(/renderer=svg/);
		await svgMap(page).waitFor();
		expect(await svgMap(page).locator('a[data-id]').count()).toBe(7);
		expect(await svgMap(page).locator('a[data-id="sued"]').getAttribute('target')).toBe('_blank');
		expect(await svgMap(page).locator('a[data-id="sued"]').getAttribute('href')).toBe('/ortschaft/sued');
		expect(await page.locator('footer').textContent()).toContain('Grenzen der Stadtteile genähert');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('lists the facilities and opens their card without WebGL; the SVG embed says they need the interactive map', async () => {
		await page.goto(`${base}/?renderer=svg&einr=apotheke`);
		await svgMap(page).waitFor();
		// Hydrated: the controls are live.
		await page.waitForSelector('form.controls:not([inert])');
		const apotheken = (await (await fetch(`${base}/api/einrichtungen?typ=apotheke`)).json()).features.length;
		const rows = page.locator('button[data-facility]');
		expect(await rows.count()).toBe(apotheken);
		await rows.nth(1).focus();
		await page.keyboard.press('Enter');
		const card = page.locator('[data-facility-card]');
		await card.waitFor();
		expect(await card.getAttribute('data-facility-card')).toBe(await rows.nth(1).getAttribute('data-facility'));
		expect(await card.textContent()).toContain('Beispieldaten');
		await page.goto(`${base}/embed?renderer=svg&einr=kita`);
		await page.getByText('Die Einrichtungen zeigt nur die interaktive Karte.').waitFor();
	});

	it('stays under 60 KB gzip', async () => {
		const svg = await (await fetch(`${base}/embed/karte.svg?indicator=sgb2-quote`)).text();
		expect(svg.startsWith('<svg')).toBe(true);
		expect(gzipSync(svg).length).toBeLessThan(60 * 1024);
		const html = await (await fetch(`${base}/embed?renderer=svg&indicator=sgb2-quote`)).text();
		expect(gzipSync(html).length).toBeLessThan(60 * 1024);
	});
});
