// The PDF renderer on a hand-made report (tests/fixtures/report.ts): searchable text with umlauts,
// figures as vectors scaled into the page, tables running over pages with their header row, the
// marks in the footer of exactly the pages that carry marked blocks, metadata, and text printed
// literally. Text and page checks use poppler-utils (skipped with a hint where they are missing).
import { beforeAll, describe, expect, it } from 'vitest';
import { MARKUP_TEXT, reportFixture } from '../../../../tests/fixtures/report';
import { hasPoppler, inkAtEdges, pageTexts, pdfInfo, POPPLER_HINT, popplerRequired, renderPage } from '../../../../tests/fixtures/poppler';
import { figureSize, PRINTABLE, renderPdf, withoutHalos } from './pdf';

describe('figureSize', () => {
	it('keeps a small figure at its size (px as 0.75 pt) and scales a large one into the printable area with room for its caption', () => {
		expect(figureSize(600, 300)).toEqual({ width: 450, height: 225 });
		const wide = figureSize(2000, 500);
		expect(wide.width).toBeCloseTo(PRINTABLE.width, 6);
		expect(wide.height).toBeCloseTo((PRINTABLE.width * 500) / 2000, 6);
		const tall = figureSize(800, 1400);
		expect(tall.height).toBeCloseTo(PRINTABLE.height - 90, 6);
		expect(tall.width / tall.height).toBeCloseTo(800 / 1400, 6);
	});
});

describe('renderPdf', () => {
	it('writes a PDF', async () => {
		const pdf = await renderPdf(reportFixture());
		expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
	}, 30_000);

	it.runIf(popplerRequired)('poppler-utils are installed (CI)', () => {
		expect(hasPoppler, POPPLER_HINT).toBe(true);
	});

	describe.skipIf(!hasPoppler)('read back with poppler-utils', () => {
		let pdf: Uint8Array;
		let pages: string[];
		beforeAll(async () => {
			pdf = await renderPdf(reportFixture());
			pages = pageTexts(pdf);
		}, 30_000);
		const pageOf = (text: string) => pages.findIndex((p) => p.includes(text)) + 1;

		it('is A4 with title, subject and creation date as metadata', () => {
			const info = pdfInfo(pdf);
			expect(info['Page size']).toBe('595.28 x 841.89 pts (A4)');
			expect(info.Title).toBe('Jahresbericht 2024 – Stadtteilkontor Fredenberg');
			expect(info.Subject).toBe('Stadtteilkontor Fredenberg');
			expect(info.CreationDate).toMatch(/Dec {1,2}5 09:30:00 2026/);
			expect(Number(info.Pages)).toBe(pages.length);
			// Title page, the tall map alone, a table of 60 rows over three pages, the rest: 6 to 8 pages.
			expect(pages.length).toBeGreaterThanOrEqual(6);
			expect(pages.length).toBeLessThanOrEqual(8);
		});

		it('has the headings, the subject, the figures and the notes as searchable text, umlauts included', () => {
			const all = pages.join('\n');
			for (const heading of ['Lage und Einzugsgebiet', 'Bevölkerung', 'Gebiete im Einzugsgebiet', 'Tätigkeit des Kontors', 'Einordnung'])
				expect(all).toContain(heading);
			expect(pages[0]).toContain('Stadtteilkontor Fredenberg');
			expect(pages[0]).toContain('Beispieldaten: synthetische Werte, nicht die Zahlen der Stadt.');
			expect(all).toContain('12.345');
			expect(all).toContain('Gebiet Nr. 60 – Süd');
			expect(all).toContain('Quelle: Stadt Salzgitter; Beispieldaten (synthetisch); Stand: 31.12.2023');
			// Text inside the SVG chart stays text, not outlines.
			expect(pages[pageOf('Abbildung 2: SGB-II-Quote im Vergleich') - 1]).toContain('Lebenstedt');
		});

		it('names the marks in the footer of every page with marked content, and only there', () => {
			const tableFirst = pageOf('Tabelle 1: Einwohner und SGB-II-Quote je Gebiet');
			const tableLast = pageOf('Gebiet Nr. 60 – Süd');
			expect(tableLast - tableFirst).toBeGreaterThanOrEqual(1);
			const beispiel = 'Auf dieser Seite: Beispieldaten (synthetisch, nicht die Zahlen der Stadt)';
			const expected = new Map<number, string[]>();
			for (let p = tableFirst; p <= tableLast; p++) expected.set(p, ['Beispieldaten']);
			expected.set(pageOf('Abbildung 1: Einzugsgebiet des Kontors'), ['Näherung']);
			const chart = pageOf('Abbildung 2: SGB-II-Quote im Vergleich');
			expected.set(chart, ['Beispieldaten']);
			const short = pageOf('Tabelle 2: Kinderarmut in kleinen Gebieten');
			expected.set(short, [...(expected.get(short) ?? []), 'Beispieldaten', 'Unterdrückte Werte (zu kleine Fallzahl)']);
			// The short table stays whole on its page, with its source.
			expect(pages[short - 1]).toMatch(/Tabelle 2:[^]*Hägewiese[^]*Kranichtal[^]*27,9 %\s+Quelle: Stadt Salzgitter/);
			pages.forEach((text, i) => {
				const marks = expected.get(i + 1);
				const line = /Auf dieser Seite: .*/.exec(text)?.[0];
				if (!marks) expect(line, `page ${i + 1}`).toBeUndefined();
				else for (const m of marks) expect(line, `page ${i + 1}`).toContain(m);
			});
			expect(pages[chart - 1]).toContain(beispiel);
		});

		it('repeats the table header on each page the table runs over', () => {
			const first = pageOf('Tabelle 1:');
			const last = pageOf('Gebiet Nr. 60 – Süd');
			for (let p = first + 1; p <= last; p++) expect(pages[p - 1]).toMatch(/Gebiet\s+Einwohner\s+SGB-II-Quote/);
		});

		it('prints markup in a Kontor text literally', () => {
			expect(pages.join('\n').replace(/\s+/g, ' ')).toContain(MARKUP_TEXT);
		});

		it('keeps the tall map inside the page: no ink at the page edges', () => {
			const page = renderPage(pdf, pageOf('Abbildung 1:'), 30);
			expect(Math.abs(page.width - (595.28 / 72) * 30)).toBeLessThan(1);
			expect(inkAtEdges(page, 10)).toBe(0);
			// and the map is drawn: the middle of the page has ink
			expect(inkAtEdges(page, page.width)).toBeGreaterThan(1000);
		});
	});
});

describe('withoutHalos', () => {
	it('takes the halo off labels drawn with paint-order="stroke" (svg-to-pdfkit would paint it over the letters) and leaves other text alone', () => {
		const label = '<text x="1" y="2" font-size="11" fill="#222222" stroke="#ffffff" stroke-width="3" paint-order="stroke">Thiede</text>';
		const plain = '<text x="1" y="2" stroke="#000000">Achse</text>';
		expect(withoutHalos(`<svg>${label}${plain}</svg>`)).toBe(`<svg><text x="1" y="2" font-size="11" fill="#222222">Thiede</text>${plain}</svg>`);
	});
});

describe.skipIf(!hasPoppler)('renderPdf in English', () => {
	it('frames the report in the document’s language: page numbers, sources, marks', async () => {
		const pages = pageTexts(await renderPdf({ ...reportFixture(), locale: 'en' }));
		const all = pages.join('\n');
		expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
		expect(pages[0]).toContain('Notes on the data');
		expect(all).toContain('Table 1: Einwohner und SGB-II-Quote je Gebiet');
		expect(all).toContain('Source: Stadt Salzgitter; Beispieldaten (synthetisch); as of: 31.12.2023');
		expect(all).toContain('On this page: Beispieldaten (synthetic example data, not the city’s figures)');
		expect(all).not.toMatch(/Seite \d|Quelle:|Auf dieser Seite/);
	}, 30_000);
});
