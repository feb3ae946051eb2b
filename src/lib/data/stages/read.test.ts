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
		// Each level from the table its profile entry names, in the profile's column names.
		expect(s.levels.map((l) => [l.level.id, l.source.file, l.rows.length])).toEqual([
			['stadtteil', 'stadtteile.csv', lines('stadtteile.csv')],
			['ortschaft', 'gebiete.json', 7],
			['stadt', 'gebiete.json', 1]
		]);
		expect(s.levels[0].rows).toHaveLength(31);
		expect(s.levels[0].rows[0]).toMatchObject({ id: 'bruchmachtersen', name: 'Bruchmachtersen', parent: 'Nord', einwohner: 770, flaeche_km2: 1.555 });
		expect(s.levels[2].rows[0]).toMatchObject({ id: 'salzgitter', parent: null, flaeche_km2: 224.49, flaeche_jahr: 2023 });
		expect(s.seeds).toHaveLength(31);
		expect(s.kontore).toHaveLength(6);
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

	it('reads the conventional layout where the profile names no files: gebiete_{level}.csv, umriss.geojson, mittelpunkte.csv', () => {
		const files = shippedFiles();
		const profile = JSON.parse(files.get('stadt.json')!);
		for (const level of profile.levels) delete level.source;
		delete profile.geometry;
		files.set('stadt.json', JSON.stringify(profile));
		const rename = (from: string, to: string) => {
			files.set(to, files.get(from)!);
			files.set(`${to}.meta.json`, files.get(`${from}.meta.json`)!);
			files.delete(from);
			files.delete(`${from}.meta.json`);
		};
		rename('salzgitter_outline.geojson', 'umriss.geojson');
		files.set('mittelpunkte.csv', files.get('stadtteile_koordinaten.csv')!.replace('stadtteil_id,', 'id,'));
		files.set('gebiete_stadtteil.csv', 'id,name,parent\nbarum,Barum,suedost\n');
		files.set('gebiete_ortschaft.csv', 'id,name,parent\nsuedost,Südost,\n');
		const found = problems(files);
		// Only the new files' sidecars are missing: everything else was read under its conventional name.
		expect(found.sort()).toEqual([
			'gebiete_ortschaft.csv: hat keine Herkunftsdatei gebiete_ortschaft.csv.meta.json (Quelle, Lizenz, Stand)',
			'gebiete_stadt.csv: die Datei fehlt',
			'gebiete_stadtteil.csv: hat keine Herkunftsdatei gebiete_stadtteil.csv.meta.json (Quelle, Lizenz, Stand)',
			'mittelpunkte.csv: hat keine Herkunftsdatei mittelpunkte.csv.meta.json (Quelle, Lizenz, Stand)'
		]);
	});

	it('names the column as the profile renames it, and reads a kontore.csv with a gebiet column', () => {
		const files = shippedFiles();
		files.set('stadtteile.csv', files.get('stadtteile.csv')!.replace(',Salder,', ',<b>Salder</b>,'));
		files.set('kontore.csv', files.get('kontore.csv')!.replace('kontor_id,name,stadtteil,stadtteil_verified,', 'kontor_id,name,gebiet,gebiet_verified,'));
		const error = (() => {
			try {
				readSources(files, new ProblemLog());
			} catch (e) {
				return e as DataError;
			}
		})();
		expect(error).toBeInstanceOf(DataError);
		expect(error!.problems.map((p) => [p.file, p.row, p.field])).toEqual([['stadtteile.csv', 4, 'stadtteil']]);
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
