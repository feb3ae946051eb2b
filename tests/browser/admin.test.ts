// The admin in real Chromium, like a person: log in, upload the German Excel-style CSV, read the
// preview, confirm, see the values in the atlas, roll back; the same for boundaries in EPSG:25832,
// after which the "Näherung" notice disappears, and returns with the rollback.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USER, removeStores, startAdminServer, type AdminServer } from '../admin/helpers';
import { launchChromium } from '../chromium';

let server: AdminServer;
let browser: Browser;
let page: Page;
/** Someone using the atlas meanwhile, not signed in. */
let visitor: Page | undefined;

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

async function rollbackTo(version: number) {
	await page.goto(`${server.url}/admin`);
	await page.getByRole('button', { name: `Auf Version ${version} zurücksetzen` }).click();
	await page.waitForSelector('[role=status]');
	expect(await text('[role=status]')).toContain(`entspricht jetzt Version ${version}`);
}

describe('admin in the browser', () => {
	it('keeps what was typed into the login form before the scripts ran', async () => {
		// Hold the app's scripts back, type, then let them hydrate the page: the typed name stays.
		let release = () => {};
		const held = new Promise<void>((r) => (release = r));
		await page.route('**/_app/immutable/**/*.js', async (route) => {
			await held;
			await route.continue();
		});
		try {
			await page.goto(`${server.url}/admin/login`, { waitUntil: 'domcontentloaded' });
			await page.getByLabel('Benutzername').fill('vorher-getippt');
			release();
			await page.waitForLoadState('networkidle');
			await page.waitForTimeout(200);
			expect(await page.getByLabel('Benutzername').inputValue()).toBe('vorher-getippt');
		} finally {
			release();
			await page.unrouteAll();
		}
	});

	it('logs in through the form', async () => {
		await page.goto(`${server.url}/admin`);
		expect(new URL(page.url()).pathname).toBe('/admin/login');
		await page.getByLabel('Benutzername').fill(ADMIN_USER);
		await page.getByLabel('Passwort').fill(ADMIN_PASSWORD);
		await page.getByRole('button', { name: 'Anmelden' }).click();
		await page.waitForSelector('[data-testid=current-version]', { timeout: 15_000 }).catch(async (e) => {
			// Say where the login ended up: the page and the server's log.
			const body = await page
				.locator('body')
				.innerText()
				.catch(() => '(no page)');
			throw new Error(`${(e as Error).message}\nat ${page.url()}:\n${body.slice(0, 1500)}\nserver:\n${server.output().slice(-3000)}`);
		});
		expect(new URL(page.url()).pathname).toBe('/admin');
		expect(await text('[data-testid=current-version]')).toBe('Version 1');
	});

	/**
	 * A visitor (not signed in, in a browser context of their own) chooses SGB-II in the atlas's
	 * indicator select: the page fetches the indicator's table itself, and the browser may keep public
	 * answers for the API's max-age. Answers the table's caption and Gebhardshagen's row.
	 */
	async function sgb2InPage() {
		visitor ??= await browser.newPage({ viewport: { width: 1280, height: 900 } });
		await visitor.goto(`${server.url}/?indicator=einwohner&level=stadtteil`);
		await visitor.waitForSelector('table.data');
		await visitor.selectOption('#indicator-select', 'sgb2-quote');
		await visitor.waitForURL(/indicator=sgb2-quote/);
		await visitor.waitForFunction(() => document.querySelector('table.data caption')?.textContent?.includes('SGB-II'));
		return {
			caption: await visitor.locator('table.data caption').innerText(),
			row: await visitor.locator('table.data tr[data-area=gebhardshagen]').innerText()
		};
	}

	it('imports the Excel-style CSV with preview and confirmation, shows it in the atlas, and rolls back', async () => {
		// The visitor's browser holds the indicator's answer of version 1.
		expect((await sgb2InPage()).caption).toContain('Beispieldaten');
		await page.goto(`${server.url}/admin/import`);
		await page.locator('form[action="?/csv"] input[type=file]').setInputFiles('tests/fixtures/import/sgb2-quote-2024-excel.csv');
		await page.locator('form[action="?/csv"]').getByRole('button', { name: 'Vorschau' }).click();
		await page.waitForSelector('[data-testid=preview]');
		const preview = await text('[data-testid=preview]');
		expect(preview).toContain('windows-1252');
		expect(preview).toContain('39 Werte neu, 0 geändert, 195 entfernt');
		expect(preview).toContain('sgb2-quote: Beispieldaten → echte Daten');
		// The city's total row is matched to the city; with no figures it adds nothing, and is no skipped row.
		expect(preview).not.toContain('Summenzeile(n) übersprungen');
		// Nothing written yet.
		expect(await (await fetch(`${server.url}/api/indicators/sgb2-quote`)).json()).toMatchObject({ beispieldaten: true });
		await page.getByRole('button', { name: 'Übernehmen' }).click();
		await page.waitForSelector('[data-testid=done]');
		expect(await text('[data-testid=done]')).toContain('Version 2 ist jetzt aktuell');

		await page.goto(`${server.url}/?indicator=sgb2-quote&level=stadtteil`);
		await page.waitForSelector('table.data');
		const caption = await text('table.data caption');
		expect(caption).toContain('SGB-II-Quote');
		expect(caption).not.toContain('Beispieldaten');
		// Gebhardshagen: 492 of 5.297 in the fixture = 9,3 %.
		expect(await text('table.data tr[data-area=gebhardshagen]')).toMatch(/9,3\s/);
		// Chosen in the visitor's page, the indicator shows the new version too, not the answer their browser held.
		const visited = await sgb2InPage();
		expect(visited.caption).not.toContain('Beispieldaten');
		expect(visited.row).toMatch(/9,3\s/);

		await rollbackTo(1);
		expect(await (await fetch(`${server.url}/api/indicators/sgb2-quote`)).json()).toMatchObject({ beispieldaten: true });
	});

	it('imports boundaries in EPSG:25832: the approximation notice disappears, and returns after the rollback', async () => {
		await page.goto(`${server.url}/`);
		await page.waitForSelector('header.top');
		expect(await text('header.top')).toContain('Näherung, keine amtlichen Grenzen');

		await page.goto(`${server.url}/admin/import`);
		await page.locator('form[action="?/geojson"] input[type=file]').setInputFiles('tests/fixtures/import/stadtteile-epsg25832.geojson');
		await page.locator('form[action="?/geojson"]').getByRole('button', { name: 'Vorschau' }).click();
		await page.waitForSelector('[data-testid=preview]');
		const preview = await text('[data-testid=preview]');
		expect(preview).toContain('EPSG:25832 erkannt');
		expect(preview).toContain('nach WGS84 umprojiziert');
		expect(preview).toContain('approximated → official');
		await page.getByRole('button', { name: 'Übernehmen' }).click();
		await page.waitForSelector('[data-testid=done]');

		await page.goto(`${server.url}/`);
		await page.waitForSelector('header.top');
		expect(await text('header.top')).not.toContain('Näherung');
		const area = await (await fetch(`${server.url}/api/areas/lebenstedt`)).json();
		expect(area.properties.geometryQuality).toBe('official');

		await rollbackTo(3);
		await page.goto(`${server.url}/`);
		await page.waitForSelector('header.top');
		expect(await text('header.top')).toContain('Näherung, keine amtlichen Grenzen');
	});

	it('compares two versions by indicator and area', async () => {
		await page.goto(`${server.url}/admin/vergleich?a=1&b=2`);
		expect(await text('[data-testid=counts]')).toContain('39 Werte neu, 0 geändert, 195 entfernt');
		expect(await text('main')).toMatch(/sgb2-quote\s+39\s+0\s+195/);
	});

	it('logs out', async () => {
		await page.goto(`${server.url}/admin`);
		await page.getByRole('button', { name: 'Abmelden' }).click();
		await page.waitForSelector('input[name=password]');
		expect(new URL(page.url()).pathname).toBe('/admin/login');
		await page.goto(`${server.url}/admin/import`);
		expect(new URL(page.url()).pathname).toBe('/admin/login');
	});
});
