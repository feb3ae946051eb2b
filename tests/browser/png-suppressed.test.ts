// The PNG export's legend has the "unterdrückt" entry when the view has suppressed values, as the
// on-screen legend does: a server whose disclosure threshold (200 persons) suppresses the
// smallest Stadtteile's SGB-II-Quote, the atlas in Chromium, the downloaded PNG read back.
import { readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../chromium';
import { startServer } from '../global-setup';
import { openMap } from './helpers';

let server: { url: string; child: ChildProcess };
let browser: Browser;
let page: Page;

beforeAll(async () => {
	server = await startServer({ KONTORATLAS_DISCLOSURE_MIN_BASE: '200' });
	browser = await launchChromium();
	page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
	await browser?.close();
	server?.child.kill();
});

/** Pixels of one legend swatch's inside (entry i; layout of exportPng.ts: column 300 px wide, header 56 px, rows of 22 px). */
function swatch(png: PNG, i: number) {
	const left = png.width - 300 + 16;
	const top = 56 + 10 + i * 22;
	let light = 0;
	let dark = 0;
	let other = 0;
	for (let y = top + 2; y < top + 12; y++) {
		for (let x = left + 2; x < left + 16; x++) {
			const k = (y * png.width + x) * 4;
			const [r, g, b] = [png.data[k], png.data[k + 1], png.data[k + 2]];
			if (Math.max(r, g, b) - Math.min(r, g, b) >= 12) other++;
			else if (r > 180) light++;
			else if (r < 160) dark++;
		}
	}
	return { light, dark, other };
}

describe('PNG export with suppressed values', () => {
	it('shows "unterdrückt" in the legend, hatched like "keine Angabe", after the classes', async () => {
		await openMap(page, `${server.url}/?indicator=sgb2-quote&year=2023`);
		const entries = await page.$$eval('.legend .classes li .swatch', (swatches) =>
			swatches.map((s) => ['suppressed', 'nodata', 'beispiel'].find((c) => s.classList.contains(c)) ?? 'class')
		);
		expect(entries).toContain('suppressed');
		const inPng = entries.filter((e) => e !== 'beispiel');
		expect(inPng.at(-1)).toBe('suppressed');

		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Karte als PNG' }).click()]);
		const png = PNG.sync.read(readFileSync(await download.path()));
		const last = swatch(png, inPng.length - 1);
		// white with grey cross-hatching, not a class colour
		expect(last.other).toBe(0);
		expect(last.light).toBeGreaterThan(20);
		expect(last.dark).toBeGreaterThan(20);
		// the class swatches are coloured, and nothing is drawn after the last entry
		expect(swatch(png, 0).other).toBeGreaterThan(100);
		expect(swatch(png, inPng.length)).toMatchObject({ dark: 0, other: 0 });
	});
});
