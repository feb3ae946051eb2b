// The wide layout for rates through the admin flow: a German office's Excel export with years as
// columns and the bases per year, previewed, confirmed and then served by the public API.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient, removeStores, snapshot, startAdminServer, type AdminServer } from './helpers';

const FILE = 'arbeitslosenquote_2021-2023_breit.csv';
const BYTES = readFileSync(`tests/fixtures/import/${FILE}`);

interface Table {
	beispieldaten: boolean;
	rows: { area: string; value: number | null; numerator: number | null; denominator: number | null; origin: string | null; suppressed: boolean }[];
}

let server: AdminServer;
let admin: AdminClient;
beforeAll(async () => {
	server = await startAdminServer();
	admin = new AdminClient(server.url);
	await admin.login();
});
afterAll(async () => {
	server.child.kill();
	await new Promise((r) => server.child.once('exit', r));
	removeStores();
});

describe('wide layout for a rate (years as columns, bases per year)', () => {
	it('refuses the rates without their bases, naming file, row and column, and writes nothing', async () => {
		const before = await snapshot(server.url);
		// The same export with only the rate columns, as an office might send it first.
		const text = new TextDecoder('windows-1252')
			.decode(BYTES)
			.split('\r\n')
			.map((l) => l.split(';').slice(0, 4).join(';'))
			.join('\r\n');
		const p = await admin.previewCsv(FILE, text);
		expect(p.status).toBe(422);
		expect(p.previewId).toBeNull();
		// One line per column: the Excel row, the column letter and header, the values, what to do.
		expect(p.text).toContain(`${FILE} Zeile 2 B („2021“) "3,2; 3,6;`);
		expect(p.text).toContain('Quote ohne Basis (Nenner): die Geheimhaltung braucht die Zahl der Personen');
		expect(p.text).toContain('31-mal, Zeilen 2, 3, 4, 5, 6, 7 … 32');
		expect(p.text).toContain(`${FILE} Zeile 2 D („2023“)`);
		expect(await snapshot(server.url)).toBe(before);
	});

	it('previews and imports the Excel export; the API then serves the new values', async () => {
		const p = await admin.previewCsv(FILE, BYTES);
		expect(p.status, p.text.slice(0, 800)).toBe(200);
		expect(p.text).toContain(`Werte importiert: arbeitslosenquote aus ${FILE} (Breitformat nach Jahren, CSV windows-1252, 93 Werte)`);
		expect(p.text).toContain('Indikator aus dem Dateinamen übernommen');
		// "Salzgitter insgesamt" is the city's row (no figures in it), not a skipped total.
		expect(p.text).not.toContain('Summenzeile(n) übersprungen');
		const done = await admin.confirm(p.previewId!);
		expect(done.version).toBe(2);

		const get = async (level: string, year: number) =>
			(await (await fetch(`${server.url}/api/indicators/arbeitslosenquote?level=${level}&year=${year}`)).json()) as Table;
		const t2022 = await get('stadtteil', 2022);
		expect(t2022.beispieldaten).toBe(false);
		expect(t2022.rows).toHaveLength(31);
		// Groß Mahner 2022: 3,0 % of a base of 267 → 8 persons.
		expect(t2022.rows.find((r) => r.area === 'gross-mahner')).toMatchObject({ value: 3, numerator: 8, denominator: 267, origin: 'source', suppressed: false });
		expect(t2022.rows.find((r) => r.area === 'gebhardshagen')).toMatchObject({ value: 4.5, denominator: 3260 });
		// Every Stadtteil value of the file, all three years.
		const lines = new TextDecoder('windows-1252').decode(BYTES).trim().split('\r\n').slice(1, -1);
		const areas = (await (await fetch(`${server.url}/api/areas?level=stadtteil`)).json()) as { features: { properties: { id: string; name: string } }[] };
		const idOf = new Map(areas.features.map((f) => [f.properties.name, f.properties.id]));
		for (const [i, year] of [2021, 2022, 2023].entries()) {
			const rows = (await get('stadtteil', year)).rows;
			for (const line of lines) {
				const cells = line.split(';');
				const area = idOf.get(cells[0].replace(/"/g, ''))!;
				expect(
					rows.find((r) => r.area === area),
					`${area} ${year}`
				).toMatchObject({ value: Number(cells[1 + i].replace(',', '.')), denominator: Number(cells[4 + i].replace('.', '')) });
			}
		}
		// Ortschaft and city rates are computed from the counts the bases made possible.
		const stadt = (await get('stadt', 2023)).rows[0];
		const all = (await get('stadtteil', 2023)).rows;
		expect(stadt.denominator).toBe(all.reduce((s, r) => s + r.denominator!, 0));
		expect(stadt.numerator).toBe(all.reduce((s, r) => s + r.numerator!, 0));
	});
});
