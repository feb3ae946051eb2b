// The report builder /bericht in Chromium: the form (without JavaScript too) becomes the report's
// URL, the preview shows the chapters, tables with sources and SVG figures with alt text, the
// PDF/DOCX links carry the same definition, and bad definitions get a message in the page.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../chromium';
import { axeViolations } from './helpers';

const base = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;
let noScript: BrowserContext;
let axeContext: BrowserContext;

beforeAll(async () => {
	browser = await launchChromium();
	// Contexts stay open for the whole file (closing one ends the single-process browser).
	context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
	// The CSP admits SvelteKit's own scripts only; this test-only context lets axe in.
	axeContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
	await browser?.close();
});

describe('/bericht', () => {
	it('builds a Stadtteil report from the form, without JavaScript, into the URL and the preview', async () => {
		const page = await noScript.newPage();
		await page.goto(`${base}/bericht`);
		await page.getByRole('radio', { name: 'Stadtteil', exact: true }).check();
		await page.locator('select[name="id-stadtteil"]').selectOption('lebenstedt');
		await page.getByLabel(/^Jahre/).fill('2021, 2023');
		await page.getByRole('checkbox', { name: 'Vergleich', exact: true }).uncheck();
		await page.getByRole('button', { name: 'Bericht erstellen' }).click();
		await page.waitForURL(/art=stadtteil/);
		const url = new URL(page.url());
		expect(url.searchParams.get('id')).toBe('lebenstedt');
		expect(url.searchParams.get('jahre')).toBe('2021,2023');
		expect(url.searchParams.get('kapitel')).not.toContain('vergleich');

		await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Gebietsbericht 2023' }).count()).toBe(1);
		const chapters = await page.locator('article section > h2').allTextContents();
		expect(chapters).toEqual([
			'1. Lage und Einzugsbereich',
			'2. Bevölkerung',
			'3. Indikatoren',
			'4. Einrichtungen und Netzwerk',
			'5. Tätigkeitsbericht',
			'6. Datenstand, Quellen, Lizenzen, Hinweise'
		]);
		const table = page.locator('table', { has: page.locator('caption', { hasText: 'Indikatoren, Berichtsjahr 2023' }) });
		expect(await table.locator('tbody tr').count()).toBeGreaterThan(5);
		expect(await table.locator('xpath=following-sibling::p[1]').textContent()).toMatch(/Quelle: .+ · Stand: 2023/);

		const map = page.getByRole('img', { name: /^Karte von Stadtteil Lebenstedt/ });
		expect(await map.count()).toBe(1);
		const box = await map.locator('svg').boundingBox();
		expect(box!.width).toBeGreaterThan(300);
		expect(await page.locator('figure svg path').count()).toBeGreaterThan(20);

		const pdf = await page.getByRole('link', { name: 'PDF herunterladen' }).getAttribute('href');
		expect(pdf).toBe(`/bericht/bericht.pdf?${url.search.slice(1)}`);
		expect(await page.getByRole('link', { name: 'Word (DOCX) herunterladen' }).getAttribute('href')).toBe(`/bericht/bericht.docx?${url.search.slice(1)}`);
		await page.close();
	});

	it('shows the Kontor yearly report with its marks, and in English', async () => {
		const page = await context.newPage();
		// With JavaScript the form submits as a client-side navigation, redirected to the same canonical URL.
		await page.goto(`${base}/bericht?lang=en`);
		await page.getByRole('button', { name: 'Make the report' }).click();
		await page.waitForURL(/\/bericht\?art=kontor&id=[a-z-]+&indikatoren=.+&lang=en$/);
		await page.goto(`${base}/bericht?art=kontor&id=fredenberg&jahre=2024,2025&lang=en`);
		expect(await page.getByRole('heading', { level: 1 }).first().textContent()).toBe('Reports');
		await expect.poll(() => page.getByRole('heading', { name: 'Annual report 2025' }).count()).toBe(1);
		expect(await page.locator('.report .subtitle').textContent()).toBe('Stadtteilkontor Fredenberg');
		expect(await page.locator('.report header .marks li').allTextContents()).toEqual([
			expect.stringContaining('Beispieldaten: synthetic example values'),
			expect.stringContaining('Approximation (Näherung)')
		]);
		expect(await page.getByText('Residents within 1,000 m').count()).toBe(1);
		expect(await page.getByRole('link', { name: 'Annual reports 2025 of all Kontore (ZIP)' }).getAttribute('href')).toBe(
			'/bericht/jahresberichte.zip?jahr=2025&lang=en'
		);
		await page.close();
	});

	it('has no serious or critical accessibility violations (form, report, figures)', async () => {
		const page = await axeContext.newPage();
		await page.goto(`${base}/bericht?art=kontor&id=fredenberg&jahre=2024,2025&vergleich=thiede`);
		await page.locator('details.builder > summary').click();
		expect(await axeViolations(page)).toEqual([]);
		await page.close();
	});

	it('names what is wrong with a bad definition and keeps the form', async () => {
		const page = await context.newPage();
		const many = Array.from({ length: 200 }, (_, i) => `i${i}`).join(',');
		await page.goto(`${base}/bericht?art=kontor&id=atlantis&indikatoren=${many}`);
		const alert = page.getByRole('alert');
		expect(await alert.textContent()).toContain('Ein Kontor „atlantis“ gibt es nicht.');
		expect(await alert.textContent()).toContain('Höchstens 30 Indikatoren je Bericht, nicht 200');
		expect(await page.locator('article.report').count()).toBe(0);
		expect(await page.getByRole('button', { name: 'Bericht erstellen' }).count()).toBe(1);
		await page.goto(`${base}/bericht?art=auswahl&id=`);
		expect(await page.getByRole('alert').textContent()).toContain('Die Auswahl ist leer');
		await page.close();
	});
});

describe('the Kontor card', () => {
	it('shows the Kontor’s activity figures as small time series, marked as Beispieldaten, with a link to its report', async () => {
		const page = await context.newPage();
		await page.goto(`${base}/erreichbarkeit?kontor=fredenberg`);
		const activity = page.getByTestId('kontor-activity');
		await activity.locator('ul.figures').waitFor({ timeout: 30_000 });
		expect(await activity.locator('ul.figures li').count()).toBe(4);
		expect(await activity.getByText('Beispieldaten', { exact: true }).count()).toBe(1);
		const spark = activity.getByRole('img', { name: /^Teilnehmende je Jahr: 2021: .+2025: / });
		expect(await spark.count()).toBe(1);
		expect(await activity.getByRole('link', { name: 'Jahresbericht des Kontors' }).getAttribute('href')).toBe('/bericht?art=kontor&id=fredenberg');
		await page.close();
	});
});
