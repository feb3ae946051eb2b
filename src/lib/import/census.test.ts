import { readFileSync } from 'node:fs';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '$lib/data/problems';
import { Outline } from '$lib/geo/inspire';
import { censusText, parseCensus } from './census';

const fixture = (name: string) => readFileSync(`tests/fixtures/census/${name}`, 'utf8');
const outline = new Outline(JSON.parse(readFileSync('geodata/salzgitter_outline.geojson', 'utf8')).features[0].geometry as Polygon, '100m');
const place = outline.place.bind(outline);

describe('census grid files', () => {
	it('reads the published format: BOM, CRLF, several value columns, decimal commas, secret values', () => {
		const parsed = parseCensus(fixture('zensus_100m.csv'), 'zensus_100m.csv', place, '100m');
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		const { table } = parsed;
		expect(table.size).toBe('100m');
		expect(table.columns).toEqual(['Einwohner', 'Durchschnittsalter']);
		expect(table.cells.map((c) => c.id)).toEqual([
			'CRS3035RES100mN3226700E4343500',
			'CRS3035RES100mN3226700E4343600',
			'CRS3035RES100mN3226800E4343500',
			'CRS3035RES100mN3218900E4348400'
		]);
		expect(table.cells[0].values).toEqual({ Einwohner: 57, Durchschnittsalter: 41.25 });
		// Kept secret: suppressed, never 0.
		expect(table.cells[2].values).toEqual({ Einwohner: 'secret', Durchschnittsalter: 'secret' });
		expect(table.cells[3].row).toBe(5);
		// The cell near Braunschweig is reported with its row and skipped.
		expect(table.warnings).toHaveLength(1);
		expect(formatProblem(table.warnings[0])).toBe(
			'zensus_100m.csv, Zeile 6, Spalte A („GITTER_ID_100m“): die Gitterzelle liegt außerhalb der Stadt und wird übersprungen (Wert: "CRS3035RES100mN3243500E4361900")'
		);
		expect(formatProblem(table.warnings[0], 'en')).toContain('row 6, column A ("GITTER_ID_100m"): the grid cell lies outside the city and is skipped');
	});

	it('checks every id and value and names row, column and value', () => {
		const parsed = parseCensus(fixture('zensus_100m_fehler.csv'), 'zensus_100m_fehler.csv', place, '100m');
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.problems.map((p) => [p.row, p.column, p.key, p.value])).toEqual([
			[3, 'A', 'census.idSyntax', '1kmN3226E4343'],
			[4, 'A', 'census.idAlignment', 'CRS3035RES100mN3226750E4343600'],
			[5, 'C', 'census.centreMismatch', '3226950'],
			[6, 'A', 'census.idTwice', 'CRS3035RES100mN3226700E4343500'],
			[7, 'D', 'census.notNumber', '12.5']
		]);
		expect(formatProblem(parsed.problems[2])).toBe(
			'zensus_100m_fehler.csv, Zeile 5, Spalte C („y_mp_100m“): der Mittelpunkt passt nicht zur Kennung: erwartet 3226850 (Wert: "3226950")'
		);
		expect(formatProblem(parsed.problems[3], 'en')).toContain('the grid cell is already in row 2');
	});

	it('refuses the other grid, another separator and a file without ids or values', () => {
		const km = parseCensus(fixture('zensus_1km.csv'), 'zensus_1km.csv', place, '100m');
		expect(km.ok || km.problems[0].key).toBe('census.wrongGrid');
		const outline1km = new Outline(JSON.parse(readFileSync('geodata/salzgitter_outline.geojson', 'utf8')).features[0].geometry as Polygon, '1km');
		const ok1km = parseCensus(fixture('zensus_1km.csv'), 'zensus_1km.csv', (c) => outline1km.place(c), '1km');
		expect(ok1km.ok && ok1km.table.cells[0].values).toEqual({ Einwohner: 2412 });
		const comma = parseCensus('GITTER_ID_100m,Einwohner\nCRS3035RES100mN3226700E4343500,5\n', 'x.csv', place);
		expect(comma.ok || formatProblem(comma.problems[0])).toBe(
			'x.csv, Zeile 1: die Datei ist nicht durch Semikolon getrennt, wie der Zensus sie veröffentlicht (gefunden: „,“)'
		);
		const noId = parseCensus('Gitter;Einwohner\nA;5\n', 'x.csv', place);
		expect(noId.ok || noId.problems[0].key).toBe('census.noIdColumn');
		const noValues = parseCensus('GITTER_ID_100m;x_mp_100m;y_mp_100m;werterlaeuternde_Zeichen\n', 'x.csv', place);
		expect(noValues.ok || noValues.problems[0].key).toBe('census.noValueColumn');
		const outside = parseCensus('GITTER_ID_100m;Einwohner\nCRS3035RES100mN3243500E4361900;80\n', 'x.csv', place);
		expect(outside.ok || outside.problems.map((p) => p.key)).toEqual(['census.outside', 'census.empty']);
	});

	it('writes what it reads', () => {
		const parsed = parseCensus(fixture('zensus_100m.csv'), 'zensus_100m.csv', place, '100m');
		if (!parsed.ok) throw new Error('fixture');
		const text = censusText('100m', parsed.table.columns, parsed.table.cells);
		const again = parseCensus(text, 'again.csv', place, '100m');
		expect(again.ok && again.table.cells.map((c) => c.values)).toEqual(parsed.table.cells.map((c) => c.values));
		expect(text.split('\r\n')[3]).toBe('CRS3035RES100mN3226800E4343500;4343550;3226850;–;–;');
	});
});
