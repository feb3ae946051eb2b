// The census grid stage on the shipped data with the census fixture as the grid's file: cells,
// parents by centre, values aggregated upward, secret values kept suppressed up to the city.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Derived } from '../derived';
import { buildDerived } from '../pipeline';
import { DataError, formatProblem } from '../problems';
import { shippedFiles } from '../../../../tests/fixtures/shipped';

const FIXTURES = join(import.meta.dirname, '../../../../tests/fixtures/census');

function files(census: string): Map<string, string> {
	const files = shippedFiles();
	const profile = JSON.parse(files.get('stadt.json')!);
	const grid = profile.levels.find((l: { grid?: unknown }) => l.grid);
	files.delete(grid.grid.files[0].file);
	files.delete(`${grid.grid.files[0].file}.meta.json`);
	grid.grid.files = [{ file: 'zensus_100m.csv', stand: '2022-05-15', columns: { Einwohner: 'einwohner-gitter', Durchschnittsalter: 'durchschnittsalter' } }];
	files.set('stadt.json', JSON.stringify(profile));
	files.set('zensus_100m.csv', census);
	files.set(
		'zensus_100m.csv.meta.json',
		JSON.stringify({
			id: 'zensus-fixture',
			title: { de: 'Zensus-Gitter (Testdaten)', en: 'Census grid (test data)' },
			description: { de: 'Erfundene Testdaten im Format des Zensus 2022.', en: 'Made-up test data in the census 2022 format.' },
			source: [{ name: 'tests/fixtures/census (made up)' }],
			licence: 'dl-de/by-2-0',
			attribution: 'Test fixture',
			date: '2022-05-15',
			collected: '2026-12-05',
			beispieldaten: true
		})
	);
	const catalogue = JSON.parse(files.get('indikatoren.json')!);
	catalogue.find((m: { id: string }) => m.id === 'einwohner-gitter').datasets = ['zensus-fixture'];
	catalogue.push({
		...catalogue.find((m: { id: string }) => m.id === 'einwohner-gitter'),
		id: 'durchschnittsalter',
		label: { de: 'Durchschnittsalter', en: 'Mean age' },
		unit: { de: 'Jahre', en: 'years' },
		aggregation: { method: 'weighted-mean', weightIndicator: 'einwohner-gitter' },
		range: [0, 100],
		decimals: 1
	});
	files.set('indikatoren.json', JSON.stringify(catalogue));
	return files;
}

const census = readFileSync(join(FIXTURES, 'zensus_100m.csv'), 'utf8');
const v = (d: Derived, area: string, indicator: string) => d.values.find((x) => x.area === area && x.indicator === indicator && x.year === 2022);

describe('the census grid level from a census file', () => {
	let d: Derived;
	beforeAll(() => {
		d = buildDerived(files(census));
	}, 120_000);

	it('has the cells inside the city, with census ids and the Stadtteil holding each centre as parent', () => {
		const cells = d.areas['gitter-100m'].features.map((f) => [f.properties.name, f.properties.parent, f.properties.areaKm2]);
		expect(cells).toEqual([
			['CRS3035RES100mN3226800E4343500', 'lebenstedt', 0.01],
			['CRS3035RES100mN3226700E4343500', 'lebenstedt', 0.01],
			['CRS3035RES100mN3226700E4343600', 'lebenstedt', 0.01],
			['CRS3035RES100mN3218900E4348400', 'beinum', 0.01]
		]);
		expect(d.report.warnings.some((w) => w.includes('CRS3035RES100mN3243500E4361900') && w.includes('außerhalb der Stadt'))).toBe(true);
	});

	it('keeps secret cells suppressed, never 0, and the totals above them too', () => {
		expect(v(d, 'crs3035res100mn3226800e4343500', 'einwohner-gitter')).toMatchObject({ value: null, suppressed: true });
		expect(v(d, 'crs3035res100mn3226700e4343500', 'einwohner-gitter')).toMatchObject({ value: 57, stand: '2022-05-15' });
		for (const area of ['lebenstedt', 'nord', 'salzgitter']) expect(v(d, area, 'einwohner-gitter'), area).toMatchObject({ value: null, suppressed: true });
		expect(v(d, 'lebenstedt', 'durchschnittsalter')).toMatchObject({ value: null, suppressed: true });
	});

	it('sums counts and weights averages upward; an area without cells has 0 residents', () => {
		expect(v(d, 'beinum', 'einwohner-gitter')!.value).toBe(23);
		expect(v(d, 'beinum', 'durchschnittsalter')!.value).toBe(47.6);
		expect(v(d, 'thiede', 'einwohner-gitter')!.value).toBe(0);
		expect(v(d, 'thiede', 'durchschnittsalter')).toBeUndefined();
	});

	it('refuses a census file with broken ids, naming file, row, column and value', () => {
		const broken = readFileSync(join(FIXTURES, 'zensus_100m_fehler.csv'), 'utf8');
		let problems: string[] = [];
		try {
			buildDerived(files(broken));
		} catch (e) {
			if (!(e instanceof DataError)) throw e;
			problems = e.problems.map((p) => formatProblem(p));
		}
		expect(problems).toHaveLength(5);
		expect(problems[0]).toBe(
			'zensus_100m.csv, Zeile 3, Spalte A („GITTER_ID_100m“): keine Gitterzellen-Kennung, wie der Zensus sie schreibt (CRS3035RES100mN…E… bzw. CRS3035RES1000mN…E…) (Wert: "1kmN3226E4343")'
		);
	});
});
