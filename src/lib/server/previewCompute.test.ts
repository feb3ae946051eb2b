// The admin-edit path of the preview: an edited file set becomes a whole next version with its
// diff, a no-op edit is refused, and a broken edit comes back as the pipeline's problems.
import { describe, expect, it } from 'vitest';
import { buildDerived } from '$lib/data/pipeline';
import { computePreview, type FileEdit, type PreviewInput } from './previewCompute';
import { readSourceDir } from './db/sourceDir';

const files = readSourceDir('geodata');
const base = { version: 7, files: JSON.stringify(Object.fromEntries(files)), derived: JSON.stringify(buildDerived(files)) };
const edit = (change: FileEdit) =>
	computePreview({ kind: 'edit-files', name: 'Katalog', bytes: new Uint8Array(), user: 'u', date: '2026-12-05', base, edit: change } as PreviewInput);

// Each case runs the whole pipeline (about a second alone, several under load).
describe('computePreview for admin edits', { timeout: 60_000 }, () => {
	it('builds the next version from the edited files and names the changed file', () => {
		const catalogue = JSON.parse(files.get('indikatoren.json')!) as { id: string; label: { de: string } }[];
		catalogue[0].label.de = 'Einwohnerinnen und Einwohner';
		const out = edit({ kind: 'seed', summary: 'Bezeichnung geändert', set: { 'indikatoren.json': JSON.stringify(catalogue, null, '\t') } });
		if (!out.ok) throw new Error(JSON.stringify(out.problems));
		expect(out.baseVersion).toBe(7);
		expect(out.summary).toBe('Bezeichnung geändert');
		expect(out.diff.files).toEqual([{ name: 'indikatoren.json', kind: 'changed' }]);
		expect(out.diff.values).toEqual([]);
		expect(out.derived.indicators.find((m) => m.id === catalogue[0].id)!.label.de).toBe('Einwohnerinnen und Einwohner');
	});

	it('refuses an edit that changes nothing', () => {
		const out = edit({ kind: 'seed', summary: 'nichts', set: { 'indikatoren.json': files.get('indikatoren.json')! } });
		expect(out).toEqual({ ok: false, problems: [{ file: 'Katalog', key: 'data.changesNothing' }] });
	});

	it('returns the pipeline problems of an edit that breaks the data', () => {
		const out = edit({ kind: 'seed', summary: 'kaputt', set: { 'indikatoren.json': '[{"id": 3}]' } });
		expect(out.ok).toBe(false);
		if (!out.ok) expect(out.problems.length).toBeGreaterThan(0);
	});
});

describe('computePreview for a boundary file holding the city outline', () => {
	const outline = JSON.parse(files.get('salzgitter_outline.geojson')!) as { features: { geometry: unknown }[] };
	const upload = JSON.stringify({
		type: 'FeatureCollection',
		features: [{ type: 'Feature', properties: { GEN: 'Salzgitter' }, geometry: outline.features[0].geometry }]
	});
	const run = (asOutline: boolean) =>
		computePreview({
			kind: 'import-geojson',
			name: 'stadtgrenze.geojson',
			bytes: new TextEncoder().encode(upload),
			user: 'u',
			date: '2026-12-05',
			base,
			source: 'Geoinformation',
			asOutline
		} as PreviewInput);

	it('says in one line what the file is', () => {
		expect(run(false)).toEqual({ ok: false, problems: [{ file: 'stadtgrenze.geojson', feature: 0, value: 'Salzgitter', key: 'data.boundaryIsCity' }] });
	});

	it('imports it as the city boundary when asked: the outline file and its provenance replaced, the cells refitted', () => {
		const out = run(true);
		if (!out.ok) throw new Error(JSON.stringify(out.problems));
		expect(out.diff.files.map((f) => f.name)).toEqual(['salzgitter_outline.geojson', 'salzgitter_outline.geojson.meta.json']);
		expect(out.files.get('salzgitter_outline.geojson.meta.json')).toContain('ersetzt die VG250-Grenze');
		expect(out.summary).toContain('Stadtgrenze aus stadtgrenze.geojson');
	}, 120_000);
});
