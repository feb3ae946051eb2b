// The facility register on the map, in Chromium against the built app (three page loads): the
// Kontor card's facilities, the layer turned on in the controls (clusters counting every facility),
// the type filter in the URL, map and list, the list's keyboard path to the card, the what-if
// changing a supply figure, a cold URL with a type, and the embed with the option.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../chromium';
import { axeViolations, openMap, project, waitForLayer } from './helpers';

const base = inject('baseUrl');
let browser: Browser;
let page: Page;
const errors: string[] = [];

type WindowWithMap = Window & { kontoratlasMap: import('maplibre-gl').Map };
type Register = { features: { properties: { id: string; name: string; types: string[] }; geometry: { coordinates: [number, number] } }[] };
const api = async <T>(path: string): Promise<T> => (await fetch(`${base}${path}`)).json() as Promise<T>;

beforeAll(async () => {
	browser = await launchChromium();
	page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	page.on('pageerror', (e) => errors.push(e.message));
});
afterAll(async () => {
	await browser?.close();
});

/** Facilities drawn: points plus the facilities inside the drawn clusters, each once. */
function drawnFacilities(p: Page): Promise<{ clusters: number; points: string[]; total: number }> {
	return p.evaluate(() => {
		const map = (window as unknown as WindowWithMap).kontoratlasMap;
		const clusters = new Map<number, number>();
		for (const f of map.queryRenderedFeatures({ layers: ['facility-clusters'] })) clusters.set(f.properties.cluster_id, f.properties.point_count);
		const points = [...new Set(map.queryRenderedFeatures({ layers: ['facility-points'] }).map((f) => String(f.properties.id)))];
		return { clusters: clusters.size, points, total: [...clusters.values()].reduce((s, n) => s + n, 0) + points.length };
	});
}

async function mapIdle(p: Page) {
	await p.waitForFunction(() => {
		const map = (window as unknown as WindowWithMap).kontoratlasMap;
		return map.loaded() && map.areTilesLoaded() && !map.isMoving();
	});
	await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

describe('facilities on the map', () => {
	it('lists the facilities in a Kontor’s catchment per type and its network partners on its card', async () => {
		await openMap(page, `${base}/`);
		const [p] = await project(page, [[10.35806, 52.10639]]);
		const box = (await page.locator('.map').first().boundingBox())!;
		await page.mouse.click(box.x + p.x, box.y + p.y);
		const card = page.getByRole('article').filter({ hasText: 'Stadtteilkontor Gebhardshagen' });
		await card.locator('[data-kontor-catchment] li').first().waitFor();
		const network = await api<{ inCatchment: { types: string[] }[]; partners: { name: string }[] }>('/api/kontore/gebhardshagen/netzwerk');
		const types = await api<{ id: string; label: string }[]>('/api/einrichtungen/typen');
		const expected = types.map((t) => `${t.label} ${network.inCatchment.filter((f) => f.types.includes(t.id)).length}`).filter((s) => !s.endsWith(' 0'));
		const shown = (await card.locator('[data-kontor-catchment] li').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
		expect(shown).toEqual(expected);
		expect(await card.locator('[data-kontor-partners] li').count()).toBe(network.partners.length);
		expect(await card.textContent()).toContain('Beispieldaten');
	});

	it('turns the layer on in the controls: clusters at low zoom that count every facility', async () => {
		const register = await api<Register>('/api/einrichtungen');
		await page.getByLabel('Einrichtungen', { exact: true }).check();
		await page.waitForURL(/einr=alle/);
		await waitForLayer(page, 'facility-clusters');
		await mapIdle(page);
		await expect.poll(async () => (await drawnFacilities(page)).total, { timeout: 15_000 }).toBe(register.features.length);
		expect((await drawnFacilities(page)).clusters).toBeGreaterThan(0);
		// The filter lists every type with its icon and count, all ticked; the layer shows the badge.
		expect(await page.locator('fieldset.facilities input[name=einr]:checked').count()).toBe(12);
		expect(await page.locator('fieldset.facilities svg[data-icon="apotheke"]').count()).toBe(1);
		expect(await page.locator('fieldset.facilities').textContent()).toContain('Beispieldaten');
		// Filter, list and supply panel keep the atlas free of serious accessibility findings.
		await page.locator('.supply tfoot').waitFor();
		expect(await axeViolations(page)).toEqual([]);
	});

	it('filters by type: the URL, the map and the list follow', async () => {
		const types = await api<{ id: string; count: number }[]>('/api/einrichtungen/typen');
		const apotheken = types.find((t) => t.id === 'apotheke')!.count;
		await page.getByRole('button', { name: 'keine' }).click();
		await page.waitForURL(/einr=keine/);
		await page.getByText('Keine Einrichtung der gewählten Arten.').waitFor();
		await page.getByRole('checkbox', { name: /^Apotheke/ }).check();
		await page.waitForURL(/einr=apotheke(&|$)/);
		await page.locator('button[data-facility]').first().waitFor();
		await mapIdle(page);
		// The source takes the new data in its worker: wait until the map has drawn it.
		await expect.poll(async () => (await drawnFacilities(page)).total, { timeout: 15_000 }).toBe(apotheken);
		expect(await page.locator('button[data-facility]').count()).toBe(apotheken);
		expect(await page.locator('.facility-list caption').textContent()).toBe(`${apotheken} Einrichtungen der gewählten Arten`);
	});

	it('opens a facility card from the list by keyboard, and the map flies to it', async () => {
		const rows = page.locator('button[data-facility]');
		const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-facility')!));
		const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-facility'));
		await rows.first().focus();
		await page.keyboard.press('ArrowDown');
		expect(await focused()).toBe(ids[1]);
		await page.keyboard.press('End');
		expect(await focused()).toBe(ids.at(-1));
		await page.keyboard.press('Home');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		const card = page.locator(`[data-facility-card="${ids[1]}"]`);
		await card.waitFor();
		const facility = (await api<Register>('/api/einrichtungen?typ=apotheke')).features.find((f) => f.properties.id === ids[1])!;
		expect(await card.getByRole('heading').textContent()).toBe(facility.properties.name);
		expect(await card.textContent()).toContain('Beispieldaten');
		expect(await card.locator('svg[data-icon="apotheke"]').count()).toBe(1);
		// The map flew there: the facility is drawn on its own (no longer in a cluster) and ringed.
		await page.waitForFunction((id) => {
			const map = (window as unknown as WindowWithMap).kontoratlasMap;
			return !map.isMoving() && map.queryRenderedFeatures({ layers: ['facility-selected'] }).some((f) => f.properties.id === id);
		}, ids[1]);
		expect((await drawnFacilities(page)).points).toContain(ids[1]);
	});

	it('what-if: a facility placed on the map changes the supply figures, marked as a scenario', async () => {
		const cityCount = page.locator('.supply tfoot td[data-column="count"]');
		const types = await api<{ id: string; count: number }[]>('/api/einrichtungen/typen');
		const before = types.find((t) => t.id === 'apotheke')!.count;
		await page.getByLabel('Einrichtungsart').selectOption('apotheke');
		await expect.poll(() => cityCount.textContent(), { timeout: 30_000 }).toBe(String(before));
		await page.getByRole('button', { name: 'Auf der Karte setzen' }).click();
		await page.getByText('In die Karte klicken, um die Einrichtung zu setzen.').waitFor();
		// The list below the map has scrolled it out of view.
		await page.evaluate(() => window.scrollTo(0, 0));
		// A spot of a district with nothing above it (no label, icon or Kontor): the map's canvas there.
		const spot = await page.evaluate(() => {
			const map = (window as unknown as WindowWithMap).kontoratlasMap;
			const canvas = map.getCanvas().getBoundingClientRect();
			for (let fy = 0.2; fy < 0.9; fy += 0.1) {
				for (let fx = 0.2; fx < 0.9; fx += 0.1) {
					const [x, y] = [canvas.width * fx, canvas.height * fy];
					const layers = map.queryRenderedFeatures([x, y]).map((f) => f.layer.id);
					if (
						document.elementFromPoint(canvas.left + x, canvas.top + y) === map.getCanvas() &&
						layers.includes('choropleth') &&
						!layers.some((l) => /facilit|kontor/.test(l))
					)
						return { x: canvas.left + x, y: canvas.top + y };
				}
			}
			return null;
		});
		expect(spot).not.toBeNull();
		await page.mouse.click(spot!.x, spot!.y);
		await page.getByText('Szenario – nicht gespeichert').waitFor();
		await expect.poll(() => cityCount.textContent(), { timeout: 30_000 }).toBe(String(before + 1));
		expect(await cityCount.getAttribute('class')).toContain('changed');
		expect(await cityCount.getAttribute('title')).toBe(`geändert gegenüber dem Bestand (${before})`);
		await waitForLayer(page, 'facility-scenario-points');
		// The source parses the point in MapLibre's worker: an idle can come before it is drawn.
		await expect
			.poll(
				() => page.evaluate(() => (window as unknown as WindowWithMap).kontoratlasMap.queryRenderedFeatures({ layers: ['facility-scenario-points'] }).length),
				{ timeout: 15_000 }
			)
			.toBe(1);
		await page.getByRole('button', { name: 'Szenario verwerfen' }).click();
		await expect.poll(() => cityCount.textContent(), { timeout: 30_000 }).toBe(String(before));
		expect(await cityCount.getAttribute('class')).not.toContain('changed');
	});

	it('shows a type from a URL opened cold, with its icon', async () => {
		const kita = (await api<Register>('/api/einrichtungen?typ=kita')).features[0];
		const [lon, lat] = kita.geometry.coordinates;
		await openMap(page, `${base}/?einr=kita&map=15/${lat}/${lon}`, 'facility-points');
		await mapIdle(page);
		const rendered = () =>
			page.evaluate(() => {
				const map = (window as unknown as WindowWithMap).kontoratlasMap;
				return {
					drawn: map.queryRenderedFeatures({ layers: ['facility-points'] }).map((f) => [f.properties.id, f.properties.icon]),
					image: map.hasImage('fac-kita')
				};
			});
		// The source parses its data in MapLibre's worker: the first idle can come before the points are drawn.
		await expect.poll(async () => (await rendered()).drawn, { timeout: 15_000 }).toContainEqual([kita.properties.id, 'kita']);
		const icons = await rendered();
		expect(icons.image).toBe(true);
		expect(icons.drawn.every(([, icon]) => icon === 'kita')).toBe(true);
		expect(await page.getByRole('checkbox', { name: /^Kita/ }).isChecked()).toBe(true);
		expect(await page.locator('fieldset.facilities input[name=einr]:checked').count()).toBe(1);
	});

	it('shows the facilities in the embed when asked to (einr=), with the Beispieldaten badge', async () => {
		const kitas = (await api<Register>('/api/einrichtungen?typ=kita')).features.length;
		await openMap(page, `${base}/embed?einr=kita`, 'facility-clusters');
		await mapIdle(page);
		await expect.poll(async () => (await drawnFacilities(page)).total, { timeout: 15_000 }).toBe(kitas);
		const key = page.locator('[data-embed-facilities]');
		await key.getByText('Beispieldaten').waitFor();
		expect(await key.textContent()).toContain('Kita');
		expect(errors).toEqual([]);
	});
});
