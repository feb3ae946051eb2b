// The table importer in real Chromium, as an admin would use it: the yearbook CSV, the two-sheet
// workbook (the second sheet chosen in the mapping step), a rates-only table checked against the
// population, and a column made a new indicator; each confirmed and then seen in the atlas's
// table and in /api/indicators. Fixtures: tests/fixtures/import/ (make-tables.ts, Beispieldaten).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USER, removeStores, startAdminServer, type AdminServer } from '../admin/helpers';
import { launchChromium } from '../chromium';

let server: AdminServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
	server = await startAdminServer();
	browser = await launchChromium();
	page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	await page.goto(`${server.url}/admin/login`);
	await page.getByLabel('Benutzername').fill(ADMIN_USER);
	await page.getByLabel('Passwort').fill(ADMIN_PASSWORD);
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await page.waitForSelector('[data-testid=current-version]', { timeout: 15_000 });
}, 120_000);
afterAll(async () => {
	await browser?.close();
	server?.child.kill();
	removeStores();
});

const text = (selector: string) => page.locator(selector).first().innerText();
const api = async <T>(path: string): Promise<T> => (await fetch(server.url + path)).json() as Promise<T>;
type Rows = { beispieldaten: boolean; rows: { area: string; value: number | null; denominator: number | null; suppressed: boolean }[] };

async function upload(file: string) {
	await page.goto(`${server.url}/admin/import`);
	await page.locator('form[action="?/csv"] input[type=file]').setInputFiles(`tests/fixtures/import/${file}`);
	await page.locator('form[action="?/csv"]').getByRole('button', { name: 'Vorschau' }).click();
	await page.waitForSelector('[data-testid=mapping]');
}

async function recompute() {
	await page.getByRole('button', { name: 'Vorschau neu berechnen' }).click();
	await page.waitForSelector('[data-testid=mapping]');
}

async function confirm() {
	await page.getByRole('button', { name: 'Übernehmen' }).click();
	await page.waitForSelector('[data-testid=done]');
	return Number(/Version (\d+)/.exec(await text('[data-testid=done]'))![1]);
}

/** The atlas's data table for an indicator: the caption and one Stadtteil's row. */
async function atlasRow(indicator: string, area: string, year: number) {
	await page.goto(`${server.url}/?indicator=${indicator}&level=stadtteil&year=${year}`);
	await page.waitForSelector('table.data');
	return { caption: await text('table.data caption'), row: await text(`table.data tr[data-area=${area}]`) };
}

describe('table import in the browser', () => {
	it('the statistical yearbook CSV: title and footnote rows skipped, secret values suppressed', async () => {
		await upload('jahrbuch-sozialleistungen-2024.csv');
		const mapping = await text('[data-testid=mapping]');
		expect(mapping).toContain('Kopfzeile in Zeile 4');
		expect(mapping).toContain('Titelzeilen übersprungen: 1, 2');
		expect(mapping).toContain('Fußnoten und Quellenzeilen übersprungen: 44, 45, 46');
		expect(await page.getByLabel('erkannt als E').inputValue()).toBe('value');
		expect(await page.getByLabel('Indikator E').inputValue()).toBe('kinderarmut');
		const preview = await text('[data-testid=preview]');
		expect(preview).toContain('Breitformat nach Indikatoren, CSV windows-1252');
		expect(preview).toContain('1 geheim gehaltene Werte');
		expect(preview).toContain('1 Stadtteile fehlen (kinderarmut 2024): Beddingen');
		expect(await confirm()).toBe(2);
		const kinder = await api<Rows>('/api/indicators/kinderarmut?level=stadtteil&year=2024');
		expect(kinder.beispieldaten).toBe(false);
		expect(kinder.rows.find((r) => r.area === 'salder')).toMatchObject({ value: null, suppressed: true });
		const sgb2 = await api<Rows>('/api/indicators/sgb2-quote?level=stadtteil&year=2024');
		expect(sgb2.rows.find((r) => r.area === 'lebenstedt')).toMatchObject({ value: 7.5, denominator: 36756 });
		const seen = await atlasRow('sgb2-quote', 'lebenstedt', 2024);
		expect(seen.caption).not.toContain('Beispieldaten');
		expect(seen.row).toMatch(/7,5\s/);
	});

	it('the workbook: the second sheet chosen in the mapping step', async () => {
		await upload('sozialatlas-2023-2024.xlsx');
		expect(await text('[data-testid=preview]')).toContain('Blatt „Stadtteile 2024“');
		await page.getByTestId('mapping').getByLabel('Tabellenblatt').selectOption('Stadtteile 2023');
		await recompute();
		expect(await text('[data-testid=preview]')).toContain('Blatt „Stadtteile 2023“');
		expect(await confirm()).toBe(3);
		const rows = await api<Rows>('/api/indicators/arbeitslosenquote?level=stadtteil&year=2023');
		expect(rows.beispieldaten).toBe(false);
		expect(rows.rows.filter((r) => r.value !== null)).toHaveLength(31);
		expect((await atlasRow('arbeitslosenquote', 'lebenstedt', 2023)).caption).toContain('Arbeitslosenquote');
	});

	it('rates without a base: refused, then checked against the population and marked as an approximation', async () => {
		await upload('leerstand-quoten-2024.csv');
		expect(await text('[data-testid=problems]')).toContain('Quote ohne Basis (Nenner)');
		await page.getByLabel(/gegen die Einwohnerzahl des Gebiets als größtmögliche Basis prüfen/).check();
		await recompute();
		expect(await text('[data-testid=preview]')).toContain('Basis: Einwohner des Gebiets (Näherung) für wohnungsleerstand');
		expect(await confirm()).toBe(4);
		const meta = (await api<{ indicators: { id: string; description: { de: string } }[] }>('/api/indicators')).indicators.find(
			(m) => m.id === 'wohnungsleerstand'
		)!;
		expect(meta.description.de).toContain('Basis: Einwohner des Gebiets (Näherung)');
		const rows = await api<Rows>('/api/indicators/wohnungsleerstand?level=stadtteil&year=2024');
		expect(rows.rows.find((r) => r.area === 'lebenstedt')!.denominator).toBe(45945);
	});

	it('a new indicator from an unrecognised column, in the catalogue and on the map at once', async () => {
		await upload('kitaplaetze-2024.csv');
		expect(await text('[data-testid=problems]')).toContain('keine Wertspalte erkannt');
		await page.getByLabel('erkannt als C').selectOption('new');
		const fields = page.getByTestId('new-C');
		expect(await fields.getByLabel('Kennung').inputValue()).toBe('kita-plaetze');
		await fields.getByLabel('Bezeichnung (englisch)').fill('Day-care places');
		await fields.getByLabel('Einheit (deutsch)').fill('Plätze');
		await fields.getByLabel('Einheit (englisch)').fill('places');
		await fields.getByLabel('Richtung').selectOption('higher-better');
		await fields.getByLabel('Themenbereich').selectOption('familie');
		await fields.getByLabel('Quelle').fill('Fachdienst Kinder, Beispieldaten');
		await fields.getByLabel('Lizenz').fill('CC BY 4.0');
		await recompute();
		expect(await text('[data-testid=preview]')).toContain('neue Indikatoren: kita-plaetze');
		expect(await confirm()).toBe(5);
		const catalogue = await api<{ indicators: { id: string; label: { de: string; en: string }; years: number[] }[] }>('/api/indicators');
		expect(catalogue.indicators.find((m) => m.id === 'kita-plaetze')).toMatchObject({ label: { de: 'Kita-Plätze', en: 'Day-care places' }, years: [2024] });
		const seen = await atlasRow('kita-plaetze', 'lebenstedt', 2024);
		expect(seen.caption).toContain('Kita-Plätze');
		expect(seen.row).toMatch(/\d/);
	});
});
