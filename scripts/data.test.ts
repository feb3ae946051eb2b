// `npm run data` as a process: a broken input stops it with a clear message and the last good
// derived data stays untouched; an unchanged input is not rebuilt.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const tsx = join(root, 'node_modules/.bin/tsx');
let work: string;
const run = (geodata: string, out: string) =>
	spawnSync(tsx, ['scripts/data.ts'], { cwd: root, env: { ...process.env, KONTORATLAS_GEODATA: geodata, KONTORATLAS_DATA_DIR: out }, encoding: 'utf8' });
const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'kontoratlas-data-'));
	cpSync(join(root, 'geodata'), join(work, 'geodata'), { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run data', () => {
	it('builds, then skips an unchanged input, then keeps the last good output when an input breaks', () => {
		const out = join(work, 'derived');
		const first = run(join(work, 'geodata'), out);
		expect(first.status, first.stderr).toBe(0);
		expect(first.stdout).toContain('31 Stadtteile, 7 Ortschaften, 1 Stadt, 6 Kontore');
		const good = snapshot(out);

		const again = run(join(work, 'geodata'), out);
		expect(again.stdout).toContain('up to date');

		const csv = join(work, 'geodata/stadtteile.csv');
		writeFileSync(csv, readFileSync(csv, 'utf8').replace('thiede,Thiede,Nordost,10796', 'thiede,Thiede,Nordost,-5'));
		const broken = run(join(work, 'geodata'), out);
		expect(broken.status).toBe(1);
		expect(broken.stderr).toContain('nothing was written, the previous derived data stays in place');
		expect(broken.stderr).toMatch(/stadtteile\.csv, Zeile \d+, Feld „einwohner“: .*\(Wert: "-5"\)/);
		expect(snapshot(out)).toEqual(good);
	}, 120_000);

	it('writes the same bytes on every run', () => {
		const a = join(work, 'a');
		const b = join(work, 'b');
		execFileSync(tsx, ['scripts/data.ts'], { cwd: root, env: { ...process.env, KONTORATLAS_DATA_DIR: a } });
		execFileSync(tsx, ['scripts/data.ts', '--force'], { cwd: root, env: { ...process.env, KONTORATLAS_DATA_DIR: b } });
		expect(snapshot(b)).toEqual(snapshot(a));
	}, 120_000);
});
