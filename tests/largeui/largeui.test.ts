// The atlas's panels at a level of 1,000+ areas through the built server (issue #21, the fixture of
// tests/fixtures/large): the table draws a window of rows, scrolls, searches and is driven by the
// keyboard; the ranking shows its ends and the selection; the distribution bins; the SVG map and the
// embed draw the coarser level with a note; the grid can be switched on over the coarser level.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMap, waitForLayer } from '../browser/helpers';
import { launchChromium } from '../chromium';
import { writeLargeCity, type LargeCity } from '../fixtures/large/generate';
import { startServer } from '../global-setup';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'kontoratlas-largeui-'));
let server: { url: string; child: ChildProcess; output: () => string };
let city: LargeCity;
let browser: Browser | undefined;
/** One page for the file: the test browser runs in one process, which closing its last page ends. */
let page: Page;
/** The level the large one's areas lie in (its parent in the fixture's profile). */
let parent: { id: string; plural: string };

beforeAll(async () => {
	const geodata = join(dir, 'geodata');
	const derived = join(dir, 'derived');
	city = writeLargeCity(geodata);
	const env = { ...process.env, KONTORATLAS_GEODATA: geodata, KONTORATLAS_DATA_DIR: derived };
	const data = spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/data.ts', '--force'], { cwd: root, env, encoding: 'utf8' });
	if (data.status !== 0) throw new Error(`npm run data on the large fixture failed:\n${data.stdout}\n${data.stderr}`);
	server = await startServer({ KONTORATLAS_GEODATA: geodata, KONTORATLAS_DATA_DIR: derived, DATABASE_PATH: join(dir, 'store.db') });
	const { levels } = await (await fetch(`${server.url}/api/indicators`)).json();
	const large = levels.find((l: { id: string }) => l.id === city.level);
	const up = levels.find((l: { id: string }) => l.id === large.parent);
	parent = { id: up.id, plural: up.name.de.plural };
}, 180_000);

afterAll(async () => {
	await browser?.close();
	if (server) {
		const exited = new Promise((r) => server.child.once('exit', r));
		server.child.kill();
		await exited;
	}
	rmSync(dir, { recursive: true, force: true });
});

const html = async (path: string) => (await fetch(server.url + path)).text();
const gridState = (page: Page) =>
	page.evaluate(() => {
		const grid = document.querySelector<HTMLTableElement>('table[role="grid"]')!;
		const rows = [...grid.querySelectorAll<HTMLTableRowElement>('tbody tr[data-area]')];
		return {
			rowcount: Number(grid.getAttribute('aria-rowcount')),
			drawn: rows.length,
			first: Number(rows[0]?.getAttribute('aria-rowindex')),
			ids: rows.map((r) => r.dataset.area!),
			active: grid.getAttribute('aria-activedescendant'),
			activeIndex: Number(document.getElementById(grid.getAttribute('aria-activedescendant') ?? '')?.getAttribute('aria-rowindex')),
			focused: document.activeElement === grid
		};
	});

describe('the atlas at a level of 1,000+ areas', () => {
	it('draws a window of the table, scrolls, searches, moves by keys and selects; the ranking shows its ends and the selection; the distribution bins', async () => {
		browser = await launchChromium();
		page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		await page.goto(`${server.url}/?level=${city.level}&indicator=${city.indicator}`);
		await page.waitForSelector('table[role="grid"] tbody tr[data-area]', { timeout: 30_000 });

		const start = await gridState(page);
		expect(start.rowcount).toBe(city.count + 1);
		expect(start.drawn).toBeLessThan(60);
		expect(start.first).toBe(2);

		// Scrolling brings later rows, still only a window of them (scrolled again until the page has hydrated).
		await page.waitForFunction(() => {
			const grid = document.querySelector('table[role="grid"]')!;
			grid.parentElement!.scrollTop = 500 * 28;
			return Number(grid.querySelector('tbody tr[data-area]')?.getAttribute('aria-rowindex')) > 400;
		});
		expect((await gridState(page)).drawn).toBeLessThan(60);

		// The search finds one block by its id and says how many of how many match.
		const { ids } = await (await fetch(`${server.url}/api/werte/${city.level}?indikator=${city.indicator}`)).json();
		const wanted: string = ids[Math.floor(ids.length / 2)];
		const search = page.getByRole('searchbox', { name: 'Gebiet suchen' });
		await search.fill(wanted);
		await page.waitForFunction((id) => {
			const rows = document.querySelectorAll('table[role="grid"] tbody tr[data-area]');
			return rows.length >= 1 && [...rows].some((r) => (r as HTMLElement).dataset.area === id);
		}, wanted);
		const found = await gridState(page);
		expect(found.rowcount - 1).toBe(found.drawn);
		expect(found.ids).toContain(wanted);
		await expect.poll(() => page.locator('.area-grid [role="status"]').textContent()).toMatch(new RegExp(`^${found.drawn} von [\\d.]+ Gebieten$`));

		// Keyboard: arrow down from the search moves into the grid; End, Home, PageDown move the active row.
		await search.fill('');
		await page.waitForFunction((n) => Number(document.querySelector('table[role="grid"]')?.getAttribute('aria-rowcount')) === n, city.count + 1);
		await search.focus();
		await page.keyboard.press('ArrowDown');
		expect((await gridState(page)).focused).toBe(true);
		await page.keyboard.press('End');
		await expect.poll(async () => (await gridState(page)).activeIndex).toBe(city.count + 1);
		await page.keyboard.press('Home');
		await expect.poll(async () => (await gridState(page)).activeIndex).toBe(2);
		await page.keyboard.press('PageDown');
		await page.keyboard.press('ArrowDown');
		const moved = await gridState(page);
		expect(moved.activeIndex).toBeGreaterThan(10);
		expect(moved.focused).toBe(true);
		// Enter selects the active row: into the URL, and the ranking then shows it in its place.
		const chosen = moved.active!.replace(/^area-grid-/, '');
		await page.keyboard.press('Enter');
		await page.waitForURL((u) => u.searchParams.get('sel') === chosen);
		await expect.poll(() => page.locator(`table[role="grid"] tr[data-area="${chosen}"]`).getAttribute('aria-selected')).toBe('true');

		const ranking = page.locator('[data-chart="atlas-ranking"]');
		await ranking.waitFor({ timeout: 30_000 });
		await expect.poll(() => ranking.locator('rect[data-area]').count()).toBeLessThanOrEqual(21);
		const bars = await ranking.locator('rect[data-area]').evaluateAll((els) => els.map((e) => e.getAttribute('data-area')));
		expect(bars.length).toBeGreaterThanOrEqual(20);
		expect(bars).toContain(chosen);
		expect(await ranking.locator('text.gap').count()).toBeGreaterThanOrEqual(1);
		expect(await ranking.locator('text.gap').first().textContent()).toMatch(/^… [\d.]+ weitere …$/);

		const distribution = page.locator('[data-chart="atlas-distribution"]');
		expect(await distribution.locator('circle[data-area]').count()).toBe(0);
		const counts = await distribution.locator('rect[data-count]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
		expect(counts.length).toBeGreaterThan(5);
		expect(counts.length).toBeLessThan(80);
	});

	it('draws the SVG map and the embed at the coarser level and says so', async () => {
		const svg = await html(`/embed/karte.svg?level=${city.level}`);
		expect(svg).toContain(`zu viele für diese Karte; sie zeigt stattdessen „${parent.plural}“`);
		expect(svg.match(/<a [^>]*data-id=/g)!.length).toBeLessThan(city.count);
		const embed = await html(`/embed?level=${city.level}&lang=en`);
		expect(embed).toMatch(/data-note="level"[^>]*>The level “[^”]+” has [\d,]+ areas, too many for this map/);
		const plain = await html(`/embed?level=${parent.id}`);
		expect(plain).not.toContain('data-note="level"');
	});

	it('switches the large level on as a layer over the coarser one: in the URL, drawn below the coarser boundaries, with its own legend', async () => {
		const checkbox = (page: string) => page.match(/<input type="checkbox"([^>]*)>(?:(?!<\/label>)[\s\S])*?als Schicht über der Karte/)?.[1];
		const off = await html(`/?level=${parent.id}`);
		expect(checkbox(off)).toBeDefined();
		expect(checkbox(off)).not.toContain('checked');
		const wrong = await html(`/?level=${parent.id}&raster=${parent.id}`);
		expect(wrong).toContain(`<code>raster=${parent.id}</code>`);
		expect(wrong).not.toContain('data-overlay=');

		browser ??= await launchChromium();
		page ??= await browser.newPage({ viewport: { width: 1280, height: 900 } });
		await openMap(page, `${server.url}/?level=${parent.id}&raster=${city.level}`);
		expect(await page.getByRole('checkbox', { name: /als Schicht über der Karte/ }).isChecked()).toBe(true);
		await expect.poll(() => page.locator(`[data-overlay="${city.level}"]`).textContent()).toMatch(/ein Raster aus [\d.]+ Zellen über den/);
		await page.waitForSelector(`[data-large-level="${city.level}"][data-values]`, { timeout: 30_000 });
		await waitForLayer(page, 'tiles-choropleth');
		const order = await page.evaluate(() => {
			const map = (window as unknown as { kontoratlasMap: import('maplibre-gl').Map }).kontoratlasMap;
			return map.getStyle().layers.map((l) => l.id);
		});
		// The coarser level's areas stay, its boundaries and selection lines above the grid.
		expect(order).toContain('choropleth');
		expect(order.indexOf('choropleth')).toBeLessThan(order.indexOf('tiles-choropleth'));
		expect(order.indexOf('tiles-choropleth')).toBeLessThan(order.indexOf('boundaries'));
		// Two legends: the view's and the grid's own classes, which count the grid's cells.
		const legends = page.locator('section.legend');
		await expect.poll(() => legends.count()).toBe(2);
		const counts = await legends
			.nth(1)
			.locator('.count')
			.evaluateAll((els) => els.map((e) => Number(e.textContent)));
		expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(city.count / 2);
	});
});
