// The gate before a report is written: figures are plain drawings (a whitelist of SVG elements,
// references only inside the figure), tables fit a page, the text has a size a file can hold.
import { describe, expect, it } from 'vitest';
import { BAR_CHART, TALL_MAP, reportFixture } from '../../../../tests/fixtures/report';
import { localiseProblem, ProblemError, type ProblemMessage } from '../http';
import { checkReport, cleanText, MAX_REPORT_CHARS, svgFault } from './check';

const svg = (inner: string, attrs = '') => `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"${attrs}>${inner}</svg>`;

describe('svgFault', () => {
	it('lets the drawings a report makes through', () => {
		expect(svgFault(BAR_CHART)).toBeNull();
		expect(svgFault(TALL_MAP)).toBeNull();
		expect(svgFault(`<?xml version="1.0" encoding="UTF-8"?>\n${svg('<!-- a note --><text x="1" y="2">Größe &amp; Lage &#x2013; 5 &lt; 6</text>')}`)).toBeNull();
		expect(svgFault(svg('<rect style="fill: url(#g)" width="1" height="1"/>'))).toBeNull();
	});

	it.each([
		['script', svg('<script>alert(1)</script>'), '<script>'],
		['foreign HTML', svg('<foreignObject><div>x</div></foreignObject>'), '<foreignObject>'],
		['an image from elsewhere', svg('<image href="https://example.invalid/x.png"/>'), '<image>'],
		['a link', svg('<a href="https://example.invalid"><text>x</text></a>'), '<a>'],
		['an event handler', svg('<rect onclick="alert(1)" width="1" height="1"/>'), 'onclick="…"'],
		['an event handler on the root', svg('', ' onload="alert(1)"'), 'onload="…"'],
		['an outside use', svg('<use xlink:href="file:///etc/passwd#x"/>'), 'xlink:href="file:///etc/passwd#x"'],
		['an outside fill', svg('<rect fill="url(https://example.invalid/p.svg#g)"/>'), 'fill="url(https://example.invalid/p.svg#g)"'],
		['an outside style', svg(`<rect style="fill:url('http://x/y')"/>`), `style="fill:url('http://x/y')"`],
		['a style sheet', svg('<style>@import url(http://x/y.css);</style>'), '<style>'],
		['a doctype with an entity', `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>${svg('<text>&x;</text>')}`, '<!DOCTYPE'],
		['an unknown entity', svg('<text>&x;</text>'), '&…;'],
		['a second root', svg('') + svg(''), '<svg>'],
		['an unclosed root', '<svg xmlns="http://www.w3.org/2000/svg"><g>', '<svg>'],
		['no svg at all', '<html><body>x</body></html>', '<html>']
	])('refuses %s', (_, input, what) => {
		expect(svgFault(input)).toBe(what);
	});
});

function problemOf(fn: () => void): { status: number; de: string; en: string } {
	try {
		fn();
	} catch (e) {
		expect(e).toBeInstanceOf(ProblemError);
		const { status, details } = e as ProblemError;
		const message = details as ProblemMessage;
		return { status, de: localiseProblem(message, 'de').detail, en: localiseProblem(message, 'en').detail };
	}
	throw new Error('no problem thrown');
}

describe('checkReport', () => {
	it('passes the fixture', () => {
		expect(() => checkReport(reportFixture())).not.toThrow();
	});

	it('refuses a figure with script, naming the figure and what it holds, in both languages', () => {
		const doc = reportFixture();
		const figure = doc.chapters[2].blocks.find((b) => b.kind === 'figure')!;
		if (figure.kind === 'figure') figure.svg = svg('<script>alert(1)</script>');
		const p = problemOf(() => checkReport(doc));
		expect(p.status).toBe(400);
		expect(p.de).toContain('die Abbildung "SGB-II-Quote im Vergleich" enthält <script>');
		expect(p.en).toContain('the figure "SGB-II-Quote im Vergleich" contains <script>');
	});

	it('refuses a table wider than a page', () => {
		const doc = reportFixture();
		doc.chapters[0].blocks.push({
			kind: 'table',
			caption: 'Alle Indikatoren',
			columns: Array.from({ length: 13 }, (_, i) => ({ label: `I${i}`, align: 'right' as const })),
			rows: [],
			source: { text: 'x', asOf: 'y' },
			marks: []
		});
		expect(problemOf(() => checkReport(doc)).de).toBe('die Tabelle "Alle Indikatoren" hat 13 Spalten; mehr als 12 passen nicht auf eine Seite');
	});

	it('refuses a text of 1 MB', () => {
		const doc = reportFixture();
		doc.chapters[3].blocks.push({ kind: 'paragraph', text: 'x'.repeat(1024 * 1024) });
		const p = problemOf(() => checkReport(doc));
		expect(p.status).toBe(400);
		expect(p.de).toMatch(new RegExp(`^der Bericht hätte \\d+ Zeichen Text; mehr als ${MAX_REPORT_CHARS} lassen sich nicht`));
	});
});

describe('cleanText', () => {
	it('drops control characters but keeps tabs, line breaks and umlauts, and mends lone surrogates', () => {
		expect(cleanText('a\u0000b\u0007c\td\ne\r\nÄß\u001b')).toBe('abc\td\ne\r\nÄß');
		expect(cleanText('x\uD800y')).toBe('x\uFFFDy');
		expect(cleanText('<b>&amp;</b>')).toBe('<b>&amp;</b>');
	});
});
