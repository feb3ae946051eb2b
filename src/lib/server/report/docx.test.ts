// The Word renderer on a hand-made report (tests/fixtures/report.ts), read back as the zip it is:
// Word's heading styles, real tables with a repeating header row, figures as SVG plus PNG fallback
// with alt text and scaled to the page, marks under the blocks and in the footer, page numbers as
// fields, metadata, and text only ever as escaped text.
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { MARKUP_TEXT, reportFixture } from '../../../../tests/fixtures/report';
import { docxFigureSize, renderDocx } from './docx';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('renderDocx', () => {
	let files: Record<string, Uint8Array>;
	let xml: string;
	beforeAll(async () => {
		files = unzipSync(await renderDocx(reportFixture()));
		xml = strFromU8(files['word/document.xml']);
	}, 30_000);

	it('sets headings in Word’s heading styles and the title in Title', () => {
		expect(xml).toContain('<w:pStyle w:val="Title"/>');
		for (const level of [1, 2, 3]) expect(xml).toContain(`<w:pStyle w:val="Heading${level}"/>`);
		const styles = strFromU8(files['word/styles.xml']);
		for (const id of ['Heading1', 'Heading2', 'Heading3', 'Caption', 'ReportSource', 'ReportMark']) expect(styles).toContain(`w:styleId="${id}"`);
		expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>(?:<[^>]+>)*<w:t xml:space="preserve">Bevölkerung<\/w:t>/);
	});

	it('writes tables as Word tables with a header row repeated on each page and every value', () => {
		expect(xml.match(/<w:tbl>/g)).toHaveLength(3);
		expect(xml).toContain('<w:tblHeader/>');
		// The short table keeps its rows together (each paragraph with the next); the long one may break.
		const tables = xml
			.split('<w:tbl>')
			.slice(1)
			.map((t) => t.slice(0, t.indexOf('</w:tbl>')));
		const short = tables.find((t) => t.includes('>Kranichtal</w:t>'))!;
		const long = tables.find((t) => t.includes('>Gebiet Nr. 60 – Süd</w:t>'))!;
		expect(short.match(/<w:p>/g)?.length).toBe(short.match(/<w:keepNext\/>/g)?.length);
		expect(long).not.toContain('<w:keepNext/>');
		for (const value of ['Einwohner', 'SGB-II-Quote', 'Gebiet Nr. 60 – Süd', '1.037', '12,1 %', '12.345', '4,2 km²']) expect(xml).toContain(`>${value}</w:t>`);
		expect(xml).toContain('>Tabelle 1: Einwohner und SGB-II-Quote je Gebiet</w:t>');
		expect(xml).toContain('>Quelle: Stadt Salzgitter; Beispieldaten (synthetisch); Stand: 31.12.2023</w:t>');
	});

	it('embeds each figure as SVG with a PNG fallback, alt text and a size that fits the page', () => {
		const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
		expect(media.filter((f) => f.endsWith('.svg'))).toHaveLength(2);
		const pngs = media.filter((f) => f.endsWith('.png'));
		expect(pngs).toHaveLength(2);
		for (const png of pngs) expect([...files[png].subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
		expect(xml).toContain('descr="Balkendiagramm: Fredenberg 24,6 %, Lebenstedt 18,1 %, Bad 12,0 %, Thiede 6,3 %"');
		expect(xml).toContain('>Abbildung 1: Einzugsgebiet des Kontors</w:t>');
		// Extents in EMU (9525 per px): the tall map is scaled into A4's text area, the chart kept.
		const extents = [...xml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => [Number(m[1]) / 9525, Number(m[2]) / 9525]);
		expect(extents).toHaveLength(2);
		const [map, chart] = extents;
		expect(chart).toEqual([600, 300]);
		expect(map[0]).toBeLessThan(800);
		expect(map[1]).toBeLessThanOrEqual(1047 - 130);
		expect(docxFigureSize(800, 1400)).toEqual({ width: Math.round(map[0]), height: Math.round(map[1]) });
	});

	it('marks the marked blocks and names the report’s marks with the page number in every footer', () => {
		expect(xml).toContain('>Näherung (keine amtlichen Grenzen)</w:t>');
		const footers = Object.keys(files).filter((f) => /^word\/footer\d+\.xml$/.test(f));
		expect(footers.length).toBeGreaterThanOrEqual(2);
		for (const f of footers) {
			const footer = strFromU8(files[f]);
			expect(footer).toContain('Dieser Bericht enthält: Beispieldaten (synthetisch, nicht die Zahlen der Stadt) · Näherung (keine amtlichen Grenzen)');
			expect(footer).toContain('Kontoratlas · Datenstand: Version 12, 05.12.2026');
			expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
			expect(footer).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
		}
	});

	it('carries title, subject and author as document properties', () => {
		const core = strFromU8(files['docProps/core.xml']);
		expect(core).toContain('<dc:title>Jahresbericht 2024 – Stadtteilkontor Fredenberg</dc:title>');
		expect(core).toContain('<dc:subject>Stadtteilkontor Fredenberg</dc:subject>');
		expect(core).toContain('<dc:creator>Kontoratlas</dc:creator>');
	});

	it('writes markup in a text as escaped text only', () => {
		expect(xml).toContain(`>${escapeXml(MARKUP_TEXT)}</w:t>`);
		expect(xml).not.toContain('<script>');
		expect(xml).not.toContain('<b>');
	});

	it('drops control characters that XML cannot carry', async () => {
		const doc = reportFixture();
		doc.chapters[0].blocks.unshift({ kind: 'paragraph', text: 'Zeile\u0001eins\nZeile zwei' });
		const out = strFromU8(unzipSync(await renderDocx(doc))['word/document.xml']);
		expect(out).toContain('>Zeileeins</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">Zeile zwei</w:t>');
	}, 30_000);
});
