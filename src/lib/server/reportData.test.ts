// Reports on the shipped data: the figures a report prints are the API's (indicatorTable of the
// same level and year), suppressed values print as their mark and carry it, every table and figure
// names its source, and the chapters that depend on data appear only with it.
import { describe, expect, it } from 'vitest';
import { formatNumber } from '$lib/i18n';
import { buildReport, dataYear, type ReportData } from '$lib/report/build';
import { kontorYearDefinition, parseDefinition } from '$lib/report/definition';
import type { ReportBlock, ReportDoc } from '$lib/report/model';
import { indicatorTable } from './api';
import { definitionContext, facilitiesOf, reportData } from './reportData';
import { indexStore, loadStore, readDerivedDir } from './store';

const store = loadStore('derived');
const ctx = definitionContext(store, new Date('2026-12-05'));
const data = await reportData(store, new Date('2026-12-05T10:00:00Z'));

const blocks = (doc: ReportDoc) => doc.chapters.flatMap((c) => c.blocks);
const tables = (doc: ReportDoc) => blocks(doc).filter((b): b is Extract<ReportBlock, { kind: 'table' }> => b.kind === 'table');
const figures = (doc: ReportDoc) => blocks(doc).filter((b): b is Extract<ReportBlock, { kind: 'figure' }> => b.kind === 'figure');
const define = (query: string) => {
	const parsed = parseDefinition(new URLSearchParams(query), ctx);
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
	return parsed.definition;
};

describe('a Stadtteil report', () => {
	const doc = buildReport(define('art=stadtteil&id=lebenstedt&jahre=2022,2023'), data);

	it('prints the value, the city and the rank of each indicator exactly as /api/indicators gives them', () => {
		const table = tables(doc).find((t) => t.caption.startsWith('Indikatoren'))!;
		expect(table.rows).toHaveLength(store.derived.indicators.length);
		for (const meta of store.derived.indicators) {
			const api = indicatorTable(store, meta, 'stadtteil', 2023);
			const row = api.rows.find((r) => r.area === 'lebenstedt')!;
			const printed = table.rows.find((r) => r[0].startsWith(meta.label.de))!;
			expect(printed[1]).toBe('2023');
			expect(printed[2]).toBe(row.suppressed ? '•' : row.value === null ? '–' : formatNumber('de', row.value, meta.decimals));
			expect(printed[3]).toBe(formatNumber('de', api.reference.value!, meta.decimals));
		}
	});

	it('names a source and a reference date under every table and figure, and marks Beispieldaten where they appear', () => {
		for (const b of [...tables(doc), ...figures(doc)]) {
			expect(b.source.text.length, b.caption).toBeGreaterThan(5);
			expect(b.source.asOf, b.caption).not.toBe('');
		}
		// Maps cite the city's outline: the dataset whose sidecar covers the profile's outline file.
		const outline = store.derived.datasets.find((d) => d.files.includes(store.profile.geometry.outline))!;
		expect(data.outlineDataset).toBe(outline.id);
		const maps = figures(doc).filter((f) => /^(Karte|Übersichtskarte)/.test(f.caption));
		expect(maps).toHaveLength(2);
		for (const m of maps) expect(m.source.text).toContain(outline.attribution);
		const sgb = figures(doc).find((f) => f.caption.startsWith('SGB'))!;
		expect(sgb.marks).toContain('beispieldaten');
		const einwohner = figures(doc).find((f) => f.caption.startsWith('Einwohner'))!;
		expect(einwohner.marks).not.toContain('beispieldaten');
		expect(doc.marks.map((m) => m.mark)).toContain('beispieldaten');
	});

	it('draws self-contained SVG figures with alt text', () => {
		for (const f of figures(doc)) {
			expect(f.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
			expect(f.svg).not.toMatch(/href=|url\(|<image|@import|font-face/);
			expect(f.alt.length).toBeGreaterThan(20);
		}
		expect(figures(doc).some((f) => f.caption.startsWith('Karte'))).toBe(true);
	});

	it('leaves out the comparison without comparison areas; the shipped register gives the facilities chapter', () => {
		const ids = doc.chapters.map((c) => c.id);
		expect(ids).not.toContain('vergleich');
		expect(ids).toContain('einrichtungen');
		expect(ids).toContain('datenstand');
	});
});

describe('suppression in reports', () => {
	// A store whose threshold suppresses many small-base rates: the report must print the mark, never the value.
	const strict = indexStore(readDerivedDir('derived'), 200);
	const strictData: ReportData = {
		...data,
		table: (m, l, y) => indicatorTable(strict, m, l, y),
		series: (i, a) => strict.series.get(i)?.get(a) ?? [],
		minBase: 200
	};
	const small = strict.derived.values.find((v) => v.suppressed && strict.areaById.get(v.area)?.properties.level === 'stadtteil')!;

	it('prints suppressed values as their mark and marks the block and the document', () => {
		expect(small).toBeDefined();
		const meta = strict.indicatorById.get(small.indicator)!;
		const doc = buildReport(define(`art=stadtteil&id=${small.area}&indikatoren=${small.indicator}&jahre=${small.year}`), strictData);
		const table = tables(doc).find((t) => t.caption.startsWith('Indikatoren'))!;
		expect(dataYear(meta, small.year)).toBe(small.year);
		expect(table.rows[0][2]).toBe('•');
		expect(table.marks).toContain('unterdrueckt');
		expect(doc.marks.find((m) => m.mark === 'unterdrueckt')!.text).toContain('200');
		const original = store.series
			.get(small.indicator)!
			.get(small.area)!
			.find((v) => v.year === small.year)!;
		if (original.value !== null) expect(JSON.stringify(doc)).not.toContain(`>${formatNumber('de', original.value, meta.decimals)}<`);
	});
});

describe('a Kontor report (the default yearly template)', () => {
	const doc = buildReport(kontorYearDefinition('fredenberg', 2024, ctx), data);

	it('has the catchment figures of /erreichbarkeit, marked as Näherung', () => {
		const lage = doc.chapters.find((c) => c.id === 'lage')!;
		const reach = lage.blocks.find((b) => b.kind === 'keyFigures' && b.items.some((i) => i.label.includes('Umkreis')));
		expect(reach && reach.kind === 'keyFigures' && reach.marks).toContain('naeherung');
		const row = data.catchment!.figures.reached.find((r) => r.kontor === 'fredenberg' && r.distance === 1000)!;
		expect(reach!.kind === 'keyFigures' && reach!.items.find((i) => i.label.includes('1.000'))!.value).toBe(formatNumber('de', Math.round(row.areal)));
	});

	it('carries the Kontor’s activity text and figures for the year, marked as Beispieldaten', () => {
		const chapter = doc.chapters.find((c) => c.id === 'taetigkeit')!;
		const entry = data.activities.find((a) => a.kontor === 'fredenberg' && a.year === 2024)!;
		expect(chapter.blocks.some((b) => b.kind === 'paragraph' && b.text.includes('Hausaufgabenhilfe'))).toBe(true);
		const key = chapter.blocks.find((b) => b.kind === 'keyFigures')!;
		expect(key.kind === 'keyFigures' && key.items.find((i) => i.label === 'Teilnehmende')!.value).toBe(formatNumber('de', entry.participants!));
		expect(key.kind === 'keyFigures' && key.marks).toContain('beispieldaten');
		expect(doc.title).toBe('Jahresbericht 2024');
		expect(doc.subtitle).toBe('Stadtteilkontor Fredenberg');
	});

	it('is in English with lang=en', () => {
		const en = buildReport(kontorYearDefinition('fredenberg', 2024, ctx, 'en'), data);
		expect(en.title).toBe('Annual report 2024');
		expect(en.chapters[0].title).toBe('Location and catchment');
	});
});

describe('the Einrichtungen chapter', () => {
	const item = (types: string[], area: string, partnerOf: string[] = []) => ({
		name: `E ${area} ${types[0]}`,
		types,
		area,
		partnerOf,
		beispieldaten: true
	});
	const facilities = {
		types: [
			{ id: 'kita', label: { de: 'Kita', en: 'Day care' } },
			{ id: 'schule', label: { de: 'Schule', en: 'School' } }
		],
		items: [item(['kita'], 'lebenstedt', ['fredenberg']), item(['kita', 'schule'], 'lebenstedt'), item(['kita'], 'thiede')],
		source: 'Test',
		asOf: '2026'
	};

	it('counts facilities per type for the subject and the city, a facility of two types under each', () => {
		const doc = buildReport(define('art=stadtteil&id=lebenstedt'), { ...data, facilities });
		const chapter = doc.chapters.find((c) => c.id === 'einrichtungen')!;
		const table = chapter.blocks[0];
		expect(table.kind === 'table' && table.rows).toEqual([
			['Kita', '2', '3'],
			['Schule', '1', '1']
		]);
		expect(table.kind === 'table' && table.marks).toEqual(['beispieldaten']);
	});

	it('lists a Kontor’s network partners', () => {
		const doc = buildReport(define('art=kontor&id=fredenberg&kapitel=einrichtungen'), { ...data, facilities });
		const partners = doc.chapters[0].blocks[1];
		expect(partners.kind === 'table' && partners.rows).toEqual([['E lebenstedt kita', 'Kita', 'Lebenstedt']]);
	});

	it('is left out without a register', () => {
		expect(buildReport(define('art=stadtteil&id=lebenstedt'), { ...data, facilities: null }).chapters.map((c) => c.id)).not.toContain('einrichtungen');
		const empty = { ...store, derived: { ...store.derived, facilities: { type: 'FeatureCollection' as const, features: [] }, facilityTypes: [] } };
		expect(facilitiesOf(empty)).toBeNull();
		expect(facilitiesOf(store)?.items.length).toBe(store.derived.facilities.features.length);
	});
});

describe('a selection of many areas', () => {
	it('keeps every table within a page’s 12 columns and shows every area', () => {
		const ids = store.areasByLevel.stadtteil.slice(0, 12).map((a) => a.properties.id);
		const doc = buildReport(define(`art=auswahl&id=${ids.join(',')}&kapitel=indikatoren`), data);
		for (const t of tables(doc)) expect(t.columns.length, t.caption).toBeLessThanOrEqual(12);
		const header = tables(doc).flatMap((t) => t.columns.map((c) => c.label));
		for (const id of ids) expect(header).toContain(store.areaById.get(id)!.properties.name);
	});
});
