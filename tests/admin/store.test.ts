// The store under stress: a server killed inside the import transaction, disclosure control as
// the public API serves it, and backup/restore of the whole store.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AdminClient, removeStores, snapshot, startAdminServer, textOf } from './helpers';

const backupDirs: string[] = [];
afterAll(() => removeStores(...backupDirs));

async function currentVersion(admin: AdminClient): Promise<number> {
	return Number(/Version (\d+)/.exec(textOf(await (await admin.request('/admin')).text()))?.[1]);
}

const IMPORT = 'Stadtteil;Indikator;Jahr;Wert;Zähler;Nenner\r\nLebenstedt;SGB-II-Quote;2019;12,0;6.000;50.000\r\n';

describe('a server killed in the middle of an import', () => {
	it('leaves the previous version intact after a restart', async () => {
		const first = await startAdminServer({ KONTORATLAS_TEST_DELAY_IN_TRANSACTION_MS: '20000' });
		let before: string;
		try {
			const admin = new AdminClient(first.url);
			await admin.login();
			before = await snapshot(first.url);
			expect(await currentVersion(admin)).toBe(1);
			const p = await admin.previewCsv('x.csv', IMPORT);
			expect(p.status).toBe(200);
			void admin.confirm(p.previewId!).catch(() => undefined);
			const deadline = Date.now() + 15_000;
			while (!first.output().includes('import: inside the transaction')) {
				if (Date.now() > deadline) throw new Error(`no transaction started:\n${first.output()}`);
				await new Promise((r) => setTimeout(r, 50));
			}
			// The version row and the audit entry are written but not committed: kill now.
			first.child.kill('SIGKILL');
			await new Promise((r) => first.child.once('exit', r));
		} finally {
			if (first.child.exitCode === null && first.child.signalCode === null) first.child.kill('SIGKILL');
		}
		const second = await startAdminServer({}, first.dbPath);
		try {
			const admin = new AdminClient(second.url);
			await admin.login();
			expect(await currentVersion(admin)).toBe(1);
			expect(await snapshot(second.url)).toBe(before!);
			const history = textOf(await (await admin.request('/admin')).text());
			expect(history).not.toContain('import-csv');
			// The store still works: the same import now goes through as version 2.
			const p = await admin.previewCsv('x.csv', IMPORT);
			expect((await admin.confirm(p.previewId!)).version).toBe(2);
		} finally {
			second.child.kill();
		}
	});
});

describe('disclosure control through the API', () => {
	it('suppresses small bases and keeps them from being recovered from the Ortschaft totals', async () => {
		const s = await startAdminServer();
		try {
			const admin = new AdminClient(s.url);
			await admin.login();
			// Full 2024 data set of the fixture, with Barum's base cut to 4 persons.
			const text = new TextDecoder('windows-1252')
				.decode(readFileSync('tests/fixtures/import/sgb2-quote-2024-excel.csv'))
				.replace(/^Barum;.*$/m, 'Barum;SGB-II-Quote;2024;25,0;1;4\r');
			const p = await admin.previewCsv('klein.csv', text);
			expect(p.status, p.text.slice(0, 500)).toBe(200);
			expect((await admin.confirm(p.previewId!)).status).toBe(200);
			const get = async (level: string) =>
				(await (await fetch(`${s.url}/api/indicators/sgb2-quote?level=${level}&year=2024`)).json()) as {
					rows: { area: string; value: number | null; numerator: number | null; denominator: number | null; suppressed: boolean }[];
				};
			const stadtteile = (await get('stadtteil')).rows;
			const ortschaften = (await get('ortschaft')).rows;
			const stadt = (await get('stadt')).rows;
			const barum = stadtteile.find((r) => r.area === 'barum')!;
			expect(barum).toMatchObject({ value: null, numerator: null, denominator: null, suppressed: true });
			// Parents and children as the API itself reports them.
			const areas = (await (await fetch(`${s.url}/api/areas?level=stadtteil`)).json()) as { features: { properties: { id: string; parent: string } }[] };
			const parentOf = new Map(areas.features.map((f) => [f.properties.id, f.properties.parent]));
			const all = [...stadtteile, ...ortschaften, ...stadt];
			const hidden = all.filter((r) => r.suppressed);
			expect(hidden.length).toBeGreaterThanOrEqual(2);
			// No published total has exactly one hidden part, no hidden total has only published parts.
			const groups = [
				...ortschaften.map((o) => ({ parent: o, children: stadtteile.filter((r) => parentOf.get(r.area) === o.area) })),
				{ parent: stadt[0], children: ortschaften },
				{ parent: stadt[0], children: stadtteile }
			];
			for (const g of groups) {
				const n = g.children.filter((c) => c.suppressed).length;
				if (!g.parent.suppressed) expect(n, g.parent.area).not.toBe(1);
				else expect(n, g.parent.area).toBeGreaterThan(0);
			}
			// The Ortschaft of Barum minus its published Stadtteile leaves at least two unknowns.
			const ort = parentOf.get('barum')!;
			expect(stadtteile.filter((r) => parentOf.get(r.area) === ort && r.suppressed).length).toBeGreaterThanOrEqual(2);
			// The same holds in the map layer and the CSV export.
			const layer = (await (await fetch(`${s.url}/api/areas?level=stadtteil&indicators=sgb2-quote&year=2024`)).json()) as {
				features: { properties: Record<string, unknown> }[];
			};
			const f = layer.features.find((x) => x.properties.id === 'barum')!;
			expect(f.properties['sgb2-quote']).toBeNull();
			expect(f.properties['sgb2-quote.suppressed']).toBe(true);
			const csv = await (await fetch(`${s.url}/api/indicators/sgb2-quote?level=stadtteil&year=2024&format=csv`)).text();
			expect(csv.split('\r\n').find((l) => l.startsWith('barum;'))).toContain('aus Datenschutzgründen unterdrückt');
		} finally {
			s.child.kill();
		}
	});
});

describe('backup and restore', () => {
	it('db:backup writes the whole store; db:restore brings it back', async () => {
		const s = await startAdminServer();
		const dir = mkdtempSync(join(tmpdir(), 'kontoratlas-backup-'));
		backupDirs.push(dir);
		const backup = join(dir, 'sicherung.db');
		const env = { ...process.env, DATABASE_PATH: s.dbPath };
		try {
			const admin = new AdminClient(s.url);
			await admin.login();
			const p = await admin.previewCsv('x.csv', IMPORT);
			expect((await admin.confirm(p.previewId!)).version).toBe(2);
			// Online backup while the server runs.
			expect(execFileSync(process.execPath, ['--import', 'tsx', 'scripts/db.ts', 'backup', backup], { env, encoding: 'utf8' })).toContain(
				'2 versions, current 2'
			);
			expect(existsSync(backup)).toBe(true);
			const p2 = await admin.previewCsv('y.csv', IMPORT.replace('2019;12,0;6.000', '2019;10,0;5.000'));
			expect((await admin.confirm(p2.previewId!)).version).toBe(3);
		} finally {
			s.child.kill();
			await new Promise((r) => s.child.once('exit', r));
		}
		expect(execFileSync(process.execPath, ['--import', 'tsx', 'scripts/db.ts', 'restore', backup], { env, encoding: 'utf8' })).toContain(
			'2 versions, current 2'
		);
		const again = await startAdminServer({}, s.dbPath);
		try {
			const admin = new AdminClient(again.url);
			await admin.login();
			expect(await currentVersion(admin)).toBe(2);
		} finally {
			again.child.kill();
		}
		expect(() => execFileSync(process.execPath, ['--import', 'tsx', 'scripts/db.ts', 'restore', join(dir, 'fehlt.db')], { env, stdio: 'pipe' })).toThrow();
	});
});
