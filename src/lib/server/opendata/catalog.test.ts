// Licences read from the sources' sidecars: the known ones by their names, VG250 by its dataset,
// anything else published as written and marked not open.
import { describe, expect, it } from 'vitest';
import type { DatasetEntry } from '$lib/data/derived';
import { licenceOf } from './catalog';

const source = (id: string, licence: string, date = '2024', from = 'Quelle'): DatasetEntry => ({
	id,
	title: { de: id, en: id },
	description: { de: id, en: id },
	source: [{ name: from }],
	licence,
	attribution: 'Stadt Salzgitter',
	date,
	collected: '2026-12-05',
	beispieldaten: false,
	caveats: [],
	files: [`${id}.csv`]
});

describe('licenceOf', () => {
	it('gives VG250 data (known by its source, whatever the sidecar is called) dl-de/by-2-0 with the BKG attribution and the year of its Gebietsstand', () => {
		const vg250 = 'Bundesamt für Kartographie und Geodäsie (BKG): Verwaltungsgebiete 1:250 000 (VG250), Ebene Kreise';
		expect(licenceOf(source('umriss', 'Geodaten des Bundes (BKG) … GeoNutzV …; package code MIT', '2015-12-31 (VG250 Gebietsstand)', vg250))).toEqual({
			licence: { name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)', uri: 'http://dcat-ap.de/def/licenses/dl-by-de/2.0' },
			attribution: '© GeoBasis-DE / BKG (2015)'
		});
	});

	it('reads a source that is not from VG250 by its licence text', () => {
		expect(licenceOf(source('umriss', 'CC0 1.0', '2015-12-31 (VG250 Gebietsstand)')).licence.uri).toBe('http://dcat-ap.de/def/licenses/cc-zero');
	});

	it('recognises the licences typed at an import', () => {
		const uri = (licence: string) => licenceOf(source('werte-x', licence)).licence.uri;
		expect(uri('Facts; the pages they come from are CC BY-SA 4.0')).toBe('http://dcat-ap.de/def/licenses/cc-by-sa/4.0');
		expect(uri('dl-de/by-2-0')).toBe('http://dcat-ap.de/def/licenses/dl-by-de/2.0');
		expect(uri('Datenlizenz Deutschland – Zero – Version 2.0')).toBe('http://dcat-ap.de/def/licenses/dl-zero-de/2.0');
		expect(uri('CC BY 4.0')).toBe('http://dcat-ap.de/def/licenses/cc-by/4.0');
		expect(uri('CC0 1.0 (synthetic)')).toBe('http://dcat-ap.de/def/licenses/cc-zero');
	});

	it('publishes an unknown licence as written, marked not open, with the source attribution', () => {
		expect(licenceOf(source('werte-x', 'Alle Rechte vorbehalten'))).toEqual({
			licence: { name: 'Andere Lizenz: Alle Rechte vorbehalten', uri: 'http://dcat-ap.de/def/licenses/other-closed' },
			attribution: 'Stadt Salzgitter'
		});
	});
});
