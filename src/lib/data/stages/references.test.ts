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
	it('indexes the shipped sources: every Stadtteil has its centre, every Kontor its Stadtteil', () => {
		const refs = checkReferences(sources(), new ProblemLog());
		expect(refs.stadtteilById.size).toBe(31);
		expect(refs.seedById.size).toBe(31);
		// stadtteile_koordinaten.csv, first row: Lebenstedt at 52.16111 N, 10.32417 E.
		expect(refs.seedById.get('lebenstedt')).toEqual({ lon: 10.32417, lat: 52.16111 });
		expect(refs.ortschaftByName.get('Süd')?.id).toBe('sued');
		expect(refs.stadtteilByName.get('Lebenstedt')?.stadtteil_id).toBe('lebenstedt');
		expect(refs.indicatorById.get('einwohnerdichte')?.aggregation).toEqual({ method: 'ratio', numerator: 'einwohner', denominator: 'flaeche' });
	});

	it('names each broken reference with file, row and field', () => {
		const s = sources();
		s.stadtteile[1] = { ...s.stadtteile[1], ortschaft: 'Mitte' };
		s.koordinaten = s.koordinaten.filter((k) => k.stadtteil_id !== 'thiede');
		s.kontore[0] = { ...s.kontore[0], lat: 52.1 };
		s.catalogue[3] = { ...s.catalogue[3], datasets: ['gibt-es-nicht'] };
		const found = problems(s);
		expect(found).toContain('stadtteile.csv 2 ortschaft: unbekannte Ortschaft; gebiete.json nennt Nord, Nordost, Nordwest, Ost, Süd, Südost, West');
		expect(found).toContain(
			'stadtteile_koordinaten.csv  stadtteil_id: der Stadtteil hat keine Mittelpunktkoordinate; die Geometrie braucht eine für jeden Stadtteil'
		);
		expect(found).toContain('kontore.csv 1 lon: lat und lon gehören zusammen: beide oder keines');
		expect(found).toContain('indikatoren.json sgb2-quote [3].datasets: unbekannte Datensatz-Kennung (keine Herkunftsdatei hat sie)');
		expect(found).toHaveLength(4);
	});
});
