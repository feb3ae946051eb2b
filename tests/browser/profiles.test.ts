// Profile, comparison and Sozialindex pages in the built app: every district id renders, bad
// input gets a message, hover and selection are linked between map, table and charts, the
// profile prints as a two-page A4 fact sheet without clipped charts, and axe finds no serious
// or critical violations.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../chromium';

const base = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;
let axeContext: BrowserContext;

beforeAll(async () => {
	browser = await launchChromium();
	// The shipped Chromium runs single-process, where closing a browser context ends the browser:
	// two contexts stay open for the whole file and only pages are closed.
	context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	// The CSP admits SvelteKit's own scripts only; this test-only context lets axe in.
	axeContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
	await browser?.close();
});

const ids = async (level: string) =>
	(
		(await (await fetch(`${base}/api/areas?level=${level}`)).json()).features as { id: string; properties: { name: string; labelPoint: [number, number] } }[]
	).map((f) => ({ id: f.id, name: f.properties.name, labelPoint: f.properties.labelPoint }));
const html = async (path: string) => {
	const res = await fetch(base + path);
	const hashes = [...(res.headers.get('content-security-policy') ?? '').matchAll(/'sha256-([^']+)'/g)].map((m) => m[1]);
	return { status: res.status, text: await res.text(), hashes };
};
/**
 * Script elements the browser would run that are not SvelteKit's own: neither an inline script the
 * CSP allows by its hash, nor a script of the atlas's own, nor data (SvelteKit inlines load responses
 * as application/json). Markup from the data or the parameters that escaped escaping shows up here.
 */
const foreignScripts = (text: string, hashes: string[]) =>
	[...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
		.filter(([, attributes, body]) => {
			if (/\stype="application\/(ld\+)?json"/.test(attributes)) return false;
			if (/\ssrc=/.test(attributes)) return !/\ssrc="\.?\/_app\//.test(attributes);
			return !hashes.includes(createHash('sha256').update(body).digest('base64'));
		})
		.map((m) => m[0]);
const decode = (s: string) =>
	s
		.replace(/&amp;/g, '&')
		.replace(/&#39;/g, "'")
		.replace(/&quot;/g, '"');

describe('profile and comparison pages for every district', () => {
	it('renders the profile of every Stadtteil and Ortschaft with its charts and data status', async () => {
		for (const level of ['stadtteil', 'ortschaft']) {
			const areas = await ids(level);
			expect(areas.length).toBe(level === 'stadtteil' ? 31 : 7);
			for (const a of areas) {
				const { status, text } = await html(`/${level}/${a.id}`);
				expect(status, a.id).toBe(200);
				expect(decode(text), a.id).toContain(`<h1 class="svelte-`);
				expect(decode(text)).toMatch(new RegExp(`<h1[^>]*>${a.name}</h1>`));
				expect(text).toContain('data-chart="profile-ranking"');
				expect(text).toContain('Beispieldaten');
				expect(text).toContain('Näherung, keine amtlichen Grenzen');
				expect(text).toMatch(/data-highlight="true"/);
				// the ranking highlights the profiled district (selected marks are aria-pressed)
				expect(text).toMatch(new RegExp(`aria-pressed="true" data-area="${a.id}"`));
			}
		}
	});

	it('compares every district with another of its level', async () => {
		for (const level of ['stadtteil', 'ortschaft']) {
			const areas = await ids(level);
			for (const [i, a] of areas.entries()) {
				const other = areas[(i + 1) % areas.length];
				const { status, text } = await html(`/vergleich?ids=${a.id},${other.id}`);
				expect(status, a.id).toBe(200);
				expect(text).not.toContain('data-problem');
				expect(text).toContain('data-chart="compare-profile"');
				expect(text).toContain(`<th scope="col" data-area="${a.id}"`);
				expect(text).toContain(`<th scope="col" data-area="${other.id}"`);
			}
		}
	});

	it('answers an unknown or wrong-level id with a 404 page that says so', async () => {
		for (const path of ['/stadtteil/atlantis', '/ortschaft/lebenstedt', '/stadtteil/nord']) {
			const { status, text } = await html(path);
			expect(status, path).toBe(404);
			expect(text).toContain('Dieses Gebiet gibt es nicht.');
		}
	});

	it.each([
		['', 'missing', 'Bitte wählen Sie zwei bis sechs Gebiete'],
		['?ids=lebenstedt', 'too-few', 'mindestens zwei Gebiete'],
		['?ids=lebenstedt,thiede,lesse,gitter,barum,beinum,salder', 'too-many', 'höchstens sechs Gebiete'],
		['?ids=lebenstedt,thiede,lebenstedt', 'duplicate', 'mehrfach gewählt: lebenstedt'],
		['?ids=lebenstedt,%3Cscript%3E', 'unknown', 'Unbekannte Gebiete: &lt;script>'],
		['?ids=lebenstedt,nord', 'mixed-level', 'nur Stadtteile oder nur Ortschaften']
	])('/vergleich%s shows a clear message (%s)', async (query, reason, message) => {
		const { status, text, hashes } = await html('/vergleich' + query);
		expect(status).toBe(200);
		expect(text).toContain(`data-problem="${reason}"`);
		expect(text).toContain(message);
		expect(hashes.length).toBeGreaterThan(0);
		expect(foreignScripts(text, hashes)).toEqual([]);
	});

	it('escapes markup in the ids wherever the page repeats them', async () => {
		const marker = '<script>alert("kontoratlas")</script>';
		const { text, hashes } = await html(`/vergleich?ids=lebenstedt,${encodeURIComponent(marker)}`);
		expect(text).toContain('Unbekannte Gebiete: &lt;script>alert("kontoratlas")&lt;/script>');
		expect(text).not.toContain(marker);
		expect(foreignScripts(text, hashes)).toEqual([]);
	});
});

async function open(path: string, width = 1280): Promise<{ page: Page; errors: string[] }> {
	const page = await context.newPage();
	await page.setViewportSize({ width, height: 900 });
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(base + path);
	await page.waitForLoadState('networkidle');
	return { page, errors };
}

describe('linked hover and selection', () => {
	it('links the ranking, the deviation bars and the comparison table both ways, by mouse and keyboard', async () => {
		const { page, errors } = await open('/vergleich?ids=lebenstedt,thiede,salzgitter-bad');
		const bar = (chart: string, id: string) => page.locator(`[data-chart="${chart}"] rect[data-area="${id}"]`);
		const header = page.locator('th[data-area="thiede"]');
		// bars in descending order of the value, as many as districts
		const order = await page.locator('[data-chart="compare-ranking"] rect[data-area]').evaluateAll((els) => els.map((e) => e.getAttribute('data-area')));
		expect(order).toHaveLength(31);
		const values = await page.locator('[data-chart="compare-ranking"] rect[data-area]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('width'))));
		expect([...values].sort((a, b) => b - a)).toEqual(values);

		await bar('compare-ranking', 'thiede').hover();
		await expect.poll(() => header.getAttribute('class')).toContain('hovered');
		expect(await bar('compare-deviation', 'thiede').getAttribute('stroke-width')).toBe('2.5');

		await page.mouse.move(2, 2);
		await page.locator('th[data-area="lebenstedt"]').hover();
		await expect.poll(() => bar('compare-ranking', 'lebenstedt').getAttribute('stroke-width')).toBe('2.5');
		expect(await header.getAttribute('class')).not.toContain('hovered');

		await page.mouse.move(2, 2);
		await bar('compare-deviation', 'salzgitter-bad').focus();
		await expect.poll(() => page.locator('th[data-area="salzgitter-bad"]').getAttribute('class')).toContain('hovered');
		expect(await bar('compare-deviation', 'salzgitter-bad').getAttribute('aria-label')).toMatch(/^Salzgitter-Bad: \d+,\d %, Abweichung von Salzgitter \+/);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('selects a district on the profile by keyboard and adds it to the time series', async () => {
		const { page, errors } = await open('/stadtteil/lebenstedt');
		const lines = page.locator('[data-chart="profile-timeseries"] path[role="button"][aria-pressed="true"]');
		expect(await lines.count()).toBe(1);
		await page.locator('[data-chart="profile-ranking"] rect[data-area="thiede"]').focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => lines.count()).toBe(2);
		expect(await page.locator('[data-chart="profile-ranking"] rect[data-area="thiede"]').getAttribute('aria-pressed')).toBe('true');
		expect(errors).toEqual([]);
		await page.close();
	});

	it('links the Sozialindex map with its chart and table, and keeps the definition in the URL', async () => {
		const { page, errors } = await open('/sozialindex?index=sgb2-quote:%2B2,kinderarmut:%2B1,wohnungsleerstand:-1');
		await page.waitForSelector('[data-map-idle]', { timeout: 30_000 });
		await page.waitForFunction(() => {
			const map = (window as unknown as { kontoratlasMap: import('maplibre-gl').Map }).kontoratlasMap;
			return map.getLayer('sozialindex-fill') && map.queryRenderedFeatures({ layers: ['sozialindex-fill'] }).length > 20;
		});
		expect(await page.locator('[data-formula]').textContent()).toBe('I = (2·z(SGB-II-Quote) + 1·z(Kinderarmut) − 1·z(Wohnungsleerstand)) / 4');
		const hoverFilter = () =>
			page.evaluate(() => JSON.stringify((window as unknown as { kontoratlasMap: import('maplibre-gl').Map }).kontoratlasMap.getFilter('sozialindex-hover')));

		// table → map
		await page.locator('tr[data-area="thiede"]').hover();
		await expect.poll(hoverFilter).toContain('"thiede"');

		// map → chart: click Lebenstedt at its label point
		const lebenstedt = (await ids('stadtteil')).find((a) => a.id === 'lebenstedt')!;
		const point = await page.evaluate((lngLat) => {
			const p = (window as unknown as { kontoratlasMap: import('maplibre-gl').Map }).kontoratlasMap.project(lngLat);
			return { x: p.x, y: p.y };
		}, lebenstedt.labelPoint);
		await page.locator('canvas.maplibregl-canvas').click({ position: point });
		await expect.poll(() => page.locator('[data-chart="index-contributions"] g[data-area="lebenstedt"]').getAttribute('aria-pressed')).toBe('true');
		await expect.poll(hoverFilter).toContain('"lebenstedt"');

		// the builder writes the definition back into the URL
		await page.getByLabel('Gewicht: Kinderarmut').fill('3');
		await page.getByLabel('Gewicht: Kinderarmut').dispatchEvent('change');
		await expect.poll(() => new URL(page.url()).searchParams.get('index')).toBe('sgb2-quote:+2,kinderarmut:+3,wohnungsleerstand:-1');
		expect(await page.locator('[data-formula]').textContent()).toBe('I = (2·z(SGB-II-Quote) + 3·z(Kinderarmut) − 1·z(Wohnungsleerstand)) / 6');
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe('the profile as an A4 fact sheet', () => {
	// A4 minus the 12 mm side margins of the print stylesheet: 186 mm at 96 px/in.
	const PRINTABLE_PX = Math.floor((186 / 25.4) * 96);

	it.each(['stadtteil/lebenstedt', 'stadtteil/ringelheim', 'ortschaft/nord', 'ortschaft/sued'])(
		'%s prints on two A4 pages with no chart clipped',
		async (path) => {
			const page = await context.newPage();
			await page.setViewportSize({ width: PRINTABLE_PX, height: 1000 });
			await page.goto(`${base}/${path}`);
			await page.emulateMedia({ media: 'print' });
			const layout = await page.evaluate(() => ({
				scrollWidth: document.documentElement.scrollWidth,
				charts: [...document.querySelectorAll('svg')]
					.filter((s) => s.getBoundingClientRect().width > 0)
					.map((s) => {
						const r = s.getBoundingClientRect();
						return { left: r.left, right: r.right, cls: s.getAttribute('class') };
					}),
				hiddenPanels: getComputedStyle(document.querySelector('[data-chart="profile-ranking"]')!.closest('.no-print')!).display
			}));
			expect(layout.scrollWidth).toBeLessThanOrEqual(PRINTABLE_PX);
			expect(layout.charts.length).toBeGreaterThanOrEqual(12); // the small map and eleven sparklines
			for (const c of layout.charts) {
				expect(c.left).toBeGreaterThanOrEqual(0);
				expect(c.right).toBeLessThanOrEqual(PRINTABLE_PX);
			}
			expect(layout.hiddenPanels).toBe('none');
			const pdf = await page.pdf({ format: 'A4', printBackground: true });
			expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
			const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? [];
			expect(pages).toHaveLength(2);
			await page.close();
		}
	);
});

describe('accessibility (axe-core)', () => {
	const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

	it.each(['/stadtteil/lebenstedt', '/ortschaft/west', '/vergleich?ids=lebenstedt,thiede,salzgitter-bad', '/vergleich?ids=lebenstedt', '/sozialindex'])(
		'%s has no serious or critical findings',
		async (path) => {
			const page = await axeContext.newPage();
			await page.goto(base + path);
			await page.waitForLoadState('networkidle');
			await page.addScriptTag({ content: axeSource });
			const violations = await page.evaluate(async () => {
				const axe = (
					window as unknown as {
						axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
					}
				).axe;
				const result = await axe.run(document, { resultTypes: ['violations'] });
				return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
			});
			expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
			await page.close();
		}
	);
});
