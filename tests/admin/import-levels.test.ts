// An indicator table with rows of two levels through the admin flow (issue #24: import matched per
// level): Stadtteile and Ortschaften in one file, told apart by a level column; the Ortschaft figures
// are stored for the Ortschaften, one that disagrees with its Stadtteile is a warning in the preview,
// and an unknown level is refused naming the row, the column and the levels there are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient, removeStores, snapshot, startAdminServer, type AdminServer } from './helpers';

const FILE = 'sgb2-ebenen-2024.csv';
const HEAD = 'Ebene;Gebiet;Jahr;SGB-II-Quote (%);Nenner SGB-II-Quote\n';
// Ortschaft Nord's four Stadtteile at 10,0 %; Nord itself given as 12,0 % (off), Süd as 8,0 % (no parts in the file).
const ROWS = [
	'Stadtteil;Bruchmachtersen;2024;10,0;100',
	'Stadtteil;Engelnstedt;2024;10,0;200',
	'Stadtteil;Lebenstedt;2024;10,0;300',
	'Stadtteil;Salder;2024;10,0;400',
	'Ortschaft;Nord;2024;12,0;1000',
	'Ortschaften;Süd;2024;8,0;500'
];

interface Table {
	rows: { area: string; value: number | null; denominator: number | null; origin: string | null }[];
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

describe('an indicator table with rows of two levels', () => {
	it('refuses a row naming an unknown level, with row, column, value and the levels of the profile; writes nothing', async () => {
		const before = await snapshot(server.url);
		const p = await admin.previewCsv(FILE, HEAD + ROWS.join('\n') + '\nLandkreis;Nord;2024;9,0;100\n');
		expect(p.status).toBe(422);
		expect(p.previewId).toBeNull();
		expect(p.text).toContain(`${FILE} Zeile 8 A („Ebene“)`);
		expect(p.text).toContain('unbekannte Ebene; möglich sind Stadtteil (stadtteil), Ortschaft (ortschaft), Stadt (stadt)');
		expect(p.text).toContain('"Landkreis"');
		expect(await snapshot(server.url)).toBe(before);
	});

	it('stores each row for its level; the Ortschaft that disagrees with its Stadtteile is a warning, its figure kept', async () => {
		const p = await admin.previewCsv(FILE, HEAD + ROWS.join('\n') + '\n');
		expect(p.status, p.text.slice(0, 800)).toBe(200);
		expect(p.text).toContain(`${FILE}, Zeile 6`);
		expect(p.text).toContain('weicht um 16,7 % vom Wert ab, der sich aus den Teilgebieten ergibt (sgb2-quote 2024: 10)');
		// Süd's Stadtteile have no figures here, so nothing to compare it with.
		expect(p.text).not.toContain('Zeile 7');
		const done = await admin.confirm(p.previewId!);
		expect(done.version).toBe(2);

		const get = async (level: string) => (await (await fetch(`${server.url}/api/indicators/sgb2-quote?level=${level}&year=2024`)).json()) as Table;
		const ortschaften = (await get('ortschaft')).rows;
		expect(ortschaften.find((r) => r.area === 'nord')).toMatchObject({ value: 12, denominator: 1000, origin: 'source' });
		expect(ortschaften.find((r) => r.area === 'sued')).toMatchObject({ value: 8, denominator: 500, origin: 'source' });
		expect((await get('stadtteil')).rows.find((r) => r.area === 'lebenstedt')).toMatchObject({ value: 10, denominator: 300, origin: 'source' });
	});
});
