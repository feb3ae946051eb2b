// Catalogue edits on the shipped indikatoren.json: the kinds map onto the aggregation contract,
// bad fields are refused with the field they concern, retiring keeps the entry (pipeline.test.ts
// builds the edited file).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEntry, formOf, readCatalogue, restoreEntry, retireEntry, updateEntry, type EditResult, type EntryForm } from './catalogue';

const TEXT = readFileSync(new URL('../../../geodata/indikatoren.json', import.meta.url), 'utf8');

const FORM: EntryForm = {
	id: 'pflegequote',
	labelDe: 'Pflegequote',
	labelEn: 'Care rate',
	descriptionDe: 'Pflegebedürftige je 100 Einwohner.',
	descriptionEn: 'Persons in need of care per 100 residents.',
	unitDe: '%',
	unitEn: '%',
	kind: 'anteil',
	scale: '100',
	polarity: 'higher-worse',
	domain: 'soziales',
	decimals: '1',
	rangeMin: '0',
	rangeMax: '40,5',
	source: 'Stadt Salzgitter, Fachdienst Soziales',
	licence: 'dl-de/by-2-0',
	beispieldaten: ''
};

const ok = (r: EditResult) => {
	if (!r.ok) throw new Error(JSON.stringify(r.problems));
	return r;
};
const fields = (r: EditResult) => (r.ok ? [] : r.problems.map((p) => [p.field, 'catalogue' in p.reason ? p.reason.catalogue : p.reason.data.key]));

describe('catalogue edits', () => {
	it('creates an Anteil as a rate per 100 without datasets, read with a decimal comma', () => {
		const r = ok(createEntry(TEXT, FORM));
		const entry = readCatalogue(r.text).at(-1)!;
		expect(entry).toMatchObject({
			id: 'pflegequote',
			aggregation: { method: 'rate', scale: 100 },
			range: [0, 40.5],
			decimals: 1,
			datasets: [],
			beispieldaten: false
		});
		expect(r.summary).toBe('Katalog: Indikator „pflegequote“ angelegt (anteil)');
		expect(readCatalogue(r.text)).toHaveLength(readCatalogue(TEXT).length + 1);
	});

	it('maps Anzahl to a sum (with disclosure control if it counts persons) and Wert to a weighted mean or a ratio', () => {
		const count = readCatalogue(ok(createEntry(TEXT, { ...FORM, kind: 'anzahl', disclosureControl: 'on' })).text).at(-1)!;
		expect(count).toMatchObject({ aggregation: { method: 'sum' }, disclosureControl: true });
		const mean = readCatalogue(ok(createEntry(TEXT, { ...FORM, kind: 'wert', rule: 'weighted-mean', weight: 'einwohner' })).text).at(-1)!;
		expect(mean.aggregation).toEqual({ method: 'weighted-mean', weightIndicator: 'einwohner' });
		expect(mean.disclosureControl).toBeUndefined();
		const ratio = readCatalogue(ok(createEntry(TEXT, { ...FORM, kind: 'wert', rule: 'ratio', numerator: 'einwohner', denominator: 'flaeche' })).text).at(-1)!;
		expect(ratio.aggregation).toEqual({ method: 'ratio', numerator: 'einwohner', denominator: 'flaeche' });
	});

	it('refuses a taken or malformed id, bad numbers, a reversed range, markup and unknown references, naming the field', () => {
		expect(fields(createEntry(TEXT, { ...FORM, id: 'sgb2-quote' }))).toEqual([['id', 'catalogue.problem.idTaken']]);
		expect(fields(createEntry(TEXT, { ...FORM, id: 'Pflege Quote' }))).toEqual([['id', 'data.zod.slug']]);
		expect(fields(createEntry(TEXT, { ...FORM, rangeMin: '50', decimals: 'zwei' }))).toEqual([
			['rangeMax', 'catalogue.problem.rangeOrder'],
			['decimals', 'catalogue.problem.number']
		]);
		expect(fields(createEntry(TEXT, { ...FORM, labelDe: '<b>Quote</b>' }))).toEqual([['labelDe', 'catalogue.problem.angleBrackets']]);
		expect(fields(createEntry(TEXT, { ...FORM, labelEn: '' }))).toEqual([['labelEn', 'data.zod.tooShort']]);
		expect(fields(createEntry(TEXT, { ...FORM, kind: 'wert', rule: 'weighted-mean', weight: 'gibts-nicht' }))).toEqual([
			['weight', 'catalogue.problem.unknownRef']
		]);
		expect(fields(createEntry(TEXT, { ...FORM, domain: 'verkehr' }))).toEqual([['domain', 'data.zod.oneOf']]);
	});

	it('edits an entry and keeps what the form does not show (datasets, Beispieldaten sources)', () => {
		const before = readCatalogue(TEXT).find((m) => m.id === 'sgb2-quote')!;
		const r = ok(updateEntry(TEXT, 'sgb2-quote', { ...formOf(before), labelEn: 'SGB II share', decimals: '2' }));
		const after = readCatalogue(r.text).find((m) => m.id === 'sgb2-quote')!;
		expect(after).toEqual({ ...before, label: { ...before.label, en: 'SGB II share' }, decimals: 2 });
		expect(r.summary).toBe('Katalog: Indikator „sgb2-quote“ geändert (label, decimals)');
		expect(fields(updateEntry(TEXT, 'sgb2-quote', formOf(before)))).toEqual([['entry', 'catalogue.problem.unchanged']]);
	});

	it('retires with a date, refuses what others still use, and restores', () => {
		const r = ok(retireEntry(TEXT, 'kinderarmut', '2026-12-05'));
		expect(readCatalogue(r.text).find((m) => m.id === 'kinderarmut')!.retired).toBe('2026-12-05');
		expect(fields(retireEntry(r.text, 'kinderarmut', '2026-12-05'))).toEqual([['id', 'catalogue.problem.alreadyRetired']]);
		expect(fields(updateEntry(r.text, 'kinderarmut', formOf(readCatalogue(TEXT).find((m) => m.id === 'kinderarmut')!)))).toEqual([
			['id', 'catalogue.problem.retiredEdit']
		]);
		// Einwohnerdichte is einwohner per flaeche.
		const used = retireEntry(TEXT, 'flaeche', '2026-12-05');
		expect(used.ok ? [] : used.problems[0].reason).toEqual({ catalogue: 'catalogue.problem.referenced', params: { ids: 'einwohnerdichte' } });
		const back = ok(restoreEntry(r.text, 'kinderarmut'));
		expect(readCatalogue(back.text)).toEqual(readCatalogue(TEXT));
	});
});

describe('visibility in the catalogue (issue #19)', () => {
	const LEVELS = ['stadtteil', 'ortschaft', 'stadt'];
	const quote = () => formOf(readCatalogue(TEXT).find((m) => m.id === 'sgb2-quote')!);

	it('makes an entry internal, public at the levels ticked, and names both in the summary the audit keeps', () => {
		const r = ok(updateEntry(TEXT, 'sgb2-quote', { ...quote(), visibility: 'internal', publicLevels: 'ortschaft,stadt' }, LEVELS));
		expect(readCatalogue(r.text).find((m) => m.id === 'sgb2-quote')).toMatchObject({ visibility: 'internal', publicLevels: ['ortschaft', 'stadt'] });
		expect(r.summary).toBe('Katalog: Indikator „sgb2-quote“ geändert (visibility, publicLevels)');
		// Back to public: the override goes, the file says public.
		const back = ok(updateEntry(r.text, 'sgb2-quote', { ...quote(), visibility: 'public', publicLevels: 'stadt' }, LEVELS));
		const entry = JSON.parse(back.text).find((m: { id: string }) => m.id === 'sgb2-quote');
		expect([entry.visibility, entry.publicLevels]).toEqual(['public', undefined]);
	});

	it('leaves the file as it was when another field is edited, and keeps an entry internal when the form does not say', () => {
		const r = ok(updateEntry(TEXT, 'sgb2-quote', { ...quote(), visibility: '', decimals: '2' }, LEVELS));
		expect(r.summary).toBe('Katalog: Indikator „sgb2-quote“ geändert (decimals)');
		expect('visibility' in JSON.parse(r.text).find((m: { id: string }) => m.id === 'sgb2-quote')).toBe(false);
		const internal = ok(updateEntry(TEXT, 'sgb2-quote', { ...quote(), visibility: 'internal' }, LEVELS));
		const again = ok(updateEntry(internal.text, 'sgb2-quote', { ...quote(), visibility: '', decimals: '2' }, LEVELS));
		expect(readCatalogue(again.text).find((m) => m.id === 'sgb2-quote')!.visibility).toBe('internal');
	});

	it('creates an internal entry, and refuses an unknown visibility or level with the field', () => {
		expect(readCatalogue(ok(createEntry(TEXT, { ...FORM, visibility: 'internal' }, LEVELS)).text).at(-1)!.visibility).toBe('internal');
		expect(fields(createEntry(TEXT, { ...FORM, visibility: 'geheim' }, LEVELS))).toEqual([['visibility', 'data.zod.oneOf']]);
		const r = createEntry(TEXT, { ...FORM, visibility: 'internal', publicLevels: 'bezirk' }, LEVELS);
		expect(fields(r)).toEqual([['publicLevels', 'catalogue.problem.unknownLevel']]);
		expect(r.ok ? null : r.problems[0].reason).toEqual({ catalogue: 'catalogue.problem.unknownLevel', params: { levels: 'stadtteil, ortschaft, stadt' } });
	});
});
