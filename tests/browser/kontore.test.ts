// A Kontor's position picked on the admin form's map, in Chromium like a person: the click fills
// the WGS84 fields, the preview is confirmed, and the Kontor then stands at that point without
// "ungefähre Lage" on the atlas's map (no halo, card without the badge) and in the embed.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USER, removeStores, startAdminServer, type AdminServer } from '../admin/helpers';
import { launchChromium } from '../chromium';
import { openMap, renderedIds } from './helpers';

type WindowWithMap = Window & { kontoratlasMap: import('maplibre-gl').Map };

let server: AdminServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
	server = await startAdminServer();
	browser = await launchChromium();
	page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
	await browser?.close();
	server?.child.kill();
	removeStores();
});

/** Where a WGS84 point is on the page, through the map that is open. */
const onPage = (lonLat: [number, number]) =>
	page.evaluate((p) => {
		const map = (window as unknown as WindowWithMap).kontoratlasMap;
		const xy = map.project(p);
		const rect = map.getCanvas().getBoundingClientRect();
		return { x: rect.left + xy.x, y: rect.top + xy.y };
	}, lonLat);

// Gebhardshagen's centre coordinate (stadtteile_koordinaten.csv), a little to the east of it.
const SPOT: [number, number] = [10.3611, 52.1064];

describe('Kontor position picked on the map', () => {
	it('fills the coordinates from a click and makes the Kontor exact', async () => {
		await page.goto(`${server.url}/admin/login`);
		await page.getByLabel('Benutzername').fill(ADMIN_USER);
		await page.getByLabel('Passwort').fill(ADMIN_PASSWORD);
		await page.getByRole('button', { name: 'Anmelden' }).click();
		await page.waitForSelector('[data-testid=current-version]');

		await openMap(page, `${server.url}/admin/kontore?kontor=gebhardshagen`, 'stadtteile-fill');
		expect(await page.getByLabel('keine Koordinaten (Mittelpunkt des Gebiets: Stadtteil)').isChecked()).toBe(true);
		await page.getByRole('region', { name: 'Karte zum Setzen der Lage' }).scrollIntoViewIfNeeded();
		const at = await onPage(SPOT);
		await page.mouse.click(at.x, at.y);
		expect(await page.getByLabel('WGS84 in Grad: Breite und Länge').isChecked()).toBe(true);
		const lat = Number(await page.getByLabel('Breite (lat)').inputValue());
		const lon = Number(await page.getByLabel('Länge (lon)').inputValue());
		// One pixel at this zoom is some metres: the click lands within 50 m of the spot.
		expect(Math.abs(lat - SPOT[1]) * 111_320).toBeLessThan(50);
		expect(Math.abs(lon - SPOT[0]) * 111_320 * Math.cos((SPOT[1] * Math.PI) / 180)).toBeLessThan(50);

		await page.getByLabel('Genauigkeit der Lage').selectOption('address');
		await page.getByRole('textbox', { name: 'Adresse', exact: true }).fill('Beispielweg 1');
		await page.getByLabel('Öffnungszeiten').fill('Di 10–12 Uhr');
		await page.getByRole('button', { name: 'Vorschau zeigen' }).click();
		await page.waitForSelector('[data-testid=preview]', { timeout: 60_000 });
		expect(await page.locator('[data-testid=kontor-changes]').innerText()).toContain('Beispielweg 1');
		await page.getByRole('button', { name: 'Übernehmen' }).click();
		await page.waitForSelector('[data-testid=done]');

		const k = await (await fetch(`${server.url}/api/kontore/gebhardshagen`)).json();
		expect(k.properties.locationPrecision).toBe('address');
		expect(k.geometry.coordinates).toEqual([lon, lat]);
	});

	it('the atlas shows it without halo and its card without "ungefähre Lage"', async () => {
		await openMap(page, `${server.url}/`, 'kontore');
		const halo = await renderedIds(page, 'kontore-halo');
		expect(halo).not.toContain('gebhardshagen');
		expect(halo).toContain('fredenberg');
		const kontor = (await (await fetch(`${server.url}/api/kontore/gebhardshagen`)).json()).geometry.coordinates as [number, number];
		const at = await onPage(kontor);
		await page.mouse.click(at.x, at.y);
		const card = page.getByRole('article').filter({ hasText: 'Stadtteilkontor Gebhardshagen' });
		await card.waitFor();
		const text = await card.innerText();
		expect(text).not.toContain('ungefähre Lage');
		expect(text).toContain('Beispielweg 1');
		expect(text).toContain('Di 10–12 Uhr');
	});

	it('the embed draws no halo around it either', async () => {
		await openMap(page, `${server.url}/embed`, 'kontore');
		const halo = await renderedIds(page, 'kontore-halo');
		expect(halo).not.toContain('gebhardshagen');
		expect(halo).toHaveLength(5);
		expect(await renderedIds(page, 'kontore')).toContain('gebhardshagen');
	});
});
