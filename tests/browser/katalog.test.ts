// A new indicator from the admin's catalogue form, then its values through the CSV import: it
// shows "keine Angabe" until the values come, then appears in /api/indicators, the OGC collection's
// properties, a /daten file and on the map (Chromium, like a person).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USER, AdminClient, removeStores, startAdminServer, type AdminServer } from '../admin/helpers';
import { launchChromium } from '../chromium';
import { axeViolations, openMap, renderedIds } from './helpers';

const ID = 'pflegequote';
// Lebenstedt 1838 of 45945 = 4.0004 %, Thiede 540 of 10796 = 5.0019 %.
const VALUES = `Stadtteil;Jahr;Wert;Zähler;Nenner\r\nLebenstedt;2024;4,0;1.838;45.945\r\nThiede;2024;5,0;540;10.796\r\n`;

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

const text = (selector: string) => page.locator(selector).first().innerText();
const json = async (path: string) => (await fetch(server.url + path)).json();

describe('a catalogue entry from the admin, on the map once values are imported', () => {
	it('creates the entry in the form, previews it and confirms it as a new version', async () => {
		await page.goto(`${server.url}/admin/katalog`);
		await page.getByLabel('Benutzername').fill(ADMIN_USER);
		await page.getByLabel('Passwort').fill(ADMIN_PASSWORD);
		await page.getByRole('button', { name: 'Anmelden' }).click();
		await page.waitForSelector('[data-testid=current-version]');
		await page.getByRole('navigation').getByRole('link', { name: 'Katalog' }).click();
		await page.waitForSelector('[data-testid=entries]');
		expect(await axeViolations(page)).toEqual([]);

		const form = page.locator('form.entry');
		await form.getByLabel('Kennung').fill(ID);
		await form.getByLabel('Bezeichnung (deutsch)').fill('Pflegequote');
		await form.getByLabel('Bezeichnung (englisch)').fill('Care rate');
		await form.getByLabel('Beschreibung (deutsch)').fill('Pflegebedürftige je 100 Einwohner.');
		await form.getByLabel('Beschreibung (englisch)').fill('Persons in need of care per 100 residents.');
		await form.getByLabel('Einheit (deutsch)').fill('%');
		await form.getByLabel('Einheit (englisch)').fill('%');
		await form.locator('select[name=kind]').selectOption('anteil');
		await form.locator('select[name=polarity]').selectOption('higher-worse');
		await form.locator('select[name=domain]').selectOption('soziales');
		await form.getByLabel('plausibler Bereich bis').fill('40');
		await form.getByLabel('Quelle').fill('Stadt Salzgitter, Fachdienst Soziales');
		await form.getByLabel('Lizenz').fill('dl-de/by-2-0');
		await form.getByRole('button', { name: 'Vorschau' }).click();
		await page.waitForSelector('[data-testid=preview]');
		expect(await text('[data-testid=preview]')).toContain('Katalog: Indikator „pflegequote“ angelegt (anteil)');
		expect(await text('[data-testid=changed-files]')).toContain('indikatoren.json');
		// Nothing written before "Übernehmen".
		expect((await json('/api/indicators')).indicators.map((m: { id: string }) => m.id)).not.toContain(ID);
		await page.getByRole('button', { name: 'Übernehmen' }).click();
		await page.waitForSelector('[data-testid=done]');
		expect(await text('[data-testid=done]')).toContain('Version 2 ist jetzt aktuell');
		expect(await text(`[data-testid=entries] tr[data-id=${ID}]`)).toMatch(/Pflegequote\s+Anteil\s+%\s+keine Daten\s+aktiv/);
	});

	it('is served at once without values: "keine Angabe"', async () => {
		const meta = (await json('/api/indicators')).indicators.find((m: { id: string }) => m.id === ID);
		expect(meta).toMatchObject({ aggregation: { method: 'rate', scale: 100 }, years: [], datasets: [], beispieldaten: false });
		const lebenstedt = await json('/ogc/collections/stadtteile/items/lebenstedt?f=json');
		expect(lebenstedt.properties).toHaveProperty(ID.replace(/-/g, '_'), null);
		// The atlas offers it and draws every Stadtteil as "keine Angabe".
		await openMap(page, `${server.url}/?indicator=${ID}&level=stadtteil`, 'nodata');
		expect(await text('table.data caption')).toContain('Pflegequote');
		expect(await text('table.data tr[data-area=thiede]')).toContain('keine Angabe');
		expect(await renderedIds(page, 'nodata')).toHaveLength(31);
	});

	it('takes values through the CSV import and shows them in the API, OGC, /daten and on the map', async () => {
		const admin = new AdminClient(server.url);
		await admin.login();
		const p = await admin.previewCsv('pflege_2024.csv', VALUES, { indicator: ID, source: 'Stadt Salzgitter, Fachdienst Soziales', licence: 'dl-de/by-2-0' });
		expect(p.status, p.text.slice(0, 600)).toBe(200);
		expect((await admin.confirm(p.previewId!)).version).toBe(3);

		const meta = (await json('/api/indicators')).indicators.find((m: { id: string }) => m.id === ID);
		expect(meta).toMatchObject({ years: [2024], datasets: [`werte-${ID}`] });
		const rows = (await json(`/api/indicators/${ID}?level=stadtteil&year=2024`)).rows;
		expect(rows.find((r: { area: string }) => r.area === 'thiede')).toMatchObject({ value: 5, numerator: 540, denominator: 10796 });
		const thiede = await json('/ogc/collections/stadtteile/items/thiede?f=json');
		expect(thiede.properties).toMatchObject({ [ID]: 5, [`${ID}_jahr`]: 2024 });
		const csv = await (await fetch(`${server.url}/daten/werte-${ID}.csv`)).text();
		expect(csv).toContain(`thiede;Thiede;stadtteil;${ID};Pflegequote;2024;;5;%;540;10796;source;nein;Stadt Salzgitter, Fachdienst Soziales;dl-de/by-2-0`);
		const dcat = await json('/daten/katalog.jsonld');
		const dataset = dcat['dcat:dataset'].find((d: { 'dct:identifier': string }) => d['dct:identifier'] === `werte-${ID}`);
		expect(dataset['dct:license']).toEqual([{ '@id': 'http://dcat-ap.de/def/licenses/dl-by-de/2.0' }]);

		await openMap(page, `${server.url}/?indicator=${ID}&level=stadtteil`);
		expect(await text('table.data caption')).toContain('Pflegequote');
		expect(await text('table.data tr[data-area=thiede]')).toMatch(/5,0\s/);
		// Thiede and Lebenstedt are coloured by their class; the other Stadtteile are drawn as "keine Daten".
		const nodata = await renderedIds(page, 'nodata');
		expect(nodata).toContain('salder');
		expect(nodata).not.toContain('thiede');
		const colour = await page.evaluate(() => {
			const map = (window as unknown as { kontoratlasMap: import('maplibre-gl').Map }).kontoratlasMap;
			const match = map.getPaintProperty('choropleth', 'fill-color') as unknown[];
			return match[match.indexOf('thiede') + 1];
		});
		expect(colour).toMatch(/^#[0-9a-f]{6}$/i);
		expect(colour).not.toBe('#ffffff');
	});
});
