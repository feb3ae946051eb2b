// Accessibility across the public pages: axe-core on /erreichbarkeit and /daten (the atlas and the
// embed have theirs beside their other tests), a keyboard-only path through the atlas's main tasks,
// reduced motion, 200 % zoom and a 375 px embed.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../chromium';
import { axeViolations, openMap } from './helpers';

const base = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
	browser = await launchChromium();
	page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
	await browser?.close();
});

/** Press Tab (at most `max` times) until the focused element matches the selector (and text). */
async function tabTo(p: Page, selector: string, text?: string, max = 150): Promise<void> {
	for (let i = 0; i < max; i++) {
		await p.keyboard.press('Tab');
		const hit = await p.evaluate(([s, t]) => !!document.activeElement?.matches(s) && (!t || document.activeElement.textContent?.trim() === t), [
			selector,
			text ?? ''
		] as const);
		if (hit) return;
	}
	throw new Error(`Tab never reached ${selector}`);
}
const horizontalOverflow = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('axe on the other public pages', () => {
	it('finds nothing serious on /erreichbarkeit and /daten', async () => {
		await page.goto(`${base}/erreichbarkeit`);
		await page.waitForSelector('[data-map-idle]', { timeout: 30_000 });
		expect(await axeViolations(page)).toEqual([]);
		await page.goto(`${base}/daten`);
		expect(await axeViolations(page)).toEqual([]);
	});
});

describe('keyboard only', () => {
	it('chooses an indicator, changes the year, selects a district, opens the embed dialog and copies the snippet', async () => {
		await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
		await openMap(page, `${base}/`);
		await page.locator('body').focus();

		await tabTo(page, '#indicator-select');
		const before = await page.locator('#indicator-select').inputValue();
		// The next indicator by keyboard that has a year slider: past any with a single year (the census grid's residents).
		const { indicators } = await (await fetch(`${base}/api/indicators`)).json();
		const sliding = new Set(indicators.filter((i: { years: number[] }) => i.years.length > 1).map((i: { id: string }) => i.id));
		let indicator = before;
		for (let i = 0; i < 5 && (indicator === before || !sliding.has(indicator)); i++) {
			if (i > 0) await page.focus('#indicator-select');
			await page.keyboard.press('ArrowDown');
			await page.waitForURL(/indicator=/);
			indicator = await page.locator('#indicator-select').inputValue();
		}
		expect(indicator).not.toBe(before);
		await page.waitForURL(new RegExp(`indicator=${indicator}`));
		expect(page.url()).toContain(`indicator=${indicator}`);

		await tabTo(page, '#year-slider');
		await page.keyboard.press('Home');
		await page.waitForURL(/year=\d{4}/);
		const first = page.url().match(/year=(\d{4})/)![1];
		await page.keyboard.press('ArrowRight');
		await page.waitForURL((u) => /year=\d{4}/.test(u.search) && !u.search.includes(`year=${first}`));

		await tabTo(page, 'tbody input[type=checkbox]');
		const name = (await page.evaluate(() => document.activeElement!.getAttribute('aria-label')))!.replace(/ auswählen$/, '');
		await page.keyboard.press('Space');
		await page.waitForURL(/sel=/);
		await page.getByRole('link', { name }).first().waitFor();

		await tabTo(page, 'button', 'Karte einbetten');
		await page.keyboard.press('Enter');
		await page.locator('dialog[open]').waitFor();
		await tabTo(page, 'dialog button', 'Code kopieren');
		await page.keyboard.press('Enter');
		await page.locator('dialog [role=status]', { hasText: 'Kopiert' }).waitFor();
		const clip = await page.evaluate(() => navigator.clipboard.readText());
		expect(clip).toMatch(new RegExp(`^<iframe src="${base}/embed\\?[^"]*indicator=${indicator}`));
		expect(clip).toContain('sel=');
		expect(clip).toBe(await page.locator('dialog textarea').inputValue());
		// The live preview shows that very URL; Escape closes the dialog.
		const src = clip.match(/src="([^"]+)"/)![1].replace(/&amp;/g, '&');
		expect(await page.locator('dialog iframe').getAttribute('src')).toBe(src);
		await page.keyboard.press('Escape');
		expect(await page.locator('dialog[open]').count()).toBe(0);
	});

	it('changes the snippet with the size and options', async () => {
		await openMap(page, `${base}/?indicator=einwohner`);
		await page.getByRole('button', { name: 'Karte einbetten' }).click();
		await page.getByLabel('klein (480 × 320)').check();
		await page.getByLabel('Legende zeigen').uncheck();
		const code = await page.locator('dialog textarea').inputValue();
		// 320 px of map plus 120 px of header and notes without the legend.
		expect(code).toContain('width="480" height="440"');
		expect(code).toContain('/embed?indicator=einwohner&amp;legend=0&amp;height=320"');
		await page.keyboard.press('Escape');
	});
});

describe('reduced motion', () => {
	it('jumps instead of animating when the zoom buttons are used', async () => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		try {
			await openMap(page, `${base}/embed`);
			const zoom = () => page.evaluate(() => (window as unknown as { kontoratlasMap: import('maplibre-gl').Map }).kontoratlasMap.getZoom());
			const before = await zoom();
			await page.locator('.maplibregl-ctrl-zoom-in').click();
			// Within the same task as the click's effects: no easing, the zoom is already there.
			const after = await page.evaluate(() => {
				const m = (window as unknown as { kontoratlasMap: import('maplibre-gl').Map }).kontoratlasMap;
				return { zoom: m.getZoom(), moving: m.isMoving() };
			});
			expect(after.zoom).toBeCloseTo(before + 1, 5);
			expect(after.moving).toBe(false);
		} finally {
			await page.emulateMedia({ reducedMotion: 'no-preference' });
		}
	});
});

describe('zoom and small screens', () => {
	it('works at 200 % zoom: no horizontal scrolling, controls and table reachable', async () => {
		// 1280 px at 200 %: a 640 px wide CSS viewport at device scale 2.
		await page.setViewportSize({ width: 640, height: 450 });
		const zoomed = await browser.newContext({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
		const p = zoomed.pages()[0] ?? (await zoomed.newPage());
		await openMap(p, `${base}/?indicator=sgb2-quote`);
		expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
		for (const sel of ['#indicator-select', '#year-slider', 'tbody input[type=checkbox]']) {
			await p.locator(sel).first().scrollIntoViewIfNeeded();
			expect(await p.locator(sel).first().isVisible(), sel).toBe(true);
		}
		await openMap(p, `${base}/embed?indicator=sgb2-quote`);
		expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
		await page.setViewportSize({ width: 1280, height: 900 });
	});

	it('shows the embed 375 px wide without horizontal scrolling, the legend below the map', async () => {
		await page.setViewportSize({ width: 375, height: 700 });
		await openMap(page, `${base}/embed?indicator=sgb2-quote`);
		expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
		const map = (await page.locator('.map').boundingBox())!;
		const legend = (await page.locator('.legend').boundingBox())!;
		expect(map.width).toBeGreaterThan(360);
		expect(legend.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
		await page.setViewportSize({ width: 1280, height: 900 });
	});
});
