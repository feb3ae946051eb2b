// A real OGC API client against the built server: GDAL's OAPIF driver (Debian package gdal-bin)
// lists the layers, reads features with their attributes across pages, and downloads a layer to
// GeoPackage. Skipped with a note where gdal-bin is missing, except in CI (.ci/run sets
// KONTORATLAS_REQUIRE_GDAL=1 after installing it), where a missing ogrinfo fails.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';

const INSTALL = 'install gdal-bin: apt-get install gdal-bin';
const hasGdal = spawnSync('ogrinfo', ['--version'], { encoding: 'utf8' }).status === 0;
const required = process.env.KONTORATLAS_REQUIRE_GDAL === '1';
if (!hasGdal && !required) console.warn(`GDAL checks skipped: ogrinfo not found (${INSTALL})`);

const source = `OAPIF:${inject('baseUrl')}/ogc`;
// The server is local; a proxy configured for the machine must not be asked for it.
const env = { ...process.env, no_proxy: '127.0.0.1,localhost', NO_PROXY: '127.0.0.1,localhost' };

function gdal(cmd: 'ogrinfo' | 'ogr2ogr', args: string[]): string {
	const r = spawnSync(cmd, args, { encoding: 'utf8', env, timeout: 60_000 });
	expect(r.status, `${cmd} ${args.join(' ')}\n${r.stderr}`).toBe(0);
	return r.stdout;
}

describe('GDAL is available where it must be', () => {
	it.runIf(required)('ogrinfo is installed (CI)', () => {
		expect(hasGdal, INSTALL).toBe(true);
	});
});

describe.skipIf(!hasGdal)('GDAL OAPIF driver', () => {
	const dir = mkdtempSync(join(tmpdir(), 'kontoratlas-gdal-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('lists the six layers, the census grid first', () => {
		const out = gdal('ogrinfo', ['-ro', '-q', source]);
		expect(out).toMatch(/1: 100-m-gitter \(title: 100-m-Gitter\) \(Polygon\)/);
		expect(out).toMatch(/2: stadtteile \(title: Stadtteile\) \(Polygon\)/);
		expect(out).toMatch(/3: ortschaften \(title: Ortschaften\) \(Polygon\)/);
		expect(out).toMatch(/4: stadtgrenze \(title: Stadtgrenze\) \(Polygon\)/);
		expect(out).toMatch(/5: kontore \(title: Stadtteilkontore\) \(Point\)/);
		expect(out).toMatch(/6: einrichtungen \(title: Einrichtungen\) \(Point\)/);
	});

	it.each([
		['100-m-gitter', 4425, ['einwohner_gitter: Integer']],
		['stadtteile', 31, ['einwohner: Integer', 'einwohner_jahr: Integer', 'einwohnerdichte: Real', 'sgb2_quote: Real', 'geometrie_hinweis: String']],
		['ortschaften', 7, ['einwohner: Integer', 'flaeche_amtlich_km2: Real']],
		['stadtgrenze', 1, ['einwohner: Integer', 'name: String']],
		['kontore', 6, ['lage_ungefaehr: Integer(Boolean)', 'kontakt_email: String']],
		['einrichtungen', 434, ['kapazitaet: Integer', 'typen: String', 'beispieldaten: Integer(Boolean)']]
	])('ogrinfo -al -so %s: %i features and typed fields', (layer, count, fields) => {
		const out = gdal('ogrinfo', ['-ro', '-al', '-so', source, layer as string]);
		expect(out).toContain(`Feature Count: ${count}`);
		expect(out).toMatch(/Extent: \(10\.\d+, 52\.\d+\) - \(10\.\d+, 52\.\d+\)/);
		for (const f of fields as string[]) expect(out).toContain(f);
	});

	it('reads every feature with attributes, following the next links', () => {
		// GDAL asks for 10 features per page: 31 Stadtteile take four requests.
		const out = gdal('ogrinfo', ['-ro', '-al', '-q', source, 'stadtteile']);
		expect(out.match(/^OGRFeature\(stadtteile\):/gm)).toHaveLength(31);
		const bad = out.slice(out.indexOf('name (String) = Salzgitter-Bad'));
		expect(bad).toMatch(/einwohner \(Integer\) = 21286\n\s+einwohner_jahr \(Integer\) = 2020/);
		expect(out).toMatch(/POLYGON \(\(10\.\d+ 52\.\d+/);
	});

	it('ogr2ogr downloads a layer to GeoPackage', () => {
		const gpkg = join(dir, 'stadtteile.gpkg');
		gdal('ogr2ogr', ['-f', 'GPKG', gpkg, source, 'stadtteile']);
		const info = gdal('ogrinfo', ['-ro', '-al', '-so', gpkg]);
		expect(info).toContain('Feature Count: 31');
		const row = gdal('ogrinfo', ['-ro', '-q', gpkg, '-sql', "SELECT name, einwohner, flaeche_amtlich_km2 FROM stadtteile WHERE id = 'lebenstedt'"]);
		expect(row).toContain('name (String) = Lebenstedt');
		expect(row).toContain('einwohner (Integer) = 45945');
		expect(row).toContain('flaeche_amtlich_km2 (Real) = 13.728');
	});
});
