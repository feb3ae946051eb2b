// What a ReportDoc must satisfy before it is written to PDF or Word: figures are SVG made of shapes,
// text and gradients only (no script, no foreign content, no reference outside the figure), tables
// fit a page's width, and the text is of a size a file can hold. The builder makes figures itself;
// this whitelist is the last gate before bytes are embedded, so a figure that slips anything else
// in is refused with a problem instead of being written. Text is never interpreted by either
// renderer (no HTML, no markup), so it needs no check here, only cleaning (cleanText).
import { ProblemError } from '../http';
import type { ReportBlock, ReportDoc } from '$lib/report/model';

/** Characters of text (all blocks together) a report may hold: about 100 printed pages. */
export const MAX_REPORT_CHARS = 300_000;
/** Columns of a table that still fit an A4 page in portrait. */
export const MAX_TABLE_COLUMNS = 12;

const ELEMENTS = new Set([
	'svg',
	'g',
	'path',
	'rect',
	'circle',
	'ellipse',
	'line',
	'polyline',
	'polygon',
	'text',
	'tspan',
	'title',
	'desc',
	'defs',
	'clipPath',
	'linearGradient',
	'radialGradient',
	'stop',
	'symbol',
	'use',
	'marker',
	'pattern'
]);

/** A reference inside the figure: `#id` or `url(#id)`; anything else would load from elsewhere. */
const LOCAL_HREF = /^#[\w.:-]+$/;
const TAG = /^<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_:][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/;
const ATTRIBUTE = /([A-Za-z_:][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d{1,7}|#x[\da-fA-F]{1,6});)/;

const shorten = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/** Why an attribute may not be embedded, or null. */
function attributeFault(name: string, value: string): string | null {
	const lower = name.toLowerCase();
	if (lower.startsWith('on')) return `${name}="…"`;
	if (lower === 'xml:base') return name;
	if ((lower === 'href' || lower === 'xlink:href') && !LOCAL_HREF.test(value.trim())) return `${name}="${shorten(value)}"`;
	if (lower === 'xmlns' || lower.startsWith('xmlns:')) return null;
	for (const m of value.matchAll(/url\s*\(([^)]*)\)/gi)) {
		if (!LOCAL_HREF.test(m[1].trim().replace(/^["']|["']$/g, ''))) return `${name}="${shorten(value)}"`;
	}
	if (/javascript:|expression\s*\(|@import/i.test(value)) return `${name}="${shorten(value)}"`;
	return null;
}

/** What in `svg` may not be embedded (a short technical quote), or null when it is clean. */
export function svgFault(svg: string): string | null {
	let i = 0;
	let depth = 0;
	let root = false;
	const text = svg.replace(/^\uFEFF?\s*<\?xml[^?]*\?>/, '');
	while (i < text.length) {
		const lt = text.indexOf('<', i);
		const chunk = text.slice(i, lt < 0 ? text.length : lt);
		if (ENTITY.test(chunk)) return '&…;';
		if (lt < 0) break;
		if (text.startsWith('<!--', lt)) {
			const end = text.indexOf('-->', lt + 4);
			if (end < 0) return '<!--';
			i = end + 3;
			continue;
		}
		const tag = TAG.exec(text.slice(lt, lt + 100_000));
		if (!tag) return shorten(text.slice(lt, lt + 12).split(/\s/)[0]);
		const [whole, closing, name, attributes, selfClosing] = tag;
		if (!ELEMENTS.has(name)) return `<${name}>`;
		if (depth === 0 && (root || name !== 'svg' || closing)) return `<${closing}${name}>`;
		for (const a of attributes.matchAll(ATTRIBUTE)) {
			const value = a[2] ?? a[3];
			if (ENTITY.test(value)) return '&…;';
			const fault = attributeFault(a[1], value);
			if (fault) return fault;
		}
		if (closing) depth--;
		else if (!selfClosing) depth++;
		root = true;
		i = lt + whole.length;
	}
	return root && depth === 0 ? null : '<svg>';
}

const blockText = (b: ReportBlock): number => {
	switch (b.kind) {
		case 'heading':
		case 'paragraph':
			return b.text.length;
		case 'keyFigures':
			return b.items.reduce((n, x) => n + x.label.length + x.value.length, 0);
		case 'table':
			return b.caption.length + b.rows.reduce((n, r) => n + r.reduce((m, c) => m + c.length, 0), 0);
		case 'figure':
			return b.caption.length + b.alt.length;
		case 'notes':
			return b.items.reduce((n, x) => n + x.length, 0);
		case 'pageBreak':
			return 0;
	}
};

/** Throws a ProblemError (400) naming the first thing in `doc` that cannot be written to a file. */
export function checkReport(doc: ReportDoc): void {
	let chars = doc.title.length + doc.subtitle.length + doc.footer.length;
	for (const chapter of doc.chapters) {
		chars += chapter.title.length;
		for (const block of chapter.blocks) {
			chars += blockText(block);
			if (block.kind === 'figure') {
				const what = svgFault(block.svg);
				if (what)
					throw new ProblemError(400, { title: 'problem.reportFigure', detail: 'problem.reportFigure.detail', params: { caption: block.caption, what } });
			}
			if (block.kind === 'table' && block.columns.length > MAX_TABLE_COLUMNS) {
				const params = { caption: block.caption, columns: block.columns.length, max: MAX_TABLE_COLUMNS };
				throw new ProblemError(400, { title: 'problem.reportTable', detail: 'problem.reportTable.detail', params });
			}
		}
	}
	if (chars > MAX_REPORT_CHARS) {
		throw new ProblemError(400, { title: 'problem.reportSize', detail: 'problem.reportSize.detail', params: { size: chars, max: MAX_REPORT_CHARS } });
	}
}

/**
 * Text as both renderers may write it: no control characters but tab and line breaks (XML 1.0 and
 * PDF strings cannot carry them) and no lone surrogates (Word refuses such a file).
 */
export function cleanText(s: string): string {
	// eslint-disable-next-line no-control-regex
	return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, '').toWellFormed();
}
