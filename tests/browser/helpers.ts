// Shared steps for browser tests: open a page of the built app and wait for the map to be drawn;
// read colours from a screenshot; run axe-core.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';

type WindowWithMap = Window & { kontoratlasMap: import('maplibre-gl').Map };

export async function openMap(page: Page, url: string, layer = 'choropleth') {
	await page.goto(url);
	await page.waitForSelector('[data-map-idle]', { timeout: 30_000 });
	await waitForLayer(page, layer);
}

export async function waitForLayer(page: Page, layer: string) {
	await page.waitForFunction((l) => {
		const map = (window as unknown as WindowWithMap).kontoratlasMap;
		return !!map && map.loaded() && !!map.getLayer(l) && map.areTilesLoaded() && !map.isMoving();
	}, layer);
	// Let the frame that follows the last style change be drawn.
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** The areas the map outlines as hovered: rendered in the `hover` layer with feature-state `hover`. */
export function outlinedIds(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const map = (window as unknown as WindowWithMap).kontoratlasMap;
		if (!map.getLayer('hover')) return [];
		const hovered = map.queryRenderedFeatures({ layers: ['hover'] }).filter((f) => f.state?.hover === true);
		return [...new Set(hovered.map((f) => String(f.properties.id)))].sort();
	});
}

export function renderedIds(page: Page, layer: string): Promise<string[]> {
	return page.evaluate((l) => {
		const map = (window as unknown as WindowWithMap).kontoratlasMap;
		if (!map.getLayer(l)) return [];
		return [...new Set(map.queryRenderedFeatures({ layers: [l] }).map((f) => String(f.properties.id)))].sort();
	}, layer);
}

/** Pixel positions (in the map element) of points, e.g. label points. */
export function project(page: Page, points: [number, number][]): Promise<{ x: number; y: number }[]> {
	return page.evaluate((pts) => {
		const map = (window as unknown as WindowWithMap).kontoratlasMap;
		return pts.map((p) => map.project(p)).map((p) => ({ x: p.x, y: p.y }));
	}, points);
}

export async function mapShot(page: Page): Promise<PNG> {
	return PNG.sync.read(await page.locator('.map').first().screenshot());
}

/** The median colour of a 5×5 block, robust against pattern dots and anti-aliasing. */
export function colourAt(png: PNG, x: number, y: number): [number, number, number] {
	const px: [number, number, number][] = [];
	for (let dy = -2; dy <= 2; dy++) {
		for (let dx = -2; dx <= 2; dx++) {
			const i = (Math.round(y + dy) * png.width + Math.round(x + dx)) * 4;
			px.push([png.data[i], png.data[i + 1], png.data[i + 2]]);
		}
	}
	const median = (k: 0 | 1 | 2) => px.map((p) => p[k]).sort((a, b) => a - b)[12];
	return [median(0), median(1), median(2)];
}

export const hex = (h: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
export const blend = (c: number[], a: number, bg = hex('#eef0ea')) => c.map((x, i) => Math.round(a * x + (1 - a) * bg[i]));
export const distance = (a: number[], b: number[]) => Math.max(...a.map((x, i) => Math.abs(x - b[i])));

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe-core violations of the page (WCAG 2.1 A/AA rules). */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
	await page.evaluate(axeSource);
	return page.evaluate(async () => {
		const axe = (
			window as unknown as {
				axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
			}
		).axe;
		const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
		return result.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
	});
}
