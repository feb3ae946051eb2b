// The census grid import through the admin: a broken file is refused with file, row, column and value
// (in German, and in English with ?lang=en) and the served data stay; the census fixture previews
// with its outside cell reported, and once confirmed is a version whose grid level, values and
// provenance (dl-de/by-2-0, reference date) are served, secret cells suppressed up to the city.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient, removeStores, startAdminServer, type AdminServer } from './helpers';

let server: AdminServer;
let admin: AdminClient;
const fixture = (name: string) => readFileSync(`tests/fixtures/census/${name}`);
const api = async (path: string) => (await fetch(server.url + path)).json();
const preview = async (name: string, query = '') => {
	const res = await admin.post(
		`/admin/import?/census${query}`,
		{ source: 'Testquelle Zensus', stand: '2022-05-15' },
		{ file: { name, bytes: fixture(name), type: 'text/csv' } }
	);
	const html = await res.text();
	return { status: res.status, html, previewId: /name="preview" value="([^"]+)"/.exec(html)?.[1] ?? null };
};

beforeAll(async () => {
	server = await startAdminServer();
	admin = new AdminClient(server.url);
	expect((await admin.login()).status).toBe(303);
});
afterAll(() => {
	server?.child.kill();
	removeStores();
});

describe('census grid import in the admin', () => {
	it('refuses broken ids with file, row, column and value, in the admin language; nothing changes', async () => {
		const before = (await api('/api/areas?level=gitter-100m')).features.length;
		const german = await preview('zensus_100m_fehler.csv');
		expect(german.status).toBe(422);
		expect(german.previewId).toBeNull();
		expect(german.html).toContain('zensus_100m_fehler.csv, Zeile 3, Spalte A („GITTER_ID_100m“): keine Gitterzellen-Kennung');
		expect(german.html).toContain('Zeile 6, Spalte A („GITTER_ID_100m“): die Gitterzelle steht schon in Zeile 2');
		const english = await preview('zensus_100m_fehler.csv', '&lang=en');
		expect(english.html).toContain('<td>row 7</td><td>D ("Einwohner")</td><td>"12.5"</td><td>not a number as the census writes it (decimal comma;');
		expect((await api('/api/areas?level=gitter-100m')).features).toHaveLength(before);
	});

	it('previews the census file with the cell outside the city reported, and confirmed serves it as a new version', async () => {
		const p = await preview('zensus_100m.csv');
		expect(p.status).toBe(200);
		expect(p.html).toContain('4 Zellen (Einwohner, Durchschnittsalter), Stichtag 2022-05-15');
		expect(p.html).toContain('Zeile 6, Spalte A („GITTER_ID_100m“): die Gitterzelle liegt außerhalb der Stadt und wird übersprungen');
		const done = await admin.confirm(p.previewId!);
		expect(done.version).toBe(2);

		const cells = (await api('/api/areas?level=gitter-100m')).features.map((f: { properties: { name: string } }) => f.properties.name);
		expect(cells.sort()).toEqual([
			'CRS3035RES100mN3218900E4348400',
			'CRS3035RES100mN3226700E4343500',
			'CRS3035RES100mN3226700E4343600',
			'CRS3035RES100mN3226800E4343500'
		]);
		const { indicators, datasets } = await api('/api/indicators');
		const meta = indicators.find((m: { id: string }) => m.id === 'einwohner-gitter');
		expect(meta).toMatchObject({ beispieldaten: false, licence: 'dl-de/by-2-0', years: [2022] });
		const dataset = datasets.find((d: { id: string }) => d.id === meta.datasets[0]);
		expect(dataset).toMatchObject({ licence: 'dl-de/by-2-0', date: '2022-05-15', beispieldaten: false });
		// The secret cell in Lebenstedt keeps Lebenstedt's sum secret; Beinum's one cell is its sum.
		const rows = (await api('/api/indicators/einwohner-gitter?level=stadtteil&year=2022')).rows as {
			area: string;
			value: number | null;
			suppressed?: boolean;
		}[];
		expect(rows.find((r) => r.area === 'lebenstedt')).toMatchObject({ value: null });
		expect(rows.find((r) => r.area === 'beinum')).toMatchObject({ value: 23 });
	});
});
