// The embed as a host page meets it: a page on another 127.0.0.1 port frames /embed, the map loads
// and a click on a district reaches the host as a postMessage; the CSP differs per route; the embed
// sets no cookies; axe finds nothing serious on /embed.
import { createServer, type Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../chromium';
import { freePort, startServer } from '../global-setup';
import { axeViolations, openMap } from './helpers';

const base = inject('baseUrl');
let browser: Browser;
let page: Page;
let host: Server;
let hostUrl: string;

type Msg = { type: string; id?: string | null; name?: string | null; level?: string; indicator?: string };

beforeAll(async () => {
	const port = await freePort();
	hostUrl = `http://127.0.0.1:${port}`;
	// A plain page of "the city's website": an iframe of the embed and a listener, nothing else.
	host = createServer((req, res) => {
		const src = `${base}/embed?indicator=sgb2-quote&hide=labels`;
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		res.end(
			`<!doctype html><html lang="de"><title>Host</title><script>window.messages=[];addEventListener('message',e=>{if(e.origin===${JSON.stringify(base)})window.messages.push(e.data)})</script><h1>Stadt</h1><iframe id="atlas" src="${src}" width="720" height="680" title="Karte"></iframe>`
		);
	});
	await new Promise<void>((ok) => host.listen(port, '127.0.0.1', ok));
	browser = await launchChromium();
	page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
});
afterAll(async () => {
	await browser?.close();
	await new Promise((ok) => host?.close(ok));
});

const messages = (p: Page) => p.evaluate(() => (window as unknown as { messages: Msg[] }).messages);

describe('the embed in a host page on another origin', () => {
	it('loads in the iframe and reports a selected district by postMessage', async () => {
		await page.goto(hostUrl);
		const frame = page.frameLocator('#atlas');
		await frame.locator('[data-map-idle]').waitFor({ timeout: 30_000 });
		const child = page.frames().find((f) => f.url().startsWith(`${base}/embed`))!;
		await child.waitForFunction(() => {
			const map = (window as unknown as { kontoratlasMap: import('maplibre-gl').Map }).kontoratlasMap;
			return !!map && map.loaded() && !!map.getLayer('choropleth') && map.areTilesLoaded() && !map.isMoving();
		});
		await page.waitForFunction(() => (window as unknown as { messages: Msg[] }).messages.some((m) => m.type === 'kontoratlas:ready'));
		// Click Thiede's label point on the framed map.
		const thiede = (await (await fetch(`${base}/api/areas/thiede`)).json()).properties.labelPoint as [number, number];
		const p = await child.evaluate((pt) => (window as unknown as { kontoratlasMap: import('maplibre-gl').Map }).kontoratlasMap.project(pt), thiede);
		const box = (await frame.locator('.map').boundingBox())!;
		await page.mouse.click(box.x + p.x, box.y + p.y);
		await page.waitForFunction(() => (window as unknown as { messages: Msg[] }).messages.some((m) => m.type === 'kontoratlas:select'));
		const select = (await messages(page)).filter((m) => m.type === 'kontoratlas:select');
		expect(select).toHaveLength(1);
		expect(select[0]).toMatchObject({ type: 'kontoratlas:select', id: 'thiede', name: 'Thiede', level: 'stadtteil', indicator: 'sgb2-quote' });
		// The embed shows the selection too (outline on the map, link to the profile).
		await frame.getByRole('link', { name: 'Thiede' }).waitFor();
		expect(await frame.getByRole('link', { name: 'Thiede' }).getAttribute('href')).toBe('/stadtteil/thiede');
	});

	it('keeps attribution and data status visible, and hides legend and zoom buttons on request', async () => {
		await openMap(page, `${base}/embed?indicator=sgb2-quote&legend=0&controls=0&height=300`);
		expect(await page.locator('.legend').count()).toBe(0);
		expect(await page.locator('.maplibregl-ctrl-zoom-in').count()).toBe(0);
		expect(await page.getByText('Näherung, keine amtlichen Grenzen').first().isVisible()).toBe(true);
		expect(await page.locator('.notice.beispiel').isVisible()).toBe(true);
		expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('GeoBasis-DE / BKG');
		expect(Math.round((await page.locator('.map-wrap').boundingBox())!.height)).toBe(300);
		await openMap(page, `${base}/embed`);
		expect(await page.locator('.legend').count()).toBe(1);
		expect(await page.locator('.maplibregl-ctrl-zoom-in').count()).toBe(1);
	});

	it('draws the table of values when it is first opened, with its CSV beside it from the start', async () => {
		await openMap(page, `${base}/embed?indicator=sgb2-quote&sel=thiede`);
		const csv = page.locator('details .csv a');
		expect(await csv.getAttribute('href')).toBe('/api/indicators/sgb2-quote?level=stadtteil&format=csv');
		expect(await page.locator('details table').count()).toBe(0);
		await page.locator('summary', { hasText: 'Tabelle der Werte' }).click();
		await page.locator('details table tbody tr[data-area]').first().waitFor({ timeout: 10_000 });
		const areas = (await (await fetch(`${base}/api/indicators/sgb2-quote?level=stadtteil`)).json()).rows.length;
		expect(await page.locator('details table tbody tr[data-area]').count()).toBe(areas);
		// Linked with the selection like the atlas's table.
		expect(await page.locator('details tr[data-area="thiede"]').getAttribute('class')).toContain('selected');
		const res = await fetch(base + (await csv.getAttribute('href'))!);
		expect(res.headers.get('content-type')).toContain('text/csv');
	});

	it('has no serious or critical axe findings', async () => {
		await openMap(page, `${base}/embed?indicator=sgb2-quote&sel=thiede`);
		// With the table open: its markup is checked too.
		await page.locator('summary', { hasText: 'Tabelle der Werte' }).click();
		await page.locator('details table').waitFor({ timeout: 10_000 });
		expect(await axeViolations(page)).toEqual([]);
	});
});

describe('security headers', () => {
	const csp = async (path: string) => {
		const res = await fetch(base + path);
		await res.arrayBuffer();
		return { csp: res.headers.get('content-security-policy'), res };
	};
	const ancestors = (policy: string | null) =>
		policy
			?.split(';')
			.map((d) => d.trim())
			.find((d) => d.startsWith('frame-ancestors'));

	it("opens frame-ancestors to any origin on /embed and keeps 'self' on every other page", async () => {
		expect(ancestors((await csp('/embed')).csp)).toBe('frame-ancestors *');
		expect(ancestors((await csp('/embed?renderer=svg')).csp)).toBe('frame-ancestors *');
		expect(ancestors((await csp('/embed/karte.svg')).csp)).toBe('frame-ancestors *');
		for (const path of ['/', '/erreichbarkeit', '/daten', '/ogc?f=html']) {
			const { csp: policy } = await csp(path);
			expect(policy, path).toContain("default-src 'self'");
			expect(ancestors(policy), path).toBe("frame-ancestors 'self'");
		}
		// Scripts only from the atlas itself (plus SvelteKit's inline start-up, allowed by its hash).
		expect((await csp('/embed')).csp).toMatch(/script-src 'self' 'sha256-[^']+'(;|$)/);
	});

	it('sets no cookie on /embed, and the API stays CORS-open without a frame policy', async () => {
		for (const path of ['/embed', '/embed?renderer=svg', '/embed/karte.svg']) expect((await csp(path)).res.headers.get('set-cookie'), path).toBeNull();
		const api = await csp('/api/areas?level=ortschaft');
		expect(api.res.headers.get('access-control-allow-origin')).toBe('*');
		expect(api.csp).toBeNull();
	});

	it('limits /embed to the origins in KONTORATLAS_EMBED_ORIGINS', async () => {
		const server = await startServer({ KONTORATLAS_EMBED_ORIGINS: `${hostUrl} https://www.salzgitter.de` });
		try {
			const res = await fetch(`${server.url}/embed`);
			await res.arrayBuffer();
			expect(ancestors(res.headers.get('content-security-policy'))).toBe(`frame-ancestors ${hostUrl} https://www.salzgitter.de`);
			const other = await fetch(`${server.url}/`);
			await other.arrayBuffer();
			expect(ancestors(other.headers.get('content-security-policy'))).toBe("frame-ancestors 'self'");
		} finally {
			server.child.kill();
		}
	});
});
