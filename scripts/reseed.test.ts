// `npm run data:reseed` as a real process on a store of its own: it shows what geodata/ would
// change, writes nothing without confirmation, and with --yes adds one version (kind reseed) whose
// file set is geodata/'s, while the version before it stays as it was.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Derived } from '../src/lib/data/derived';
import { currentVersionId, insertVersion, listAudit, listVersions, openDatabase, versionDerived, versionFiles } from '../src/lib/server/db/database';
import { readSourceDir } from '../src/lib/server/db/sourceDir';
import { readDerivedDir } from '../src/lib/server/store';

let dir: string;
let store: string;
let geodata: string;

const run = (...args: string[]) =>
	spawnSync(process.execPath, ['--import', 'tsx', 'scripts/reseed.ts', ...args], {
		encoding: 'utf8',
		timeout: 120_000,
		env: { ...process.env, DATABASE_PATH: store, KONTORATLAS_GEODATA: geodata, LANG: 'de_DE.UTF-8', LC_ALL: '' }
	});

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'kontoratlas-reseed-'));
	store = join(dir, 'store.db');
	geodata = join(dir, 'geodata');
	cpSync('geodata', geodata, { recursive: true });
	// The store: the shipped data plus a file only it has (as an import would leave).
	const shipped = readSourceDir('geodata');
	const db = openDatabase(store);
	insertVersion(db, {
		createdBy: 'system',
		kind: 'seed',
		summary: 'Ausgelieferte Daten',
		basedOn: null,
		files: new Map([...shipped, ['werte/nur-in-der-datenbank.csv', 'area_id,indicator,year,value,numerator,denominator\n']]),
		// derived/ is what `npm run data` built from the shipped geodata/ (tests run after it).
		derived: readDerivedDir('derived')
	});
	db.close();
	// The repository moved on: Gebhardshagen's Kontor got its address and position.
	const csv = readFileSync(join(geodata, 'kontore.csv'), 'utf8').replace(
		'gebhardshagen,Stadtteilkontor Gebhardshagen,Gebhardshagen,yes,stadtteil,Stadtteil Gebhardshagen (Ortschaft West),brochure (09/2019),no street address found,,,',
		'gebhardshagen,Stadtteilkontor Gebhardshagen,Gebhardshagen,yes,address,Stadtteil Gebhardshagen (Ortschaft West),brochure (09/2019),,Beispielweg 1,52.1285,10.3480'
	);
	expect(csv).toContain('Beispielweg 1');
	writeFileSync(join(geodata, 'kontore.csv'), csv);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run data:reseed', () => {
	it('shows the diff and writes nothing without confirmation', { timeout: 120_000 }, () => {
		const r = run();
		expect(r.status, r.stderr).toBe(0);
		expect(r.stdout).toContain('aktuelle Version 1');
		expect(r.stdout).toContain('1 Dateien geändert, 0 neu, 1 nur in der Datenbank');
		expect(r.stdout).toContain('Geändert oder neu: kontore.csv');
		expect(r.stdout).toContain('Nur in der Datenbank (Importe, Bearbeitungen), in der neuen Version nicht enthalten: werte/nur-in-der-datenbank.csv');
		expect(r.stdout).toContain('Kontore: Stadtteilkontor Gebhardshagen (changed: location_precision, note, address, lat, lon)');
		expect(r.stdout).toContain('Nichts geschrieben (zum Übernehmen: --yes).');
		const db = openDatabase(store);
		expect(listVersions(db)).toHaveLength(1);
		db.close();
	});

	it('with --yes adds a reseed version with geodata/ as its file set; the old version stays', { timeout: 180_000 }, () => {
		const r = run('--yes');
		expect(r.status, r.stderr).toBe(0);
		expect(r.stdout).toContain('Version 2 geschrieben (reseed)');
		const db = openDatabase(store);
		try {
			expect(currentVersionId(db)).toBe(2);
			const [v2, v1] = listVersions(db);
			expect(v2).toMatchObject({ kind: 'reseed', basedOn: 1 });
			expect(v2.createdBy).toMatch(/^cli:/);
			expect([...versionFiles(db, 2).keys()].sort()).toEqual([...readSourceDir(geodata).keys()].sort());
			expect(versionFiles(db, 1).has('werte/nur-in-der-datenbank.csv')).toBe(true);
			expect(v1.kind).toBe('seed');
			const kontor = Derived.parse(versionDerived(db, 2)).kontore.features.find((f) => f.id === 'gebhardshagen')!;
			expect(kontor.geometry.coordinates).toEqual([10.348, 52.1285]);
			expect(kontor.properties).toMatchObject({ locationPrecision: 'address', placement: 'Adresse Beispielweg 1' });
			expect(listAudit(db)[0]).toMatchObject({ action: 'reseed', version: 2 });
		} finally {
			db.close();
		}
		// Once more: geodata/ now equals the current version.
		const again = run('--yes');
		expect(again.status).toBe(0);
		expect(again.stdout).toContain('geodata/ entspricht der aktuellen Version 2: nichts einzulesen.');
	});

	// util-linux `script` gives the process a terminal: the prompt path, as for a person at the console.
	it.skipIf(!existsSync('/usr/bin/script'))('asks at a terminal and writes after "j"', { timeout: 120_000 }, () => {
		const csv = join(geodata, 'kontore.csv');
		writeFileSync(csv, readFileSync(csv, 'utf8').replace('Beispielweg 1', 'Beispielweg 3'));
		const r = spawnSync('/usr/bin/script', ['-qec', `${process.execPath} --import tsx scripts/reseed.ts`, '/dev/null'], {
			input: 'j\n',
			encoding: 'utf8',
			timeout: 120_000,
			env: { ...process.env, DATABASE_PATH: store, KONTORATLAS_GEODATA: geodata, LANG: 'de_DE.UTF-8', LC_ALL: '' }
		});
		expect(r.status, r.stdout).toBe(0);
		expect(r.stdout).toContain('Als neue Version übernehmen? [j/N]');
		expect(r.stdout).toContain('Version 3 geschrieben (reseed)');
	});
});
