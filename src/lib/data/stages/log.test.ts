import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CityProfile, pageCity } from '$lib/data/profile';
import { setCityTexts } from '$lib/i18n';
import { cityTexts } from '$lib/i18n/city';
import { DataError } from '../problems';
import { ProblemLog } from './log';

// The messages name the shipped city's levels, as the server does once it has indexed a version.
beforeAll(() => setCityTexts(cityTexts(pageCity(CityProfile.parse(JSON.parse(readFileSync('geodata/stadt.json', 'utf8')))))));
describe('ProblemLog', () => {
	it('keeps warnings and throws all errors of a stage at once', () => {
		const log = new ProblemLog();
		log.push({ file: 'a.geojson', feature: 0, key: 'data.exteriorClockwise', severity: 'warning' });
		log.push({ file: 'b.csv', row: 2, field: 'x', key: 'data.notGermanNumber' }, { file: 'b.csv', row: 3, field: 'x', key: 'data.notGermanNumber' });
		let thrown: unknown;
		try {
			log.stop();
		} catch (e) {
			thrown = e;
		}
		expect(thrown).toBeInstanceOf(DataError);
		expect((thrown as DataError).problems.map((p) => p.row)).toEqual([2, 3]);
		expect(log.warnings).toEqual(['a.geojson, Feature 0: Ring 0 (außen) läuft im Uhrzeigersinn; RFC 7946 verlangt gegen den Uhrzeigersinn']);
		expect(log.pending).toEqual([]);
	});

	it('passes a stage with warnings only', () => {
		const log = new ProblemLog();
		log.push({ file: 'a.geojson', key: 'data.gap', severity: 'warning' });
		expect(() => log.stop()).not.toThrow();
		log.stop();
		expect(log.warnings).toEqual(['a.geojson: Lücke zwischen benachbarten Gebieten (Stadtteile; keines deckt sie ab)']);
	});
});
