// ReportDoc → Word (.docx) with docx 9, for planners to edit further: headings in Word's heading
// styles and captions, sources and marks in named paragraph styles (a city's template restyles them
// all), real tables with a header row repeated on every page, figures as SVG with a PNG fallback
// (rasterised with resvg in Roboto, for Word before 2016 and other programs) and alt text. Word lays
// out pages itself, so the marks cannot be counted per page here: each marked block carries its
// marks beneath it, and every page's footer names the marks the report contains.
import { Resvg } from '@resvg/resvg-js';
import {
	AlignmentType,
	BorderStyle,
	Document,
	Footer,
	Header,
	HeadingLevel,
	ImageRun,
	Packer,
	PageBreak,
	PageNumber,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableRow,
	TabStopType,
	TextRun,
	WidthType,
	type IParagraphStyleOptions
} from 'docx';
import { formatDate, intlLocale, translator } from '$lib/i18n';
import { reportOutput, type ReportOutputKey } from '$lib/i18n/reportOutput';
import type { ReportBlock, ReportDoc, ReportMark, ReportSource } from '$lib/report/model';
import { checkReport, cleanText } from './check';
import { robotoFiles } from './fonts';

/** A4 with 2 cm margins, in twips (1/1440 in); Word's own units. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** The printable area in px (96 per inch), as figures are sized; a figure leaves room for its caption and source. */
const PRINTABLE_PX = { width: Math.floor((TEXT_WIDTH / 1440) * 96), height: Math.floor(((PAGE.height - 2 * PAGE.margin) / 1440) * 96) - 130 };
/**
 * The PNG fallback is drawn at the figure's placed size (96 dpi): only programs that cannot show SVG
 * (Word before 2016) use it, and at twice the size it cost a Kontor report a second of its 2 s.
 */
const FALLBACK_SCALE = 1;
/** Tables of up to this many rows are kept on one page, as in the PDF. */
const KEEP_TABLE_ROWS = 12;

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;
const MARK_COLOUR = '8A1C1C';
const GREY = '555555';

type T = ReturnType<typeof texts>;
const texts = (doc: ReportDoc) => translator(doc.locale, reportOutput);
const markLabel = (t: T, mark: ReportMark) => t(`output.mark.${mark}` as ReportOutputKey);

/** Runs of a text, its line breaks kept as Word line breaks. Text only: nothing in it is interpreted. */
function runs(text: string, options: { bold?: boolean; size?: number } = {}): TextRun[] {
	return cleanText(text)
		.split(/\r?\n/)
		.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...options }));
}

/** The styles a template can redefine: Word's built-in caption and our source, mark and figure styles. */
const PARAGRAPH_STYLES: IParagraphStyleOptions[] = [
	{ id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', run: { size: 32, color: GREY }, paragraph: { spacing: { after: 240 } } },
	{
		id: 'Caption',
		name: 'caption',
		basedOn: 'Normal',
		next: 'Normal',
		quickFormat: true,
		run: { bold: true, size: 20 },
		paragraph: { keepNext: true, spacing: { before: 120, after: 80 } }
	},
	{
		id: 'ReportSource',
		name: 'Report Source',
		basedOn: 'Normal',
		next: 'Normal',
		run: { size: 16, color: GREY },
		paragraph: { spacing: { before: 60, after: 0 } }
	},
	{
		id: 'ReportMark',
		name: 'Report Mark',
		basedOn: 'Normal',
		next: 'Normal',
		run: { size: 16, italics: true, color: MARK_COLOUR },
		paragraph: { spacing: { after: 200 } }
	},
	{ id: 'ReportFigure', name: 'Report Figure', basedOn: 'Normal', next: 'Normal', paragraph: { keepNext: true, spacing: { after: 0 } } },
	{ id: 'KeyValue', name: 'Key Figure Value', basedOn: 'Normal', run: { bold: true, size: 32 }, paragraph: { spacing: { after: 0 } } },
	{ id: 'KeyLabel', name: 'Key Figure Label', basedOn: 'Normal', run: { size: 17, color: GREY } }
];

function sourceParagraphs(t: T, source: ReportSource, marks: ReportMark[]): Paragraph[] {
	const out = [
		new Paragraph({ style: 'ReportSource', keepNext: marks.length > 0, children: runs(t('output.source', { source: source.text, asOf: source.asOf })) })
	];
	if (marks.length) out.push(new Paragraph({ style: 'ReportMark', children: runs(marks.map((m) => markLabel(t, m)).join(' · ')) }));
	return out;
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function table(block: Extract<ReportBlock, { kind: 'table' }>): Table {
	const n = block.columns.length;
	// The first column (names) takes 40 %, or all of a one-column table; the figures share the rest.
	const first = n === 1 ? TEXT_WIDTH : Math.round(TEXT_WIDTH * 0.4);
	const widths = block.columns.map((_, i) => (i === 0 ? first : Math.floor((TEXT_WIDTH - first) / (n - 1))));
	const size = n > 6 ? 15 : 18;
	// Word keeps a short table on one page with its source when each row keeps with the next.
	const keepNext = block.rows.length <= KEEP_TABLE_ROWS;
	const cell = (text: string, i: number, header: boolean) =>
		new TableCell({
			width: { size: widths[i], type: WidthType.DXA },
			shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EEF4' } : undefined,
			margins: { top: 40, bottom: 40, left: 80, right: 80 },
			children: [
				new Paragraph({
					alignment: block.columns[i].align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
					keepNext,
					children: runs(text, { bold: header, size })
				})
			]
		});
	return new Table({
		width: { size: TEXT_WIDTH, type: WidthType.DXA },
		columnWidths: widths,
		borders: { top: BORDER, bottom: BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: BORDER, insideVertical: NO_BORDER },
		rows: [
			new TableRow({ tableHeader: true, cantSplit: true, children: block.columns.map((c, i) => cell(c.label, i, true)) }),
			...block.rows.map((row) => new TableRow({ cantSplit: true, children: block.columns.map((_, i) => cell(row[i] ?? '', i, false)) }))
		]
	});
}

function keyFigures(block: Extract<ReportBlock, { kind: 'keyFigures' }>): Table {
	const perRow = Math.min(4, Math.max(1, block.items.length));
	const width = Math.floor(TEXT_WIDTH / perRow);
	const rows: TableRow[] = [];
	for (let i = 0; i < block.items.length; i += perRow) {
		const items = block.items.slice(i, i + perRow);
		const cells = items.map(
			(item) =>
				new TableCell({
					width: { size: width, type: WidthType.DXA },
					children: [new Paragraph({ style: 'KeyValue', children: runs(item.value) }), new Paragraph({ style: 'KeyLabel', children: runs(item.label) })]
				})
		);
		while (cells.length < perRow) cells.push(new TableCell({ width: { size: width, type: WidthType.DXA }, children: [new Paragraph('')] }));
		rows.push(new TableRow({ cantSplit: true, children: cells }));
	}
	const none = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
	return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: Array(perRow).fill(width), borders: none, rows });
}

/** The size (px) a figure is placed at: its own, scaled down to fit the page. */
export function docxFigureSize(width: number, height: number): { width: number; height: number } {
	const scale = Math.min(1, PRINTABLE_PX.width / width, PRINTABLE_PX.height / height);
	return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

function fallbackPng(svg: string, width: number): Uint8Array {
	const fonts = robotoFiles();
	// The figures use regular, bold and italic text; every file given is parsed again for each figure.
	const resvg = new Resvg(svg, {
		fitTo: { mode: 'width', value: width * FALLBACK_SCALE },
		background: '#ffffff',
		font: {
			fontFiles: [fonts.normal, fonts.bold, fonts.italics],
			loadSystemFonts: false,
			defaultFontFamily: 'Roboto',
			sansSerifFamily: 'Roboto',
			serifFamily: 'Roboto'
		}
	});
	return resvg.render().asPng();
}

function figure(block: Extract<ReportBlock, { kind: 'figure' }>): Paragraph {
	const size = docxFigureSize(block.width, block.height);
	const image = new ImageRun({
		type: 'svg',
		data: Buffer.from(block.svg, 'utf8'),
		fallback: { type: 'png', data: fallbackPng(block.svg, size.width) },
		transformation: size,
		altText: { name: cleanText(block.caption), title: cleanText(block.caption), description: cleanText(block.alt) }
	});
	return new Paragraph({ style: 'ReportFigure', children: [image] });
}

function body(doc: ReportDoc, t: T): (Paragraph | Table)[] {
	let tables = 0;
	let figures = 0;
	const out: (Paragraph | Table)[] = [];
	doc.chapters.forEach((chapter, c) => {
		out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: c === 0, children: runs(chapter.title) }));
		for (const block of chapter.blocks) {
			switch (block.kind) {
				case 'heading':
					out.push(new Paragraph({ heading: HEADINGS[block.level - 1], children: runs(block.text) }));
					break;
				case 'paragraph':
					out.push(new Paragraph({ spacing: { after: 160 }, children: runs(block.text) }));
					break;
				case 'notes':
					for (const item of block.items) out.push(new Paragraph({ bullet: { level: 0 }, children: runs(item) }));
					break;
				case 'pageBreak':
					out.push(new Paragraph({ children: [new PageBreak()] }));
					break;
				case 'keyFigures':
					out.push(
						new Paragraph({ style: 'Caption', children: runs(t('output.keyFigures')) }),
						keyFigures(block),
						...sourceParagraphs(t, block.source, block.marks)
					);
					break;
				case 'table':
					out.push(
						new Paragraph({ style: 'Caption', children: runs(t('output.table', { n: ++tables, caption: block.caption })) }),
						table(block),
						...sourceParagraphs(t, block.source, block.marks)
					);
					break;
				case 'figure':
					out.push(
						new Paragraph({ style: 'Caption', children: runs(t('output.figure', { n: ++figures, caption: block.caption })) }),
						figure(block),
						...sourceParagraphs(t, block.source, block.marks)
					);
					break;
			}
		}
	});
	return out;
}

/** The marks of the report's blocks, in the order they are explained on the title page. */
function marksInBody(doc: ReportDoc): ReportMark[] {
	const found = new Set<ReportMark>();
	for (const chapter of doc.chapters) for (const b of chapter.blocks) if ('marks' in b) for (const m of b.marks) found.add(m);
	const order: ReportMark[] = ['beispieldaten', 'naeherung', 'unterdrueckt', 'intern'];
	return order.filter((m) => found.has(m));
}

export function docxDocument(doc: ReportDoc): Document {
	const t = texts(doc);
	const language = { value: intlLocale(doc.locale) };
	const marks = marksInBody(doc);
	const titlePage: Paragraph[] = [
		new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 2400 }, children: runs(doc.title) }),
		new Paragraph({ style: 'Subtitle', children: runs(doc.subtitle) }),
		new Paragraph({ style: 'ReportSource', children: runs(t('output.generated', { date: formatDate(doc.locale, doc.generatedAt.slice(0, 10)) })) })
	];
	if (doc.marks.length) {
		titlePage.push(new Paragraph({ spacing: { before: 480, after: 120 }, children: runs(t('output.notesTitle'), { bold: true }) }));
		for (const m of doc.marks) titlePage.push(new Paragraph({ spacing: { after: 80 }, children: runs(m.text) }));
	}
	const footer = () => {
		const lines: Paragraph[] = [];
		if (marks.length) {
			const text = t('output.marksInDocument', { marks: marks.map((m) => markLabel(t, m)).join(' · ') });
			lines.push(new Paragraph({ style: 'ReportMark', spacing: { after: 40 }, children: runs(text) }));
		}
		lines.push(
			new Paragraph({
				style: 'ReportSource',
				tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
				children: [
					...runs(doc.footer),
					new TextRun({ children: ['\t', `${t('output.pageWord')} `, PageNumber.CURRENT, ` ${t('output.pageOf')} `, PageNumber.TOTAL_PAGES] })
				]
			})
		);
		return new Footer({ children: lines });
	};
	return new Document({
		title: cleanText(`${doc.title} – ${doc.subtitle}`),
		subject: cleanText(doc.subtitle),
		creator: 'Kontoratlas',
		lastModifiedBy: 'Kontoratlas',
		description: cleanText(doc.footer),
		styles: {
			default: { document: { run: { font: 'Arial', size: 20, language } } },
			paragraphStyles: PARAGRAPH_STYLES
		},
		sections: [
			{
				properties: {
					titlePage: true,
					page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } }
				},
				headers: {
					first: new Header({ children: [] }),
					default: new Header({ children: [new Paragraph({ style: 'ReportSource', children: runs(`${doc.title} · ${doc.subtitle}`) })] })
				},
				footers: { first: footer(), default: footer() },
				children: [...titlePage, ...body(doc, t)]
			}
		]
	});
}

/** The .docx of a report (checked first: see check.ts). */
export async function renderDocx(doc: ReportDoc): Promise<Uint8Array> {
	checkReport(doc);
	const buffer = await Packer.toBuffer(docxDocument(doc));
	return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
