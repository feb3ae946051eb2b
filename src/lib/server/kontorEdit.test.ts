// The Kontor form against the shipped kontore.csv: rows read and written back unchanged, a form
// becomes a row the pipeline accepts or problems by field, closing keeps the row, the sidecar's
// caveats follow the rows.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CityProfile, pageCity } from '$lib/data/profile';
import { setCityTexts } from '$lib/i18n';
import { cityTexts } from '$lib/i18n/city';
import { readSourceDir } from './db/sourceDir';
import { closeRecord, formOf, kontorChanges, kontorFileEdit, kontoreCsv, readKontore, recordFromForm, type EditContext } from './kontorEdit';

const files = readSourceDir('geodata');
const rows = readKontore(files);
const ctx: EditContext = {
	stadtteile: ['Lebenstedt', 'Gebhardshagen', 'Salzgitter-Bad', 'Thiede'],
	bounds: [10.23, 52.01, 10.51, 52.23],
	today: '2026-12-05',
	locale: 'de'
};
const gebhardshagen = rows.find((r) => r.kontor_id === 'gebhardshagen')!;

// The messages name the shipped city's levels, as the server does once it has indexed a version.
beforeAll(() => setCityTexts(cityTexts(pageCity(CityProfile.parse(JSON.parse(readFileSync('geodata/stadt.json', 'utf8')))))));
describe('kontore.csv as rows', () => {
	it('writes the shipped rows back as they were (quotes only where a comma needs them)', () => {
		expect(rows).toHaveLength(6);
		const text = kontoreCsv(rows);
		expect(readKontore(new Map([['kontore.csv', text]]))).toEqual(rows);
		expect(text.split('\n')[0]).toBe(files.get('kontore.csv')!.split('\n')[0]);
	});

	it('reads a file without the later columns as empty cells', () => {
		const old = readKontore(new Map([['kontore.csv', 'kontor_id,name\nx,Kontor X\n']]));
		expect(old[0]).toMatchObject({ kontor_id: 'x', name: 'Kontor X', opened: '', offers: '' });
	});
});

describe('recordFromForm', () => {
	it('turns the edit form into a row: position in UTM, offers per line, everything else kept', () => {
		const form = {
			...formOf(gebhardshagen),
			crs: 'utm32',
			easting: '32593011,0',
			northing: '5773742,4',
			location_precision: 'address',
			offers: 'Beratung\nSprachcafé; Nähtreff'
		};
		const made = recordFromForm(form, gebhardshagen, rows, ctx);
		if (!made.ok) throw new Error(JSON.stringify(made.problems));
		expect(made.record).toMatchObject({
			kontor_id: 'gebhardshagen',
			location_precision: 'address',
			offers: 'Beratung; Sprachcafé; Nähtreff',
			source: gebhardshagen.source
		});
		// 593011 E / 5773742 N in zone 32 (prefixed 32…) is in Gebhardshagen, at 52.1064° N, 10.3581° E.
		expect(Number(made.record.lat)).toBeCloseTo(52.1064, 5);
		expect(Number(made.record.lon)).toBeCloseTo(10.3581, 5);
		expect(
			kontorChanges(rows, [made.record])
				.find((c) => c.id === 'gebhardshagen')!
				.fields.map((f) => f.field)
		).toEqual(['location_precision', 'lat', 'lon', 'offers']);
	});

	it('makes an id for a new Kontor and refuses one that exists, an unknown Stadtteil, a bad e-mail and a future opening', () => {
		const blank = { ...formOf(gebhardshagen), crs: 'none', lat: '', lon: '', location_precision: 'area' };
		const added = recordFromForm({ ...blank, name: 'Stadtteilkontor Thiede', stadtteil: 'Thiede' }, null, rows, ctx);
		expect(added.ok && added.record.kontor_id).toBe('stadtteilkontor-thiede');
		const bad = recordFromForm({ ...blank, name: 'Gebhardshagen', stadtteil: 'Atlantis', email: 'kein-at', opened: '2027-01-01' }, null, rows, ctx);
		expect(bad.ok).toBe(false);
		if (!bad.ok)
			expect(bad.problems).toEqual([
				{ field: 'name', message: 'ein Kontor mit der Kennung „gebhardshagen“ gibt es schon (auch ein geschlossenes zählt); bitte einen anderen Namen wählen' },
				{ field: 'stadtteil', message: 'bitte ein Gebiet (Stadtteil) aus der Liste wählen' },
				{ field: 'opened', message: 'das Eröffnungsdatum liegt nach heute (2026-12-05); ein Kontor wird eingetragen, wenn es geöffnet hat' },
				{ field: 'email', message: 'hat nicht das erwartete Format' }
			]);
	});
});

describe('closing and the sidecar', () => {
	it('closes with a date not in the future and not before the opening; the row stays', () => {
		expect(closeRecord(gebhardshagen, '2026-12-06', ctx)).toMatchObject({ ok: false, problems: [{ field: 'closed' }] });
		expect(closeRecord({ ...gebhardshagen, opened: '2020-05-01' }, '2020-04-30', ctx)).toMatchObject({ ok: false });
		const closed = closeRecord(gebhardshagen, '2026-11-30', ctx);
		expect(closed).toMatchObject({ ok: true, record: { kontor_id: 'gebhardshagen', closed: '2026-11-30' } });
		if (!closed.ok) return;
		expect(closeRecord(closed.record, '2026-12-01', ctx)).toMatchObject({ ok: false, problems: [{ message: 'das Kontor ist seit 2026-11-30 geschlossen' }] });
		const next = rows.map((r) => (r.kontor_id === 'gebhardshagen' ? closed.record : r));
		expect(kontorChanges(rows, next)).toEqual([
			{ id: 'gebhardshagen', name: 'Stadtteilkontor Gebhardshagen', kind: 'closed', fields: [{ field: 'closed', before: '', after: '2026-11-30' }] }
		]);
		const edit = kontorFileEdit(files, next, 'Kontor geschlossen', 'anna', '2026-12-05', {
			de: { singular: 'Quartiersbüro', plural: 'Quartiersbüros' },
			en: { singular: 'neighbourhood office', plural: 'neighbourhood offices' }
		});
		expect(edit.kind).toBe('edit-kontore');
		expect(readKontore(new Map(Object.entries(edit.set)))).toHaveLength(6);
		const meta = JSON.parse(edit.set['kontore.csv.meta.json']);
		expect(meta.description.de).toMatch(/^Die 5 Quartiersbüros mit/);
		expect(meta.description.en).toMatch(/^The 5 neighbourhood offices with/);
		expect(meta.caveats).toContain('Geschlossen (in der Datei vermerkt, nicht mehr gezeigt): Stadtteilkontor Gebhardshagen (2026-11-30).');
		expect(meta.caveats[0]).not.toContain('Gebhardshagen');
		expect(meta.source.at(-1)).toEqual({ name: 'Kontoratlas-Admin: Angaben erfasst von anna, zuletzt am 2026-12-05' });
		expect(meta.source[0].name).toContain('brochure');
	});
});
