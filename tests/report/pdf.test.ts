// The report downloads against the built server: a Kontor report as PDF (read back with poppler's
// pdftotext, pdfinfo and pdftoppm) and as Word (unzipped), the six Kontore's yearly reports as a
// ZIP, and bad definitions as problems in the request's language. The server gets its own store,
// seeded from a copy of derived/ whose Fredenberg activity text for 2023 carries markup, so the test
// can see that nothing in a Kontor's text is interpreted, and a disclosure minimum of 600 persons,
// so that some small Stadtteile's rates are suppressed (by the API and so by the report). PDF checks skip with a hint where
// poppler-utils are missing, except in CI (KONTORATLAS_REQUIRE_POPPLER=1).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { report as reportDe } from '../../src/lib/i18n/de/report';
import { hasPoppler, inkAtEdges, pageTexts, pdfInfo, POPPLER_HINT, popplerRequired, renderPages } from '../fixtures/poppler';
import { startServer } from '../global-setup';

const MARKUP = 'Sprechstunde <b>dienstags</b> & <script>alert("x")</script> <w:p>Absatz</w:p> ${x} {{y}}';
const REPORT = 'art=kontor&id=fredenberg&jahre=2022,2023&vergleich=thiede,salzgitter-bad';
const BEISPIEL = 'Beispieldaten (synthetisch, nicht die Zahlen der Stadt)';

type ApiTable = { rows: { area: string; value: number | null; rank: number | null; suppressed: boolean }[] };
const decimal = (x: number) => x.toLocaleString('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

let server: Awaited<ReturnType<typeof startServer>>;
let derivedDir: string;
let pdf: Uint8Array;
let pdfHeaders: Headers;

async function get(path: string): Promise<{ res: Response; bytes: Uint8Array }> {
	const res = await fetch(server.url + path);
	return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

beforeAll(async () => {
	derivedDir = mkdtempSync(join(tmpdir(), 'kontoratlas-report-'));
	cpSync('derived', derivedDir, { recursive: true });
	const file = join(derivedDir, 'taetigkeit.json');
	const activities = JSON.parse(readFileSync(file, 'utf8')) as { kontor: string; year: number; narrative: string }[];
	const entry = activities.find((a) => a.kontor === 'fredenberg' && a.year === 2023);
	if (!entry) throw new Error('derived/taetigkeit.json has no Fredenberg 2023 entry');
	entry.narrative = MARKUP;
	writeFileSync(file, JSON.stringify(activities));
	server = await startServer({ KONTORATLAS_DATA_DIR: derivedDir, KONTORATLAS_DISCLOSURE_MIN_BASE: '600' });
	const { res, bytes } = await get(`/bericht/bericht.pdf?${REPORT}`);
	expect(res.status, strFromU8(bytes.subarray(0, 500))).toBe(200);
	pdf = bytes;
	pdfHeaders = res.headers;
}, 120_000);

afterAll(() => {
	server?.child.kill();
	rmSync(derivedDir, { recursive: true, force: true });
});

describe('GET /bericht/bericht.pdf', () => {
	it('answers a PDF to download under the report’s name', () => {
		expect(pdfHeaders.get('content-type')).toBe('application/pdf');
		expect(pdfHeaders.get('content-disposition')).toBe('attachment; filename="Jahresbericht-2023-Stadtteilkontor-Fredenberg.pdf"');
		expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
	});

	it.runIf(popplerRequired)('poppler-utils are installed (CI)', () => {
		expect(hasPoppler, POPPLER_HINT).toBe(true);
	});

	describe.skipIf(!hasPoppler)('read back with poppler-utils', () => {
		let pages: string[];
		let text: string;
		beforeAll(() => {
			pages = pageTexts(pdf);
			text = pages.join('\n').replace(/\s+/g, ' ');
		});

		it('has a sensible number of pages and the report as metadata', () => {
			const info = pdfInfo(pdf);
			expect(info.Title).toBe('Jahresbericht 2023 – Stadtteilkontor Fredenberg');
			expect(info['Page size']).toBe('595.28 x 841.89 pts (A4)');
			expect(Number(info.Pages)).toBe(pages.length);
			expect(pages.length).toBeGreaterThanOrEqual(8);
			expect(pages.length).toBeLessThanOrEqual(40);
		});

		it('has the title, the subject and every chapter heading', () => {
			expect(pages[0]).toContain('Jahresbericht 2023');
			expect(pages[0]).toContain('Stadtteilkontor Fredenberg');
			for (const id of ['lage', 'bevoelkerung', 'indikatoren', 'vergleich', 'taetigkeit', 'datenstand'] as const) {
				expect(text).toContain(reportDe[`report.chapter.${id}`]);
			}
		});

		it('prints the figures the API gives for the subject’s Stadtteil, with the same rank', async () => {
			const res = await fetch(`${server.url}/api/indicators/sgb2-quote?level=stadtteil&year=2023`);
			const body = (await res.json()) as ApiTable;
			const row = body.rows.find((r) => r.area === 'lebenstedt')!;
			expect(row.suppressed).toBe(false);
			const value = decimal(row.value!);
			expect(text).toContain(`SGB-II-Quote (%) 2023 ${value} `);
			// Ranked among the areas with a value, as the API ranks them.
			const ranked = body.rows.filter((r) => r.value !== null).length;
			expect(ranked).toBeLessThan(body.rows.length);
			expect(text).toMatch(new RegExp(`SGB-II-Quote \\(%\\) 2023 ${value} [^A-Za-z]*? ${row.rank} von ${ranked}`));
		});

		it('suppresses what the API suppresses, and marks the page', async () => {
			const body = (await (await fetch(`${server.url}/api/indicators/sgb2-quote?level=stadtteil&year=2023`)).json()) as ApiTable;
			const row = body.rows.find((r) => r.suppressed)!;
			expect(row.value).toBeNull();
			const values = JSON.parse(readFileSync(join(derivedDir, 'values.json'), 'utf8')) as { area: string; indicator: string; year: number; value: number }[];
			const raw = values.find((v) => v.area === row.area && v.indicator === 'sgb2-quote' && v.year === 2023)!.value;
			const { res, bytes } = await get(`/bericht/bericht.pdf?art=stadtteil&id=${row.area}&indikatoren=sgb2-quote&jahre=2023&kapitel=indikatoren`);
			expect(res.status).toBe(200);
			const areaPages = pageTexts(bytes);
			const page = areaPages.find((p) => /SGB-II-Quote \(%\)\s+2023/.test(p))!;
			const flat = page.replace(/\s+/g, ' ');
			expect(flat).toContain('SGB-II-Quote (%) 2023 •');
			expect(flat).not.toContain(`SGB-II-Quote (%) 2023 ${decimal(raw)}`);
			expect(flat).toContain('Auf dieser Seite: Beispieldaten (synthetisch, nicht die Zahlen der Stadt) · Unterdrückte Werte (zu kleine Fallzahl)');
		});

		it('names Beispieldaten in the footer of every page with a block marked so', () => {
			const marked = pages.map((p, i) => ({ page: i + 1, lines: p.split('\n').map((l) => l.trim()) })).filter(({ lines }) => lines.includes(BEISPIEL));
			expect(marked.length).toBeGreaterThanOrEqual(3);
			for (const { page, lines } of marked) expect(lines, `page ${page}`).toContain(`Auf dieser Seite: ${BEISPIEL}`);
			// The title page explains the marks and carries no marked block.
			expect(pages[0]).toContain('Beispieldaten');
			expect(pages[0]).not.toContain('Auf dieser Seite');
		});

		it('puts the source and reference date under tables and figures', () => {
			const captions = text.match(/(?:Tabelle|Abbildung) \d+:/g) ?? [];
			const sources = text.match(/Quelle: [^]*?; Stand: /g) ?? [];
			expect(captions.length).toBeGreaterThanOrEqual(5);
			expect(sources.length).toBeGreaterThanOrEqual(captions.length);
		});

		it('prints the markup of a Kontor’s text literally', () => {
			expect(text).toContain(MARKUP);
		});

		it('cuts no figure: no page has ink within 24 pt of its edge, and the map page has a map', () => {
			const rasters = renderPages(pdf, 30);
			expect(rasters).toHaveLength(pages.length);
			rasters.forEach((r, i) => expect(inkAtEdges(r, 10), `page ${i + 1}`).toBe(0));
			const mapPage = pages.findIndex((p) => p.includes('Abbildung 1:'));
			expect(inkAtEdges(rasters[mapPage], rasters[mapPage].width)).toBeGreaterThan(2000);
		});
	});
});

describe('GET /bericht/bericht.docx', () => {
	let files: Record<string, Uint8Array>;
	let xml: string;
	beforeAll(async () => {
		const { res, bytes } = await get(`/bericht/bericht.docx?${REPORT}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="Jahresbericht-2023-Stadtteilkontor-Fredenberg.docx"');
		files = unzipSync(bytes);
		xml = strFromU8(files['word/document.xml']);
	});

	it('sets the chapters in Word’s heading styles and the tables as Word tables with their values', () => {
		expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>(?:<[^>]+>)*<w:t xml:space="preserve">Bevölkerung<\/w:t>/);
		// Sections within chapters (the time series, each Kontor of an area report) in Heading 2 or 3.
		expect(xml).toMatch(/<w:pStyle w:val="Heading[23]"\/>(?:<[^>]+>)*<w:t xml:space="preserve">[^<]+<\/w:t>/);
		expect(xml).toContain('<w:tblHeader/>');
		expect(xml).toContain('>SGB-II-Quote (%)</w:t>');
		expect(xml).toContain('>Stadtteilkontor Fredenberg</w:t>');
	});

	it('embeds the figures as SVG with PNG fallbacks', () => {
		const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
		expect(media.filter((f) => f.endsWith('.svg')).length).toBeGreaterThanOrEqual(3);
		expect(media.filter((f) => f.endsWith('.png')).length).toBe(media.filter((f) => f.endsWith('.svg')).length);
	});

	it('escapes the markup of a Kontor’s text', () => {
		const unescape = (s: string) =>
			s
				.replace(/&lt;/g, '<')
				.replace(/&gt;/g, '>')
				.replace(/&quot;/g, '"')
				.replace(/&apos;/g, "'")
				.replace(/&amp;/g, '&');
		const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]));
		expect(texts).toContain(MARKUP);
		expect(xml).not.toContain('<script>');
		expect(xml).not.toContain('<w:p>Absatz');
	});
});

describe('GET /bericht/jahresberichte.zip', () => {
	it('holds the six Kontore’s yearly reports as PDFs named after them', async () => {
		const { res, bytes } = await get('/bericht/jahresberichte.zip?jahr=2023');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/zip');
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="Jahresberichte-2023.zip"');
		const entries = unzipSync(bytes);
		const names = Object.keys(entries).sort();
		expect(names).toHaveLength(6);
		expect(names).toContain('Jahresbericht-2023-Stadtteilkontor-Fredenberg.pdf');
		for (const name of names) {
			expect(name).toMatch(/^Jahresbericht-2023-Stadtteilkontor-[A-Za-z-]+\.pdf$/);
			expect(Buffer.from(entries[name].subarray(0, 5)).toString('latin1')).toBe('%PDF-');
		}
	});

	it.each([
		['jahr=1850', 'jahr', /^jahr ist ein Jahr mit vier Ziffern, für das es Daten gibt \(\d{4}–\d{4}\), nicht "1850"$/],
		['jahr=20x4', 'jahr', /nicht "20x4"$/],
		['jahr=2023&format=odt', 'format', /^format ist "pdf" oder "docx", nicht "odt"$/]
	])('refuses %s with a problem naming %s', async (query, parameter, detail) => {
		const { res, bytes } = await get(`/bericht/jahresberichte.zip?${query}`);
		expect(res.status).toBe(400);
		const body = JSON.parse(strFromU8(bytes));
		expect(body.parameter).toBe(parameter);
		expect(body.detail).toMatch(detail);
	});
});

describe('bad report definitions', () => {
	const indicators200 = Array.from({ length: 200 }, (_, i) => `indikator-${i}`).join(',');
	it.each([
		['an unknown subject', 'art=kontor&id=atlantis', 'Ein Kontor „atlantis“ gibt es nicht.', 'There is no Kontor "atlantis".'],
		['an empty selection', 'art=auswahl&id=', 'Die Auswahl ist leer', 'The selection is empty'],
		[
			'200 indicators',
			`art=kontor&id=fredenberg&indikatoren=${indicators200}`,
			'Höchstens 30 Indikatoren je Bericht, nicht 200',
			'At most 30 indicators per report, not 200'
		],
		['no subject at all', '', 'Bitte wählen, worüber berichtet wird', '']
	])('%s gets a 400 problem in German, and in English with lang=en', async (_, query, de, en) => {
		for (const format of ['pdf', 'docx']) {
			const { res, bytes } = await get(`/bericht/bericht.${format}?${query}`);
			expect(res.status).toBe(400);
			expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
			const body = JSON.parse(strFromU8(bytes));
			expect(body.title).toBe('Ungültige Berichtsdefinition');
			expect(body.detail).toContain(de);
		}
		if (en) {
			const body = JSON.parse(strFromU8((await get(`/bericht/bericht.pdf?${query}&lang=en`)).bytes));
			expect(body.title).toBe('Invalid report definition');
			expect(body.detail).toContain(en);
		}
	});
});
