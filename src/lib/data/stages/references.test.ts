import { describe, expect, it } from 'vitest';
import { shippedFiles } from '../../../../tests/fixtures/shipped';
import { DataError, problemReason } from '../problems';
import { ProblemLog } from './log';
import { readSources, type Sources } from './read';
import { checkReferences } from './references';

const sources = () => readSources(shippedFiles(), new ProblemLog());
const problems = (s: Sources) => {
	try {
		checkReferences(s, new ProblemLog());
	} catch (e) {
		if (e instanceof DataError) return e.problems.map((p) => `${p.file} ${p.row ?? p.feature ?? ''} ${p.field}: ${problemReason(p)}`);
		throw e;
	}
	return [];
};

describe('checkReferences', () => {
	it('indexes the shipped sources: every Stadtteil has its centre and its parent, every Kontor its Stadtteil', () => {
		const refs = checkReferences(sources(), new ProblemLog());
		expect(refs.finestById.size).toBe(31);
		expect(refs.seedById.size).toBe(31);
		// stadtteile_koordinaten.csv, first row: Lebenstedt at 52.16111 N, 10.32417 E.
		expect(refs.seedById.get('lebenstedt')).toEqual({ lon: 10.32417, lat: 52.16111 });
		// Parents by name (stadtteile.csv's ortschaft column), and the single city as the Ortschaften's implicit parent.
		expect(refs.areaById.get('barum')?.parent).toBe('suedost');
		expect(refs.areaById.get('suedost')?.parent).toBe('salzgitter');
		expect(refs.areaById.get('salzgitter')?.parent).toBeNull();
		expect(refs.finestByName.get('Lebenstedt')?.row.id).toBe('lebenstedt');
		expect(refs.indicatorById.get('einwohnerdichte')?.aggregation).toEqual({ method: 'ratio', numerator: 'einwohner', denominator: 'flaeche' });
	});

	it('names each broken reference with file, row and field', () => {
		const s = sources();
		s.levels[0].rows[1] = { ...s.levels[0].rows[1], parent: 'Mitte' };
		s.seeds = s.seeds.filter((k) => k.id !== 'thiede');
		s.kontore[0] = { ...s.kontore[0], lat: 52.1 };
		const k = s.catalogue.findIndex((i) => i.id === 'sgb2-quote');
		s.catalogue[k] = { ...s.catalogue[k], datasets: ['gibt-es-nicht'] };
		const found = problems(s);
		expect(found).toContain(
			'stadtteile.csv 2 ortschaft: unbekanntes übergeordnetes Gebiet der Ebene „Ortschaft“; gebiete.json nennt Nord, Nordost, Nordwest, Ost, Süd, Südost, West'
		);
		expect(found).toContain(
			'stadtteile_koordinaten.csv  stadtteil_id: das Gebiet hat keine Mittelpunktkoordinate; die genäherte Geometrie braucht eine für jedes Gebiet der Ebene „Stadtteil“'
		);
		expect(found).toContain('kontore.csv 1 lon: lat und lon gehören zusammen: beide oder keines');
		expect(found).toContain(`indikatoren.json sgb2-quote [${k}].datasets: unbekannte Datensatz-Kennung (keine Herkunftsdatei hat sie)`);
		expect(found).toHaveLength(4);
	});

	it('refuses a level whose parent is not a coarser level after it, an id used twice and an area without parts', () => {
		const s = sources();
		s.levels[1] = { ...s.levels[1], level: { ...s.levels[1].level, parent: 'stadtteil' } };
		expect(problems(s)).toEqual([
			'stadt.json  levels[1].parent: die übergeordnete Ebene muss eine der folgenden, gröberen Ebenen sein (die Ebenen stehen von fein nach grob: stadtteil, ortschaft, stadt)'
		]);
		const t = sources();
		t.levels[0].rows[0] = { ...t.levels[0].rows[0], id: 'nord' };
		t.seeds = t.seeds.map((k) => (k.id === 'bruchmachtersen' ? { ...k, id: 'nord' } : k));
		t.levels[1].rows.push({ ...t.levels[1].rows[0], id: 'mitte', name: 'Mitte' });
		expect(problems(t)).toEqual([
			'stadtteile.csv 1 stadtteil_id: doppelte Kennung',
			'gebiete.json 7 id: zu diesem Gebiet gehört kein Gebiet der Ebene „Stadtteile“; ohne Teile hat es keine Fläche'
		]);
	});
});
