// District labels as Chromium draws them: no two overlap, and none lies under the map's controls
// (the attribution line, the scale, the zoom buttons), in the atlas's default view and on
// /erreichbarkeit, where "Watenstedt" and "Immendorf" collided and "Hohenrode" sat under the
// attribution. Each view gets its own page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../chromium';
import { openMap } from './helpers';

const base = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
	browser = await launchChromium();
	// The shipped Chromium runs single-process, where closing a browser context ends the browser.
	context = await browser.newContext();
});
afterAll(async () => {
	await browser?.close();
});
beforeEach(async () => {
	page = await context.newPage();
});
afterEach(async () => {
	await page.close();
});

interface Drawn {
	name: string;
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

/** The drawn boxes (page px) of the labels and of MapLibre's controls. */
function drawn(p: Page): Promise<{ labels: Drawn[]; controls: Drawn[] }> {
	return p.evaluate(() => {
		const box = (e: Element, name: string) => {
			const r = e.getBoundingClientRect();
			return { name, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
		};
		return {
			labels: [...document.querySelectorAll('.labels .label')].map((e) => box(e, e.textContent ?? '')),
			controls: [...document.querySelectorAll('.maplibregl-ctrl')].map((e) => box(e, e.className))
		};
	});
}

const intersect = (a: Drawn, b: Drawn) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

function collisions({ labels, controls }: { labels: Drawn[]; controls: Drawn[] }): string[] {
	const out: string[] = [];
	labels.forEach((a, i) => {
		for (const b of labels.slice(i + 1)) if (intersect(a, b)) out.push(`${a.name} × ${b.name}`);
		for (const c of controls) if (intersect(a, c)) out.push(`${a.name} × ${c.name}`);
	});
	return out;
}

describe('map labels', () => {
	it.each([
		[1200, 800],
		[1280, 900]
	])('overlap neither each other nor the controls in the default view at %i × %i px', async (width, height) => {
		await page.setViewportSize({ width, height });
		await openMap(page, base + '/', 'kontore');
		const boxes = await drawn(page);
		expect(boxes.controls.filter((c) => c.name.includes('maplibregl-ctrl-attrib'))).toHaveLength(1);
		expect(boxes.labels.length).toBeGreaterThanOrEqual(20);
		expect(collisions(boxes)).toEqual([]);
	});

	it('overlap neither each other nor the controls on /erreichbarkeit', async () => {
		await page.setViewportSize({ width: 1200, height: 800 });
		await openMap(page, base + '/erreichbarkeit', 'areas-fill');
		await page.waitForSelector('[data-computing="false"] >> text=/ms/', { timeout: 30_000 });
		const boxes = await drawn(page);
		expect(boxes.controls.filter((c) => c.name.includes('maplibregl-ctrl-attrib'))).toHaveLength(1);
		expect(boxes.labels.length).toBeGreaterThanOrEqual(20);
		expect(collisions(boxes)).toEqual([]);
	});
});
