// ReportDoc → PDF with pdfmake 0.3: A4, text set in Roboto (searchable, with umlauts), figures drawn
// as vectors from their SVG, tables that run over pages with their header row repeated, and a footer
// on every page that names the marks (Beispieldaten, Näherung, …) of the blocks that page carries.
// pdfmake lays out the whole document before it asks for the footers, and writes each laid-out
// block's page numbers onto the content object we gave it: so a page's footer knows its marks.
import { createRequire } from 'node:module';
import type { Content, ContentStack, ContentText, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatDate, intlLocale, translator } from '$lib/i18n';
import { reportOutput, type ReportOutputKey } from '$lib/i18n/reportOutput';
import type { ReportBlock, ReportDoc, ReportMark, ReportSource } from '$lib/report/model';
import { checkReport, cleanText } from './check';
import { robotoFiles } from './fonts';

type PdfMake = typeof import('pdfmake');
// pdfmake is CommonJS whose export is an instance, which ESM's named-export detection cannot see.
const pdfmake = createRequire(import.meta.url)('pdfmake') as PdfMake;

/** A4 in pt, and the margins: the bottom one holds the footer's marks line, text line and page number. */
const PAGE = { width: 595.28, height: 841.89 };
const MARGINS: [number, number, number, number] = [56, 64, 56, 84];
export const PRINTABLE = { width: PAGE.width - MARGINS[0] - MARGINS[2], height: PAGE.height - MARGINS[1] - MARGINS[3] };
/** Room a figure leaves on its page for its caption, source and marks lines. */
const FIGURE_FRAME = 90;
/** Tables of up to this many rows are kept on one page (about a third of one). */
const KEEP_TABLE_ROWS = 12;
/** SVG sizes are CSS px; 96 px to the inch is 0.75 pt to the px. */
const PT_PER_PX = 0.75;

const MARK_COLOUR = '#8a1c1c';
const GREY = '#555555';

let ready = false;

/**
 * Fonts by their paths on disk: pdfmake's own text could take them from its in-memory file system,
 * but the text inside SVG figures (svg-to-pdfkit) opens fonts by path. No other file and no URL may be read.
 */
function setUp(): void {
	if (ready) return;
	const files = robotoFiles();
	const allowed = new Set(Object.values(files));
	pdfmake.setFonts({ Roboto: { ...files } });
	pdfmake.setUrlAccessPolicy(() => false);
	pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
	ready = true;
}

/** A content object pdfmake fills with where it was laid out (the page numbers of its lines). */
type Positioned = Content & { positions?: { pageNumber: number }[] };

/**
 * A marked block and the node that tells its pages: a table's own positions (its rows are laid out in
 * place), but for a block kept on one page a canvas drawing nothing right after it, since pdfmake lays an
 * unbreakable block out on a scratch page and keeps the scratch page's numbers when it moves it on.
 */
interface Marked {
	probe: Positioned;
	marks: ReportMark[];
}

type T = ReturnType<typeof texts>;
const texts = (doc: ReportDoc) => translator(doc.locale, reportOutput);
const markLabel = (t: T, mark: ReportMark) => t(`output.mark.${mark}` as ReportOutputKey);

function sourceLines(t: T, source: ReportSource, marks: ReportMark[]): ContentText[] {
	const lines: ContentText[] = [{ text: cleanText(t('output.source', { source: source.text, asOf: source.asOf })), style: 'source' }];
	if (marks.length) lines.push({ text: marks.map((m) => markLabel(t, m)).join(' · '), style: 'mark' });
	return lines;
}

/**
 * svg-to-pdfkit knows no `paint-order`: a label's white halo (stroke drawn under the fill) would be
 * drawn over the letters and hide them. Such labels lose their halo; the letters keep their colour.
 */
export function withoutHalos(svg: string): string {
	return svg.replace(/<text\b[^>]*\bpaint-order\s*=\s*"stroke"[^>]*>/g, (tag) =>
		tag.replace(/\s(?:stroke|stroke-width|stroke-opacity|paint-order)\s*=\s*"[^"]*"/g, '')
	);
}

/** The widest a figure may be drawn and still leave its caption and source on the same page. */
export function figureSize(width: number, height: number): { width: number; height: number } {
	const w = width * PT_PER_PX;
	const h = height * PT_PER_PX;
	const scale = Math.min(1, PRINTABLE.width / w, (PRINTABLE.height - FIGURE_FRAME) / h);
	return { width: w * scale, height: h * scale };
}

function table(block: Extract<ReportBlock, { kind: 'table' }>): Content {
	const small = block.columns.length > 6;
	const header: TableCell[] = block.columns.map((c) => ({ text: cleanText(c.label), style: 'th', alignment: c.align }));
	const body: TableCell[][] = block.rows.map((row) => block.columns.map((c, i) => ({ text: cleanText(row[i] ?? ''), alignment: c.align })));
	return {
		table: { headerRows: 1, dontBreakRows: true, widths: block.columns.map((_, i) => (i === 0 ? '*' : 'auto')), body: [header, ...body] },
		layout: {
			hLineWidth: (i, node) => (i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.3),
			vLineWidth: () => 0,
			hLineColor: () => '#999999',
			fillColor: (row) => (row === 0 ? '#e8eef4' : null),
			paddingTop: () => 3,
			paddingBottom: () => 3
		},
		fontSize: small ? 7.5 : 9
	};
}

function keyFigures(block: Extract<ReportBlock, { kind: 'keyFigures' }>): Content {
	const perRow = Math.min(4, Math.max(1, block.items.length));
	const rows: TableCell[][] = [];
	for (let i = 0; i < block.items.length; i += perRow) {
		const cells: TableCell[] = block.items.slice(i, i + perRow).map((item) => ({
			stack: [
				{ text: cleanText(item.value), style: 'figureValue' },
				{ text: cleanText(item.label), style: 'figureLabel' }
			]
		}));
		while (cells.length < perRow) cells.push({ text: '' });
		rows.push(cells);
	}
	return { table: { widths: Array(perRow).fill('*'), body: rows, dontBreakRows: true }, layout: 'noBorders', margin: [0, 2, 0, 2] };
}

/** The pdfmake content of a ReportDoc; marked blocks are listed in `marked` for the footers. */
function content(doc: ReportDoc, t: T, marked: Marked[]): Content[] {
	let tables = 0;
	let figures = 0;
	const out: Content[] = [
		{ text: cleanText(doc.title), style: 'title' },
		{ text: cleanText(doc.subtitle), style: 'subtitle' },
		{ text: t('output.generated', { date: formatDate(doc.locale, doc.generatedAt.slice(0, 10)) }), style: 'meta' }
	];
	if (doc.marks.length) {
		out.push({
			stack: [{ text: t('output.notesTitle'), style: 'h3' }, ...doc.marks.map((m): Content => ({ text: cleanText(m.text), style: 'markNote' }))],
			margin: [0, 24, 0, 0]
		});
	}
	out.push({ toc: { title: { text: t('output.contents'), style: 'h2' } }, margin: [0, 24, 0, 0], pageBreak: 'after' });

	/** Caption, body and source kept on one page. */
	const markedBlock = (caption: string, body: Content, source: ReportSource, marks: ReportMark[]): Content => {
		const block: Content = { stack: [{ text: cleanText(caption), style: 'caption' }, body, ...sourceLines(t, source, marks)], unbreakable: true };
		const probe: Positioned = { canvas: [{ type: 'polyline', points: [] }] };
		if (marks.length) marked.push({ probe, marks });
		return { stack: [block, probe], margin: [0, 6, 0, 10] };
	};

	for (const chapter of doc.chapters) {
		out.push({ text: cleanText(chapter.title), style: 'h1', tocItem: true, headlineLevel: 1 } as ContentText);
		for (const block of chapter.blocks) {
			switch (block.kind) {
				case 'heading':
					out.push({ text: cleanText(block.text), style: `h${block.level}`, tocItem: block.level === 1, headlineLevel: block.level } as ContentText);
					break;
				case 'paragraph':
					out.push({ text: cleanText(block.text), style: 'body' });
					break;
				case 'notes':
					out.push({ ul: block.items.map(cleanText), style: 'notes' });
					break;
				case 'pageBreak':
					out.push({ text: '', pageBreak: 'after' });
					break;
				case 'keyFigures':
					out.push(markedBlock(t('output.keyFigures'), keyFigures(block), block.source, block.marks));
					break;
				case 'figure': {
					const size = figureSize(block.width, block.height);
					const caption = t('output.figure', { n: ++figures, caption: block.caption });
					out.push(markedBlock(caption, { svg: withoutHalos(block.svg), ...size }, block.source, block.marks));
					break;
				}
				case 'table': {
					const caption = t('output.table', { n: ++tables, caption: block.caption });
					// A short table stays on one page with its caption and source; a long one runs over
					// pages, its header row repeated on each.
					if (block.rows.length <= KEEP_TABLE_ROWS) {
						out.push(markedBlock(caption, table(block), block.source, block.marks));
						break;
					}
					const head = { text: cleanText(caption), style: 'caption', headlineLevel: 4 } as ContentText;
					const node: ContentStack = { stack: [head, table(block), ...sourceLines(t, block.source, block.marks)], margin: [0, 6, 0, 10] };
					if (block.marks.length) marked.push({ probe: node, marks: block.marks });
					out.push(node);
					break;
				}
			}
		}
	}
	return out;
}

/** The marks of the blocks laid out on `page`, in the document's order of marks. */
function marksOn(page: number, marked: Marked[], order: ReportMark[]): ReportMark[] {
	const found = new Set<ReportMark>();
	for (const { probe, marks } of marked) {
		if (probe.positions?.some((p) => p.pageNumber === page)) for (const m of marks) found.add(m);
	}
	return [...found].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

export function pdfDefinition(doc: ReportDoc): TDocumentDefinitions {
	const t = texts(doc);
	const marked: Marked[] = [];
	const order: ReportMark[] = ['beispieldaten', 'naeherung', 'unterdrueckt', 'intern'];
	const title = cleanText(doc.title);
	const subtitle = cleanText(doc.subtitle);
	return {
		pageSize: 'A4',
		pageMargins: MARGINS,
		language: intlLocale(doc.locale),
		info: {
			title: `${title} – ${subtitle}`,
			subject: subtitle,
			author: 'Kontoratlas',
			creator: 'Kontoratlas',
			producer: 'Kontoratlas (pdfmake)',
			creationDate: new Date(doc.generatedAt)
		},
		content: content(doc, t, marked),
		header: (page) => (page === 1 ? null : { text: `${title} · ${subtitle}`, style: 'running', margin: [MARGINS[0], 32, MARGINS[2], 0] }),
		footer: (page, pages) => {
			const marks = marksOn(page, marked, order);
			const lines: Content[] = [];
			if (marks.length) lines.push({ text: t('output.marksHere', { marks: marks.map((m) => markLabel(t, m)).join(' · ') }), style: 'mark' });
			lines.push({
				columns: [
					{ text: cleanText(doc.footer), style: 'running' },
					{ text: t('output.page', { page, pages }), style: 'running', alignment: 'right', width: 'auto' }
				]
			});
			return { stack: lines, margin: [MARGINS[0], 20, MARGINS[2], 0] };
		},
		// A heading or a table's caption never ends a page: it moves to the next with what follows it.
		pageBreakBefore: (node, queries) => node.headlineLevel !== undefined && queries.getFollowingNodesOnPage().length === 0,
		defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.25, color: '#1a1a1a' },
		styles: {
			title: { fontSize: 26, bold: true, margin: [0, 120, 0, 8] },
			subtitle: { fontSize: 16, margin: [0, 0, 0, 16] },
			meta: { fontSize: 9, color: GREY },
			h1: { fontSize: 18, bold: true, margin: [0, 16, 0, 8] },
			h2: { fontSize: 14, bold: true, margin: [0, 12, 0, 6] },
			h3: { fontSize: 11.5, bold: true, margin: [0, 10, 0, 4] },
			body: { margin: [0, 0, 0, 8] },
			notes: { fontSize: 9.5, margin: [0, 0, 0, 8] },
			caption: { fontSize: 10, bold: true, margin: [0, 0, 0, 4] },
			th: { bold: true },
			figureValue: { fontSize: 16, bold: true },
			figureLabel: { fontSize: 8.5, color: GREY },
			source: { fontSize: 8, color: GREY, margin: [0, 3, 0, 0] },
			mark: { fontSize: 8, italics: true, color: MARK_COLOUR },
			markNote: { fontSize: 9.5, margin: [0, 0, 0, 4] },
			running: { fontSize: 8, color: GREY }
		}
	};
}

/** The PDF of a report (checked first: see check.ts). */
export async function renderPdf(doc: ReportDoc): Promise<Uint8Array> {
	checkReport(doc);
	setUp();
	const buffer = await pdfmake.createPdf(pdfDefinition(doc)).getBuffer();
	return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
