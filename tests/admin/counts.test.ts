// Disclosure control for counts of persons through the whole chain: the shipped data has no such
// indicator, so this test adds one to a copy of geodata/ (a count of SGB II recipients under
// `disclosureControl`), builds it with `npm run data`'s script, imports a wide count table through
// the admin flow and reads what the public API publishes.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivableCells } from '../../src/lib/stats/derivable';
import { AdminClient, removeStores, startAdminServer, type AdminServer } from './helpers';

const ID = 'sgb2-leistungsberechtigte';
const FILE = `${ID}_2024.csv`;

interface Row {
	area: string;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	suppressed: boolean;
}

const dir = mkdtempSync(join(tmpdir(), 'kontoratlas-counts-'));
let server: AdminServer;
let admin: AdminClient;

beforeAll(async () => {
	const geodata = join(dir, 'geodata');
	cpSync('geodata', geodata, { recursive: true });
	const catalogue = JSON.parse(readFileSync(join(geodata, 'indikatoren.json'), 'utf8')) as Record<string, unknown>[];
	const quote = catalogue.find((m) => m.id === 'sgb2-quote')!;
	catalogue.push({
		...quote,
		id: ID,
		label: { de: 'SGB-II-Leistungsberechtigte', en: 'SGB II recipients' },
		description: { de: 'Anzahl der Leistungsberechtigten nach SGB II (Testindikator).', en: 'Number of SGB II recipients (test indicator).' },
		unit: { de: 'Personen', en: 'persons' },
		aggregation: { method: 'sum' },
		disclosureControl: true,
		range: [0, 100000],
		decimals: 0
	});
	writeFileSync(join(geodata, 'indikatoren.json'), JSON.stringify(catalogue, null, '\t') + '\n');
	const derived = join(dir, 'derived');
	execFileSync(process.execPath, ['--import', 'tsx', 'scripts/data.ts'], {
		env: { ...process.env, KONTORATLAS_GEODATA: geodata, KONTORATLAS_DATA_DIR: derived },
		stdio: 'pipe'
	});
	server = await startAdminServer({ KONTORATLAS_GEODATA: geodata, KONTORATLAS_DATA_DIR: derived });
	admin = new AdminClient(server.url);
	await admin.login();
});
afterAll(async () => {
	if (server) {
		server.child.kill();
		await new Promise((r) => server.child.once('exit', r));
	}
	removeStores(dir);
});

describe('disclosure control for a count of persons', () => {
	it('imports the counts (wide layout, UTF-8 with BOM, indicator from the file name)', async () => {
		const p = await admin.previewCsv(FILE, readFileSync(`tests/fixtures/import/${FILE}`));
		expect(p.status, p.text.slice(0, 800)).toBe(200);
		expect(p.text).toContain(`Werte importiert: ${ID} aus ${FILE} (Breitformat nach Jahren, CSV utf-8 mit BOM, 31 Werte)`);
		expect((await admin.confirm(p.previewId!)).version).toBe(2);
	});

	it('suppresses counts of 1 to 4, publishes 0, and leaves no suppressed count derivable from the totals', async () => {
		const get = async (level: string) => ((await (await fetch(`${server.url}/api/indicators/${ID}?level=${level}&year=2024`)).json()) as { rows: Row[] }).rows;
		const stadtteile = await get('stadtteil');
		const ortschaften = await get('ortschaft');
		const stadt = await get('stadt');
		const at = (id: string) => stadtteile.find((r) => r.area === id)!;
		// Primary: Beinum (2) and Osterlinde (4); Ohlendorf's 0 is published.
		for (const id of ['beinum', 'osterlinde']) expect(at(id)).toMatchObject({ value: null, numerator: null, denominator: null, suppressed: true });
		expect(at('ohlendorf')).toMatchObject({ value: 0, suppressed: false });
		expect(at('lebenstedt')).toMatchObject({ value: 8011, suppressed: false });
		expect(stadt[0]).toMatchObject({ suppressed: false });
		// Every published figure is the imported one.
		const fixture = new Map(
			new TextDecoder()
				.decode(readFileSync(`tests/fixtures/import/${FILE}`))
				.trim()
				.split('\r\n')
				.slice(1)
				.map((l) => [l.split(';')[0].replace(/"/g, ''), Number(l.split(';')[1].replace('.', ''))])
		);
		const areas = (await (await fetch(`${server.url}/api/areas?level=stadtteil`)).json()) as {
			features: { properties: { id: string; name: string; parent: string } }[];
		};
		const parentOf = new Map(areas.features.map((f) => [f.properties.id, f.properties.parent]));
		for (const f of areas.features) {
			const r = at(f.properties.id);
			if (!r.suppressed) expect(r.value, f.properties.id).toBe(fixture.get(f.properties.name));
		}
		expect(stadt[0].value).toBe([...fixture.values()].reduce((s, x) => s + x, 0));

		// Secondary suppression: no suppressed count follows from the published ones (derivable.ts).
		const all = [...stadtteile, ...ortschaften, ...stadt];
		const hidden = all.filter((r) => r.suppressed).map((r) => r.area);
		expect(hidden.length).toBeGreaterThanOrEqual(4);
		const groups = [
			...ortschaften.map((o) => ({ parent: o.area, children: stadtteile.filter((r) => parentOf.get(r.area) === o.area).map((r) => r.area) })),
			{ parent: stadt[0].area, children: ortschaften.map((r) => r.area) },
			{ parent: stadt[0].area, children: stadtteile.map((r) => r.area) }
		];
		const derivable = derivableCells(hidden, groups);
		expect(derivable).toEqual([]);
		// In particular: the Ortschaft of Beinum minus its published Stadtteile leaves two unknowns.
		expect(stadtteile.filter((r) => parentOf.get(r.area) === parentOf.get('beinum') && r.suppressed).length).toBeGreaterThanOrEqual(2);

		// The same in the map layer and the CSV export.
		const layer = (await (await fetch(`${server.url}/api/areas?level=stadtteil&indicators=${ID}&year=2024`)).json()) as {
			features: { properties: Record<string, unknown> }[];
		};
		const beinum = layer.features.find((x) => x.properties.id === 'beinum')!;
		expect(beinum.properties[ID]).toBeNull();
		expect(beinum.properties[`${ID}.suppressed`]).toBe(true);
		const csv = await (await fetch(`${server.url}/api/indicators/${ID}?level=stadtteil&year=2024&format=csv`)).text();
		expect(csv.split('\r\n').find((l) => l.startsWith('beinum;'))).toContain('aus Datenschutzgründen unterdrückt');
	});
});
