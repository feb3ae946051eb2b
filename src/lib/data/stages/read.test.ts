import { describe, expect, it } from 'vitest';
import { shippedFiles } from '../../../../tests/fixtures/shipped';
import { DataError, problemReason } from '../problems';
import { ProblemLog } from './log';
import { readPolygonCollection, readSources } from './read';

const problems = (files: Map<string, string>) => {
	try {
		readSources(files, new ProblemLog());
	} catch (e) {
		if (e instanceof DataError) return e.problems.map((p) => `${p.file}: ${problemReason(p)}`);
		throw e;
	}
	return [];
};

describe('readSources', () => {
	it('reads every table of the shipped data, one row per data line', () => {
		const files = shippedFiles();
		const lines = (f: string) => files.get(f)!.trim().split('\n').length - 1;
		const s = readSources(files, new ProblemLog());
		expect(s.stadtteile).toHaveLength(lines('stadtteile.csv'));
		expect(s.stadtteile).toHaveLength(31);
		expect(s.kontore).toHaveLength(6);
		expect(s.gebiete.ortschaften).toHaveLength(7);
		expect(s.stadtteile[0]).toMatchObject({ stadtteil_id: 'bruchmachtersen', ortschaft: 'Nord', einwohner: 770, flaeche_km2: 1.555 });
		expect(s.grenzen).toBeNull();
		expect(s.valueTables.map((t) => t.file)).toEqual(['beispieldaten/sozialindikatoren.csv']);
		// Every data file has its dataset from the sidecar.
		expect(s.datasets.flatMap((d) => d.files)).toContain('stadtteile.csv');
	});

	it('stops with every problem of the stage: a missing file and a data file without sidecar', () => {
		const files = shippedFiles();
		files.delete('kontore.csv');
		files.delete('stadtteile.csv.meta.json');
		const found = problems(files);
		expect(found).toContain('kontore.csv: die Datei fehlt');
		expect(found).toContain('stadtteile.csv: hat keine Herkunftsdatei stadtteile.csv.meta.json (Quelle, Lizenz, Stand)');
	});
});

describe('readPolygonCollection', () => {
	const square = (ring: number[][]) =>
		JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }] });

	it('rewinds a clockwise exterior ring to the right-hand rule, with a warning', () => {
		const log = new ProblemLog();
		const cw = [
			[10, 52],
			[10, 52.01],
			[10.01, 52.01],
			[10.01, 52],
			[10, 52]
		];
		const fc = readPolygonCollection(square(cw), 'x.geojson', log)!;
		expect(log.pending.every((p) => p.severity === 'warning')).toBe(true);
		expect(log.pending.length).toBeGreaterThan(0);
		// Counter-clockwise: the second vertex is the eastern one.
		expect((fc.features[0].geometry as GeoJSON.Polygon).coordinates[0][1]).toEqual([10.01, 52]);
	});

	it('refuses what is not a FeatureCollection of polygons', () => {
		const log = new ProblemLog();
		expect(readPolygonCollection('{"type":"Feature"}', 'x.geojson', log)).toBeNull();
		expect(readPolygonCollection('{', 'y.geojson', log)).toBeNull();
		const point = JSON.stringify({
			type: 'FeatureCollection',
			features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [10, 52] } }]
		});
		expect(readPolygonCollection(point, 'z.geojson', log)).toBeNull();
		expect(log.pending.map((p) => p.file)).toEqual(['x.geojson', 'y.geojson', 'z.geojson']);
	});
});
