// The atlas in real Chromium: colours follow indicator, year, classification and scheme; the
// legend counts add up; layers toggle; the URL reproduces a view; the table sorts and syncs
// selection with the map; axe finds nothing serious; a 375 px viewport works.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../chromium';
import { axeViolations, blend, colourAt, distance, mapShot, openMap, project, outlinedIds, renderedIds, waitForLayer } from './helpers';

const base = inject('baseUrl');
let browser: Browser;
let page: Page;

interface Area {
	id: string;
	properties: { id: string; labelPoint: [number, number] };
}
let stadtteile: Area[];

beforeAll(async () => {
	browser = await launchChromium();
	page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	stadtteile = (await (await fetch(`${base}/api/areas?level=stadtteil`)).json()).features;
});
afterAll(async () => {
	await browser?.close();
});

/** Legend swatch colours, in class order, and the counts printed beside them. */
async function legend(p: Page) {
	return p.evaluate(() =>
		[...document.querySelectorAll('.legend .classes li')].map((li) => ({
			colour: getComputedStyle(li.querySelector('.swatch')!).backgroundColor,
			count: Number(li.querySelector('.count')?.textContent ?? 'NaN'),
			nodata: !!li.querySelector('.swatch.nodata'),
			beispiel: !!li.querySelector('.swatch.beispiel')
		}))
	);
}
const rgb = (css: string) => css.match(/\d+/g)!.slice(0, 3).map(Number);

/** For every Stadtteil, the legend class whose colour (at the choropleth's 80 % opacity) is nearest to the pixel at its label point. */
async function classesOnMap(p: Page): Promise<Map<string, { cls: number; dist: number }>> {
	const items = (await legend(p)).filter((l) => !l.nodata && !l.beispiel);
	const swatches = items.map((l) => blend(rgb(l.colour), 0.8));
	const png = await mapShot(p);
	const points = await project(
		p,
		stadtteile.map((s) => s.properties.labelPoint)
	);
	const out = new Map<string, { cls: number; dist: number }>();
	stadtteile.forEach((s, i) => {
		const c = colourAt(png, points[i].x, points[i].y);
		const d = swatches.map((sw) => distance(c, sw));
		const cls = d.indexOf(Math.min(...d));
		out.set(s.id, { cls, dist: d[cls] });
	});
	return out;
}

describe('the atlas', () => {
	it('colours every district by its class, and the legend counts add up to the districts', async () => {
		await openMap(page, `${base}/?indicator=sgb2-quote&year=2023&method=quantile&classes=5&hide=labels,kontore`);
		const items = await legend(page);
		const total = items.filter((l) => !l.beispiel).reduce((s, l) => s + l.count, 0);
		expect(total).toBe(31);
		const onMap = await classesOnMap(page);
		for (const [id, { dist }] of onMap) expect(dist, `colour at ${id}`).toBeLessThan(40);
		// Classes follow the values: read them from the table behind the map.
		const table = await (await fetch(`${base}/api/indicators/sgb2-quote?level=stadtteil&year=2023`)).json();
		const byValue = [...table.rows].sort((a: { value: number }, b: { value: number }) => a.value - b.value);
		const classesInValueOrder = byValue.map((r: { area: string }) => onMap.get(r.area)!.cls);
		expect(classesInValueOrder).toEqual([...classesInValueOrder].sort((a, b) => a - b));
		expect(new Set(classesInValueOrder).size).toBe(5);
	});

	it('changes colours when indicator, year, classification or scheme change', async () => {
		const signature = async () => [...(await classesOnMap(page)).values()].map((v) => v.cls).join('');
		const swatches = async () => (await legend(page)).map((l) => l.colour).join('|');
		const before = { classes: await signature(), colours: await swatches() };

		await page.selectOption('#indicator-select', 'kinderarmut');
		await page.waitForURL(/indicator=kinderarmut/);
		await waitForLayer(page, 'choropleth');
		const afterIndicator = await signature();
		expect(afterIndicator).not.toBe(before.classes);

		await page.getByLabel('Methode').selectOption('equal');
		await page.waitForURL(/method=equal/);
		await waitForLayer(page, 'choropleth');
		expect(await signature()).not.toBe(afterIndicator);

		await page.getByLabel('Farbschema').selectOption('Blues');
		await page.waitForURL(/scheme=Blues/);
		await waitForLayer(page, 'choropleth');
		expect(await swatches()).not.toBe(before.colours);

		const y2019 = await (async () => {
			await page.goto(`${base}/?indicator=anteil-65-plus&year=2019&method=equal&hide=labels,kontore`);
			await waitForLayer(page, 'choropleth');
			return signature();
		})();
		await page.locator('#year-slider').fill('4');
		await page.waitForURL(/year=2023/);
		await waitForLayer(page, 'choropleth');
		expect(await signature()).not.toBe(y2019);
		expect((await legend(page)).filter((l) => !l.beispiel).reduce((s, l) => s + l.count, 0)).toBe(31);
	});

	it('redraws a classification change from what the page holds: no request, no GeoJSON sent again, the same layers; back and forth keep working', async () => {
		await openMap(page, `${base}/?indicator=sgb2-quote&year=2023&method=quantile&classes=5&hide=labels,kontore`);
		const signature = async () => [...(await classesOnMap(page)).values()].map((v) => v.cls).join('');
		const quantile = await signature();
		// Every GeoJSON source's setData is counted, and the choropleth layer is marked: a layer added again is another object.
		await page.evaluate(() => {
			const w = window as unknown as { kontoratlasMap: import('maplibre-gl').Map; __setData: string[]; __layer: unknown };
			const map = w.kontoratlasMap;
			w.__setData = [];
			w.__layer = map.getLayer('choropleth');
			for (const id of Object.keys(map.getStyle().sources)) {
				const source = map.getSource(id) as import('maplibre-gl').GeoJSONSource;
				if (source.type !== 'geojson') continue;
				const setData = source.setData.bind(source);
				source.setData = (data) => {
					w.__setData.push(id);
					return setData(data);
				};
			}
		});
		const held = () =>
			page.evaluate(() => {
				const w = window as unknown as { kontoratlasMap: import('maplibre-gl').Map; __setData: string[]; __layer: unknown };
				return { setData: w.__setData, sameLayer: w.__layer === w.kontoratlasMap.getLayer('choropleth') };
			});
		const requests: string[] = [];
		const record = (r: import('playwright-core').Request) => {
			if (r.url().includes('/api/')) requests.push(new URL(r.url()).pathname + new URL(r.url()).search);
		};
		page.on('request', record);

		await page.getByLabel('Methode').selectOption('equal');
		await page.waitForURL(/method=equal/);
		await waitForLayer(page, 'choropleth');
		const equal = await signature();
		expect(equal).not.toBe(quantile);
		for (const [id, { dist }] of await classesOnMap(page)) expect(dist, `colour at ${id}`).toBeLessThan(40);
		expect((await legend(page)).filter((l) => !l.beispiel).reduce((s, l) => s + l.count, 0)).toBe(31);
		expect(requests).toEqual([]);
		expect(await held()).toEqual({ setData: [], sameLayer: true });

		// Another indicator asks for its own table and series, and for no geometry or catalogue.
		await page.selectOption('#indicator-select', 'kinderarmut');
		await page.waitForURL(/indicator=kinderarmut/);
		await waitForLayer(page, 'choropleth');
		expect(requests.length).toBeGreaterThan(0);
		expect(requests.every((r) => r.startsWith('/api/indicators/kinderarmut'))).toBe(true);
		expect(await held()).toEqual({ setData: [], sameLayer: true });

		// Back to the first indicator: its answers are still held, and the map shows its classes again.
		requests.length = 0;
		await page.goBack();
		await page.waitForURL(/indicator=sgb2-quote/);
		await waitForLayer(page, 'choropleth');
		expect(await signature()).toBe(equal);
		expect(requests).toEqual([]);
		page.off('request', record);
	});

	it('hides and shows layers', async () => {
		await openMap(page, `${base}/`);
		expect(await renderedIds(page, 'kontore')).toHaveLength(6);
		await page.getByLabel('Stadtteilkontore', { exact: true }).uncheck();
		await page.waitForURL(/hide=kontore/);
		await waitForLayer(page, 'choropleth');
		expect(await renderedIds(page, 'kontore')).toEqual([]);
		expect(await renderedIds(page, 'choropleth')).toHaveLength(31);
		await page.getByLabel('Stadtteilkontore', { exact: true }).check();
		await page.waitForURL((u) => !u.search.includes('hide='));
		await waitForLayer(page, 'kontore');
		expect(await renderedIds(page, 'kontore')).toHaveLength(6);
	});

	it('shows the Kontore catchments on demand, with their figures on the Kontor card', async () => {
		await openMap(page, `${base}/`);
		expect(await page.evaluate(() => !!(window as unknown as { kontoratlasMap: import('maplibre-gl').Map }).kontoratlasMap.getLayer('catchment-rings'))).toBe(
			false
		);
		await page.getByLabel('Einzugsbereiche (Luftlinie)', { exact: true }).check();
		await page.waitForURL(/show=catchments/);
		await waitForLayer(page, 'catchment-rings');
		const rings = await page.evaluate(() =>
			(window as unknown as { kontoratlasMap: import('maplibre-gl').Map }).kontoratlasMap
				.queryRenderedFeatures({ layers: ['catchment-rings'] })
				.map((f) => f.properties.distance)
		);
		expect([...new Set(rings)].sort((a, b) => a - b)).toEqual([500, 1000, 1500]);
		const [p] = await project(page, [[10.35806, 52.10639]]);
		const box = (await page.locator('.map').first().boundingBox())!;
		await page.mouse.click(box.x + p.x, box.y + p.y);
		const card = page.getByRole('article').filter({ hasText: 'Stadtteilkontor Gebhardshagen' });
		await card.waitFor();
		expect(await card.getByRole('table').count()).toBe(1);
		expect(await card.textContent()).toContain('1.500 m');
	});

	it('reproduces a view from a URL opened cold, including level, selection and camera', async () => {
		// A full navigation: the document and all its state are new (a fresh page would do the same;
		// the single-process Chromium of the tests does not like pages being closed).
		const fresh = page;
		await openMap(fresh, `${base}/?indicator=einwohner&level=ortschaft&method=jenks&classes=3&sel=sued,nord&map=10.5/52.1/10.38&lang=en`);
		expect(await renderedIds(fresh, 'choropleth')).toEqual(['nord', 'nordost', 'nordwest', 'ost', 'sued', 'suedost', 'west']);
		expect(await fresh.locator('#indicator-select').inputValue()).toBe('einwohner');
		expect(await fresh.getByLabel('Method').inputValue()).toBe('jenks');
		expect(await fresh.locator('tbody input[type=checkbox]:checked').count()).toBe(2);
		const camera = await fresh.evaluate(() => {
			const m = (window as unknown as { kontoratlasMap: import('maplibre-gl').Map }).kontoratlasMap;
			return { zoom: m.getZoom(), lat: m.getCenter().lat, lon: m.getCenter().lng };
		});
		expect(camera.zoom).toBeCloseTo(10.5, 2);
		expect(camera.lat).toBeCloseTo(52.1, 4);
		expect(await fresh.locator('html').getAttribute('lang')).toBe('de');
		expect(await fresh.getByRole('heading', { name: /Residents/ }).count()).toBeGreaterThan(0);
	});

	it('shows a notice and falls back for invalid parameters, never a blank page', async () => {
		await openMap(page, `${base}/?indicator=%3Cscript%3E&year=1800&classes=99`);
		const notices = await page.locator('.notices li').allTextContents();
		expect(notices.join(' ')).toContain('indicator=<script>');
		expect(notices).toHaveLength(3);
		expect(await renderedIds(page, 'choropleth')).toHaveLength(31);
	});

	it('sorts the table and keeps selection in sync with the map and the URL', async () => {
		await openMap(page, `${base}/?indicator=einwohner`);
		await page.getByRole('button', { name: 'Sortieren nach Gebiet' }).click();
		const names = await page.locator('tbody th[scope=row]').allTextContents();
		expect(names.map((n) => n.trim())).toEqual([...names.map((n) => n.trim())].sort((a, b) => a.localeCompare(b, 'de')));
		// Values sort largest first, then smallest first (Hohenrode: 187 residents).
		await page.getByRole('button', { name: 'Sortieren nach Wert' }).click();
		expect((await page.locator('tbody th[scope=row]').first().textContent())?.trim()).toBe('Lebenstedt');
		expect(await page.locator('th[aria-sort=descending]').count()).toBe(1);
		await page.getByRole('button', { name: 'Sortieren nach Wert' }).click();
		expect((await page.locator('tbody th[scope=row]').first().textContent())?.trim()).toBe('Hohenrode');

		await page.getByRole('checkbox', { name: 'Thiede auswählen' }).check();
		await page.waitForURL(/sel=thiede/);
		await page.getByRole('checkbox', { name: 'Salder auswählen' }).check();
		await page.waitForURL(/sel=thiede%2Csalder|sel=thiede,salder/);
		await waitForLayer(page, 'selected');
		expect(await renderedIds(page, 'selected')).toEqual(['salder', 'thiede']);
		expect(await page.getByRole('link', { name: 'Ausgewählte vergleichen' }).getAttribute('href')).toBe('/vergleich?ids=thiede,salder');

		// Click on the map: selects that district alone, and the table follows.
		await page.locator('.map').first().scrollIntoViewIfNeeded();
		const [p] = await project(page, [stadtteile.find((s) => s.id === 'lesse')!.properties.labelPoint]);
		const box = (await page.locator('.map').first().boundingBox())!;
		await page.mouse.click(box.x + p.x, box.y + p.y + 20);
		await page.waitForURL(/sel=lesse$|sel=lesse&/);
		expect(await page.locator('tbody input[type=checkbox]:checked').count()).toBe(1);
		expect(await page.getByRole('checkbox', { name: 'Lesse auswählen' }).isChecked()).toBe(true);
		// Back restores the previous selection.
		await page.goBack();
		await page.waitForURL(/sel=thiede(%2C|,)salder/);
		await page.waitForFunction(() => document.querySelectorAll('tbody input[type=checkbox]:checked').length === 2, null, { timeout: 5000 });
		expect(await page.getByRole('checkbox', { name: 'Lesse auswählen' }).isChecked()).toBe(false);
	});

	it('switches the catchment layer between nearest-Kontor areas and rings at typed distances', async () => {
		await openMap(page, `${base}/?show=catchments&cmode=nearest`, 'catchment-nearest');
		const kontore = await page.evaluate(() =>
			[
				...new Set(
					(window as unknown as { kontoratlasMap: import('maplibre-gl').Map }).kontoratlasMap
						.queryRenderedFeatures({ layers: ['catchment-nearest'] })
						.map((f) => f.properties.kontor)
				)
			].sort()
		);
		expect(kontore).toEqual(['berliner-strasse', 'fredenberg', 'gebhardshagen', 'kampstrasse', 'salzgitter-bad', 'suthwiesenstrasse']);
		await page.getByLabel('Entfernungsringe', { exact: true }).check();
		await page.waitForURL((u) => !u.search.includes('cmode='));
		await page.getByLabel('Entfernungen in Metern (durch Komma getrennt)').fill('800, 300');
		await page.getByLabel('Entfernungen in Metern (durch Komma getrennt)').press('Enter');
		await page.waitForURL(/cdist=300(%2C|,)800/);
		await waitForLayer(page, 'catchment-rings');
		const rings = await page.evaluate(() =>
			[
				...new Set(
					(window as unknown as { kontoratlasMap: import('maplibre-gl').Map }).kontoratlasMap
						.queryRenderedFeatures({ layers: ['catchment-rings'] })
						.map((f) => f.properties.distance)
				)
			].sort((a, b) => a - b)
		);
		expect(rings).toEqual([300, 800]);
		// A bad distance: a message, and the previous distances stay.
		await page.getByLabel('Entfernungen in Metern (durch Komma getrennt)').fill('0, 99999');
		await page.getByLabel('Entfernungen in Metern (durch Komma getrennt)').press('Enter');
		expect(await page.getByRole('alert').filter({ hasText: 'greater than 0' }).count()).toBe(1);
		expect(page.url()).toMatch(/cdist=300(%2C|,)800/);
	});

	it('names and outlines the district under the pointer, with one query per layer that reacts to it', async () => {
		await openMap(page, `${base}/?indicator=sgb2-quote&year=2023`);
		await page.locator('.map').first().scrollIntoViewIfNeeded();
		// Count MapLibre's feature queries from here on.
		await page.evaluate(() => {
			const map = (window as unknown as { kontoratlasMap: import('maplibre-gl').Map & { __queries?: number } }).kontoratlasMap;
			const query = map.queryRenderedFeatures.bind(map);
			map.__queries = 0;
			map.queryRenderedFeatures = ((...args: Parameters<typeof query>) => {
				map.__queries!++;
				return query(...args);
			}) as typeof map.queryRenderedFeatures;
		});
		const [p] = await project(page, [stadtteile.find((s) => s.id === 'lesse')!.properties.labelPoint]);
		const box = (await page.locator('.map').first().boundingBox())!;
		await page.mouse.move(box.x + p.x, box.y + p.y + 20);
		await expect.poll(() => page.locator('.tooltip').textContent()).toContain('Lesse');
		await waitForLayer(page, 'hover');
		expect(await outlinedIds(page)).toEqual(['lesse']);
		// One query per layer with a pointer handler (the districts, the Kontore), not two for every layer.
		const queries = await page.evaluate(() => (window as unknown as { kontoratlasMap: { __queries: number } }).kontoratlasMap.__queries);
		expect(queries).toBeGreaterThanOrEqual(1);
		expect(queries).toBeLessThanOrEqual(3);
		// Off the map: no name, no outline.
		await page.mouse.move(box.x + box.width / 2, box.y + box.height + 40);
		await expect.poll(() => page.locator('.tooltip').count()).toBe(0);
		await waitForLayer(page, 'hover');
		expect(await outlinedIds(page)).toEqual([]);
	});

	it('links the indicator panels with the map and the table, both ways', async () => {
		await openMap(page, `${base}/?indicator=sgb2-quote&year=2023`);
		const bar = page.locator('.panels-wrap svg [data-area="thiede"]').first();
		await bar.hover();
		await waitForLayer(page, 'hover');
		expect(await outlinedIds(page)).toEqual(['thiede']);
		expect(await page.locator('tbody tr.hovered').getAttribute('data-area')).toBe('thiede');
		// Keyboard: focus a bar and press Enter to add it to the selection.
		await page.locator('.panels-wrap svg [data-area="lesse"]').first().focus();
		await page.keyboard.press('Enter');
		await page.waitForURL(/sel=lesse/);
		expect(await page.getByRole('checkbox', { name: 'Lesse auswählen' }).isChecked()).toBe(true);
		// And back: hovering a table row emphasises the bar of that district.
		await page.locator('tbody tr[data-area="salder"]').hover();
		await page.waitForFunction(() => document.querySelector('.panels-wrap svg rect[data-area="salder"]')?.getAttribute('stroke-width') === '2.5', null, {
			timeout: 3000
		});
		// What the map has drawn, once it has drawn the new hover outline (scrolling the row into view
		// may have passed the pointer over the map on the way).
		await waitForLayer(page, 'hover');
		expect(await outlinedIds(page)).toEqual(['salder']);
	});

	it('has no serious or critical axe findings', async () => {
		await openMap(page, `${base}/?indicator=sgb2-quote`);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('is usable 375 px wide: map, legend and controls are reachable without horizontal scrolling', async () => {
		const phone = page;
		await phone.setViewportSize({ width: 375, height: 740 });
		await openMap(phone, `${base}/`);
		const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		const mapBox = (await phone.locator('.map').first().boundingBox())!;
		expect(mapBox.width).toBeGreaterThan(360);
		expect(mapBox.height).toBeGreaterThan(300);
		await phone.locator('#indicator-select').scrollIntoViewIfNeeded();
		expect(await phone.locator('#indicator-select').isVisible()).toBe(true);
	});
});

describe('PNG export', () => {
	it('downloads the map with legend and source as a PNG', async () => {
		await page.setViewportSize({ width: 1280, height: 900 });
		await openMap(page, `${base}/?indicator=sgb2-quote&year=2023`);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Karte als PNG' }).click()]);
		expect(download.suggestedFilename()).toBe('kontoratlas_sgb2-quote_stadtteil_2023.png');
		const png = PNG.sync.read(readFileSync(await download.path()));
		const mapBox = (await page.locator('.map').first().boundingBox())!;
		// map plus a 300 px legend column, and a title band above
		expect(png.width).toBeGreaterThanOrEqual(Math.round(mapBox.width + 300));
		expect(png.height).toBeGreaterThan(mapBox.height + 56);
		// the strongest class colour of the legend appears in the image
		const strongest = await page.$$eval('.legend .classes .swatch:not(.nodata):not(.beispiel)', (els) => getComputedStyle(els[els.length - 1]).backgroundColor);
		const rgb = strongest.match(/\d+/g)!.slice(0, 3).map(Number);
		let n = 0;
		for (let i = 0; i < png.data.length; i += 4) if (distance([png.data[i], png.data[i + 1], png.data[i + 2]], rgb) <= 2) n++;
		expect(n).toBeGreaterThan(100);
	});
});
